import type { Command } from 'commander';
import { loadConfig } from '../server/config.ts';
import { openConfiguredDatabase } from '../server/db/open.ts';
import { seedSynthetic } from '../server/db/seed/synthetic.ts';
import * as orgRepo from '../server/modules/orgs/repo.ts';
import { printError } from './context.ts';

/** "2023-2025" or "2024" → [2023, 2024, 2025] / [2024]. */
export function parseYears(s: string): number[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(s.trim());
  if (!m) throw new Error(`Ogiltiga år ”${s}” (förväntat t.ex. 2023-2025).`);
  const fran = Number(m[1]);
  const till = Number(m[2] ?? m[1]);
  if (till < fran) throw new Error(`Ogiltiga år ”${s}”: slutåret är före startåret.`);
  return Array.from({ length: till - fran + 1 }, (_, i) => fran + i);
}

/**
 * `ombud seed synthetic`: attached to the existing `seed` command (src/cli/db.ts) when there is one, so
 * that it sits next to `seed demo`.
 */
export function seedCommands(program: Command) {
  const seed =
    program.commands.find((c) => c.name() === 'seed') ??
    program.command('seed').description('Fyll databasen med data');
  seed
    .command('synthetic')
    .description(
      'Syntetiska klienter och ärenden som liknar den nationella statistiken (deterministiskt per frö)',
    )
    .option('--scale <S>', 'skala: ungefär 90 × S klienter per verksamhet och år', '1')
    .option('--seed <N>', 'frö', '1')
    .option('--years <från-till>', 'år, t.ex. 2023-2025', '2023-2025')
    .option('--verksamhet <kod>', 'bara denna verksamhet (kod); annars alla')
    .action(async (o: { scale: string; seed: string; years: string; verksamhet?: string }) => {
      const database = await openConfiguredDatabase(loadConfig());
      try {
        const scale = Number(o.scale);
        const seedN = Number(o.seed);
        if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`Ogiltig skala ”${o.scale}”.`);
        if (!Number.isInteger(seedN)) throw new Error(`Ogiltigt frö ”${o.seed}”.`);
        let verksamhetIds: string[] | undefined;
        if (o.verksamhet) {
          const v = await orgRepo.findOrganisationByKod(database.db, 'verksamhet', o.verksamhet);
          if (!v) throw new Error(`Okänd verksamhet ”${o.verksamhet}”.`);
          verksamhetIds = [v.id];
        }
        const years = parseYears(o.years);
        const start = performance.now();
        const r = await seedSynthetic(database.db, {
          scale,
          seed: seedN,
          years,
          ...(verksamhetIds ? { verksamhetIds } : {}),
        });
        console.log(
          `Syntetiska data för ${years.length > 1 ? `${years[0]}–${years.at(-1)}` : years[0]}: ${r.klienter} klienter och ${r.arenden} ärenden i ${r.verksamheter} verksamheter (${Math.round(performance.now() - start)} ms).`,
        );
      } catch (err) {
        printError(err);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}
