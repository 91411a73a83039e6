// The counting rules of the annual report (domain brief "Annual report": a client "had support during Y"
// if their case was active on any day of Y; nya, avslutade, age = Y − birth year in groups 18–29, 30–49,
// 50–64, ≥65, with children, contact reasons counted once per client, queue and waiting days). All
// expected figures below are counted by hand from the casework in the comments.
import { describe, expect, it } from 'vitest';
import type { ArendeStatus } from '../codes.ts';
import {
  type ArendePost,
  arAktivtUnder,
  arAvslutatUnder,
  hadeKoUnder,
  type KlientPost,
  kontaktorsakAndelar,
  median,
  raknaRedovisning,
  vantarPaDag,
  vantetidDagar,
} from './raknare.ts';
import type { G } from './typer.ts';
import { valideraRedovisning } from './validering.ts';

const g = (kvinna: number, man: number, annan: number): G => ({
  kvinna,
  man,
  annan,
  totalt: kvinna + man + annan,
});
const NOLL = g(0, 0, 0);

function arende(
  id: string,
  klientId: string,
  status: ArendeStatus,
  forfraganDatum: string,
  startDatum: string | null,
  avslutDatum: string | null,
  kontaktorsaker: string[] = [],
): ArendePost {
  return { id, klientId, status, forfraganDatum, startDatum, avslutDatum, kontaktorsaker };
}

const KLIENTER: KlientPost[] = [
  { id: 'k1', kon: 'kvinna', fodelsear: 1981, barnUnder18: 'nej' },
  { id: 'k2', kon: 'man', fodelsear: 1996, barnUnder18: 'helt' },
  { id: 'k3', kon: 'annan', fodelsear: 1961, barnUnder18: 'delvis' },
  { id: 'k4', kon: 'kvinna', fodelsear: 1955, barnUnder18: 'nej' },
  { id: 'k5', kon: 'man', fodelsear: 1990, barnUnder18: 'helt' },
  { id: 'k6', kon: 'kvinna', fodelsear: 1970, barnUnder18: 'nej' },
  { id: 'k7', kon: 'kvinna', fodelsear: 1985, barnUnder18: 'nej' },
  { id: 'k8', kon: 'man', fodelsear: 1996, barnUnder18: 'nej' },
  { id: 'k9', kon: 'man', fodelsear: 1995, barnUnder18: 'nej' },
  { id: 'k10', kon: 'annan', fodelsear: 2007, barnUnder18: 'nej' },
];

const ARENDEN: ArendePost[] = [
  // carried over from 2024, still open
  arende('a1', 'k1', 'aktiv', '2024-11-01', '2024-11-15', null, ['ekonomi', 'myndighetskontakter']),
  // requested and started on 1 January, closed on 31 December (both edges inside 2025); no wait
  arende('a2', 'k2', 'avslutad', '2025-01-01', '2025-01-01', '2025-12-31', ['bostad']),
  // closed ON 1 January 2025: still active in 2025, and active in 2024, so not new
  arende('a3', 'k3', 'avslutad', '2024-12-01', '2024-12-10', '2025-01-01', ['ekonomi']),
  // one client, two ärenden in 2025 (30 and 40 days' wait): counted once everywhere
  arende('a4a', 'k4', 'avslutad', '2025-02-01', '2025-03-03', '2025-06-30', ['ekonomi', 'bostad']),
  arende('a4b', 'k4', 'aktiv', '2025-08-01', '2025-09-10', null, ['ekonomi', 'sjukvardskontakter']),
  // still in the queue on 31 December: not a client
  arende('a5', 'k5', 'ko', '2025-11-01', null, null, ['ekonomi']),
  // found ej aktuell after a month's wait: never a client
  arende('a6', 'k6', 'ej_aktuell', '2025-03-01', null, '2025-04-01', ['bostad']),
  // closed on 31 December 2024: not active in 2025
  arende('a7', 'k7', 'avslutad', '2024-01-10', '2024-02-01', '2024-12-31', ['relationsfragor']),
  // requested in 2025, starts in 2026: in the queue on 31 December 2025
  arende('a8', 'k8', 'ko', '2025-12-01', '2026-01-10', null, ['ekonomi']),
  // waited over new year, 13 days
  arende('a9', 'k9', 'aktiv', '2024-12-20', '2025-01-02', null, ['struktur_i_vardagen']),
  // requested on leap day 2024, started a year and a day later: 366 days
  arende('a10', 'k10', 'aktiv', '2024-02-29', '2025-03-01', null, ['bryta_isolering', 'annan']),
];

describe('raknaRedovisning on hand-counted casework', () => {
  it('2025', () => {
    const r = raknaRedovisning({ klienter: KLIENTER, arenden: ARENDEN, ar: 2025 });
    expect(r.klienter).toEqual({
      totalt: g(2, 2, 2), // k1 k4 | k2 k9 | k3 k10
      nya: g(1, 2, 1), // k4 | k2 k9 | k10
      avslutade: g(1, 1, 1), // a4a (k4; a4b is still open) | a2 | a3
      avslutadeKlienter: g(1, 1, 1), // k4 | k2 | k3
      medBarn: g(0, 1, 1), // k2 helt, k3 delvis; k5 has children but is not a client
      alder: {
        '18-29': g(0, 1, 1), // k2 29 år, k10 18 år
        '30-49': g(1, 1, 0), // k1 44, k9 30
        '50-64': g(0, 0, 1), // k3 64
        '65+': g(1, 0, 0), // k4 70
      },
    });
    expect(r.kontaktorsaker).toEqual({
      ekonomi: g(2, 0, 1), // k1, k4 (on both ärenden, counted once), k3; not k5 or k8 in the queue
      bostad: g(1, 1, 0), // k4, k2; not k6 (ej aktuell)
      sysselsattning: NOLL,
      struktur_i_vardagen: g(0, 1, 0),
      bryta_isolering: g(0, 0, 1),
      relationsfragor: NOLL, // only k7, closed in 2024
      existentiella_fragor: NOLL,
      myndighetskontakter: g(1, 0, 0),
      sjukvardskontakter: g(1, 0, 0),
      annan: g(0, 0, 1),
    });
    // started in 2025: a2 0, a9 13, a4a 30, a4b 40, a10 366 → median 30; waiting on 31 Dec: a5, a8
    expect(r.ko).toEqual({ harKo: true, vantetidMedianDagar: 30, vantetidMaxDagar: 366, antalIKo3112: 2 });
  });

  it('2024 from the same casework', () => {
    const r = raknaRedovisning({ klienter: KLIENTER, arenden: ARENDEN, ar: 2024 });
    expect(r.klienter).toEqual({
      totalt: g(2, 0, 1), // k1 k7 | - | k3
      nya: g(2, 0, 1), // nobody was active in 2023
      avslutade: g(1, 0, 0), // a7 (k7) on 31 December
      avslutadeKlienter: g(1, 0, 0),
      medBarn: g(0, 0, 1),
      alder: { '18-29': NOLL, '30-49': g(2, 0, 0), '50-64': g(0, 0, 1), '65+': NOLL },
    });
    expect(r.kontaktorsaker.ekonomi).toEqual(g(1, 0, 1));
    expect(r.kontaktorsaker.relationsfragor).toEqual(g(1, 0, 0));
    expect(r.kontaktorsaker.myndighetskontakter).toEqual(g(1, 0, 0));
    // started in 2024: a3 9, a1 14, a7 22; waiting on 31 Dec 2024: a9 and a10
    expect(r.ko).toEqual({ harKo: true, vantetidMedianDagar: 14, vantetidMaxDagar: 22, antalIKo3112: 2 });
  });

  it('open ärenden carry on into later years; no casework gives zeros, no queue, no waiting times', () => {
    const r = raknaRedovisning({ klienter: KLIENTER, arenden: ARENDEN, ar: 2030 });
    expect(r.klienter.totalt).toEqual(g(2, 2, 1)); // still open: a1 k1, a4b k4 | a8 k8, a9 k9 | a10 k10
    expect(r.klienter.nya).toEqual(NOLL);
    const tom = raknaRedovisning({ klienter: [], arenden: [], ar: 2025 });
    expect(tom.klienter.totalt).toEqual(NOLL);
    expect(Object.values(tom.kontaktorsaker).every((x) => x.totalt === 0)).toBe(true);
    expect(tom.ko).toEqual({
      harKo: false,
      vantetidMedianDagar: null,
      vantetidMaxDagar: null,
      antalIKo3112: 0,
    });
  });

  // Seed 001 (Norra innerstaden, redovisning 2025): "Under året har totalt 91 ärenden avslutats" — the
  // report counts ärenden closed, as the domain brief says ("closed (avslutade): ärenden closed during Y").
  it('avslutade counts ärenden: a client with two ärenden closed in the year counts 2', () => {
    const r = raknaRedovisning({
      klienter: [
        { id: 'två', kon: 'kvinna', fodelsear: 1980, barnUnder18: 'nej' },
        { id: 'en', kon: 'man', fodelsear: 1975, barnUnder18: 'nej' },
      ],
      arenden: [
        arende('t1', 'två', 'avslutad', '2025-01-10', '2025-02-01', '2025-04-30'),
        arende('t2', 'två', 'avslutad', '2025-08-01', '2025-08-15', '2025-12-31'),
        arende('e1', 'en', 'avslutad', '2024-05-01', '2024-06-01', '2025-03-01'),
        // closed in 2025 without ever starting: a request, not a closed ärende
        arende('e2', 'en', 'ej_aktuell', '2025-09-01', null, '2025-09-20'),
      ],
      ar: 2025,
    });
    expect(r.klienter.totalt).toEqual(g(1, 1, 0));
    expect(r.klienter.avslutade).toEqual(g(2, 1, 0)); // t1 + t2 | e1
    expect(r.klienter.avslutadeKlienter).toEqual(g(1, 1, 0)); // the people behind them
    // more ärenden closed (3) than clients (2), and the figures still pass the report's checks
    expect(r.klienter.avslutade.totalt).toBeGreaterThan(r.klienter.totalt.totalt);
    const personal = { ombud: 1, kvinnor: 1, man: 0, arsarbetare: 1 };
    expect(valideraRedovisning({ ...r, personal })).toEqual([]);
  });

  it('counts a client under 18 in the youngest national group so the groups add up', () => {
    const r = raknaRedovisning({
      klienter: [{ id: 'u', kon: 'man', fodelsear: 2008, barnUnder18: 'nej' }],
      arenden: [arende('x', 'u', 'aktiv', '2025-10-01', '2025-10-01', null)],
      ar: 2025,
    });
    expect(r.klienter.alder['18-29']).toEqual(g(0, 1, 0));
  });

  it('an ej_aktuell request is never a client, even with a start date', () => {
    const r = raknaRedovisning({
      klienter: [{ id: 'u', kon: 'man', fodelsear: 1980, barnUnder18: 'nej' }],
      arenden: [arende('x', 'u', 'ej_aktuell', '2025-01-10', '2025-02-01', null, ['ekonomi'])],
      ar: 2025,
    });
    expect(r.klienter.totalt).toEqual(NOLL);
    expect(r.kontaktorsaker.ekonomi).toEqual(NOLL);
    expect(r.ko.vantetidMaxDagar).toBeNull();
  });

  it.each<[string, ArendePost, RegExp]>([
    ['unknown client', arende('x', 'nobody', 'aktiv', '2025-01-01', '2025-01-02', null), /okänd klient/],
    ['impossible date', arende('x', 'k1', 'aktiv', '2025-02-29', null, null), /ogiltigt datum/],
    ['start before request', arende('x', 'k1', 'aktiv', '2025-02-01', '2025-01-31', null), /start före/],
    [
      'close before start',
      arende('x', 'k1', 'avslutad', '2025-01-01', '2025-02-01', '2025-01-31'),
      /avslut före/,
    ],
    [
      'unknown reason',
      arende('x', 'k1', 'aktiv', '2025-01-01', '2025-01-01', null, ['pengar']),
      /kontaktorsak/,
    ],
  ])('refuses inconsistent input: %s', (_namn, a, fel) => {
    expect(() => raknaRedovisning({ klienter: KLIENTER, arenden: [a], ar: 2025 })).toThrow(fel);
  });

  it('refuses a client listed twice', () => {
    const k = KLIENTER[0] as KlientPost;
    expect(() => raknaRedovisning({ klienter: [k, k], arenden: [], ar: 2025 })).toThrow(/två gånger/);
  });
});

describe('arAktivtUnder / arAvslutatUnder (year 2025)', () => {
  it.each<[string | null, string | null, ArendeStatus, boolean, boolean]>([
    // start, close, status, active in 2025, closed in 2025
    ['2025-01-01', null, 'aktiv', true, false],
    ['2025-12-31', null, 'aktiv', true, false],
    ['2026-01-01', null, 'aktiv', false, false],
    ['2020-05-05', null, 'aktiv', true, false],
    ['2024-06-01', '2024-12-31', 'avslutad', false, false],
    ['2024-06-01', '2025-01-01', 'avslutad', true, true],
    ['2025-12-31', '2025-12-31', 'avslutad', true, true],
    ['2025-06-01', '2026-01-01', 'avslutad', true, false],
    ['2024-02-29', '2024-02-29', 'avslutad', false, false],
    [null, null, 'forfragan', false, false],
    [null, null, 'ko', false, false],
    [null, '2025-03-01', 'ej_aktuell', false, false],
    ['2025-03-01', null, 'ej_aktuell', false, false],
  ])('start %s, close %s (%s) → active %s, closed %s', (start, slut, status, aktiv, avslutat) => {
    const a = arende('x', 'k', status, '2020-01-01', start, slut);
    expect(arAktivtUnder(a, 2025)).toBe(aktiv);
    expect(arAvslutatUnder(a, 2025)).toBe(avslutat);
  });

  it('a leap-day ärende is active in 2024 only', () => {
    const a = arende('x', 'k', 'avslutad', '2024-02-29', '2024-02-29', '2024-02-29');
    expect([2023, 2024, 2025].map((ar) => arAktivtUnder(a, ar))).toEqual([false, true, false]);
  });
});

describe('waiting', () => {
  it.each<[string, string | null, string | null, ArendeStatus, number | null]>([
    ['2025-01-01', '2025-01-01', null, 'aktiv', 0],
    ['2024-12-31', '2025-01-01', null, 'aktiv', 1],
    ['2024-02-28', '2024-03-01', null, 'aktiv', 2],
    ['2025-02-28', '2025-03-01', null, 'aktiv', 1],
    ['2024-02-29', '2025-03-01', null, 'aktiv', 366],
    ['2025-01-01', null, null, 'ko', null],
    ['2025-01-01', '2025-02-01', null, 'ej_aktuell', null],
  ])('request %s, start %s → %s days', (forfragan, start, slut, status, dagar) => {
    expect(vantetidDagar(arende('x', 'k', status, forfragan, start, slut))).toBe(dagar);
  });

  it.each<[ArendePost, string, boolean]>([
    [arende('x', 'k', 'ko', '2025-12-31', null, null), '2025-12-31', true], // asked today, waits today
    [arende('x', 'k', 'ko', '2025-12-31', null, null), '2025-12-30', false],
    [arende('x', 'k', 'aktiv', '2025-12-01', '2025-12-31', null), '2025-12-31', false], // started today
    [arende('x', 'k', 'aktiv', '2025-12-01', '2025-12-31', null), '2025-12-30', true],
    [arende('x', 'k', 'ej_aktuell', '2025-12-01', null, '2025-12-31'), '2025-12-31', false],
    [arende('x', 'k', 'ej_aktuell', '2025-12-01', null, '2026-01-05'), '2025-12-31', true],
    [arende('x', 'k', 'ej_aktuell', '2025-12-01', null, null), '2025-12-01', false], // unknown end: no wait
    [arende('x', 'k', 'avslutad', '2025-12-01', null, '2026-01-05'), '2025-12-31', true],
  ])('vantarPaDag(%j, %s) = %s', (a, dag, vantat) => {
    expect(vantarPaDag(a, dag)).toBe(vantat);
  });

  it.each<[string, ArendePost, boolean]>([
    [
      'waited in 2024 only, started 1 Jan 2025',
      arende('x', 'k', 'aktiv', '2024-12-20', '2025-01-01', null),
      true,
    ],
    ['started the day it was asked for', arende('x', 'k', 'aktiv', '2025-05-05', '2025-05-05', null), false],
    ['waited and started in 2024', arende('x', 'k', 'aktiv', '2024-05-01', '2024-06-01', null), false],
    ['asked on 31 Dec, still waiting', arende('x', 'k', 'ko', '2025-12-31', null, null), true],
    ['asked in 2026', arende('x', 'k', 'ko', '2026-01-01', null, null), false],
    ['waiting since 2023', arende('x', 'k', 'ko', '2023-06-01', null, null), true],
    [
      'ej aktuell in 2024 after waiting',
      arende('x', 'k', 'ej_aktuell', '2024-03-01', null, '2024-05-01'),
      false,
    ],
    [
      'ej aktuell in 2025 after waiting',
      arende('x', 'k', 'ej_aktuell', '2024-03-01', null, '2025-01-02'),
      true,
    ],
  ])('hadeKoUnder 2025: %s → %s', (_namn, a, vantat) => {
    expect(hadeKoUnder(a, 2025)).toBe(vantat);
  });
});

describe('median', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    [[20, 31], 26], // 25,5 rounds half up
    [[20, 30], 25],
    [[1, 2, 3, 4], 3], // 2,5 → 3
    [[0, 0, 0, 1], 0],
    [[366, 0, 13, 30, 40], 30],
  ])('median(%j) = %s', (varden, m) => {
    expect(median(varden)).toBe(m);
  });
});

describe('kontaktorsakAndelar', () => {
  it('gives each gender its share in per cent with one decimal, null without clients', () => {
    const r = raknaRedovisning({ klienter: KLIENTER, arenden: ARENDEN, ar: 2025 });
    const a = kontaktorsakAndelar(r);
    expect(a.ekonomi).toEqual({ kvinna: 100, man: 0, annan: 50, totalt: 50 });
    expect(a.bostad).toEqual({ kvinna: 50, man: 50, annan: 0, totalt: 33.3 });
    const tom = kontaktorsakAndelar(raknaRedovisning({ klienter: [], arenden: [], ar: 2025 }));
    expect(tom.ekonomi).toEqual({ kvinna: null, man: null, annan: null, totalt: null });
  });

  it('reproduces Stockholm 2020 (seed 002): Ekonomi 144 of 332 women and 132 of 293 men', () => {
    const r = raknaRedovisning({ klienter: [], arenden: [], ar: 2020 });
    r.klienter.totalt = g(332, 293, 0);
    r.kontaktorsaker.ekonomi = g(144, 132, 0);
    r.kontaktorsaker.myndighetskontakter = g(217, 190, 0);
    const a = kontaktorsakAndelar(r);
    expect(a.ekonomi).toEqual({ kvinna: 43.4, man: 45.1, annan: null, totalt: 44.2 });
    expect(a.myndighetskontakter).toEqual({ kvinna: 65.4, man: 64.8, annan: null, totalt: 65.1 });
  });
});

// Issue 15 ("figures below the verksamhet"; seed 002 reports Stockholm per områdeskontor): a verksamhet
// covering three kommuner counts each client under the client's own kommun, so each kommun gets its own
// figures and together they are the verksamhet's. Counted by hand for 2025 from the casework below.
describe('per kommun and per stadsdelsområde (2025)', () => {
  const r = raknaRedovisning({
    klienter: [
      // Nacka: a woman of 35 with children, carried over from 2024; a man of 25, new, closed in 2025
      { id: 's1', kon: 'kvinna', fodelsear: 1990, barnUnder18: 'helt', kommunKod: '0182' },
      { id: 's2', kon: 'man', fodelsear: 2000, barnUnder18: 'nej', kommunKod: '0182' },
      // Sundbyberg: a woman of 65, new; another whose only ärende ended in 2024 (no client in 2025)
      { id: 's3', kon: 'kvinna', fodelsear: 1960, barnUnder18: 'nej', kommunKod: '0183' },
      { id: 's6', kon: 'kvinna', fodelsear: 1985, barnUnder18: 'nej', kommunKod: '0183' },
      // Stockholm, stadsdelsområde sdo-x: annan könsidentitet, 55, carried over, closed ON 1 January 2025
      {
        id: 's4',
        kon: 'annan',
        fodelsear: 1970,
        barnUnder18: 'nej',
        kommunKod: '0180',
        stadsdelsomradeKod: 'sdo-x',
      },
      // no kommun recorded: a man of 45 living partly with children, new
      { id: 's5', kon: 'man', fodelsear: 1980, barnUnder18: 'delvis', kommunKod: null },
    ],
    arenden: [
      arende('a1', 's1', 'aktiv', '2024-02-01', '2024-03-01', null, ['ekonomi']),
      arende('a2', 's2', 'avslutad', '2025-01-15', '2025-02-01', '2025-10-01', ['bostad']),
      arende('a3', 's3', 'aktiv', '2025-04-01', '2025-05-01', null, ['ekonomi']),
      arende('a6', 's6', 'avslutad', '2024-01-01', '2024-01-10', '2024-06-01', ['ekonomi']),
      arende('a4', 's4', 'avslutad', '2022-12-01', '2023-01-01', '2025-01-01'),
      arende('a5', 's5', 'aktiv', '2025-05-20', '2025-06-01', null, ['bostad', 'ekonomi']),
    ],
    ar: 2025,
  });
  const del = (kod: string | null) => r.perKommun.find((d) => d.kommunKod === kod)!;

  it('gives each kommun its own clients, in code order with "Kommun ej angiven" (null) last', () => {
    expect(r.perKommun.map((d) => d.kommunKod)).toEqual(['0180', '0182', '0183', null]);
    expect(r.perKommun.map((d) => d.totalt.totalt)).toEqual([1, 2, 1, 1]);
    expect(del('0182').totalt).toEqual(g(1, 1, 0));
    expect(del('0182').nya).toEqual(g(0, 1, 0));
    expect(del('0182').avslutade).toEqual(g(0, 1, 0));
    expect(del('0182').medBarn).toEqual(g(1, 0, 0));
    expect(del('0182').alder).toEqual({
      '18-29': g(0, 1, 0),
      '30-49': g(1, 0, 0),
      '50-64': NOLL,
      '65+': NOLL,
    });
    expect(del('0182').kontaktorsaker.ekonomi).toEqual(g(1, 0, 0));
    expect(del('0182').kontaktorsaker.bostad).toEqual(g(0, 1, 0));
    expect(del('0183').totalt).toEqual(g(1, 0, 0)); // s6 had no support in 2025
    expect(del('0183').alder['65+']).toEqual(g(1, 0, 0));
    expect(del('0180').avslutade).toEqual(g(0, 0, 1));
    expect(del('0180').nya).toEqual(NOLL);
    expect(del(null).medBarn).toEqual(g(0, 1, 0));
    expect(del(null).kontaktorsaker.ekonomi).toEqual(g(0, 1, 0));
  });

  it('adds up to the verksamhet’s figures', () => {
    expect(r.klienter.totalt).toEqual(g(2, 2, 1));
    const summa = (f: (d: (typeof r.perKommun)[number]) => number) =>
      r.perKommun.reduce((s, d) => s + f(d), 0);
    expect(summa((d) => d.totalt.totalt)).toBe(r.klienter.totalt.totalt);
    expect(summa((d) => d.nya.kvinna)).toBe(r.klienter.nya.kvinna);
    expect(summa((d) => d.avslutade.totalt)).toBe(r.klienter.avslutade.totalt);
    expect(summa((d) => d.kontaktorsaker.ekonomi.totalt)).toBe(r.kontaktorsaker.ekonomi.totalt);
  });

  it('per stadsdelsområde when a client has one; the others as (kommun, not recorded)', () => {
    expect(r.perStadsdelsomrade.map((d) => [d.kommunKod, d.stadsdelsomradeKod, d.totalt.totalt])).toEqual([
      ['0180', 'sdo-x', 1],
      ['0182', null, 2],
      ['0183', null, 1],
      [null, null, 1],
    ]);
    const utan = raknaRedovisning({
      klienter: [{ id: 'x', kon: 'man', fodelsear: 1980, barnUnder18: 'nej', kommunKod: '0182' }],
      arenden: [arende('x1', 'x', 'aktiv', '2025-01-01', '2025-01-01', null)],
      ar: 2025,
    });
    expect(utan.perStadsdelsomrade).toEqual([]);
    expect(utan.perKommun.map((d) => d.kommunKod)).toEqual(['0182']);
  });
});
