import { z } from 'zod';
import { ar, kommunKod, lanKod, text } from './common.ts';

export const UTFORARE = [
  'kommun',
  'stiftelse',
  'kommunforbund',
  'ideell_forening',
  'region',
  'annan',
] as const;
export const utforare = z.enum(UTFORARE);

export const lanItem = z.object({
  kod: z.string(),
  namn: z.string(),
  kommuner: z.number().int(),
  folkmangd: z.number().int(),
});
export const kommunItem = z.object({
  kod: z.string(),
  namn: z.string(),
  lanKod: z.string(),
  folkmangd: z.number().int().nullable(),
});
export const stadsdelsomradeItem = z.object({ kod: z.string(), namn: z.string(), kommunKod: z.string() });

export const omrade = z.object({
  kommunKod: z.string(),
  kommunNamn: z.string(),
  stadsdelsomradeKod: z.string().nullable(),
  stadsdelsomradeNamn: z.string().nullable(),
});

export const verksamhetItem = z.object({
  id: z.uuid(),
  kod: z.string(),
  namn: z.string(),
  lanKod: z.string(),
  lanNamn: z.string(),
  utforare,
  giltigFranAr: z.number().int(),
  giltigTillAr: z.number().int().nullable(),
  omraden: z.array(omrade),
});
export type VerksamhetItem = z.infer<typeof verksamhetItem>;

export const createVerksamhet = z.strictObject({
  kod: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Koden får innehålla små bokstäver a–z, siffror och bindestreck.'),
  namn: text(200),
  lanKod,
  kommunKoder: z.array(kommunKod).min(1).max(60),
  stadsdelsomraden: z.array(z.string().max(60)).max(20).optional(),
  utforare: utforare.default('kommun'),
  giltigFranAr: ar.optional(),
});
export type CreateVerksamhet = z.input<typeof createVerksamhet>;

export const aktorItem = z.object({
  id: z.uuid(),
  kod: z.string(),
  namn: z.string(),
  kategori: z.string(),
  lanKod: z.string().nullable(),
});

export const lanDetail = z.object({
  kod: z.string(),
  namn: z.string(),
  kommuner: z.array(
    kommunItem.extend({ verksamheter: z.array(z.object({ id: z.uuid(), namn: z.string() })) }),
  ),
  verksamheter: z.array(verksamhetItem),
});
