import { z } from 'zod';
import {
  ALDERSGRUPPER,
  BRIST_NIVA,
  KONTAKTORSAKER,
  OBLIGATORISKA_ROLLER,
  UTFORARE,
} from '../domain/codes.ts';
import { ARBETSSATT_AKTIVITETER, ARBETSSATT_FRAGOR } from '../domain/redovisning/arbetssatt.ts';
import { lanKod } from './common.ts';
import { tabell1 } from './grants.ts';

/**
 * The national tables (docs/national-report.md). Keys are stable; objects are open so that keys can be
 * added. Per cent values have one decimal and are null when the denominator is 0; null counts in the
 * per-kommun tables are suppressed small numbers (shown '..').
 */
const n = z.number();
const pct = z.number().nullable();
const cell = z.number().int().nullable();
const gAntal = z.object({ kvinna: n, man: n, annan: n, totalt: n });
const gCell = z.object({ kvinna: cell, man: cell, annan: cell, totalt: cell });

const alderRad = z.object(
  Object.fromEntries([...ALDERSGRUPPER, 'totalt'].map((a) => [a, n])) as Record<string, typeof n>,
);
const alderRadCell = z.object(
  Object.fromEntries([...ALDERSGRUPPER, 'totalt'].map((a) => [a, cell])) as Record<string, typeof cell>,
);

const tabell2Falt = {
  kommuner: n,
  /** null ('..'): the län has reports this year but none for last year, so last year is not known. */
  kommunerMedPoForegaendeAr: n.nullable(),
  kommunerMedPo: n,
  /** null ('..') when last year is not known (not 0, not the whole of this year's count). */
  forandring: n.nullable(),
  verksamheter: n,
};
export const tabell2 = z.object({
  rader: z.array(z.object({ lanKod, lanNamn: z.string(), ...tabell2Falt })),
  totalt: z.object(tabell2Falt),
});
export const tabell3 = z.object({ kvinna: alderRad, man: alderRad, annan: alderRad, totalt: alderRad });
export const tabell4 = z.array(
  z.object({ ar: n, kvinna: n, man: n, annan: n, totalt: n, andel: pct, klienter: n }),
);
export const kontaktorsaker = z.object(
  Object.fromEntries(
    KONTAKTORSAKER.map((k) => [k, z.object({ kvinna: pct, man: pct, totalt: pct })]),
  ) as Record<string, z.ZodObject<{ kvinna: typeof pct; man: typeof pct; totalt: typeof pct }>>,
);
const koAntal = z.object({ verksamheter: n, antal: n, andel: pct });
export const ko = koAntal.extend({
  vantetider: z.object({ '0-30': n, '31-60': n, '61-90': n, '>90': n }),
  utanMedian: n,
  foregaendeAr: koAntal.nullable(),
});
export const utforareRad = z.object({
  kod: z.string(),
  namn: z.string(),
  utforare: z.enum(UTFORARE),
  lanKod,
  lanNamn: z.string(),
});
export const ledningsgrupp = z.object({
  verksamheter: n,
  saknarRoll: n,
  andel: pct,
  perRoll: z.object(Object.fromEntries(OBLIGATORISKA_ROLLER.map((r) => [r, n])) as Record<string, typeof n>),
  vanligastSaknad: z.array(z.enum(OBLIGATORISKA_ROLLER)),
});
export const personal = z.object({ ombud: n, arsarbetare: n, kvinnor: n, man: n, andelKvinnor: pct });

/**
 * "Verksamheternas arbetssätt" (src/domain/nationellt/arbetssatt.ts): per question the verksamheter
 * answering ja, nej or nothing (no section, or the question left open); per activity the verksamheter with
 * at least one occasion and the occasions summed. Counts of verksamheter: never suppressed.
 */
export const arbetssattTabell = z.object({
  verksamheter: n,
  medAvsnitt: n,
  fragor: z.object(
    Object.fromEntries(
      ARBETSSATT_FRAGOR.map((f) => [f, z.object({ ja: n, nej: n, ejBesvarat: n })]),
    ) as Record<
      (typeof ARBETSSATT_FRAGOR)[number],
      z.ZodObject<{ ja: typeof n; nej: typeof n; ejBesvarat: typeof n }>
    >,
  ),
  aktiviteter: z.object(
    Object.fromEntries(
      ARBETSSATT_AKTIVITETER.map((k) => [k, z.object({ verksamheter: n, tillfallen: n })]),
    ) as Record<
      (typeof ARBETSSATT_AKTIVITETER)[number],
      z.ZodObject<{ verksamheter: typeof n; tillfallen: typeof n }>
    >,
  ),
});

const spridning = z.object({ verksamheter: n, lan: z.array(z.string()), kommuner: n });
export const bristRad = z.object({
  kod: z.string(),
  namn: z.string(),
  grupp: z.string().nullable(),
  nivaer: z.object(Object.fromEntries(BRIST_NIVA.map((x) => [x, n])) as Record<string, typeof n>),
  antalBrister: n,
  iAr: spridning,
  foregaendeAr: spridning,
});
export const bristbild = z.object({
  amnen: z.array(bristRad),
  aktorer: z.array(bristRad),
  kategorier: z.array(bristRad),
});
export const bristText = z.object({
  verksamhetKod: z.string(),
  verksamhetNamn: z.string(),
  lanKod,
  niva: z.enum(BRIST_NIVA),
  amne: z.string(),
  aktorer: z.array(z.string()),
  titel: z.string(),
  beskrivning: z.string(),
  atgarder: z.array(z.string()),
});

export const sammanstallning = z.looseObject({
  ar: n,
  lanKod: lanKod.nullable(),
  /** Which reports it is computed from: 'godkanda' (approved) or 'forhandsvisning' (also submitted). */
  underlagStatus: z.enum(['godkanda', 'forhandsvisning']),
  underlag: z.object({ verksamheter: n, foregaendeAr: n }),
  klienter: gAntal,
  tabell1: tabell1.nullable(),
  tabell2,
  tabell3,
  tabell4,
  kontaktorsaker,
  ko,
  utforare: z.array(utforareRad),
  ledningsgrupp,
  personal,
  arbetssatt: arbetssattTabell,
  brister: bristbild,
});
export type Sammanstallning = z.infer<typeof sammanstallning>;

/**
 * A kommun's row of a län compilation: its clients as the reports count them per the clients' own kommun
 * (klienter.perKommun), kommunKod null for "Kommun ej angiven". `helaVerksamheten` names covering
 * verksamheter whose reports lack that split: their whole figures are included (the older rule).
 */
export const kommunTabell = z.object({
  kommunKod: z.string().nullable(),
  kommunNamn: z.string(),
  verksamheter: z.array(z.string()),
  helaVerksamheten: z.array(z.string()),
  klienter: gCell,
  tabell3: z.object({ kvinna: alderRadCell, man: alderRadCell, annan: alderRadCell, totalt: alderRadCell }),
  medBarn: gCell,
});
export const lanSammanstallning = sammanstallning.extend({ perKommun: z.array(kommunTabell) });

export const forhandsvisningQuery = z.object({
  /** true: also reports that are submitted but not yet approved. */
  forhandsvisning: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const bristFilterQuery = forhandsvisningQuery.extend({
  lan: lanKod.optional(),
  aktor: z.string().max(100).optional(),
  kategori: z.string().max(100).optional(),
  niva: z.enum(BRIST_NIVA).optional(),
  amne: z.string().max(100).optional(),
});

export const exportFormat = z.enum(['xlsx', 'pdf', 'docx']);

export const LAN_RAPPORT_STATUS = ['utkast', 'inskickad', 'godkand'] as const;
export const lanRapportItem = z.object({
  lanKod,
  lanNamn: z.string(),
  ar: n,
  status: z.enum([...LAN_RAPPORT_STATUS, 'saknas']),
  handlingsplan: z.string().nullable(),
  inskickadAt: z.string().nullable(),
  inskickadAvNamn: z.string().nullable(),
  godkandAt: z.string().nullable(),
  godkandAvNamn: z.string().nullable(),
  /** The frozen compilation (as lanSammanstallning); null until sent in. */
  snapshot: z.unknown().nullable(),
});
export type LanRapportItem = z.infer<typeof lanRapportItem>;

export const saveLanRapport = z.strictObject({ handlingsplan: z.string().max(50_000) });
