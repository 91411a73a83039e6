// Seed 003 "Statsbidragets fördelning och utfall" and Tabell 1: 131 500 000 kr, of which 1 500 000 for
// Socialstyrelsen's own costs; 130 000 000 / 331,42 FTE = 392 251 kr per FTE; 129 999 828 kr paid; 172 kr
// unused (the published outcome matches rounding each län to the nearest krona, see statsbidrag.ts).
import { describe, expect, it } from 'vitest';
import { statsbidragsutfall } from './tabell1.ts';

// An invented split of 331,42 FTE over three län (the seed has no per-län table).
const LAN = [
  { lanKod: '01', fteHundradelar: 5_387 },
  { lanKod: '12', fteHundradelar: 4_570 },
  { lanKod: '14', fteHundradelar: 23_185 },
];

describe('statsbidragsutfall (Tabell 1)', () => {
  it('2025: 392 251 kr per FTE; rounding down pays 129 999 825 kr and leaves 175 kr', () => {
    const u = statsbidragsutfall({
      totalBudgetKr: 131_500_000,
      administrationKr: 1_500_000,
      lan: LAN,
      avrundning: 'nedat',
    });
    expect(u.totalFteHundradelar).toBe(33_142);
    expect(u.beloppPerArsarbetareKr).toBe(392_251);
    // 53,87 × 392 251 = 21 130 561,37; 45,70 × … = 17 925 870,70; 231,85 × … = 90 943 394,35
    expect(u.perLan.map((l) => l.beloppKr)).toEqual([21_130_561, 17_925_870, 90_943_394]);
    expect(u.tabell1).toEqual({
      socialstyrelsen: { budgetKr: 1_500_000, fordelatKr: 1_500_000 },
      ombudstjanster: { budgetKr: 130_000_000, fordelatKr: 129_999_825 },
      summa: { budgetKr: 131_500_000, fordelatKr: 131_499_825 },
      oanvantKr: 175,
    });
  });

  it('2025 rounding each län to the nearest krona', () => {
    const u = statsbidragsutfall({
      totalBudgetKr: 131_500_000,
      administrationKr: 1_500_000,
      lan: LAN,
      avrundning: 'narmast',
    });
    expect(u.perLan.map((l) => l.beloppKr)).toEqual([21_130_561, 17_925_871, 90_943_394]);
    expect(u.fordelatKr).toBe(129_999_826);
    expect(u.outnyttjatKr).toBe(174);
  });

  it('one län: the remainder is what the floor of the amount leaves (130 000 000 − 129 999 826)', () => {
    const u = statsbidragsutfall({
      totalBudgetKr: 131_500_000,
      administrationKr: 1_500_000,
      lan: [{ lanKod: '01', fteHundradelar: 33_142 }],
    });
    expect(u.perLan).toEqual([{ lanKod: '01', fteHundradelar: 33_142, beloppKr: 129_999_826 }]);
    expect(u.tabell1.oanvantKr).toBe(174);
  });

  it('zero FTE: nothing per FTE, nothing paid, the whole ombud budget unused', () => {
    const u = statsbidragsutfall({ totalBudgetKr: 1_000_000, administrationKr: 100_000, lan: [] });
    expect(u.beloppPerArsarbetareKr).toBe(0);
    expect(u.tabell1).toEqual({
      socialstyrelsen: { budgetKr: 100_000, fordelatKr: 100_000 },
      ombudstjanster: { budgetKr: 900_000, fordelatKr: 0 },
      summa: { budgetKr: 1_000_000, fordelatKr: 100_000 },
      oanvantKr: 900_000,
    });
  });

  it('a fixed amount is kept when the applications change, and may not overspend', () => {
    const u = statsbidragsutfall({
      totalBudgetKr: 130_000_000,
      administrationKr: 0,
      lan: [{ lanKod: '01', fteHundradelar: 30_000 }],
      beloppPerArsarbetareKr: 392_251,
    });
    expect(u.beloppPerArsarbetareKr).toBe(392_251);
    expect(u.fordelatKr).toBe(117_675_300);
    expect(() =>
      statsbidragsutfall({
        totalBudgetKr: 130_000_000,
        administrationKr: 0,
        lan: [{ lanKod: '01', fteHundradelar: 40_000 }],
        beloppPerArsarbetareKr: 392_251,
      }),
    ).toThrow(RangeError);
  });
});
