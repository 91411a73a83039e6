import { isoDatum } from '../datum.ts';

/**
 * The reporting year's wheel (domain brief, "Redovisning"): the verksamheter send in the year's
 * redovisning by 15 January, the Länsstyrelse its län's report by 1 March, Socialstyrelsen the
 * lägesrapport by 15 May. The start pages show the year that is being worked on now.
 */
export const arshjul = (ar: number) => ({
  verksamhet: isoDatum(ar + 1, 1, 15),
  lansstyrelse: isoDatum(ar + 1, 3, 1),
  socialstyrelsen: isoDatum(ar + 1, 5, 15),
});

/**
 * The redovisning year people work on at `idag` (YYYY-MM-DD): until the lägesrapport's deadline the
 * previous year is still being sent in, reviewed and compiled; after it, the current year's report is
 * the one being prepared. 2027-01-10 → 2026 (due in five days); 2027-05-15 → 2026; 2027-05-16 → 2027.
 */
export function aktuelltRedovisningsar(idag: string): number {
  const ar = Number(idag.slice(0, 4));
  return idag <= arshjul(ar - 1).socialstyrelsen ? ar - 1 : ar;
}
