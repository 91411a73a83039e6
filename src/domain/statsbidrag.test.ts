// The grant maths: domain brief "The grant" and seed 003 ("Statsbidragets fördelning och utfall", Tabell 1):
// 131 500 000 kr, of which 1 500 000 for Socialstyrelsen's own costs; 130 000 000 / 331,42 FTE = 392 251 kr
// per FTE; 129 999 828 kr paid; 172 kr unused. In 2013 the amount was 300 000 kr per FTE.
import { describe, expect, it } from 'vitest';
import {
  beloppForFte,
  beraknaBeloppPerArsarbetare,
  fordelaStatsbidrag,
  fteFranText,
  fteTillText,
} from './statsbidrag.ts';

describe('beraknaBeloppPerArsarbetare', () => {
  it.each([
    [130_000_000, 33_142, 392_251], // 2025, seed 003
    [30_000_000, 10_000, 300_000], // 100 FTE at the 2013 amount
    [100, 3, 3_333], // 100 kr / 0,03 FTE = 3 333,33…
    [999, 100, 999],
    [1_000, 300, 333],
    [0, 33_142, 0],
    [130_000_000, 0, 0], // no FTE applied for: no division by zero, nothing paid
  ])('%i kr / %i hundredths → %i kr', (budget, fte, belopp) => {
    expect(beraknaBeloppPerArsarbetare(budget, fte)).toBe(belopp);
  });

  it.each([
    [-1, 100],
    [100, -1],
    [100.5, 100],
    [100, 331.42], // FTE must already be hundredths
    [Number.NaN, 100],
    [2 ** 53, 100],
  ])('refuses budget %d with FTE %d', (budget, fte) => {
    expect(() => beraknaBeloppPerArsarbetare(budget, fte)).toThrow(RangeError);
  });
});

describe('beloppForFte', () => {
  it.each([
    [33_142, 392_251, 'nedat', 129_999_826], // 129 999 826,42
    [33_142, 392_251, 'narmast', 129_999_826],
    [150, 392_251, 'nedat', 588_376], // 588 376,5
    [150, 392_251, 'narmast', 588_377],
    [400, 392_251, 'nedat', 1_569_004], // four FTE (seed 001) is exact
    [0, 392_251, 'nedat', 0],
  ] as const)('%i hundredths × %i kr (%s) → %i kr', (fte, belopp, avrundning, kr) => {
    expect(beloppForFte(fte, belopp, avrundning)).toBe(kr);
  });
});

// An INVENTED split of 331,42 FTE over 20 län (seed 003 has no per-län table; Gotland had no PO in 2025).
const PAHITTAD_LANSFORDELNING = [
  ['01', 5387],
  ['03', 1375],
  ['04', 1020],
  ['05', 1615],
  ['06', 985],
  ['07', 565],
  ['08', 1405],
  ['10', 490],
  ['12', 4570],
  ['13', 1365],
  ['14', 5505],
  ['17', 1115],
  ['18', 915],
  ['19', 850],
  ['20', 1220],
  ['21', 1000],
  ['22', 1075],
  ['23', 550],
  ['24', 1150],
  ['25', 985],
].map(([lanKod, fteHundradelar]) => ({ lanKod: String(lanKod), fteHundradelar: Number(fteHundradelar) }));

describe('fordelaStatsbidrag', () => {
  it('2025 as one block: 392 251 kr per FTE, 129 999 826 kr paid when rounding down', () => {
    expect(
      fordelaStatsbidrag({
        totalBudgetKr: 131_500_000,
        administrationKr: 1_500_000,
        lan: [{ lanKod: '00', fteHundradelar: 33_142 }],
      }),
    ).toEqual({
      budgetForOmbudKr: 130_000_000,
      totalFteHundradelar: 33_142,
      beloppPerArsarbetareKr: 392_251,
      perLan: [{ lanKod: '00', fteHundradelar: 33_142, beloppKr: 129_999_826 }],
      fordelatKr: 129_999_826,
      outnyttjatKr: 174,
    });
  });

  it('2025 over 20 län: same amount per FTE; sum of per-län floors never exceeds the single floor', () => {
    const r = fordelaStatsbidrag({
      totalBudgetKr: 131_500_000,
      administrationKr: 1_500_000,
      lan: PAHITTAD_LANSFORDELNING,
      avrundning: 'nedat',
    });
    expect(r.totalFteHundradelar).toBe(33_142);
    expect(r.beloppPerArsarbetareKr).toBe(392_251);
    expect(r.fordelatKr).toBe(129_999_818);
    expect(r.outnyttjatKr).toBe(182);
    expect(r.fordelatKr).toBeLessThanOrEqual(129_999_826);
    for (const l of r.perLan) expect(l.beloppKr).toBe(Math.floor((l.fteHundradelar * 392_251) / 100));
  });

  it('nearest-krona rounding per län can reproduce the published 129 999 828 kr and 172 kr unused', () => {
    const r = fordelaStatsbidrag({
      totalBudgetKr: 131_500_000,
      administrationKr: 1_500_000,
      lan: PAHITTAD_LANSFORDELNING,
      avrundning: 'narmast',
    });
    expect(r.fordelatKr).toBe(129_999_828);
    expect(r.outnyttjatKr).toBe(172);
  });

  it('rounds to the nearest krona unless told otherwise: the published method (seed 003, Tabell 1)', () => {
    const utan = fordelaStatsbidrag({
      totalBudgetKr: 131_500_000,
      administrationKr: 1_500_000,
      lan: PAHITTAD_LANSFORDELNING,
    });
    expect(utan.fordelatKr).toBe(129_999_828);
    expect(utan.outnyttjatKr).toBe(172);
  });

  it.each([
    [[{ lanKod: '01', fteHundradelar: 1 }], 1_000, 100_000, 1_000], // 0,01 FTE takes the whole budget
    [
      [
        { lanKod: '01', fteHundradelar: 100 },
        { lanKod: '03', fteHundradelar: 200 },
      ],
      1_000,
      333,
      999,
    ],
    [
      [
        { lanKod: '01', fteHundradelar: 1 },
        { lanKod: '03', fteHundradelar: 1 },
        { lanKod: '04', fteHundradelar: 1 },
      ],
      100,
      3_333,
      99,
    ],
  ])('distributed + unused = budget (%j, budget %i)', (lan, budget, perFte, fordelat) => {
    const r = fordelaStatsbidrag({ totalBudgetKr: budget, administrationKr: 0, lan });
    expect(r.beloppPerArsarbetareKr).toBe(perFte);
    expect(r.fordelatKr).toBe(fordelat);
    expect(r.fordelatKr + r.outnyttjatKr).toBe(budget);
  });

  it('with no FTE at all everything stays unused', () => {
    expect(fordelaStatsbidrag({ totalBudgetKr: 131_500_000, administrationKr: 1_500_000, lan: [] })).toEqual({
      budgetForOmbudKr: 130_000_000,
      totalFteHundradelar: 0,
      beloppPerArsarbetareKr: 0,
      perLan: [],
      fordelatKr: 0,
      outnyttjatKr: 130_000_000,
    });
    const noll = fordelaStatsbidrag({
      totalBudgetKr: 500,
      administrationKr: 0,
      lan: [{ lanKod: '01', fteHundradelar: 0 }],
    });
    expect(noll.perLan).toEqual([{ lanKod: '01', fteHundradelar: 0, beloppKr: 0 }]);
    expect(noll.outnyttjatKr).toBe(500);
  });

  it.each([
    [{ totalBudgetKr: -1, administrationKr: 0, lan: [] }, /Totalbudgeten/],
    [{ totalBudgetKr: 100, administrationKr: -1, lan: [] }, /Administrationskostnaden/],
    [{ totalBudgetKr: 100, administrationKr: 101, lan: [] }, /större än totalbudgeten/],
    [{ totalBudgetKr: 100, administrationKr: 0, lan: [{ lanKod: '01', fteHundradelar: -5 }] }, /län 01/],
    [{ totalBudgetKr: 100, administrationKr: 0, lan: [{ lanKod: '01', fteHundradelar: 1.5 }] }, /län 01/],
    [
      {
        totalBudgetKr: 100,
        administrationKr: 0,
        lan: [
          { lanKod: '01', fteHundradelar: 5 },
          { lanKod: '01', fteHundradelar: 5 },
        ],
      },
      /mer än en gång/,
    ],
  ])('refuses %j', (input, meddelande) => {
    expect(() => fordelaStatsbidrag(input)).toThrow(meddelande);
  });

  it('refuses nearest-krona rounding that would pay out more than the budget', () => {
    // 3 × 0,5 FTE at 3 kr/FTE: 1,5 kr each rounds to 2 kr, 6 kr > 5 kr budget.
    const lan = ['01', '03', '04'].map((lanKod) => ({ lanKod, fteHundradelar: 50 }));
    expect(() =>
      fordelaStatsbidrag({ totalBudgetKr: 5, administrationKr: 0, lan, avrundning: 'narmast' }),
    ).toThrow(/mer än budgeten/);
    expect(
      fordelaStatsbidrag({ totalBudgetKr: 5, administrationKr: 0, lan, avrundning: 'nedat' }).fordelatKr,
    ).toBe(3);
  });
});

describe('fteFranText / fteTillText', () => {
  it.each([
    ['331,42', 33_142],
    ['331.42', 33_142],
    [' 331,42 ', 33_142],
    ['331,4', 33_140],
    ['331', 33_100],
    ['0,5', 50],
    ['4', 400],
    ['0', 0],
    ['1 234,5', 123_450],
    ['1\u00a0234,50', 123_450],
    ['324,5', 32_450],
  ])('fteFranText(%j) = %i', (text, h) => {
    expect(fteFranText(text)).toBe(h);
  });

  it.each(['', ',5', '331,425', '-1', '1,2,3', 'fyra', '12 34', '1e3', '331,', '99999999999999999'])(
    'fteFranText(%j) = null',
    (text) => {
      expect(fteFranText(text)).toBeNull();
    },
  );

  it.each([
    [33_142, '331,42'],
    [400, '4,00'],
    [50, '0,50'],
    [5, '0,05'],
    [0, '0,00'],
    [32_450, '324,50'],
  ])('fteTillText(%i) = %j and back', (h, text) => {
    expect(fteTillText(h)).toBe(text);
    expect(fteFranText(text)).toBe(h);
  });

  it('fteTillText refuses what is not hundredths', () => {
    expect(() => fteTillText(331.42)).toThrow(RangeError);
    expect(() => fteTillText(-1)).toThrow(RangeError);
  });
});
