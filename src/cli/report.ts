import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { somDocx, somPdf, somXlsx } from '../server/modules/national/export.ts';
import { lanSammanstallning, nationellSammanstallning } from '../server/modules/national/service.ts';
import { inTx, type ServiceContext } from '../server/platform/context.ts';
import { withCli } from './context.ts';

export const RAPPORT_FORMAT = ['json', 'xlsx', 'pdf', 'docx'] as const;
export type RapportFormat = (typeof RAPPORT_FORMAT)[number];

/**
 * `ombud report national|lan`: the national tables or one län's, from the approved reports (or, with
 * --preview, the submitted ones too). The CLI is the installation's operator: it reads the frozen reports
 * through the redovisning repo's system function, with no user policy, and audits the export.
 */
export async function reportNational(
  ctx: ServiceContext,
  o: { year: number; format: RapportFormat; lanKod?: string; forhandsvisning?: boolean },
): Promise<{ body: Buffer | string; filnamn: string }> {
  const forhandsvisning = o.forhandsvisning ?? false;
  const s = await inTx(ctx, {}, async ({ tx, audit }) => {
    const r = o.lanKod
      ? await lanSammanstallning(tx, o.lanKod, o.year, forhandsvisning)
      : await nationellSammanstallning(tx, o.year, forhandsvisning);
    await audit({
      action: 'nationellt.export',
      resourceType: o.lanKod ? 'lan_sammanstallning' : 'nationell_sammanstallning',
      resourceId: `${o.lanKod ?? 'riket'}/${o.year}`,
      detail: { format: o.format, forhandsvisning },
    });
    return r;
  });
  const filnamn = `${o.lanKod ? `sammanstallning-${o.lanKod}` : 'lagesrapport'}-${o.year}.${o.format}`;
  const body =
    o.format === 'json'
      ? `${JSON.stringify(s, null, 2)}\n`
      : o.format === 'xlsx'
        ? await somXlsx(s)
        : o.format === 'pdf'
          ? await somPdf(s)
          : await somDocx(s);
  return { body, filnamn };
}

function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

function tolka(o: { year: string; format: string }): { year: number; format: RapportFormat } {
  if (!(RAPPORT_FORMAT as readonly string[]).includes(o.format))
    throw new Error(`Okänt format ${o.format}; välj ${RAPPORT_FORMAT.join(', ')}.`);
  const year = Number(o.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`Ogiltigt år: ${o.year}.`);
  return { year, format: o.format as RapportFormat };
}

function skriv(r: { body: Buffer | string; filnamn: string }, format: RapportFormat, out?: string) {
  if (out) {
    writeFileSync(out, r.body);
    console.error(`Skrev ${out}.`);
  } else if (format === 'json') process.stdout.write(r.body);
  else throw new Error(`Ange --out för formatet ${format} (t.ex. --out ${r.filnamn}).`);
}

export function reportCommands(program: Command) {
  const report = group(program, 'report', 'Skriv ut rapporter och dokument');
  report
    .command('national')
    .description('De nationella tabellerna (lägesrapport) som json, xlsx, pdf eller docx')
    .requiredOption('--year <ar>', 'året, t.ex. 2025')
    .option('--format <format>', RAPPORT_FORMAT.join(' | '), 'json')
    .option('--out <fil>', 'fil att skriva till (json skrivs annars till standard ut)')
    .option('--preview', 'ta med inskickade men ännu inte godkända redovisningar')
    .action((o: { year: string; format: string; out?: string; preview?: boolean }) =>
      withCli(async ({ ctx }) => {
        const t = tolka(o);
        skriv(await reportNational(ctx, { ...t, forhandsvisning: Boolean(o.preview) }), t.format, o.out);
      }),
    );
  report
    .command('lan')
    .description('Ett läns tabeller och per kommun (små tal undertryckta) som json, xlsx, pdf eller docx')
    .requiredOption('--lan <lanKod>', 'länskod, t.ex. 01')
    .requiredOption('--year <ar>', 'året, t.ex. 2025')
    .option('--format <format>', RAPPORT_FORMAT.join(' | '), 'json')
    .option('--out <fil>', 'fil att skriva till (json skrivs annars till standard ut)')
    .option('--preview', 'ta med inskickade men ännu inte godkända redovisningar')
    .action((o: { lan: string; year: string; format: string; out?: string; preview?: boolean }) =>
      withCli(async ({ ctx }) => {
        const t = tolka(o);
        if (!/^\d{2}$/.test(o.lan)) throw new Error(`Ogiltig länskod: ${o.lan}.`);
        skriv(
          await reportNational(ctx, { ...t, lanKod: o.lan, forhandsvisning: Boolean(o.preview) }),
          t.format,
          o.out,
        );
      }),
    );
}
