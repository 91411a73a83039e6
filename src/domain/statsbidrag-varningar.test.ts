import { describe, expect, it } from 'vitest';
import { faststallVarningar } from './statsbidrag-varningar.ts';

describe('warnings before the grant is fixed', () => {
  it('says nothing when every verksamhet has applied and the amount is close to last year', () => {
    expect(
      faststallVarningar({
        ar: 2026,
        tackning: { verksamheter: 116, medAnsokan: 116 },
        beloppPerArsarbetareKr: 560_000,
        foregaendeBeloppKr: 550_000,
      }),
    ).toEqual([]);
  });

  it('names the verksamheter without an application (the issue: 1 of 116 approved)', () => {
    const [v] = faststallVarningar({
      ar: 2026,
      tackning: { verksamheter: 116, medAnsokan: 1 },
      beloppPerArsarbetareKr: 550_000,
      foregaendeBeloppKr: null,
    });
    expect(v).toBe(
      '115 av 116 verksamheter har ingen inskickad eller godkänd ansökan för 2026. De får inget statsbidrag om budgeten fastställs nu.',
    );
  });

  it('flags an amount per FTE more than 20 % from last year, either way, in Swedish numbers', () => {
    const hog = faststallVarningar({
      ar: 2026,
      tackning: { verksamheter: 3, medAnsokan: 3 },
      beloppPerArsarbetareKr: 52_600_000,
      foregaendeBeloppKr: 550_000,
    });
    expect(hog[0]).toMatch(
      /^Beloppet per årsarbetare \(52\s600\s000\skr\) är 9\s464\s% högre än 2025 \(550\s000\skr\)\.$/,
    );
    const lag = faststallVarningar({
      ar: 2026,
      tackning: { verksamheter: 3, medAnsokan: 3 },
      beloppPerArsarbetareKr: 400_000,
      foregaendeBeloppKr: 550_000,
    });
    expect(lag[0]).toMatch(/27\s% lägre än 2025/);
    // 20 % exactly is within bounds.
    expect(
      faststallVarningar({
        ar: 2026,
        tackning: { verksamheter: 3, medAnsokan: 3 },
        beloppPerArsarbetareKr: 660_000,
        foregaendeBeloppKr: 550_000,
      }),
    ).toEqual([]);
  });
});
