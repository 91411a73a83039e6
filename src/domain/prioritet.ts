/**
 * Priority in the queue (domain brief "Casework"; seed 003 "Prioritering vid kö- eller väntetider"): most
 * verksamheter prioritise, "utan specifik rangordning", households with children under 18, people at risk
 * of eviction or homeless, young adults, and people with no other authority contact, services or network.
 *
 * The grounds are SUGGESTED from what is recorded; the ombud decides. "Without ranking" is read literally:
 * no ground weighs more than another, so the queue orders by how many grounds apply, then by waiting time.
 */
import { alderForAr } from './alder.ts';
import type { BarnUnder18, Prioritetsgrund } from './codes.ts';

/**
 * "Unga vuxna" has no national definition. 18–29 is chosen because it is the youngest age group of the
 * national statistics (seed 003 Tabell 3), so the same people are "young" in the queue and in the report.
 */
export const UNG_VUXEN_MIN = 18;
export const UNG_VUXEN_MAX = 29;

export function foreslaPrioritetsgrunder(input: {
  barnUnder18: BarnUnder18;
  /** null when the person has not given a birth year (anonymous requests are allowed). */
  fodelsear: number | null;
  ar: number;
  vrakningsrisk?: boolean;
  /** false = known to have no other authority contact, services or network; undefined = not known. */
  ovrigaKontakter?: boolean;
}): Prioritetsgrund[] {
  const grunder: Prioritetsgrund[] = [];
  if (input.barnUnder18 === 'helt' || input.barnUnder18 === 'delvis') grunder.push('barn');
  if (input.vrakningsrisk === true) grunder.push('vrakning_hemloshet');
  if (input.fodelsear !== null) {
    const alder = alderForAr(input.fodelsear, input.ar);
    if (alder >= UNG_VUXEN_MIN && alder <= UNG_VUXEN_MAX) grunder.push('ung_vuxen');
  }
  if (input.ovrigaKontakter === false) grunder.push('ingen_annan_kontakt');
  return grunder;
}

export interface KoPost {
  id: string;
  forfraganDatum: string;
  prioritetsgrunder: readonly Prioritetsgrund[];
}

/** Sort comparator for the queue: more grounds first, then the longest wait, then id (a stable tie-break). */
export function jamforKo(a: KoPost, b: KoPost): number {
  const grunder = new Set(b.prioritetsgrunder).size - new Set(a.prioritetsgrunder).size;
  if (grunder !== 0) return grunder;
  if (a.forfraganDatum !== b.forfraganDatum) return a.forfraganDatum < b.forfraganDatum ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
