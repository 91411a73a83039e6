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

/**
 * A verksamhet's code as people already write it (issue 11): `po-uppsala`, `V001`, `STHLM`, `Skövde-PO`.
 * Letters a–z and those of Latin-1 (å, ä, ö, é, ü …) in either case, digits, `-` and `_`; 1–64 characters,
 * beginning with a letter or digit — no spaces, no control characters, nothing that breaks a command line
 * or `--roll chef@verksamhet:KOD`. Stored as given, compared without regard to case (`v001` is `V001`:
 * the database's unique index `organisation_typ_kod_nyckel`). The same rule in ombud.redovisning/v1, so the
 * published JSON Schema and the importer agree.
 */
export const VERKSAMHET_KOD_MONSTER = /^[A-Za-z0-9À-ÖØ-öø-ÿ][A-Za-z0-9À-ÖØ-öø-ÿ_-]{0,63}$/;
export const verksamhetKod = z
  .string()
  .regex(
    VERKSAMHET_KOD_MONSTER,
    'Koden ska vara 1–64 tecken: bokstäver (även å, ä, ö och versaler), siffror, bindestreck och understreck, utan mellanslag.',
  );

/** How codes are compared: case does not matter (Latin-1 letters included; the index uses the same). */
export const kodNyckel = (kod: string) => kod.toLowerCase();

export const createVerksamhet = z.strictObject({
  kod: z.string().trim().pipe(verksamhetKod),
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
export type AktorItem = z.infer<typeof aktorItem>;

export const lanDetail = z.object({
  kod: z.string(),
  namn: z.string(),
  kommuner: z.array(
    kommunItem.extend({ verksamheter: z.array(z.object({ id: z.uuid(), namn: z.string() })) }),
  ),
  verksamheter: z.array(verksamhetItem),
});
