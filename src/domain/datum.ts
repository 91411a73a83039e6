/**
 * Calendar dates as ISO strings ('YYYY-MM-DD'). Dates in the PO system are whole days without a time zone
 * (a request "came in on 15 January"), so they are compared as strings — ISO dates sort lexically — and the
 * few day counts are done in UTC, where every day has 24 hours. No date library needed.
 */

const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAG = 86_400_000;

export function arSkottar(ar: number): boolean {
  return (ar % 4 === 0 && ar % 100 !== 0) || ar % 400 === 0;
}

export function dagarIManad(ar: number, manad: number): number {
  if (manad === 2) return arSkottar(ar) ? 29 : 28;
  return [4, 6, 9, 11].includes(manad) ? 30 : 31;
}

export function arGiltigtDatum(ar: number, manad: number, dag: number): boolean {
  return (
    Number.isInteger(ar) &&
    Number.isInteger(manad) &&
    Number.isInteger(dag) &&
    manad >= 1 &&
    manad <= 12 &&
    dag >= 1 &&
    dag <= dagarIManad(ar, manad)
  );
}

/** Is `s` a real calendar day written 'YYYY-MM-DD' (so '2025-02-29' is not)? */
export function arIsoDatum(s: string): boolean {
  const m = ISO_DATUM.exec(s);
  return m !== null && arGiltigtDatum(Number(m[1]), Number(m[2]), Number(m[3]));
}

function tillUtcMs(iso: string): number {
  if (!arIsoDatum(iso)) throw new RangeError(`Ogiltigt datum: ”${iso}” (förväntat ÅÅÅÅ-MM-DD).`);
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** Whole days from `fran` to `till` (negative if `till` is earlier). */
export function dagarMellan(fran: string, till: string): number {
  return Math.round((tillUtcMs(till) - tillUtcMs(fran)) / MS_PER_DAG);
}

export function isoDatum(ar: number, manad: number, dag: number): string {
  return `${String(ar).padStart(4, '0')}-${String(manad).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

export const forstaJanuari = (ar: number): string => isoDatum(ar, 1, 1);
export const sistaDecember = (ar: number): string => isoDatum(ar, 12, 31);

/**
 * Today's date in Sweden. The only clock read in domain/, used as a default parameter; the day changes at
 * Swedish midnight, not at UTC midnight, because that is the day the ombud sees on the wall.
 */
export function idagISverige(nu: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(nu);
}
