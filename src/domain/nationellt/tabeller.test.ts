// The national tables of Socialstyrelsen's lägesrapport 2025 (seed 003: Tabell 2 kommuner and
// verksamheter per län, Tabell 3 age × gender, Tabell 4 clients living with children, Diagram 1 contact
// reasons, waiting times, "Övriga utförare", ledningsgrupper missing members, staff) computed from
// ombud.redovisning/v1 documents. Figures below are hand-computed from the documents built here.
import { describe, expect, it } from 'vitest';
import { ALDERSGRUPPER } from '../codes.ts';
import { bristbild, bristTexter } from './bristbild.ts';
import { kommunTabeller, sammanstall, tabell3Publicerad } from './rapport.ts';
import {
  ko,
  kontaktorsaker,
  ledningsgrupp,
  personal,
  type Referens,
  tabell2,
  tabell3,
  tabell4,
  utforare,
  vantetidIntervall,
} from './tabeller.ts';
import { dokument, gv } from './testdata.ts';

const REF: Referens = {
  lan: [
    { kod: '01', namn: 'Stockholms län' },
    { kod: '03', namn: 'Uppsala län' },
    { kod: '09', namn: 'Gotlands län' },
  ],
  kommuner: [
    { kod: '0114', namn: 'Upplands Väsby', lanKod: '01' },
    { kod: '0115', namn: 'Vallentuna', lanKod: '01' },
    { kod: '0180', namn: 'Stockholm', lanKod: '01' },
    { kod: '0380', namn: 'Uppsala', lanKod: '03' },
    { kod: '0381', namn: 'Enköping', lanKod: '03' },
    { kod: '0980', namn: 'Gotland', lanKod: '09' },
  ],
};

// 2025: A and B both cover Vallentuna (0115), which must count once; C covers one kommun in län 03 only.
const A = dokument({
  ar: 2025,
  kod: 'a',
  namn: 'PO Norrort',
  lanKod: '01',
  kommuner: ['0114', '0115'],
  alder: { '18-29': gv(10, 20), '30-49': gv(30, 20, 1), '50-64': gv(5, 5), '65+': gv(5, 4) },
  medBarn: gv(12, 3),
  kontaktorsaker: { ekonomi: gv(25, 20), myndighetskontakter: gv(40, 30, 1) },
  harKo: true,
  median: 25,
  personal: { ombud: 3, arsarbetare: 2.5, kvinnor: 2, man: 1 },
  brister: [
    { niva: 'central', aktorer: ['forsakringskassan'], amne: 'fk_handlaggningstider' },
    { niva: 'lokal', aktorer: ['region-psykiatri'], amne: 'hs_lakarbrist' },
  ],
  ansokanFte: 3,
});
const B = dokument({
  ar: 2025,
  kod: 'b',
  namn: 'Parasoll',
  lanKod: '01',
  kommuner: ['0115', '0180'],
  utforare: 'stiftelse',
  alder: { '18-29': gv(20, 30), '30-49': gv(40, 30), '50-64': gv(20, 10), '65+': gv(10, 0) },
  medBarn: gv(18, 7),
  kontaktorsaker: { ekonomi: gv(45, 40), myndighetskontakter: gv(60, 40) },
  harKo: true,
  median: 75,
  personal: { ombud: 4, arsarbetare: 3.75, kvinnor: 3, man: 1 },
  saknar: ['primarvard'],
  brister: [
    { niva: 'central', aktorer: ['forsakringskassan', 'arbetsformedlingen'], amne: 'samordning' },
    { niva: 'central', aktorer: ['forsakringskassan'], amne: 'fk_handlaggningstider', titel: 'FK 1' },
    { niva: 'central', aktorer: ['forsakringskassan'], amne: 'fk_handlaggningstider', titel: 'FK 2' },
  ],
});
const C = dokument({
  ar: 2025,
  kod: 'c',
  namn: 'PO Uppsala',
  lanKod: '03',
  kommuner: ['0380'],
  alder: { '18-29': gv(5, 5), '30-49': gv(10, 10), '50-64': gv(5, 5), '65+': gv(0, 0) },
  medBarn: gv(4, 1),
  kontaktorsaker: { ekonomi: gv(10, 10), myndighetskontakter: gv(15, 5) },
  harKo: false,
  personal: { ombud: 2, arsarbetare: 1.17, kvinnor: 1, man: 1 },
  saknar: ['primarvard', 'arbetsformedlingen'],
  brister: [{ niva: 'handlaggare', aktorer: ['forsakringskassan'], amne: 'fk_handlaggningstider' }],
});
const AR2025 = [A, B, C];

const AR2024 = [
  dokument({
    ar: 2024,
    kod: 'a',
    lanKod: '01',
    kommuner: ['0114'],
    alder: { '30-49': gv(50, 40) },
    medBarn: gv(15, 5),
    harKo: true,
    median: 40,
  }),
  dokument({ ar: 2024, kod: 'b', lanKod: '01', kommuner: ['0180'], alder: { '30-49': gv(60, 50) } }),
  dokument({
    ar: 2024,
    kod: 'c',
    lanKod: '03',
    kommuner: ['0380', '0381'],
    alder: { '30-49': gv(30, 20) },
    medBarn: gv(5, 0),
    brister: [{ niva: 'central', aktorer: ['forsakringskassan'], amne: 'fk_handlaggningstider' }],
  }),
];

const AKTORER = [
  { kod: 'forsakringskassan', namn: 'Försäkringskassan', kategori: 'forsakringskassan' },
  { kod: 'arbetsformedlingen', namn: 'Arbetsförmedlingen', kategori: 'arbetsformedlingen' },
  { kod: 'region-psykiatri', namn: 'Regionens psykiatri', kategori: 'region' },
];
const AMNEN = [
  { kod: 'fk_handlaggningstider', namn: 'Långa handläggningstider', grupp: 'forsakringskassan' },
  { kod: 'hs_lakarbrist', namn: 'Läkarbrist', grupp: 'halso_sjukvard' },
  { kod: 'samordning', namn: 'Samordningsbrister', grupp: null },
];

describe('Tabell 2: kommuner and verksamheter per län (seed 003, Tabell 2)', () => {
  const t = tabell2(AR2025, AR2024, REF);
  it.each([
    // lanKod, kommuner, förra året, i år, förändring, verksamheter
    ['01', 3, 2, 3, 1, 2], // 0115 covered by A and B counts once
    ['03', 2, 2, 1, -1, 1], // Enköping dropped out
    ['09', 1, 0, 0, 0, 0], // as Gotland in 2025: no PO
  ])('län %s: %i kommuner, %i → %i (%i), %i verksamheter', (lanKod, k, fore, nu, f, v) => {
    expect(t.rader.find((r) => r.lanKod === lanKod)).toMatchObject({
      kommuner: k,
      kommunerMedPoForegaendeAr: fore,
      kommunerMedPo: nu,
      forandring: f,
      verksamheter: v,
    });
  });
  it('totals as the seed’s "Totalt" row', () => {
    expect(t.totalt).toEqual({
      kommuner: 6,
      kommunerMedPoForegaendeAr: 4,
      kommunerMedPo: 4,
      forandring: 0,
      verksamheter: 3,
    });
  });
  // Seed 003 prints Gotland, with no PO either year, as 1 kommun, 0, 0, change 0: a län with no report in
  // either year keeps its zeros. But with reports this year and none last year, last year is unknown.
  it('first year: reports this year, none last year → last year and the change are null (".."), not +N', () => {
    const r = tabell2(AR2025, [], REF);
    expect(r.rader.find((x) => x.lanKod === '01')).toMatchObject({
      kommunerMedPoForegaendeAr: null,
      kommunerMedPo: 3,
      forandring: null,
    });
    expect(r.rader.find((x) => x.lanKod === '03')).toMatchObject({
      kommunerMedPoForegaendeAr: null,
      forandring: null,
    });
    expect(r.rader.find((x) => x.lanKod === '09')).toMatchObject({
      kommunerMedPoForegaendeAr: 0,
      kommunerMedPo: 0,
      forandring: 0,
    });
    expect(r.totalt).toEqual({
      kommuner: 6,
      kommunerMedPoForegaendeAr: null,
      kommunerMedPo: 4,
      forandring: null,
      verksamheter: 3,
    });
  });
  it('one län without last year’s reports: only its row is unknown, and so is the national total', () => {
    const r = tabell2(
      AR2025,
      AR2024.filter((d) => d.verksamhet.lanKod !== '03'),
      REF,
    );
    expect(r.rader.find((x) => x.lanKod === '03')).toMatchObject({
      kommunerMedPoForegaendeAr: null,
      kommunerMedPo: 1,
      forandring: null,
    });
    expect(r.rader.find((x) => x.lanKod === '01')).toMatchObject({
      kommunerMedPoForegaendeAr: 2,
      forandring: 1,
    });
    expect(r.totalt).toMatchObject({ kommunerMedPoForegaendeAr: null, forandring: null, kommunerMedPo: 4 });
  });
  it('reports last year and none this year: a real decrease, not unknown', () => {
    const r = tabell2([A, B], AR2024, REF);
    expect(r.rader.find((x) => x.lanKod === '03')).toMatchObject({
      kommunerMedPoForegaendeAr: 2,
      kommunerMedPo: 0,
      forandring: -2,
    });
  });
  it('a kommun is placed in the län of the reference data, not the document’s', () => {
    const utanfor = dokument({ ar: 2025, kod: 'x', lanKod: '01', kommuner: ['0381'] });
    const r = tabell2([utanfor], [], REF);
    expect(r.rader.find((x) => x.lanKod === '03')!.kommunerMedPo).toBe(1);
    expect(r.rader.find((x) => x.lanKod === '01')).toMatchObject({ kommunerMedPo: 0, verksamheter: 1 });
  });
});

describe('Tabell 3: clients by gender × age group (seed 003, Tabell 3)', () => {
  it('sums the documents, totals per row and per column; the totalt row is kvinnor + män', () => {
    expect(tabell3(AR2025)).toEqual({
      kvinna: { '18-29': 35, '30-49': 80, '50-64': 30, '65+': 15, totalt: 160 },
      man: { '18-29': 55, '30-49': 60, '50-64': 20, '65+': 4, totalt: 139 },
      annan: { '18-29': 0, '30-49': 1, '50-64': 0, '65+': 0, totalt: 1 },
      // A's one client of annan könsidentitet (30–49) is on its own row, not in totalt (141 → 140)
      totalt: { '18-29': 90, '30-49': 140, '50-64': 50, '65+': 19, totalt: 299 },
    });
  });

  it('printed: Män, Kvinnor, Totalt as published, then annan on its own row with 1–4 as ".."', () => {
    expect(tabell3Publicerad(tabell3(AR2025))).toEqual([
      { rad: 'man', celler: { '18-29': 55, '30-49': 60, '50-64': 20, '65+': 4, totalt: 139 } },
      { rad: 'kvinna', celler: { '18-29': 35, '30-49': 80, '50-64': 30, '65+': 15, totalt: 160 } },
      { rad: 'totalt', celler: { '18-29': 90, '30-49': 140, '50-64': 50, '65+': 19, totalt: 299 } },
      // 1 in 30–49 and 1 in all: both '..'; the zeros point at nobody and stay
      { rad: 'annan', celler: { '18-29': 0, '30-49': null, '50-64': 0, '65+': 0, totalt: null } },
    ]);
  });

  it('reproduces the published 2025 table from 21 län documents that split it', () => {
    // Seed 003 Tabell 3: män 1 019 / 1 995 / 1 128 / 605 = 4 747; kvinnor 1 166 / 2 796 / 1 560 / 292 =
    // 5 814; totalt 2 185 / 4 791 / 2 688 / 897 = 10 561.
    const man = { '18-29': 1019, '30-49': 1995, '50-64': 1128, '65+': 605 } as const;
    const kvinnor = { '18-29': 1166, '30-49': 2796, '50-64': 1560, '65+': 292 } as const;
    const lan = Array.from({ length: 21 }, (_, i) => String(i + 1).padStart(2, '0'));
    const dela = (n: number, i: number) => Math.floor(n / 21) + (i < n % 21 ? 1 : 0);
    const docs = lan.map((l, i) =>
      dokument({
        ar: 2025,
        kod: `po-${l}`,
        lanKod: l,
        kommuner: [`${l}80`],
        alder: Object.fromEntries(
          ALDERSGRUPPER.map((a) => [a, gv(dela(kvinnor[a], i), dela(man[a], i))]),
        ) as Record<(typeof ALDERSGRUPPER)[number], ReturnType<typeof gv>>,
      }),
    );
    const t = tabell3(docs);
    expect(t.man).toEqual({ '18-29': 1019, '30-49': 1995, '50-64': 1128, '65+': 605, totalt: 4747 });
    expect(t.kvinna).toEqual({ '18-29': 1166, '30-49': 2796, '50-64': 1560, '65+': 292, totalt: 5814 });
    expect(t.totalt).toEqual({ '18-29': 2185, '30-49': 4791, '50-64': 2688, '65+': 897, totalt: 10_561 });
  });

  it('with clients of annan könsidentitet added, the published men / women / total stay 4 747 / 5 814 / 10 561', () => {
    // Seed 003 Tabell 3: Totalt = Män + Kvinnor (4 747 + 5 814 = 10 561) in every column. Three clients of
    // annan könsidentitet (two aged 18–29 in one län, one aged 30–49 in another) go on their own row.
    const man = { '18-29': 1019, '30-49': 1995, '50-64': 1128, '65+': 605 } as const;
    const kvinnor = { '18-29': 1166, '30-49': 2796, '50-64': 1560, '65+': 292 } as const;
    const annan = (i: number, a: (typeof ALDERSGRUPPER)[number]) =>
      (i === 0 && a === '18-29' ? 2 : 0) + (i === 1 && a === '30-49' ? 1 : 0);
    const lan = Array.from({ length: 21 }, (_, i) => String(i + 1).padStart(2, '0'));
    const dela = (n: number, i: number) => Math.floor(n / 21) + (i < n % 21 ? 1 : 0);
    const docs = lan.map((l, i) =>
      dokument({
        ar: 2025,
        kod: `po-${l}`,
        lanKod: l,
        kommuner: [`${l}80`],
        alder: Object.fromEntries(
          ALDERSGRUPPER.map((a) => [a, gv(dela(kvinnor[a], i), dela(man[a], i), annan(i, a))]),
        ) as Record<(typeof ALDERSGRUPPER)[number], ReturnType<typeof gv>>,
      }),
    );
    const rader = Object.fromEntries(tabell3Publicerad(tabell3(docs)).map((r) => [r.rad, r.celler]));
    expect(Object.keys(rader)).toEqual(['man', 'kvinna', 'totalt', 'annan']);
    expect(rader.man).toEqual({ '18-29': 1019, '30-49': 1995, '50-64': 1128, '65+': 605, totalt: 4747 });
    expect(rader.kvinna).toEqual({ '18-29': 1166, '30-49': 2796, '50-64': 1560, '65+': 292, totalt: 5814 });
    expect(rader.totalt).toEqual({
      '18-29': 2185,
      '30-49': 4791,
      '50-64': 2688,
      '65+': 897,
      totalt: 10_561,
    });
    expect(rader.annan).toEqual({ '18-29': null, '30-49': null, '50-64': 0, '65+': 0, totalt: null });
    // All clients of the year, annan included, are still counted: 10 561 + 3.
    expect(
      sammanstall({ ar: 2025, docs, foregaende: [], referens: REF, aktorer: [], amnen: [] }).klienter,
    ).toEqual({ kvinna: 5814, man: 4747, annan: 3, totalt: 10_564 });
  });
});

describe('Tabell 4: clients living with children, two years (seed 003, Tabell 4)', () => {
  it('previous year first, share of all clients with one decimal', () => {
    expect(tabell4(2025, AR2025, AR2024)).toEqual([
      // 2024: 25 of 250 clients
      { ar: 2024, kvinna: 20, man: 5, annan: 0, totalt: 25, andel: 10, klienter: 250 },
      // 2025: 45 of 300 = 15 %
      { ar: 2025, kvinna: 34, man: 11, annan: 0, totalt: 45, andel: 15, klienter: 300 },
    ]);
  });
  it('the published shares: 1 789 of 10 248 = 17,5 % (printed 18 %), 1 530 of 10 561 = 14,5 % (15 %)', () => {
    // 10 248 = 10 561 − 313 (seed 003: "en ökning med 313 klienter").
    const ett = (ar: number, kvinna: number, man: number, klienter: number) =>
      dokument({
        ar,
        kod: 'x',
        lanKod: '01',
        kommuner: ['0180'],
        medBarn: gv(kvinna, man),
        totalt: gv(klienter, 0),
      });
    const rader = tabell4(2025, [ett(2025, 1093, 437, 10_561)], [ett(2024, 1297, 492, 10_248)]);
    expect(rader.map((r) => [r.ar, r.man, r.kvinna, r.totalt, r.andel])).toEqual([
      [2024, 492, 1297, 1789, 17.5],
      [2025, 437, 1093, 1530, 14.5],
    ]);
  });
  it('a year without documents is left out', () => {
    expect(tabell4(2025, AR2025, []).map((r) => r.ar)).toEqual([2025]);
  });
});

describe('Diagram 1: contact reasons in % of clients by gender', () => {
  const k = kontaktorsaker(AR2025);
  // Clients: women 160, men 139, all 300.
  it.each([
    ['ekonomi', { kvinna: 50, man: 50.4, totalt: 50 }], // 80/160, 70/139 = 50,36…, 150/300
    // 115/160 = 71,875; 75/139 = 53,956…; 191/300 = 63,666… (the one "annan" client counts in totalt)
    ['myndighetskontakter', { kvinna: 71.9, man: 54, totalt: 63.7 }],
  ] as const)('%s', (kod, vantat) => {
    expect(k[kod]).toEqual(vantat);
  });
  it('a reason nobody gave is 0 %; no clients gives null', () => {
    expect(k.bostad).toEqual({ kvinna: 0, man: 0, totalt: 0 });
    expect(kontaktorsaker([]).ekonomi).toEqual({ kvinna: null, man: null, totalt: null });
  });
});

describe('queue and waiting times (seed 003: 74 of 116 = 64 %)', () => {
  it.each([
    [0, '0-30'],
    [30, '0-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '>90'],
    [365, '>90'],
  ] as const)('%i days → %s', (d, i) => {
    expect(vantetidIntervall(d)).toBe(i);
  });
  it('counts verksamheter with a queue and the ranges of their medians', () => {
    expect(ko(AR2025, AR2024)).toEqual({
      verksamheter: 3,
      antal: 2,
      andel: 66.7,
      vantetider: { '0-30': 1, '31-60': 0, '61-90': 1, '>90': 0 },
      utanMedian: 0,
      foregaendeAr: { verksamheter: 3, antal: 1, andel: 33.3 },
    });
  });
  it('the published share: 74 of 116 = 63,8 %', () => {
    const docs = Array.from({ length: 116 }, (_, i) =>
      dokument({ ar: 2025, kod: `v${i}`, lanKod: '01', kommuner: ['0180'], harKo: i < 74, median: 45 }),
    );
    expect(ko(docs, [])).toMatchObject({ antal: 74, andel: 63.8, vantetider: { '31-60': 74 } });
  });
});

describe('other providers than kommuner (seed 003, "Övriga utförare")', () => {
  it('lists name, type and län', () => {
    expect(utforare(AR2025, REF)).toEqual([
      { kod: 'b', namn: 'Parasoll', utforare: 'stiftelse', lanKod: '01', lanNamn: 'Stockholms län' },
    ]);
  });
});

describe('ledningsgrupp missing a required member (seed 003: 12 %, primärvården most often)', () => {
  it('counts verksamheter missing one or more of the five roles', () => {
    expect(ledningsgrupp(AR2025)).toEqual({
      verksamheter: 3,
      saknarRoll: 2,
      andel: 66.7,
      perRoll: { kommun: 0, primarvard: 2, psykiatri: 0, arbetsformedlingen: 1, forsakringskassan: 0 },
      vanligastSaknad: ['primarvard'],
    });
  });
  it('no one missing: empty list; ties: all of them', () => {
    expect(ledningsgrupp([A]).vanligastSaknad).toEqual([]);
    expect(ledningsgrupp([C]).vanligastSaknad).toEqual(['primarvard', 'arbetsformedlingen']);
  });
});

describe('staff (seed 003: 351 ombud, 324,5 FTE, about 75 % women)', () => {
  it('sums FTE exactly in hundredths', () => {
    expect(personal(AR2025)).toEqual({ ombud: 9, arsarbetare: 7.42, kvinnor: 6, man: 3, andelKvinnor: 66.7 });
  });
});

describe('the brist picture (domain brief "System deficiencies"; seed 003 bilaga 1)', () => {
  const b = bristbild(AR2025, AR2024, { aktorer: AKTORER, amnen: AMNEN });
  it('per subject: verksamheter, län, kommuner, this year and last, by level', () => {
    expect(b.amnen[0]).toEqual({
      kod: 'fk_handlaggningstider',
      namn: 'Långa handläggningstider',
      grupp: 'forsakringskassan',
      nivaer: { handlaggare: 1, lokal: 0, central: 2 },
      antalBrister: 4,
      // A {0114, 0115} ∪ B {0115, 0180} ∪ C {0380}
      iAr: { verksamheter: 3, lan: ['01', '03'], kommuner: 4 },
      foregaendeAr: { verksamheter: 1, lan: ['03'], kommuner: 2 },
    });
    expect(b.amnen.map((r) => [r.kod, r.iAr.verksamheter])).toEqual([
      ['fk_handlaggningstider', 3],
      ['hs_lakarbrist', 1],
      ['samordning', 1],
    ]);
  });
  it('per actor and per actor kategori', () => {
    expect(b.aktorer.map((r) => [r.kod, r.grupp, r.iAr.verksamheter, r.antalBrister])).toEqual([
      ['forsakringskassan', 'forsakringskassan', 3, 5], // A 1, B 3 (samordning, FK 1, FK 2), C 1
      ['arbetsformedlingen', 'arbetsformedlingen', 1, 1],
      ['region-psykiatri', 'region', 1, 1],
    ]);
    expect(b.kategorier.find((r) => r.kod === 'region')!.iAr).toEqual({
      verksamheter: 1,
      lan: ['01'],
      kommuner: 2,
    });
  });
  it('filters by level, län and actor', () => {
    const central = bristbild(AR2025, AR2024, { aktorer: AKTORER, amnen: AMNEN }, { niva: 'central' });
    expect(central.amnen.find((r) => r.kod === 'fk_handlaggningstider')!.iAr.verksamheter).toBe(2);
    const lan03 = bristbild(AR2025, AR2024, { aktorer: AKTORER, amnen: AMNEN }, { lanKod: '03' });
    expect(lan03.amnen.map((r) => r.kod)).toEqual(['fk_handlaggningstider']);
    const af = bristbild(AR2025, [], { aktorer: AKTORER, amnen: AMNEN }, { aktor: 'arbetsformedlingen' });
    expect(af.amnen.map((r) => r.kod)).toEqual(['samordning']);
  });
  it('drill-down to the texts', () => {
    const t = bristTexter(AR2025, AKTORER, { amne: 'fk_handlaggningstider' });
    expect(t.map((x) => [x.verksamhetKod, x.titel, x.niva])).toEqual([
      ['a', 'fk_handlaggningstider (a)', 'central'],
      ['b', 'FK 1', 'central'],
      ['b', 'FK 2', 'central'],
      ['c', 'fk_handlaggningstider (c)', 'handlaggare'],
    ]);
    expect(t[0]!.beskrivning).toBe('Beskrivning av fk_handlaggningstider.');
  });
});

describe('the compilation for the nation and for one län', () => {
  it('has the stable keys and takes only the year’s documents', () => {
    const s = sammanstall({
      ar: 2025,
      docs: [...AR2025, ...AR2024],
      foregaende: AR2024,
      referens: REF,
      aktorer: AKTORER,
      amnen: AMNEN,
    });
    expect(Object.keys(s)).toEqual([
      'ar',
      'lanKod',
      'underlag',
      'klienter',
      'tabell2',
      'tabell3',
      'tabell4',
      'kontaktorsaker',
      'ko',
      'utforare',
      'ledningsgrupp',
      'personal',
      'arbetssatt',
      'brister',
    ]);
    expect(s.underlag).toEqual({ verksamheter: 3, foregaendeAr: 3 });
    expect(s.klienter.totalt).toBe(300);
  });
  it('a län gets its own row and documents only', () => {
    const s = sammanstall({
      ar: 2025,
      lanKod: '03',
      docs: AR2025,
      foregaende: AR2024,
      referens: REF,
      aktorer: AKTORER,
      amnen: AMNEN,
    });
    expect(s.tabell2.rader.map((r) => r.lanKod)).toEqual(['03']);
    expect(s.tabell3.totalt.totalt).toBe(40);
    expect(s.personal.arsarbetare).toBe(1.17);
  });
  it('per kommun: the covering verksamheter’s figures, small numbers as null (shown "..")', () => {
    const k = kommunTabeller('03', [C], REF);
    expect(k.map((x) => x.kommunKod)).toEqual(['0381', '0380']); // Enköping, Uppsala
    const uppsala = k.find((x) => x.kommunKod === '0380')!;
    expect(uppsala.verksamheter).toEqual(['c']);
    expect(uppsala.klienter).toEqual({ kvinna: 20, man: 20, annan: 0, totalt: 40 });
    // medBarn 4 / 1 / 0 = 5: both parts small, total shown
    expect(uppsala.medBarn).toEqual({ kvinna: null, man: null, annan: 0, totalt: 5 });
    // kvinna row 5/10/5/0 = 20: nothing small
    expect(uppsala.tabell3.kvinna).toEqual({ '18-29': 5, '30-49': 10, '50-64': 5, '65+': 0, totalt: 20 });
    const vallentuna = kommunTabeller('01', [A, B], REF).find((x) => x.kommunKod === '0115')!;
    expect(vallentuna.verksamheter).toEqual(['a', 'b']);
    // annan row of A: 0/1/0/0 = 1 → the total is small too
    expect(vallentuna.tabell3.annan).toEqual({
      '18-29': 0,
      '30-49': null,
      '50-64': 0,
      '65+': 0,
      totalt: null,
    });
    // man row: 50, 50, 15, 4 (65+ small) → the smallest other non-zero part (15) goes too
    expect(vallentuna.tabell3.man).toEqual({
      '18-29': 50,
      '30-49': 50,
      '50-64': null,
      '65+': null,
      totalt: 119,
    });
  });
});

// Issue 15: a verksamhet covering three kommuner reports its clients per the clients' own kommun
// (klienter.perKommun); the Länsstyrelse's rows then show each kommun's own clients (suppressed 1–4) and
// add up to the län's clients. A report without the split keeps the old rule, named in helaVerksamheten.
describe('kommunTabeller from figures per kommun', () => {
  const del = (
    kommunKod: string | null,
    alder: Partial<Record<(typeof ALDERSGRUPPER)[number], ReturnType<typeof gv>>>,
    medBarn = gv(0, 0),
  ) => {
    const a = Object.fromEntries(ALDERSGRUPPER.map((x) => [x, alder[x] ?? gv(0, 0)])) as Record<
      (typeof ALDERSGRUPPER)[number],
      ReturnType<typeof gv>
    >;
    const totalt = ALDERSGRUPPER.reduce(
      (s, x) => gv(s.kvinna + a[x].kvinna, s.man + a[x].man, s.annan + a[x].annan),
      gv(0, 0),
    );
    return { kommunKod, totalt, nya: gv(0, 0), avslutade: gv(0, 0), medBarn, alder: a };
  };
  // Three kommuner of län 01, one client in Uppsala (län 03) and two with no kommun recorded.
  const delar = [
    del('0114', { '18-29': gv(6, 4), '30-49': gv(10, 8) }, gv(3, 2)), // 28
    del('0115', { '30-49': gv(7, 5), '65+': gv(0, 1) }), // 13
    del('0180', { '50-64': gv(20, 19, 2) }, gv(6, 0)), // 41
    del('0380', { '30-49': gv(1, 0) }), // 1
    del(null, { '18-29': gv(1, 1) }), // 2
  ];
  const tre = dokument({
    ar: 2025,
    kod: 'tre',
    lanKod: '01',
    kommuner: ['0114', '0115', '0180'],
    alder: {
      '18-29': gv(7, 5),
      '30-49': gv(18, 13),
      '50-64': gv(20, 19, 2),
      '65+': gv(0, 1),
    },
    medBarn: gv(9, 2),
  });
  const medDelar = { ...tre, klienter: { ...tre.klienter, perKommun: delar } };
  const rad = (k: ReturnType<typeof kommunTabeller>, kod: string | null) =>
    k.find((x) => x.kommunKod === kod)!;

  it('shows each kommun’s own clients, different and summing to the verksamhet’s total', () => {
    const k = kommunTabeller('01', [medDelar], REF);
    expect(k.map((x) => x.kommunKod)).toEqual(['0180', '0114', '0115', '0380', null]);
    expect(rad(k, '0114').klienter).toEqual({ kvinna: 16, man: 12, annan: 0, totalt: 28 });
    expect(rad(k, '0115').klienter).toEqual({ kvinna: 7, man: 6, annan: 0, totalt: 13 });
    // annan 2 is small: hidden, and the smallest other part (19) with it
    expect(rad(k, '0180').klienter).toEqual({ kvinna: 20, man: null, annan: null, totalt: 41 });
    expect(rad(k, '0380').klienter.totalt).toBeNull(); // 1 client in Uppsala: '..'
    expect(rad(k, null).kommunNamn).toBe('Kommun ej angiven');
    expect(rad(k, null).klienter.totalt).toBeNull(); // 2: '..'
    expect(rad(k, '0114').medBarn).toEqual({ kvinna: null, man: null, annan: 0, totalt: 5 }); // 3 + 2
    expect(k.every((x) => x.helaVerksamheten.length === 0)).toBe(true);
    // Unsuppressed, the rows add up to the verksamhet's clients (28 + 13 + 41 + 1 + 2 = 85).
    const summa = delar.reduce((s, d) => s + d.totalt.totalt, 0);
    expect(summa).toBe(medDelar.klienter.totalt.totalt);
    // Tabell 3 per kommun: Stockholm's 50–64 row only
    expect(rad(k, '0180').tabell3.kvinna).toEqual({
      '18-29': 0,
      '30-49': 0,
      '50-64': 20,
      '65+': 0,
      totalt: 20,
    });
  });

  it('without the split, the old rule: the whole verksamhet under each kommun it covers, named', () => {
    const k = kommunTabeller('01', [tre], REF);
    for (const kod of ['0114', '0115', '0180']) {
      expect(rad(k, kod).klienter.totalt).toBe(85);
      expect(rad(k, kod).helaVerksamheten).toEqual(['tre']);
    }
    expect(k.map((x) => x.kommunKod)).toEqual(['0180', '0114', '0115']);
  });

  it('mixes both: a kommun row adds split figures and a covering verksamhet’s whole ones', () => {
    const k = kommunTabeller('01', [medDelar, A], REF); // A covers 0114 and 0115 without a split
    expect(rad(k, '0115').verksamheter).toEqual(['a', 'tre']);
    expect(rad(k, '0115').helaVerksamheten).toEqual(['a']);
    expect(rad(k, '0115').klienter.totalt).toBe(13 + A.klienter.totalt.totalt);
    expect(rad(k, '0180').helaVerksamheten).toEqual([]);
  });
});
