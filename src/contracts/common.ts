import { z } from 'zod';
import { customError } from './messages/error-map.ts';

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
