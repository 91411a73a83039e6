// How the public statistics print their figures: Swedish digits (10 561), '..' for a count hidden by the
// small-number rule, '–' where there is nothing to compute (no FTE, no verksamhet).
import { formatDecimal, formatNumber, formatPercent } from '../../format.ts';

export const DOLT = '..';
export const INGET = '–';

/** A count of people: null is suppressed. */
export const personer = (v: number | null) => (v === null ? DOLT : formatNumber(v));
/** A ratio or count that is never suppressed: null is "cannot be computed". */
export const heltal = (v: number | null) => (v === null ? INGET : formatNumber(v));
export const decimal = (v: number | null, decimaler = 1) =>
  v === null ? INGET : formatDecimal(v, decimaler);
export const procent = (v: number | null) => (v === null ? INGET : formatPercent(v, 1));
/** Clients per 10 000 inhabitants: hidden with a hidden client count, else only missing without people. */
export const per10000 = (v: number | null, klienter: number | null) =>
  v === null ? (klienter === null ? DOLT : INGET) : formatDecimal(v, 1);
/** A share of clients: null is hidden with its count, or '–' when there are no clients to share. */
export const andel = (v: number | null, klienter: number | null) =>
  v === null ? (klienter === 0 ? INGET : DOLT) : formatPercent(v, 1);
