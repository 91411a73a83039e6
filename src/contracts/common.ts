import { z } from 'zod';

// Swedish messages for every validation error (zod ships the locale); the web app shares these schemas.
z.config(z.locales.sv());

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
  errors: z
    .array(z.object({ field: z.string(), message: z.string(), rule: z.string().optional() }))
    .optional(),
});
export type Problem = z.infer<typeof problem>;

export const ok = z.object({ ok: z.literal(true) });
