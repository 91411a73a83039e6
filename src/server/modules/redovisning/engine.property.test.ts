// The SQL counting engine equals the reference `raknaRedovisning` (src/domain/redovisning/raknare.ts) on
// random casework: random clients (in three kommuner, some with a stadsdelsområde) and ärenden spread over
// two verksamheter, with dates over several years
// (edge dates 1 Jan, 31 Dec, 29 Feb; cases spanning years; several ärenden per client; requests that never
// started; ej_aktuell), checked for every year the data touches. One database per file; rows are deleted
// between runs.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArendeStatus, BARN_UNDER_18, KON, KONTAKTORSAKER } from '../../../domain/codes.ts';
import { type ArendePost, type KlientPost, raknaRedovisning } from '../../../domain/redovisning/raknare.ts';
import { withTx } from '../../db/client.ts';
import { arende, klient } from '../../db/schema/index.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeVerksamhet } from '../../testing/factories.ts';
import { raknaManga, raknaVerksamhetAr } from './engine.ts';

const AR = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
const EDGE = [
  '2019-12-31',
  '2020-01-01',
  '2020-02-28',
  '2020-02-29',
  '2020-03-01',
  '2020-12-31',
  '2021-01-01',
  '2021-12-31',
  '2022-01-01',
  '2023-12-31',
  '2024-01-01',
  '2024-02-29',
  '2024-12-31',
  '2025-01-01',
  '2025-12-31',
  '2026-01-01',
];
const BAS = Date.UTC(2019, 0, 1);
const plusDagar = (dagar: number) => new Date(BAS + dagar * 86_400_000).toISOString().slice(0, 10);

// 2019-01-01 … 2026-12-31, with edge dates drawn often.
const datumArb = fc.oneof(fc.constantFrom(...EDGE), fc.integer({ min: 0, max: 8 * 365 + 1 }).map(plusDagar));

const klientArb = fc.record({
  verksamhet: fc.integer({ min: 0, max: 1 }),
  // Three kommuner (Stockholm with or without a stadsdelsområde): the per-kommun figures are checked too.
  kommunKod: fc.constantFrom('0180', '0182', '0183'),
  stadsdelsomradeKod: fc.constantFrom('bromma', 'farsta', null),
  kon: fc.constantFrom(...KON),
  fodelsear: fc.integer({ min: 1925, max: 2010 }),
  barnUnder18: fc.constantFrom(...BARN_UNDER_18),
});

// The four shapes the schema allows: waiting (forfragan/ko), aktiv, avslutad, ej_aktuell.
const arendeArb = fc.record({
  klient: fc.nat(),
  form: fc.constantFrom('forfragan', 'ko', 'aktiv', 'avslutad', 'ej_aktuell', 'avslutad', 'aktiv'),
  datum: fc.tuple(datumArb, datumArb, datumArb),
  orsaker: fc.array(fc.constantFrom(...KONTAKTORSAKER), { maxLength: 4 }),
});

interface Fall {
  klienter: Array<KlientPost & { verksamhet: number }>;
  arenden: ArendePost[];
}

const fallArb: fc.Arbitrary<Fall> = fc
  .tuple(fc.array(klientArb, { minLength: 1, maxLength: 14 }), fc.array(arendeArb, { maxLength: 30 }))
  .map(([ks, as]) => {
    const klienter = ks.map((k) => ({
      id: randomUUID(),
      ...k,
      stadsdelsomradeKod: k.kommunKod === '0180' ? k.stadsdelsomradeKod : null,
    }));
    const arenden = as.map((a): ArendePost => {
      const [d1, d2, d3] = [...a.datum].sort();
      const status = a.form as ArendeStatus;
      const start = status === 'aktiv' || status === 'avslutad' ? (d2 as string) : null;
      const avslut = status === 'avslutad' ? (d3 as string) : status === 'ej_aktuell' ? (d2 as string) : null;
      return {
        id: randomUUID(),
        klientId: (klienter[a.klient % klienter.length] as KlientPost).id,
        status,
        forfraganDatum: d1 as string,
        startDatum: start,
        avslutDatum: avslut,
        kontaktorsaker: a.orsaker,
      };
    });
    return { klienter, arenden };
  });

let database: TestDatabase;
let v: string[];

beforeAll(async () => {
  database = await createTestDb();
  v = [
    (await makeVerksamhet(database.db)).id,
    (await makeVerksamhet(database.db)).id,
    (await makeVerksamhet(database.db)).id, // never has casework
  ];
});
afterAll(() => database.close());

async function lagra(f: Fall) {
  const { db } = database;
  await db.execute(sql`delete from arende`);
  await db.execute(sql`delete from klient_identitet`);
  await db.execute(sql`delete from klient`);
  const vPerKlient = new Map(f.klienter.map((k) => [k.id, v[k.verksamhet] as string]));
  await db.insert(klient).values(
    f.klienter.map((k) => ({
      id: k.id,
      verksamhetId: vPerKlient.get(k.id) as string,
      kon: k.kon,
      fodelsear: k.fodelsear,
      kommunKod: k.kommunKod ?? '0180',
      stadsdelsomradeKod: k.stadsdelsomradeKod ?? null,
      barnUnder18: k.barnUnder18,
    })),
  );
  if (f.arenden.length > 0) {
    await db.insert(arende).values(
      f.arenden.map((a) => ({
        id: a.id,
        verksamhetId: vPerKlient.get(a.klientId) as string,
        klientId: a.klientId,
        forfraganDatum: a.forfraganDatum,
        forfraganFran: 'personen' as const,
        status: a.status,
        startDatum: a.startDatum,
        avslutDatum: a.avslutDatum,
        kontaktorsaker: [...a.kontaktorsaker],
      })),
    );
  }
}

function referens(f: Fall, i: number, ar: number) {
  const klienter = f.klienter.filter((k) => k.verksamhet === i);
  const ids = new Set(klienter.map((k) => k.id));
  return raknaRedovisning({ klienter, arenden: f.arenden.filter((a) => ids.has(a.klientId)), ar });
}

describe('SQL engine = reference raknaRedovisning', () => {
  it('gives the same figures for random casework, every year, every verksamhet', async () => {
    await fc.assert(
      fc.asyncProperty(fallArb, async (f) => {
        await lagra(f);
        await withTx(database.db, { verksamhetIds: v }, async (tx) => {
          for (const ar of AR) {
            const manga = await raknaManga(tx, v, ar);
            expect(manga.size).toBe(3);
            for (const i of [0, 1, 2]) {
              const r = manga.get(v[i] as string);
              expect(r, `v${i} ${ar}`).toEqual(referens(f, i, ar));
              // and the parts per kommun add up to the verksamhet's figures
              const summa = (x: (d: (typeof r & {})['perKommun'][number]) => number) =>
                r?.perKommun.reduce((s, d) => s + x(d), 0);
              expect(summa((d) => d.totalt.totalt)).toBe(r?.klienter.totalt.totalt);
              expect(summa((d) => d.nya.kvinna)).toBe(r?.klienter.nya.kvinna);
              expect(summa((d) => d.avslutade.totalt)).toBe(r?.klienter.avslutade.totalt);
              expect(summa((d) => d.kontaktorsaker.ekonomi.man)).toBe(r?.kontaktorsaker.ekonomi.man);
            }
          }
          const ar = AR[f.arenden.length % AR.length] as number;
          expect(await raknaVerksamhetAr(tx, v[0] as string, ar)).toEqual(referens(f, 0, ar));
        });
      }),
      { numRuns: 50 },
    );
  });
});
