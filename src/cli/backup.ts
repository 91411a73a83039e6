import type { Command } from 'commander';
import { loadConfig } from '../server/config.ts';
import { backupDatabase, restoreDatabase } from '../server/db/backup.ts';
import { printError } from './context.ts';

const KIND = { pg: 'PostgreSQL', pglite: 'inbäddad databas', portable: 'flyttbar kopia' } as const;

/** `ombud backup` / `ombud restore`: one step for an operator (docs/operations.md, "Backups"). */
export function backupCommands(program: Command) {
  const fail = (err: unknown) => {
    printError(err);
    process.exitCode = 1;
  };
  program
    .command('backup')
    .description(
      'Säkerhetskopiera databasen till en fil (PostgreSQL: pg_dump i custom-format; inbäddad: PGlites katalogdump, medan servern är stoppad)',
    )
    .requiredOption('--out <fil>', 'filen att skriva (mode 600)')
    .option(
      '--portable',
      'flyttbar kopia (alla rader som JSON) som kan återställas i både PostgreSQL och den inbäddade databasen',
    )
    .action(async (o: { out: string; portable?: boolean }) => {
      try {
        const r = await backupDatabase(loadConfig(), o.out, { portable: o.portable === true });
        console.log(
          `Säkerhetskopian är skriven: ${r.file} (${new Intl.NumberFormat('sv-SE').format(r.bytes)} byte, ${KIND[r.kind]}). Nycklarna (OMBUD_KEY_DIR) ingår inte: spara dem separat.`,
        );
      } catch (err) {
        fail(err);
      }
    });
  program
    .command('restore')
    .description('Återställ en säkerhetskopia till en tom databas (DATABASE_URL eller en ny OMBUD_DATA_DIR)')
    .argument('<fil>', 'säkerhetskopian')
    .action(async (file: string) => {
      try {
        await restoreDatabase(loadConfig(), file);
        console.log('Databasen är återställd. Kontrollera loggen: npx ombud audit verify');
      } catch (err) {
        fail(err);
      }
    });
}
