import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DOKUMENT_FORMAT, type DokumentFormat } from '../contracts/redovisning.ts';
import { renderDokument } from '../server/modules/redovisning/documents.ts';
import { importRedovisningar, underlagForSystem } from '../server/modules/redovisning/service.ts';
import type { ServiceContext } from '../server/platform/context.ts';
import { withCli } from './context.ts';

/** The redovisning of verksamhet `kod` for `ar` as a document (json = ombud.redovisning/v1). */
export async function reportRedovisning(
  ctx: ServiceContext,
  o: { verksamhet: string; year: number; format: DokumentFormat },
): Promise<{ body: Buffer | string; filnamn: string }> {
  const u = await underlagForSystem(ctx, o.verksamhet, o.year, o.format);
  const d = await renderDokument(u, o.format);
  return { body: d.body, filnamn: d.filnamn };
}

/** Reads one document or an array of documents and stores them as submitted redovisningar (all or nothing). */
export async function importRedovisningFile(ctx: ServiceContext, file: string): Promise<string[]> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file} är inte giltig JSON: ${(err as Error).message}`);
  }
  const r = await importRedovisningar(ctx, data);
  return r.map(
    (x) =>
      `${x.kod} ${x.ar}: inskickad som version ${x.version}${x.ny ? ' (verksamheten registrerades)' : ''}.`,
  );
}

function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function redovisningCommands(program: Command) {
  group(program, 'report', 'Skriv ut rapporter och dokument')
    .command('redovisning')
    .description(
      'En verksamhets redovisning för ett år som json (ombud.redovisning/v1), xlsx, pdf eller docx',
    )
    .requiredOption('--verksamhet <kod>', 'verksamhetens kod')
    .requiredOption('--year <ar>', 'redovisningsåret, t.ex. 2025')
    .option('--format <format>', DOKUMENT_FORMAT.join(' | '), 'json')
    .option('--out <fil>', 'fil att skriva till (json skrivs annars till standard ut)')
    .action((o: { verksamhet: string; year: string; format: string; out?: string }) =>
      withCli(async ({ ctx }) => {
        if (!(DOKUMENT_FORMAT as readonly string[]).includes(o.format))
          throw new Error(`Okänt format ${o.format}; välj ${DOKUMENT_FORMAT.join(', ')}.`);
        const year = Number(o.year);
        if (!Number.isInteger(year)) throw new Error(`Ogiltigt år: ${o.year}.`);
        const format = o.format as DokumentFormat;
        const r = await reportRedovisning(ctx, { verksamhet: o.verksamhet, year, format });
        if (o.out) {
          writeFileSync(o.out, r.body);
          console.error(`Skrev ${o.out}.`);
        } else if (format === 'json') process.stdout.write(r.body);
        else throw new Error(`Ange --out för formatet ${format} (t.ex. --out ${r.filnamn}).`);
      }),
    );
  group(program, 'import', 'Läs in data från fil (allt eller inget: en felaktig rad stoppar hela filen)')
    .command('redovisning')
    .description('Läs in redovisningar (ombud.redovisning/v1, ett dokument eller en lista) som inskickade')
    .argument('<fil>', 'JSON-fil')
    .action((fil: string) =>
      withCli(async ({ ctx }) => {
        for (const rad of await importRedovisningFile(ctx, fil)) console.log(rad);
      }),
    );
}
