// Numbers as Swedish readers write them (10 561), dates ISO, times in Europe/Stockholm.
import { pluralForm } from './i18n/plural.ts';

const tal = new Intl.NumberFormat('sv-SE');
const tid = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

export const formatNumber = (n: number) => tal.format(n);
/** A UTC timestamp shown in Stockholm time: 2026-11-23 12:04. */
export const formatTimestamp = (iso: string) => tid.format(new Date(iso)).replace(',', '');
export const formatPercent = (n: number, decimals = 0) =>
  `${new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n)} %`;

/** What parseSwedishNumber makes of a typed text: a number, nothing typed, or text that is not a number. */
export type ParsedNumber = { ok: true; value: number } | { ok: true; value: null } | { ok: false };

// Spaces Swedes put between thousands: ordinary, no-break (U+00A0) and narrow no-break (U+202F), which
// Intl.NumberFormat('sv-SE') itself writes, so a copied figure reads back.
const TUSENTAL = /[ \u00a0\u202f]/g;

/**
 * A number typed the Swedish way: "2,5", "2.5", "1 234", "1 234,5", "−3" (the typographic minus that
 * Intl writes). Empty text is `value: null` (the owner decides whether that means 0 or "not given");
 * anything else that is not exactly one number ("2,5,1", "12a", "1.234,5") is `ok: false`.
 */
export function parseSwedishNumber(text: string): ParsedNumber {
  const s = text.trim().replace(TUSENTAL, '').replace('\u2212', '-');
  if (s === '') return { ok: true, value: null };
  if (!/^-?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return { ok: false };
  const value = Number(s.replace(',', '.'));
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** A figure with up to `maxDecimals` decimals, as typed back into an input: 2,5 and 10 561. */
export const formatDecimal = (n: number, maxDecimals = 2) =>
  new Intl.NumberFormat('sv-SE', { maximumFractionDigits: maxDecimals }).format(n);

/**
 * "1 verksamhet" / "3 verksamheter": the count in Swedish digits and the word form Intl.PluralRules picks
 * for the language.
 */
export function plural(lang: string, n: number, one: string, other: string): string {
  return `${formatNumber(n)} ${pluralForm(lang, n) === 'one' ? one : other}`;
}
