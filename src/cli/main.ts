import { Command } from 'commander';
import { authCommands } from './auth.ts';
import { dbCommands } from './db.ts';
import { verksamhetCommands } from './verksamhet.ts';

const program = new Command('ombud')
  .description('Ombud – plattformen för personligt ombud')
  .showHelpAfterError();
dbCommands(program);
verksamhetCommands(program);
authCommands(program);

await program.parseAsync(process.argv);
