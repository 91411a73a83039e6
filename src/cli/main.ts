import { Command } from 'commander';
import { auditCommands } from './audit.ts';
import { authCommands } from './auth.ts';
import { backupCommands } from './backup.ts';
import { bristerCommands } from './brister.ts';
import { casesCommands } from './cases.ts';
import { dbCommands } from './db.ts';
import { grantCommands } from './grant.ts';
import { redovisningCommands } from './redovisning.ts';
import { reportCommands } from './report.ts';
import { seedCommands } from './seed.ts';
import { verksamhetCommands } from './verksamhet.ts';

const program = new Command('ombud')
  .description('Ombud – plattformen för personligt ombud')
  .showHelpAfterError();
dbCommands(program);
seedCommands(program);
verksamhetCommands(program);
authCommands(program);
auditCommands(program);
backupCommands(program);
casesCommands(program);
bristerCommands(program);
redovisningCommands(program);
reportCommands(program);
grantCommands(program);

await program.parseAsync(process.argv);
