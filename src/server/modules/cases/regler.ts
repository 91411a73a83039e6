/**
 * Checks of a client's statistical fields against the verksamhet, shared by the API and the CSV import.
 * Each returns a Swedish message, or null when the value is fine.
 */
import { arVuxen, VUXEN_ALDER } from '../../../domain/alder.ts';

export interface Omrade {
  kommunKod: string;
  stadsdelsomradeKod: string | null;
}
export interface StadsdelsomradeRef {
  kod: string;
  namn: string;
  kommunKod: string;
}

/**
 * The client's home must lie in the verksamhet's coverage. Where the verksamhet covers a kommun by
 * stadsdelsområden (Stockholm), the stadsdelsområde is required and must be one of them; where it covers
 * the whole kommun, a stadsdelsområde may be given if it belongs to that kommun.
 */
export function omradeFel(
  omraden: readonly Omrade[],
  sdoRef: readonly StadsdelsomradeRef[],
  kommunKod: string,
  sdo: string | null,
): { field: 'kommunKod' | 'stadsdelsomradeKod'; message: string } | null {
  const iKommunen = omraden.filter((o) => o.kommunKod === kommunKod);
  if (iKommunen.length === 0) {
    return { field: 'kommunKod', message: `Kommunen ${kommunKod} ingår inte i verksamhetens område.` };
  }
  const helKommun = iKommunen.some((o) => o.stadsdelsomradeKod === null);
  const tackta = iKommunen.map((o) => o.stadsdelsomradeKod).filter((s): s is string => s !== null);
  if (sdo === null) {
    if (helKommun) return null;
    return {
      field: 'stadsdelsomradeKod',
      message: `Ange stadsdelsområde: verksamheten täcker ${tackta.join(', ')} i kommunen.`,
    };
  }
  const ref = sdoRef.find((s) => s.kod === sdo);
  if (!ref || ref.kommunKod !== kommunKod) {
    return {
      field: 'stadsdelsomradeKod',
      message: `Stadsdelsområdet ${sdo} finns inte i kommun ${kommunKod}.`,
    };
  }
  if (!helKommun && !tackta.includes(sdo)) {
    return { field: 'stadsdelsomradeKod', message: `${ref.namn} ingår inte i verksamhetens område.` };
  }
  return null;
}

/** PO is for adults: the client must turn 18 no later than the reference year (a birth year is enough). */
export function alderFel(fodelsear: number, referensAr: number): string | null {
  if (fodelsear > referensAr) return 'Födelseåret ligger i framtiden.';
  if (!arVuxen(fodelsear, referensAr)) {
    return `Personligt ombud är för vuxna: klienten ska fylla minst ${VUXEN_ALDER} år ${referensAr} (född ${
      referensAr - VUXEN_ALDER
    } eller tidigare).`;
  }
  return null;
}

/** A personnummer given together with a birth year must agree with it. */
export function personnummerArFel(normalized: string | null, fodelsear: number): string | null {
  if (!normalized) return null;
  const ar = Number(normalized.slice(0, 4));
  return ar === fodelsear ? null : `Personnumret anger födelseåret ${ar}, men födelseåret är ${fodelsear}.`;
}

/** Codes from a list, without duplicates, in the list's order. */
export function unika<T extends string>(koder: readonly T[] | undefined): T[] {
  return [...new Set(koder ?? [])];
}
