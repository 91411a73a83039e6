/**
 * Age as the national statistics count it (domain brief "Annual report": age = Y − birth year). Clients may
 * be anonymous and give only a birth year, so age is the age reached during year Y, not on a given day: a
 * client born in 2007 counts as 18 throughout 2025, also before the birthday.
 */
import type { Aldersgrupp } from './codes.ts';

export const VUXEN_ALDER = 18;

export function alderForAr(fodelsear: number, ar: number): number {
  return ar - fodelsear;
}

/** The national age group of Tabell 3 (seed 003); null under 18, where the target group (adults) ends. */
export function aldersgrupp(alder: number): Aldersgrupp | null {
  if (alder < VUXEN_ALDER) return null;
  if (alder <= 29) return '18-29';
  if (alder <= 49) return '30-49';
  if (alder <= 64) return '50-64';
  return '65+';
}

/** PO is for adults (18+); an ombud is offered from the year the person turns 18. */
export function arVuxen(fodelsear: number, referensAr: number): boolean {
  return alderForAr(fodelsear, referensAr) >= VUXEN_ALDER;
}
