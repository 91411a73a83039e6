// Synthetic casework: deterministic per seed, valid for the schema, and shaped like the national figures.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedovisningRakning } from '../../../domain/redovisning/typer.ts';
import { raknaManga } from '../../modules/redovisning/engine.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeVerksamhet } from '../../testing/factories.ts';
import { query, withTx } from '../client.ts';
import { generera, prng, seedSynthetic } from './synthetic.ts';

const KODER = ['syn-a', 'syn-b', 'syn-c', 'syn-d', 'syn-e', 'syn-f'];
const AR = [2023, 2024, 2025];

async function nyDb() {
  const database = await createTestDb();
  const ids: string[] = [];
  for (const kod of KODER) ids.push((await makeVerksamhet(database.db, { kod })).id);
  return { database, ids };
}

async function figurer(database: TestDatabase, ids: string[]) {
  const ut: Record<number, RedovisningRakning[]> = {};
  for (const ar of AR) {
    const m = await withTx(database.db, { verksamhetIds: ids }, (tx) => raknaManga(tx, ids, ar));
    ut[ar] = ids.map((id) => m.get(id) as RedovisningRakning);
  }
  return ut;
}

let a: { database: TestDatabase; ids: string[] };
let b: { database: TestDatabase; ids: string[] };
beforeAll(async () => {
  a = await nyDb();
  b = await nyDb();
});
afterAll(async () => {
  await a.database.close();
  await b.database.close();
});

describe('prng', () => {
  it('is deterministic per seed and spreads over [0, 1)', () => {
    const [x, y, z] = [prng(42), prng(42), prng(43)];
    const xs = Array.from({ length: 1000 }, x);
    expect(Array.from({ length: 1000 }, y)).toEqual(xs);
    expect(Array.from({ length: 1000 }, z)).not.toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, v) => s + v, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe('seedSynthetic', () => {
  it('gives the same figures for the same seed on another database, other figures for another seed', async () => {
    const ra = await seedSynthetic(a.database.db, { scale: 1, seed: 7, years: AR });
    const rb = await seedSynthetic(b.database.db, { scale: 1, seed: 7, years: AR });
    expect(ra).toEqual(rb);
    expect(ra.verksamheter).toBe(KODER.length);
    expect(await figurer(b.database, b.ids)).toEqual(await figurer(a.database, a.ids));

    const omraden = [{ kommunKod: '0180', stadsdelsomradeKod: null }];
    const gen = (seed: number) =>
      generera({ seed, kod: 'syn-a', scale: 1, franAr: 2023, tillAr: 2025, omraden }, () => 1).arende;
    const { klientId: _a, ...annat7 } = gen(7);
    const { klientId: _b, ...annat8 } = gen(8);
    expect(annat8).not.toEqual(annat7);
  });

  it('looks like the national figures (seed 003) over the verksamheter and years', async () => {
    const f = await figurer(a.database, a.ids);
    const alla = AR.flatMap((ar) => f[ar] as RedovisningRakning[]);
    const sum = (g: (r: RedovisningRakning) => number) => alla.reduce((s, r) => s + g(r), 0);
    const totalt = sum((r) => r.klienter.totalt.totalt);
    const andel = (g: (r: RedovisningRakning) => number) => sum(g) / totalt;
    const perVerksamhetAr = totalt / alla.length;
    expect(perVerksamhetAr).toBeGreaterThan(50);
    expect(perVerksamhetAr).toBeLessThan(140);
    expect(andel((r) => r.klienter.totalt.kvinna)).toBeGreaterThan(0.48);
    expect(andel((r) => r.klienter.totalt.kvinna)).toBeLessThan(0.62);
    expect(andel((r) => r.klienter.nya.totalt)).toBeGreaterThan(0.35);
    expect(andel((r) => r.klienter.nya.totalt)).toBeLessThan(0.55);
    expect(andel((r) => r.klienter.medBarn.totalt)).toBeGreaterThan(0.08);
    expect(andel((r) => r.klienter.medBarn.totalt)).toBeLessThan(0.22);
    expect(andel((r) => r.klienter.alder['30-49'].totalt)).toBeGreaterThan(0.35);
    expect(andel((r) => r.klienter.alder['65+'].totalt)).toBeLessThan(0.16);
    expect(andel((r) => r.kontaktorsaker.myndighetskontakter.totalt)).toBeGreaterThan(0.55);
    expect(andel((r) => r.kontaktorsaker.ekonomi.totalt)).toBeGreaterThan(0.35);
    expect(andel((r) => r.kontaktorsaker.ekonomi.totalt)).toBeLessThan(
      andel((r) => r.kontaktorsaker.myndighetskontakter.totalt),
    );
    // Waits of verksamheter with a queue: medians mostly 10–80 days; without one, nobody waited.
    for (const r of alla) {
      if (r.ko.harKo) expect(r.ko.vantetidMedianDagar ?? 20).toBeLessThan(120);
      else expect(r.ko.vantetidMaxDagar ?? 0).toBe(0);
    }
  });

  it('writes aliases only, one a client, numbered per year, and valid ärenden', async () => {
    const rader = await query<{ alias: string; namn: string | null; personnummer: string | null }>(
      a.database.db,
      sql`select alias, namn, personnummer from klient_identitet`,
    );
    expect(rader.length).toBeGreaterThan(100);
    for (const r of rader) {
      expect(r.alias).toMatch(/^K-20\d\d-\d{4}$/);
      expect(r.namn).toBeNull();
      expect(r.personnummer).toBeNull();
    }
    const [status] = await query<{ statusar: string[]; utanArende: number }>(
      a.database.db,
      sql`select array_agg(distinct a.status order by a.status) as statusar,
                 (select count(*)::int from klient k where not exists (select from arende x where x.klient_id = k.id)) as "utanArende"
          from arende a`,
    );
    expect(status?.statusar).toEqual(expect.arrayContaining(['aktiv', 'avslutad', 'ej_aktuell']));
    expect(status?.utanArende).toBe(0);
  });

  it('seeds only the verksamheter asked for, and a second run numbers on', async () => {
    const id = a.ids[0] as string;
    const fore = await query<{ n: number }>(
      a.database.db,
      sql`select count(*)::int as n from klient where verksamhet_id = ${id}`,
    );
    const r = await seedSynthetic(a.database.db, { scale: 0.3, seed: 9, years: [2025], verksamhetIds: [id] });
    expect(r.verksamheter).toBe(1);
    const efter = await query<{ n: number; unika: number }>(
      a.database.db,
      sql`select count(*)::int as n, count(distinct lower(i.alias))::int as unika
          from klient k join klient_identitet i on i.klient_id = k.id where k.verksamhet_id = ${id}`,
    );
    expect(efter[0]?.n).toBe((fore[0]?.n ?? 0) + r.klienter);
    expect(efter[0]?.unika).toBe(efter[0]?.n);
    await expect(
      seedSynthetic(a.database.db, {
        scale: 1,
        seed: 1,
        years: AR,
        verksamhetIds: ['00000000-0000-0000-0000-000000000001'],
      }),
    ).rejects.toThrow('okänd verksamhet');
  });
});
