// The SQL counting engine on hand-made casework with hand-computed figures (rules: raknare.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArendeStatus, BarnUnder18, Kon, Kontaktorsak } from '../../../domain/codes.ts';
import { raknaRedovisning } from '../../../domain/redovisning/raknare.ts';
import type { G } from '../../../domain/redovisning/typer.ts';
import { withTx } from '../../db/client.ts';
import { arende, klient } from '../../db/schema/index.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeVerksamhet } from '../../testing/factories.ts';
import { raknaManga, raknaVerksamhetAr, tomRakning } from './engine.ts';

const g = (kvinna: number, man: number, annan = 0): G => ({
  kvinna,
  man,
  annan,
  totalt: kvinna + man + annan,
});

type K = {
  id: string;
  kon: Kon;
  fodelsear: number;
  barnUnder18: BarnUnder18;
  kommunKod: string;
  stadsdelsomradeKod?: string | null;
};
type A = [
  klient: K,
  status: ArendeStatus,
  forfragan: string,
  start: string | null,
  avslut: string | null,
  orsaker: Kontaktorsak[],
];

const k = (kon: Kon, fodelsear: number, barnUnder18: BarnUnder18, kommunKod = '0180'): K => ({
  id: randomUUID(),
  kon,
  fodelsear,
  barnUnder18,
  kommunKod,
});
const K1 = k('kvinna', 1990, 'helt');
const K2 = k('man', 2000, 'nej');
const K3 = k('man', 1959, 'delvis');
const K4 = k('annan', 1964, 'nej');
const K5 = k('kvinna', 1980, 'nej');
const KB = k('kvinna', 1970, 'nej');

const A_ARENDEN: A[] = [
  [K1, 'aktiv', '2023-11-01', '2023-12-01', null, ['ekonomi', 'myndighetskontakter']], // wait 30
  [K1, 'avslutad', '2024-03-01', '2024-03-11', '2024-06-30', ['ekonomi', 'bostad']], // wait 10
  [K2, 'avslutad', '2024-01-01', '2024-01-21', '2025-01-01', ['myndighetskontakter']], // wait 20
  [K3, 'avslutad', '2022-05-01', '2022-06-01', '2024-01-01', ['sysselsattning']], // closed ON 1 Jan
  [K4, 'ko', '2024-12-01', null, null, ['bryta_isolering']], // still waiting, never a client
  [K4, 'aktiv', '2023-12-31', '2024-12-31', null, ['annan']], // wait 366 (2024 is a leap year)
  [K5, 'ej_aktuell', '2024-02-01', null, '2024-02-15', ['relationsfragor']],
  [K5, 'avslutad', '2023-01-10', '2023-02-01', '2023-12-31', ['relationsfragor']], // wait 22
  [K5, 'avslutad', '2024-04-01', '2024-05-02', '2024-05-02', ['ekonomi', 'ekonomi']], // wait 31
];
const B_ARENDEN: A[] = [[KB, 'aktiv', '2024-02-01', '2024-02-29', null, ['bostad']]]; // wait 28

let database: TestDatabase;
let va: string;
let vb: string;

async function lagra(verksamhetId: string, arenden: A[]) {
  const klienter = [...new Map(arenden.map((a) => [a[0].id, a[0]])).values()];
  await database.db.insert(klient).values(klienter.map((x) => ({ ...x, verksamhetId })));
  await database.db.insert(arende).values(
    arenden.map(([x, status, forfraganDatum, startDatum, avslutDatum, kontaktorsaker]) => ({
      verksamhetId,
      klientId: x.id,
      status,
      forfraganDatum,
      forfraganFran: 'personen' as const,
      startDatum,
      avslutDatum,
      kontaktorsaker,
    })),
  );
}

beforeAll(async () => {
  database = await createTestDb();
  va = (await makeVerksamhet(database.db)).id;
  vb = (await makeVerksamhet(database.db)).id;
  await lagra(va, A_ARENDEN);
  await lagra(vb, B_ARENDEN);
});
afterAll(() => database.close());

const rakna = (ar: number, ids = [va, vb]) =>
  withTx(database.db, { verksamhetIds: ids }, (tx) => raknaVerksamhetAr(tx, va, ar));

describe('raknaVerksamhetAr (hand-computed)', () => {
  it('2024: carried-over, new, closed on 1 January, leap-year wait, reasons once per client', async () => {
    const r = await rakna(2024);
    expect(r.klienter).toEqual({
      totalt: g(2, 2, 1),
      nya: g(0, 1, 1),
      avslutade: g(2, 1, 0),
      avslutadeKlienter: g(2, 1, 0),
      medBarn: g(1, 1, 0),
      alder: { '18-29': g(0, 1), '30-49': g(2, 0), '50-64': g(0, 0, 1), '65+': g(0, 1) },
    });
    expect(r.kontaktorsaker).toEqual({
      ...tomRakning().kontaktorsaker,
      ekonomi: g(2, 0),
      myndighetskontakter: g(1, 1),
      bostad: g(1, 0),
      sysselsattning: g(0, 1),
      annan: g(0, 0, 1),
    });
    // Waits started in 2024: 10, 20, 31, 366 → median (20 + 31) / 2 = 25.5 → 26.
    expect(r.ko).toEqual({ harKo: true, vantetidMedianDagar: 26, vantetidMaxDagar: 366, antalIKo3112: 1 });
  });

  it('2023: a request on 31 December waits into the next year', async () => {
    const r = await rakna(2023);
    expect(r.klienter.totalt).toEqual(g(2, 1));
    expect(r.klienter.nya).toEqual(g(2, 0));
    expect(r.klienter.avslutade).toEqual(g(1, 0));
    expect(r.ko).toEqual({ harKo: true, vantetidMedianDagar: 26, vantetidMaxDagar: 30, antalIKo3112: 1 });
  });

  it('2025: nobody new, a close on 1 January counts, no starts', async () => {
    const r = await rakna(2025);
    expect(r.klienter.totalt).toEqual(g(1, 1, 1));
    expect(r.klienter.nya).toEqual(g(0, 0));
    expect(r.klienter.avslutade).toEqual(g(0, 1));
    expect(r.ko).toEqual({ harKo: true, vantetidMedianDagar: null, vantetidMaxDagar: null, antalIKo3112: 1 });
  });

  it('2021: before any casework, all zero', async () => {
    expect(await rakna(2021)).toEqual(tomRakning());
  });

  it('agrees with the reference on the same rows', async () => {
    const klienter = [K1, K2, K3, K4, K5];
    const arenden = A_ARENDEN.map(
      ([x, status, forfraganDatum, startDatum, avslutDatum, kontaktorsaker], i) => ({
        id: `a${i}`,
        klientId: x.id,
        status,
        forfraganDatum,
        startDatum,
        avslutDatum,
        kontaktorsaker,
      }),
    );
    for (const ar of [2022, 2023, 2024, 2025, 2026]) {
      expect(await rakna(ar)).toEqual(raknaRedovisning({ klienter, arenden, ar }));
    }
  });
});

// Seed 001 (Norra innerstaden, redovisning 2025): "Under året har totalt 91 ärenden avslutats" — ärenden,
// as the domain brief's rule says ("closed (avslutade): ärenden closed during Y").
describe('avslutade counts ärenden closed in the year', () => {
  it('a client with two ärenden closed in the year counts 2; avslutadeKlienter counts the client once', async () => {
    const vc = (await makeVerksamhet(database.db)).id;
    const KC = k('kvinna', 1985, 'nej');
    const KD = k('man', 1970, 'nej');
    const arenden: A[] = [
      [KC, 'avslutad', '2024-01-05', '2024-01-20', '2024-03-31', ['ekonomi']],
      [KC, 'avslutad', '2024-06-01', '2024-06-10', '2024-11-30', ['bostad']],
      [KC, 'aktiv', '2024-12-01', '2024-12-15', null, []], // a third, still open
      [KD, 'avslutad', '2023-03-01', '2023-03-15', '2024-02-01', []],
      [KD, 'ej_aktuell', '2024-05-01', null, '2024-05-20', []], // never started: not a closed ärende
    ];
    await lagra(vc, arenden);
    const r = await withTx(database.db, { verksamhetIds: [vc] }, (tx) => raknaVerksamhetAr(tx, vc, 2024));
    expect(r.klienter.totalt).toEqual(g(1, 1));
    expect(r.klienter.avslutade).toEqual(g(2, 1)); // more ärenden closed (3) than clients (2)
    expect(r.klienter.avslutadeKlienter).toEqual(g(1, 1));
    const ref = raknaRedovisning({
      klienter: [KC, KD],
      arenden: arenden.map(([x, status, forfraganDatum, startDatum, avslutDatum, kontaktorsaker], i) => ({
        id: `c${i}`,
        klientId: x.id,
        status,
        forfraganDatum,
        startDatum,
        avslutDatum,
        kontaktorsaker,
      })),
      ar: 2024,
    });
    expect(r).toEqual(ref);
  });
});

// Issue 15: a verksamhet covering three kommuner (Stockholm by stadsdelsområde, Nacka, Sundbyberg) counts
// each client in their own kommun. Hand-counted for 2024.
describe('per kommun and per stadsdelsområde', () => {
  it('each kommun its own clients, adding up to the verksamhet; the SQL equals the reference', async () => {
    const vd = (await makeVerksamhet(database.db)).id;
    const S1 = { ...k('kvinna', 1990, 'helt'), stadsdelsomradeKod: 'bromma' }; // Stockholm, Bromma
    const S2 = k('man', 1960, 'nej'); // Stockholm, no stadsdelsområde recorded
    const N1 = k('kvinna', 1980, 'nej', '0182'); // Nacka
    const N2 = k('annan', 2001, 'delvis', '0182');
    const N3 = k('man', 1950, 'nej', '0182');
    const U1 = k('man', 1975, 'nej', '0183'); // Sundbyberg
    const arenden: A[] = [
      [S1, 'aktiv', '2023-05-01', '2023-06-01', null, ['ekonomi']], // carried over
      [S2, 'avslutad', '2024-02-01', '2024-03-01', '2024-09-30', ['bostad']], // new, closed
      [N1, 'aktiv', '2024-01-10', '2024-02-01', null, ['ekonomi', 'bostad']], // new
      [N2, 'aktiv', '2023-11-01', '2023-12-01', null, []], // carried over
      [N3, 'avslutad', '2024-03-01', '2024-03-05', '2024-04-01', ['ekonomi']], // new, closed twice
      [N3, 'avslutad', '2024-05-01', '2024-05-02', '2024-08-01', []],
      [U1, 'avslutad', '2022-01-01', '2022-02-01', '2023-12-31', ['ekonomi']], // not a client in 2024
    ];
    await lagra(vd, arenden);
    const r = await withTx(database.db, { verksamhetIds: [vd] }, (tx) => raknaVerksamhetAr(tx, vd, 2024));
    expect(r.klienter.totalt).toEqual(g(2, 2, 1));
    expect(r.perKommun.map((d) => [d.kommunKod, d.totalt])).toEqual([
      ['0180', g(1, 1)],
      ['0182', g(1, 1, 1)],
    ]);
    const nacka = r.perKommun[1]!;
    expect(nacka.nya).toEqual(g(1, 1));
    expect(nacka.avslutade).toEqual(g(0, 2));
    expect(nacka.avslutadeKlienter).toEqual(g(0, 1));
    expect(nacka.medBarn).toEqual(g(0, 0, 1));
    expect(nacka.alder).toEqual({ '18-29': g(0, 0, 1), '30-49': g(1, 0), '50-64': g(0, 0), '65+': g(0, 1) });
    expect(nacka.kontaktorsaker.ekonomi).toEqual(g(1, 1));
    expect(r.perKommun[0]!.avslutade).toEqual(g(0, 1));
    expect(r.perStadsdelsomrade.map((d) => [d.kommunKod, d.stadsdelsomradeKod, d.totalt.totalt])).toEqual([
      ['0180', 'bromma', 1],
      ['0180', null, 1],
      ['0182', null, 3],
    ]);
    const ref = raknaRedovisning({
      klienter: [S1, S2, N1, N2, N3, U1],
      arenden: arenden.map(([x, status, forfraganDatum, startDatum, avslutDatum, kontaktorsaker], i) => ({
        id: `d${i}`,
        klientId: x.id,
        status,
        forfraganDatum,
        startDatum,
        avslutDatum,
        kontaktorsaker,
      })),
      ar: 2024,
    });
    expect(r).toEqual(ref);
  });
});

describe('raknaManga', () => {
  it('groups by verksamhet and returns zeros for one without casework', async () => {
    const tom = (await makeVerksamhet(database.db)).id;
    const m = await withTx(database.db, { verksamhetIds: [va, vb, tom] }, (tx) =>
      raknaManga(tx, [va, vb, tom], 2024),
    );
    expect([...m.keys()]).toEqual([va, vb, tom]);
    expect(m.get(va)?.klienter.totalt).toEqual(g(2, 2, 1));
    expect(m.get(vb)?.klienter.totalt).toEqual(g(1, 0));
    expect(m.get(vb)?.kontaktorsaker.bostad).toEqual(g(1, 0));
    expect(m.get(vb)?.ko).toEqual({
      harKo: true,
      vantetidMedianDagar: 28,
      vantetidMaxDagar: 28,
      antalIKo3112: 0,
    });
    expect(m.get(tom)).toEqual(tomRakning());
  });

  it('sees only the verksamheter of the transaction (row-level security)', async () => {
    const m = await withTx(database.db, { verksamhetIds: [va] }, (tx) => raknaManga(tx, [va, vb], 2024));
    expect(m.get(va)?.klienter.totalt.totalt).toBe(5);
    expect(m.get(vb)).toEqual(tomRakning());
  });

  it('returns an empty map for no verksamheter', async () => {
    const m = await withTx(database.db, { verksamhetIds: [va] }, (tx) => raknaManga(tx, [], 2024));
    expect(m.size).toBe(0);
  });
});
