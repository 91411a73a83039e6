import { z } from 'zod';
import { isoDate, kommunKod, lanKod, text } from './common.ts';

/*
 * The national actor register: regions, every kommun's socialtjänst, the agencies … (reference data in
 * src/server/db/reference/aktorer.csv, kept by administrators). An actor is ended with `giltigTill`, never
 * deleted: brister sent to it keep its name.
 */

/** The kinds of actor the register knows, with their names; an administrator may add others. */
export const AKTOR_KATEGORI_ETIKETT: Record<string, { sv: string; en: string }> = {
  region: { sv: 'Region, hälso- och sjukvård', en: 'Region, health care' },
  psykiatri: { sv: 'Regionens psykiatri', en: 'Regional psychiatry' },
  primarvard: { sv: 'Regionens primärvård', en: 'Regional primary care' },
  patientnamnd: { sv: 'Patientnämnd', en: 'Patients’ advisory committee' },
  socialtjanst: { sv: 'Kommunens socialtjänst', en: 'Municipal social services' },
  overformyndare: { sv: 'Överförmyndare', en: 'Chief guardian' },
  forsakringskassan: { sv: 'Försäkringskassan', en: 'Social Insurance Agency' },
  arbetsformedlingen: { sv: 'Arbetsförmedlingen', en: 'Public Employment Service' },
  skatteverket: { sv: 'Skatteverket', en: 'Tax Agency' },
  kronofogden: { sv: 'Kronofogden', en: 'Enforcement Authority' },
  csn: { sv: 'CSN', en: 'Board of Student Finance' },
  pensionsmyndigheten: { sv: 'Pensionsmyndigheten', en: 'Pensions Agency' },
  migrationsverket: { sv: 'Migrationsverket', en: 'Migration Agency' },
  ivo: { sv: 'IVO', en: 'Health and Social Care Inspectorate' },
  kriminalvarden: { sv: 'Kriminalvården', en: 'Prison and Probation Service' },
  polismyndigheten: { sv: 'Polismyndigheten', en: 'Police Authority' },
  statens_servicecenter: { sv: 'Statens servicecenter', en: 'National Government Service Centre' },
  forvaltningsratt: { sv: 'Förvaltningsrätt', en: 'Administrative court' },
  regeringen: { sv: 'Regeringen', en: 'Government' },
  annan: { sv: 'Annan', en: 'Other' },
};

export const aktorKod = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Koden får innehålla små bokstäver a–z, siffror och bindestreck.');

export const aktorKategori = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Kategorin får innehålla små bokstäver a–z, siffror och understreck.');

/** One actor as the register shows it. `giltig`: in force today (Swedish time). */
export const aktorRegisterItem = z.object({
  id: z.uuid(),
  kod: z.string(),
  namn: z.string(),
  kategori: z.string(),
  lanKod: z.string().nullable(),
  lanNamn: z.string().nullable(),
  kommunKod: z.string().nullable(),
  kommunNamn: z.string().nullable(),
  giltigFran: z.string().nullable(),
  giltigTill: z.string().nullable(),
  giltig: z.boolean(),
  /** Added or changed by an administrator (the reference file no longer overwrites it). */
  andradAvAdmin: z.boolean(),
});
export type AktorRegisterItem = z.infer<typeof aktorRegisterItem>;

const giltighetOk = (a: { giltigFran?: string | null | undefined; giltigTill?: string | null | undefined }) =>
  !a.giltigFran || !a.giltigTill || a.giltigTill >= a.giltigFran;
const giltighetFel = { message: 'Sista dagen får inte ligga före första dagen.', path: ['giltigTill'] };

export const createAktor = z
  .strictObject({
    kod: aktorKod,
    namn: text(200),
    kategori: aktorKategori,
    /** The län it belongs to; null/absent = national. Taken from the kommun when only that is given. */
    lanKod: lanKod.nullable().optional(),
    kommun: kommunKod.nullable().optional(),
    giltigFran: isoDate.nullable().optional(),
    giltigTill: isoDate.nullable().optional(),
  })
  .refine(giltighetOk, giltighetFel);
export type CreateAktor = z.infer<typeof createAktor>;

/** Change or end an actor (`giltigTill`); null clears a value. */
export const updateAktor = z
  .strictObject({
    namn: text(200).optional(),
    kategori: aktorKategori.optional(),
    lanKod: lanKod.nullable().optional(),
    kommun: kommunKod.nullable().optional(),
    giltigFran: isoDate.nullable().optional(),
    giltigTill: isoDate.nullable().optional(),
  })
  .refine(giltighetOk, giltighetFel);
export type UpdateAktor = z.infer<typeof updateAktor>;

export const aktorRegisterFilter = z.object({
  /** alla (default) = every actor; giltiga = in force today; avslutade = ended (or not yet begun). */
  status: z.enum(['giltiga', 'avslutade', 'alla']).default('alla'),
});

/**
 * The actors offered for a new brist of one verksamhet, valid today, in this order: the verksamhet's own
 * region and the län's bodies (`lan`), the socialtjänst and other bodies of the kommuner it covers
 * (`kommun`), the national agencies (`nationell`), then every other actor (`ovrig`).
 */
export const BRIST_AKTOR_GRUPPER = ['lan', 'kommun', 'nationell', 'ovrig'] as const;
export const bristAktorVal = z.object({
  id: z.uuid(),
  kod: z.string(),
  namn: z.string(),
  kategori: z.string(),
  lanKod: z.string().nullable(),
  grupp: z.enum(BRIST_AKTOR_GRUPPER),
});
export type BristAktorVal = z.infer<typeof bristAktorVal>;
