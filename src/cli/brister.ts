import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { importBrister } from '../server/modules/brister/import.ts';
import type { ServiceContext } from '../server/platform/context.ts';
import { withCli } from './context.ts';

/** Reads the file and imports it for the verksamhet with code `kod`, as the installation's operator. */
export async function importBristerFile(ctx: ServiceContext, file: string, kod: string): Promise<string> {
  const csv = readFileSync(file, 'utf8');
  const r = await importBrister(ctx, { verksamhetKod: kod }, csv, { operator: true });
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
    .description('Läs in brister från en CSV-fil (kolumner: se docs/import.md, avsnitt Brister)')
    .argument('<fil>', 'CSV-fil i UTF-8 med rubrikrad')
    .requiredOption('--verksamhet <kod>', 'verksamhetens kod, t.ex. stockholm-innerstad')
    .action((fil: string, o: { verksamhet: string }) =>
      withCli(async ({ ctx }) => {
        console.log(await importBristerFile(ctx, fil, o.verksamhet));
      }),
    );
}
