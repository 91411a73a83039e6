import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type BudgetIn, berakna, faststallBudget, fordelningXlsx } from '../server/modules/grants/service.ts';
import { inTx, type ServiceContext } from '../server/platform/context.ts';
import { withCli } from './context.ts';

/**
 * `ombud grant allocate`: the amount per FTE and the distribution per län for a grant year from the
 * applications in the submitted reports of the year before (see grants/service.ts). Without --save it
 * is a preview; with --save the budget and amount are fixed (as Socialstyrelsen does in the web app).
 */
export async function grantAllocate(
  ctx: ServiceContext,
  o: { year: number; budget: BudgetIn; format: 'json' | 'xlsx'; spara?: boolean },
): Promise<{ body: Buffer | string; filnamn: string }> {
  const f = await inTx(ctx, {}, async ({ tx, audit }) => {
    if (!o.spara) return berakna(tx, o.year, o.budget);
    await faststallBudget(tx, o.year, o.budget, { userId: null, namn: ctx.principal.username });
    await audit({
      action: 'statsbidrag.budget_faststalld',
      resourceType: 'statsbidrag_budget',
      resourceId: String(o.year),
      detail: { ...o.budget },
    });
    return berakna(tx, o.year);
  });
  const filnamn = `statsbidrag-${o.year}.${o.format}`;
  return { body: o.format === 'json' ? `${JSON.stringify(f, null, 2)}\n` : await fordelningXlsx(f), filnamn };
}

const heltal = (v: string, namn: string) => {
  const n = Number(String(v).replace(/[\s\u00a0_]/g, ''));
  if (!Number.isSafeInteger(n) || n < 0)
    throw new Error(`${namn} ska vara ett heltal kronor ≥ 0 (fick ${v}).`);
  return n;
};

export function grantCommands(program: Command) {
  const g = program.command('grant').description('Statsbidraget');
  g.command('allocate')
    .description('Belopp per årsarbetare och fördelning per län (Tabell 1)')
    .requiredOption('--year <ar>', 'bidragsåret, t.ex. 2025')
    .requiredOption('--budget <kr>', 'total budget i kronor, t.ex. 131500000')
    .option('--admin <kr>', 'Socialstyrelsens egen andel i kronor', '0')
    .option('--rounding <sätt>', 'avrundning per län: narmast (som Socialstyrelsen) | nedat', 'narmast')
    .option('--format <format>', 'json | xlsx', 'json')
    .option('--out <fil>', 'fil att skriva till (json skrivs annars till standard ut)')
    .option('--save', 'fastställ budgeten och beloppet för året')
    .action(
      (o: {
        year: string;
        budget: string;
        admin: string;
        rounding: string;
        format: string;
        out?: string;
        save?: boolean;
      }) =>
        withCli(async ({ ctx }) => {
          const year = Number(o.year);
          if (!Number.isInteger(year) || year < 2000 || year > 2100)
            throw new Error(`Ogiltigt år: ${o.year}.`);
          if (o.format !== 'json' && o.format !== 'xlsx')
            throw new Error(`Okänt format ${o.format}; välj json eller xlsx.`);
          if (o.rounding !== 'nedat' && o.rounding !== 'narmast')
            throw new Error('--rounding ska vara nedat eller narmast.');
          const r = await grantAllocate(ctx, {
            year,
            budget: {
              totalBudgetKr: heltal(o.budget, '--budget'),
              administrationKr: heltal(o.admin, '--admin'),
              avrundning: o.rounding,
            },
            format: o.format,
            spara: Boolean(o.save),
          });
          if (o.out) {
            writeFileSync(o.out, r.body);
            console.error(`Skrev ${o.out}.`);
          } else if (o.format === 'json') process.stdout.write(r.body);
          else throw new Error(`Ange --out för formatet xlsx (t.ex. --out ${r.filnamn}).`);
        }),
    );
}
