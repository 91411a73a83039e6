/**
 * The state grant (domain brief "The grant"; seed 003 "Statsbidragets fördelning och utfall", Tabell 1).
 * Amount per FTE = budget ÷ total FTE applied for, rounded down to whole kronor; each län is paid its FTE ×
 * that amount in whole kronor; what is left is unused.
 *
 * FTE are exact decimals with two places (331,42), so they travel as integer hundredths (33142) and all
 * products and quotients are done in BigInt: 130 000 000 / 331.42 in floating point is 392251.5…, close
 * enough to a boundary that a float rounding slip would cost every län a krona.
 *
 * Per-län rounding: the brief says "in whole kronor". Rounding down ('nedat') can never pay out more than
 * the budget. Note that the published 2025 outcome (129 999 828 kr) is 1.58 kr MORE than
 * 331.42 × 392 251 = 129 999 826.42, so Socialstyrelsen cannot have rounded every län down (a sum of
 * floors is at most 129 999 826); it matches rounding each län to the nearest krona ('narmast'), which is
 * therefore the default: the published method (issue 15). Both are offered; the choice is the caller's.
 * Nearest can pay out more than the budget only when it leaves less than half a krona per län to spare,
 * and fordela refuses that.
 */

export type Avrundning = 'nedat' | 'narmast';

export interface LanAnsokan {
  lanKod: string;
  fteHundradelar: number;
}

export interface LanTilldelning extends LanAnsokan {
  beloppKr: number;
}

export interface StatsbidragsFordelning {
  budgetForOmbudKr: number;
  totalFteHundradelar: number;
  beloppPerArsarbetareKr: number;
  perLan: LanTilldelning[];
  fordelatKr: number;
  outnyttjatKr: number;
}

function heltal(varde: number, namn: string): bigint {
  if (!Number.isSafeInteger(varde) || varde < 0) {
    throw new RangeError(`${namn} måste vara ett icke-negativt heltal (fick ${varde}).`);
  }
  return BigInt(varde);
}

/** Whole kronor per FTE, rounded down; 0 when no FTE were applied for (nothing to divide among). */
export function beraknaBeloppPerArsarbetare(budgetKr: number, totalFteHundradelar: number): number {
  const budget = heltal(budgetKr, 'Budgeten');
  const fte = heltal(totalFteHundradelar, 'Antalet årsarbetare');
  if (fte === 0n) return 0;
  return Number((budget * 100n) / fte);
}

/** What one län (or verksamhet) is paid for its FTE at the given amount per FTE. */
export function beloppForFte(
  fteHundradelar: number,
  beloppPerArsarbetareKr: number,
  avrundning: Avrundning = 'narmast',
): number {
  const produkt = heltal(fteHundradelar, 'Antalet årsarbetare') * heltal(beloppPerArsarbetareKr, 'Beloppet');
  return Number(avrundning === 'nedat' ? produkt / 100n : (produkt + 50n) / 100n);
}

export function fordelaStatsbidrag(input: {
  totalBudgetKr: number;
  administrationKr: number;
  lan: readonly LanAnsokan[];
  avrundning?: Avrundning;
}): StatsbidragsFordelning {
  const total = heltal(input.totalBudgetKr, 'Totalbudgeten');
  const administration = heltal(input.administrationKr, 'Administrationskostnaden');
  if (administration > total) {
    throw new RangeError('Administrationskostnaden kan inte vara större än totalbudgeten.');
  }
  const sedda = new Set<string>();
  for (const l of input.lan) {
    if (sedda.has(l.lanKod)) throw new RangeError(`Länet ${l.lanKod} förekommer mer än en gång.`);
    sedda.add(l.lanKod);
    heltal(l.fteHundradelar, `Antalet årsarbetare för län ${l.lanKod}`);
  }

  const budgetForOmbudKr = Number(total - administration);
  const totalFteHundradelar = input.lan.reduce((s, l) => s + l.fteHundradelar, 0);
  const beloppPerArsarbetareKr = beraknaBeloppPerArsarbetare(budgetForOmbudKr, totalFteHundradelar);
  const perLan = input.lan.map((l) => ({
    lanKod: l.lanKod,
    fteHundradelar: l.fteHundradelar,
    beloppKr: beloppForFte(l.fteHundradelar, beloppPerArsarbetareKr, input.avrundning),
  }));
  const fordelatKr = perLan.reduce((s, l) => s + l.beloppKr, 0);
  if (fordelatKr > budgetForOmbudKr) {
    // Only possible with 'narmast' when the budget leaves less than half a krona per län to spare.
    throw new RangeError('Avrundningen skulle betala ut mer än budgeten; avrunda nedåt i stället.');
  }
  return {
    budgetForOmbudKr,
    totalFteHundradelar,
    beloppPerArsarbetareKr,
    perLan,
    fordelatKr,
    outnyttjatKr: budgetForOmbudKr - fordelatKr,
  };
}

const FTE_TEXT = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

/** '331,42' (or '331.42', '1 234,5', '4') → hundredths; null when it is not a non-negative FTE number. */
export function fteFranText(text: string): number | null {
  const m = FTE_TEXT.exec(text.trim());
  if (!m || m[1] === undefined) return null;
  const hela = Number(m[1].replace(/\D/g, ''));
  const delar = Number((m[2] ?? '').padEnd(2, '0'));
  const h = hela * 100 + delar;
  return Number.isSafeInteger(h) ? h : null;
}

/** Hundredths → '331,42', always two decimals, as the FTE column of the grant decisions is written. */
export function fteTillText(fteHundradelar: number): string {
  const h = heltal(fteHundradelar, 'Antalet årsarbetare');
  return `${h / 100n},${String(h % 100n).padStart(2, '0')}`;
}
