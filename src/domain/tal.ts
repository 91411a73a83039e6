/**
 * Swedish number formatting for screens and documents: digit groups separated by a space ("10 561"), a
 * decimal comma ("331,42"), a space before "%" and "kr" ("15 %", "392 251 kr"), as in seed 003.
 *
 * The space is U+00A0 NO-BREAK SPACE, not U+202F NARROW NO-BREAK SPACE: it keeps "10 561" and "15 %" on one
 * line, it exists in every font we render with (pdfmake's Roboto, Word and Excel defaults), it is what
 * Intl.NumberFormat('sv-SE') produces, and Excel/Word users can type it. The minus sign is U+2212, as
 * Intl 'sv-SE' writes it. Formatting is hand-rolled rather than Intl so that server-made documents and the
 * browser print the same characters whatever ICU version is installed.
 */

export const NBSP = '\u00a0';
const MINUS = '\u2212';

/**
 * 10561 → '10 561'; with decimals, 331.42 → '331,42'. Rounds half away from zero (toFixed), on the binary
 * value: 1.005 is stored as 1.00499… and shows as '1,00'. Exact figures (kronor, FTE hundredths) are
 * integers and never meet this.
 */
export function formatTal(n: number, decimaler = 0): string {
  if (!Number.isFinite(n)) throw new RangeError(`Kan inte formatera ${n} som tal.`);
  if (!Number.isInteger(decimaler) || decimaler < 0 || decimaler > 10) {
    throw new RangeError(`Ogiltigt antal decimaler: ${decimaler}.`);
  }
  const text = Math.abs(n).toFixed(decimaler);
  const [hela = '0', delar] = text.split('.');
  const grupperat = hela.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const negativt = n < 0 && /[1-9]/.test(text);
  return `${negativt ? MINUS : ''}${grupperat}${delar === undefined ? '' : `,${delar}`}`;
}

/** 15.04 → '15 %'; formatProcent(15.04, 1) → '15,0 %'. The value is already in per cent. */
export function formatProcent(procent: number, decimaler = 0): string {
  return `${formatTal(procent, decimaler)}${NBSP}%`;
}

/** 392251 → '392 251 kr'. */
export function formatKr(kronor: number, decimaler = 0): string {
  return `${formatTal(kronor, decimaler)}${NBSP}kr`;
}

/**
 * del / helhet in per cent, rounded half up to `decimaler` places; null when helhet is 0 (a share of
 * nobody is not 0 %). Integer arithmetic first so that 1/8 = 12.5 % does not round the wrong way.
 */
export function andelIProcent(del: number, helhet: number, decimaler = 1): number | null {
  if (helhet === 0) return null;
  const skala = 10 ** decimaler;
  return Math.round((del * 100 * skala) / helhet) / skala;
}
