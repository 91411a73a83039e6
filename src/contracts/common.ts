import { z } from 'zod';
import type { Etiketter } from '../domain/codes.ts';
import { customError, orList } from './messages/error-map.ts';

// Every validation error in plain Swedish naming the field by its label (messages/error-map.ts); zod's
// own Swedish locale stays underneath for anything the map leaves. The web app shares these schemas.
z.config(z.locales.sv());
z.config({ customError });

export const uuid = z.uuid();
/** ISO date (YYYY-MM-DD). */
export const isoDate = z.iso.date();
export const lanKod = z.string().regex(/^\d{2}$/, 'Länskoden ska vara två siffror, t.ex. 01.');
export const kommunKod = z.string().regex(/^\d{4}$/, 'Kommunkoden ska vara fyra siffror, t.ex. 0180.');
export const ar = z.number().int().min(2000).max(2100);
/** Free text with a sane upper bound, trimmed. */
export const text = (max = 200) => z.string().trim().min(1).max(max);

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  /** One entry per field to correct; `detail` then names the labels only ("2 uppgifter behöver rättas: …"). */
  errors: z
    .array(
      z.object({
        /** Dotted machine path of the field (`klienter.totalt.kvinna`), for code; never shown. */
        field: z.string(),
        /** The field's label as the form shows it ("Klienter under året, kvinnor"). */
        label: z.string().optional(),
        /** A plain Swedish sentence, e.g. "Rubrik måste fyllas i.". */
        message: z.string(),
        rule: z.string().optional(),
      }),
    )
    .optional(),
});
export type Problem = z.infer<typeof problem>;

export const ok = z.object({ ok: z.literal(true) });

// ---- lists that page and sort on the server (klienter, ärenden, the log, brister, användare)

/** One page of a list: how many rows (at most 500) and from which row. */
export const sidan = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

/** A list's sort orders from its columns: the column for ascending, `-` before it for descending. */
export type Sortering<F extends string> = F | `-${F}`;
export function sortOrdningar<F extends string>(
  falt: readonly [F, ...F[]],
): [Sortering<F>, ...Sortering<F>[]] {
  return falt.flatMap((f): Sortering<F>[] => [f, `-${f}`]) as [Sortering<F>, ...Sortering<F>[]];
}

/** The export of a filtered list: CSV (Excel's Swedish dialect, the default) or xlsx. */
export const exportFormat = z.enum(['csv', 'xlsx']).default('csv');

/** A period of days (`fran`, `till`, both included): the end may not come before the start. */
export const periodFel = { message: 'Periodens slut får inte ligga före dess början.', path: ['till'] };
export const periodOk = (q: { fran?: string | undefined; till?: string | undefined }) =>
  !q.fran || !q.till || q.fran <= q.till;

/** One code or several (`status=a&status=b`), as a list; the message names the allowed words. */
export const enEllerFlera = <K extends string>(
  koder: readonly [K, ...K[]],
  etiketter: Etiketter<K>,
  falt: string,
) =>
  z
    .union([z.enum(koder), z.array(z.enum(koder))], {
      error: `${falt} ska vara ${orList(
        koder.map((s) => etiketter[s].sv.toLowerCase()),
        'sv',
      )}.`,
    })
    .transform((s) => (Array.isArray(s) ? s : [s]))
    .optional();
