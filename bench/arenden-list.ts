/**
 * The ärende list at scale (issue 10): one verksamhet with 100 000 ärenden (25 000 clients), the first page
 * of the list as the API reads it — the count of the filter and one page of 50 with its details — against a
 * hand-written baseline (a bare `order by … limit 50` and a `count(*)` on the same table). Goal: the first
 * page under 50 ms on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { idagISverige } from '../src/domain/datum.ts';
import { type AppDb, withTx } from '../src/server/db/client.ts';
import { listArenden } from '../src/server/modules/cases/repo.ts';
import type { Matning } from './engine.ts';

const ARENDEN = Number(process.env.BENCH_ARENDEN ?? 100_000);
const MAL_MS = 50;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Fills verksamhet `v` with ARENDEN ärenden over ten years, in SQL (seconds, not minutes). */
async function fyll(db: AppDb, v: string) {
  const klienter = Math.ceil(ARENDEN / 4);
  await withTx(db, { verksamhetIds: [v] }, async (tx) => {
    await tx.execute(sql`
      insert into klient (id, verksamhet_id, kon, fodelsear, kommun_kod, barn_under_18)
      select md5('bench-klient-' || g)::uuid, ${v}, (array['kvinna','man','kvinna','annan'])[1 + g % 4],
             1950 + g % 50, (select kommun_kod from verksamhet_omrade where verksamhet_id = ${v} limit 1), 'nej'
      from generate_series(1, ${klienter}) g`);
    await tx.execute(sql`
      insert into klient_identitet (klient_id, verksamhet_id, alias)
      select md5('bench-klient-' || g)::uuid, ${v}, 'B-' || g from generate_series(1, ${klienter}) g`);
    // Statuses by age: old requests closed, recent ones active, the newest waiting.
    await tx.execute(sql`
      insert into arende (verksamhet_id, klient_id, forfragan_datum, status, start_datum, avslut_datum)
      select ${v}, md5('bench-klient-' || (1 + g % ${klienter}))::uuid, d,
             case when g % 50 = 0 then 'ko' when d < date '2024-01-01' then 'avslutad' else 'aktiv' end,
             case when g % 50 = 0 then null else d + 20 end,
             case when g % 50 <> 0 and d < date '2024-01-01' then d + 200 end
      from (select g, date '2016-01-01' + (g * 3650 / ${ARENDEN}) as d from generate_series(1, ${ARENDEN}) g) s`);
  });
  // One statement each: PGlite's extended protocol takes a single statement.
  for (const t of ['klient', 'klient_identitet', 'arende']) await db.execute(sql.raw(`analyze ${t}`));
}

/** `postgres`: the goal is set for PostgreSQL (issue 10); on PGlite the same rows are measured without it. */
export async function benchArendeLista(db: AppDb, v: string, runs = 15, postgres = true): Promise<Matning[]> {
  await fyll(db, v);
  const idag = idagISverige();
  const las = (f: Parameters<typeof listArenden>[2]) =>
    withTx(db, { verksamhetIds: [v] }, (tx) => listArenden(tx, v, f));
  const fall: Array<[string, () => Promise<unknown>, boolean]> = [
    ['första sidan, nyast först', () => las({ sort: '-forfraganDatum', idag, limit: 50, offset: 0 }), true],
    [
      'aktiva utan ombud, längst väntan först',
      () => las({ status: ['aktiv'], ombudUserId: null, sort: '-vantedagar', idag, limit: 50, offset: 0 }),
      true,
    ],
    ['sida 100, nyast först', () => las({ sort: '-forfraganDatum', idag, limit: 50, offset: 4950 }), false],
  ];
  const bas = () =>
    withTx(db, { verksamhetIds: [v] }, async (tx) => {
      await tx.execute(sql`select count(*) from arende where verksamhet_id = ${v}`);
      await tx.execute(
        sql`select id, forfragan_datum, status from arende where verksamhet_id = ${v}
            order by forfragan_datum desc, id desc limit 50`,
      );
    });
  const tid = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const baslinje: number[] = [];
  const tider = fall.map(() => [] as number[]);
  for (let i = -3; i < runs; i++) {
    const b = await tid(bas);
    if (i >= 0) baslinje.push(b);
    for (const [j, [, fn]] of fall.entries()) {
      const t = await tid(fn);
      if (i >= 0) tider[j]!.push(t);
    }
  }
  // Sanity: the list sees the rows (timing an empty result would prove nothing).
  const forsta = (await las({ sort: '-forfraganDatum', idag, limit: 50, offset: 0 })) as { total: number };
  if (forsta.total < ARENDEN) throw new Error(`listan ser ${forsta.total} ärenden, inte ${ARENDEN}`);
  const b = median(baslinje);
  return [
    {
      operation: `ärendelistan: handskriven count + limit 50 (${ARENDEN} ärenden)`,
      ms: b,
      mal: '',
      kvot: null,
      ok: null,
    },
    ...fall.map(([namn, , medMal], j): Matning => {
      const ms = median(tider[j]!);
      // The goal is the first page (issue 10); a deep page is measured to show what offset paging costs.
      return medMal && postgres
        ? { operation: `ärendelistan: ${namn}`, ms, mal: `< ${MAL_MS} ms`, kvot: ms / b, ok: ms < MAL_MS }
        : { operation: `ärendelistan: ${namn}`, ms, mal: '(mäts, inget mål)', kvot: ms / b, ok: null };
    }),
  ];
}
