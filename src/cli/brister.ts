import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { importBrister } from '../server/modules/brister/import.ts';
import type { ServiceContext } from '../server/platform/context.ts';
import { withCli } from './context.ts';

/**
 * Reads the file (CSV, or xlsx by its name: the first sheet or `blad`) and imports it for the verksamhet
 * with code `kod` (any case), as the installation's operator.
 */
export async function importBristerFile(
  ctx: ServiceContext,
  file: string,
  kod: string,
  o: { blad?: string } = {},
): Promise<string> {
  const r = await importBrister(ctx, { verksamhetKod: kod }, readFileSync(file), {
    operator: true,
    format: /\.xlsx$/i.test(file) ? 'xlsx' : 'csv',
    ...(o.blad !== undefined ? { blad: o.blad } : {}),
  });
  return `${r.importerade} ${r.importerade === 1 ? 'brist importerades' : 'brister importerades'} till ${kod}.`;
}

/** The `import` group is shared with other modules (klienter…): join it if it is already there. */
function importGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'import') ??
    program
      .command('import')
      .description('Läs in data från fil (allt eller inget: en felaktig rad stoppar hela filen)')
  );
}

export function bristerCommands(program: Command) {
  importGroup(program)
    .command('brister')
    .description(
      'Läs in brister från en CSV-fil (komma eller semikolon, UTF-8 eller Windows-1252) eller en Excel-fil ' +
        '(.xlsx, första bladet om inte --sheet anges); kolumner: se docs/import.md, avsnitt Brister',
    )
    .argument('<fil>', 'CSV- eller xlsx-fil med rubrikrad')
    .requiredOption('--verksamhet <kod>', 'verksamhetens kod, t.ex. stockholm-innerstad')
    .option('--sheet <namn>', 'xlsx: bladet som ska läsas (standard: det första)')
    .action((fil: string, o: { verksamhet: string; sheet?: string }) =>
      withCli(async ({ ctx }) => {
        console.log(
          await importBristerFile(ctx, fil, o.verksamhet, o.sheet !== undefined ? { blad: o.sheet } : {}),
        );
      }),
    );
}
