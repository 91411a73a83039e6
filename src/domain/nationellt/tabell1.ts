/**
 * Seed 003 Tabell 1 ("Budget och utfall"): the grant's budget and outcome for a year, on top of the grant
 * maths of statsbidrag.ts. Socialstyrelsen's own share is shown as used in full (the seed: 1 500 000 budget,
 * 1 500 000 used); the unused remainder is the ombud budget minus what the län are paid.
 *
 * The amount per FTE is either computed from the applications (a preview, or when Socialstyrelsen fixes
 * it) or, once fixed, passed in: later changes to the applications then move the per-län amounts, never
 * the amount per FTE. A fixed amount with more FTE than it was fixed for could exceed the budget; that is
 * refused rather than paid out.
 */
import { type Avrundning, beloppForFte, fordelaStatsbidrag, type LanAnsokan } from '../statsbidrag.ts';

export interface Tabell1 {
  socialstyrelsen: { budgetKr: number; fordelatKr: number };
  ombudstjanster: { budgetKr: number; fordelatKr: number };
  summa: { budgetKr: number; fordelatKr: number };
  oanvantKr: number;
}

export interface Utfall {
  totalBudgetKr: number;
  administrationKr: number;
  budgetForOmbudKr: number;
  totalFteHundradelar: number;
  beloppPerArsarbetareKr: number;
  perLan: Array<LanAnsokan & { beloppKr: number }>;
  fordelatKr: number;
  outnyttjatKr: number;
  tabell1: Tabell1;
}

export function statsbidragsutfall(input: {
  totalBudgetKr: number;
  administrationKr: number;
  lan: readonly LanAnsokan[];
  avrundning?: Avrundning;
  /** The fixed amount; omitted = computed from the applications. */
  beloppPerArsarbetareKr?: number;
}): Utfall {
  const f = fordelaStatsbidrag(input);
  const belopp = input.beloppPerArsarbetareKr ?? f.beloppPerArsarbetareKr;
  const perLan = f.perLan.map((l) => ({
    ...l,
    beloppKr: beloppForFte(l.fteHundradelar, belopp, input.avrundning),
  }));
  const fordelatKr = perLan.reduce((s, l) => s + l.beloppKr, 0);
  if (fordelatKr > f.budgetForOmbudKr) {
    throw new RangeError(
      `Fördelningen (${fordelatKr} kr) överstiger budgeten för ombudstjänster (${f.budgetForOmbudKr} kr); fastställ beloppet på nytt.`,
    );
  }
  const admin = input.administrationKr;
  return {
    totalBudgetKr: input.totalBudgetKr,
    administrationKr: admin,
    budgetForOmbudKr: f.budgetForOmbudKr,
    totalFteHundradelar: f.totalFteHundradelar,
    beloppPerArsarbetareKr: belopp,
    perLan,
    fordelatKr,
    outnyttjatKr: f.budgetForOmbudKr - fordelatKr,
    tabell1: {
      socialstyrelsen: { budgetKr: admin, fordelatKr: admin },
      ombudstjanster: { budgetKr: f.budgetForOmbudKr, fordelatKr },
      summa: { budgetKr: input.totalBudgetKr, fordelatKr: admin + fordelatKr },
      oanvantKr: f.budgetForOmbudKr - fordelatKr,
    },
  };
}
