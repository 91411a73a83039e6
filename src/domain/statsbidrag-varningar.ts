import { formatKr, formatProcent, formatTal } from './tal.ts';

/** How many verksamheter could apply for the grant year, and how many have an application that counts. */
export interface Tackning {
  verksamheter: number;
  medAnsokan: number;
}

/** A move in the amount per FTE larger than this share of last year's is worth a second look. */
export const STOR_FORANDRING = 0.2;

/**
 * What Socialstyrelsen should know before fixing the grant (issue 11): verksamheter without an application
 * that counts get nothing, and an amount per FTE far from last year's usually means missing or odd
 * applications. Plain Swedish sentences, shown in the confirmation; an empty list means nothing stands out.
 */
export function faststallVarningar(i: {
  ar: number;
  tackning: Tackning;
  beloppPerArsarbetareKr: number;
  foregaendeBeloppKr: number | null;
}): string[] {
  const ut: string[] = [];
  const saknas = i.tackning.verksamheter - i.tackning.medAnsokan;
  if (saknas > 0)
    ut.push(
      `${formatTal(saknas)} av ${formatTal(i.tackning.verksamheter)} verksamheter har ingen inskickad eller godkänd ansökan för ${i.ar}. De får inget statsbidrag om budgeten fastställs nu.`,
    );
  const f = i.foregaendeBeloppKr;
  if (f && f > 0) {
    const andring = (i.beloppPerArsarbetareKr - f) / f;
    if (Math.abs(andring) > STOR_FORANDRING)
      ut.push(
        `Beloppet per årsarbetare (${formatKr(i.beloppPerArsarbetareKr)}) är ${formatProcent(Math.abs(andring) * 100)} ${andring > 0 ? 'högre' : 'lägre'} än ${i.ar - 1} (${formatKr(f)}).`,
      );
  }
  return ut;
}
