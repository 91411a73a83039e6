import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { ImportFel } from '../contracts/cases.ts';
import { radLabel } from '../contracts/messages/rows.ts';
import { formatTal } from '../domain/tal.ts';
import { gallraSomSystem } from '../server/modules/cases/gallring.ts';
import { importKlienterSomSystem } from '../server/modules/cases/import.ts';
import { findOrganisationByKod } from '../server/modules/orgs/repo.ts';
import { withCli } from './context.ts';

/** A progress bar on stderr, redrawn in place with \r (stdout stays clean for the summary). */
export function progressBar(totalBytes: number, out: NodeJS.WriteStream = process.stderr) {
  let senast = 0;
  return (bytes: number, rader: number, klar = false) => {
    const nu = Date.now();
    if (!klar && nu - senast < 100) return;
    senast = nu;
    const andel = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 1;
    const bredd = 30;
    const fyllt = Math.round(andel * bredd);
    out.write(
      `\r[${'#'.repeat(fyllt)}${'.'.repeat(bredd - fyllt)}] ${String(Math.floor(andel * 100)).padStart(3)} % · ${formatTal(rader)} rader${klar ? '\n' : ''}`,
    );
  };
}

/** The import's format from the file name: `.xlsx` is a workbook, anything else CSV. */
export function filformat(fil: string): 'csv' | 'xlsx' {
  return /\.xlsx$/i.test(fil) ? 'xlsx' : 'csv';
}

export function felrad(f: ImportFel): string {
  return `  ${radLabel(f.rad, f.kolumn)}: ${f.meddelande}`;
}

export function casesCommands(program: Command) {
  // The `import` group is shared with other modules (brister…): join it if it is already there.
  const importGroup =
    program.commands.find((c) => c.name() === 'import') ??
    program
      .command('import')
      .description('Läs in data från fil (allt eller inget: en felaktig rad stoppar hela filen)');
  importGroup
    .command('clients <fil>')
    .description(
      'Importera klienter och ärenden från en CSV-fil (komma- eller semikolonseparerad, UTF-8 eller Windows-1252) ' +
        'eller en Excel-fil (.xlsx, första bladet om inte --sheet anges), en rad per ärende; se docs/import.md. ' +
        'Allt eller inget: en felaktig rad gör att inget skrivs, om inte --skip-invalid anges.',
    )
    .requiredOption('--verksamhet <kod>', 'verksamhetens kod, t.ex. stockholm-innerstad')
    .option('--skip-invalid', 'skriv de korrekta raderna och lista de felaktiga')
    .option('--sheet <namn>', 'xlsx: bladet som ska läsas (standard: det första)')
    .action((fil: string, o: { verksamhet: string; skipInvalid?: boolean; sheet?: string }) =>
      withCli(async ({ ctx }) => {
        const storlek = statSync(fil).size;
        const rita = progressBar(storlek);
        let lasta = 0;
        async function* fran() {
          for await (const chunk of createReadStream(fil)) {
            lasta += (chunk as Buffer).length;
            yield chunk as Buffer;
          }
        }
        const start = performance.now();
        const r = await importKlienterSomSystem(ctx, o.verksamhet, fran(), {
          skipInvalid: o.skipInvalid ?? false,
          format: filformat(fil),
          ...(o.sheet !== undefined ? { blad: o.sheet } : {}),
          onProgress: (rader) => rita(lasta, rader),
        });
        rita(lasta, r.rader, true);
        const sek = ((performance.now() - start) / 1000).toFixed(1).replace('.', ',');
        if (r.fel.length) {
          console.error(`${formatTal(r.fel.length)} fel på ${formatTal(r.hoppadeOver)} rader:`);
          for (const f of r.fel) console.error(felrad(f));
        }
        if (!r.skrivet) {
          console.error('Inget importerades.');
          process.exitCode = 1;
          return;
        }
        console.log(
          `Importerade ${formatTal(r.klienter)} klienter och ${formatTal(r.arenden)} ärenden från ${formatTal(r.rader)} rader på ${sek} s` +
            (r.hoppadeOver ? `; ${formatTal(r.hoppadeOver)} felaktiga rader hoppades över.` : '.'),
        );
      }),
    );

  program
    .command('purge')
    .description(
      'Gallra: radera identitet och anteckningar för klienter vars ärenden är avslutade och vars karenstid ' +
        '(OMBUD_GALLRING_DAGAR) har gått ut. Statistiken ändras inte.',
    )
    .option('--verksamhet <kod>', 'bara denna verksamhet')
    .action((o: { verksamhet?: string }) =>
      withCli(async ({ ctx }) => {
        let verksamhetId: string | undefined;
        if (o.verksamhet) {
          const org = await findOrganisationByKod(ctx.db, 'verksamhet', o.verksamhet);
          if (!org) throw new Error(`Verksamheten ${o.verksamhet} finns inte.`);
          verksamhetId = org.id;
        }
        const r = await gallraSomSystem(ctx, verksamhetId ? { verksamhetId } : {});
        console.log(
          `Gallrade ${formatTal(r.gallrade)} klienter i ${formatTal(r.verksamheter)} verksamheter.`,
        );
      }),
    );
}
