import { z } from 'zod';
import { LEDNINGSGRUPP_ROLLER, OBLIGATORISKA_ROLLER } from '../domain/codes.ts';
import { bristNiva, bristStatus } from './brister.ts';
import { exportFormat, isoDate, text } from './common.ts';

export const ledningsgruppRoll = z.enum(LEDNINGSGRUPP_ROLLER);

export const ledamotItem = z.object({
  id: z.uuid(),
  rollkategori: ledningsgruppRoll,
  organisation: z.string(),
  namn: z.string(),
  userId: z.uuid().nullable(),
});
export type LedamotItem = z.infer<typeof ledamotItem>;

export const createLedamot = z.strictObject({
  rollkategori: ledningsgruppRoll,
  organisation: text(200),
  namn: text(200),
  /** The member's Ombud login (a user with role ledamot in this verksamhet), if any. */
  userId: z.uuid().optional(),
});
export type CreateLedamot = z.infer<typeof createLedamot>;

export const updateLedningsgrupp = z.strictObject({
  brukarorganisationErbjuden: z.boolean(),
});

export const moteSummary = z.object({
  id: z.uuid(),
  datum: z.string(),
  narvarande: z.number().int(),
  punkter: z.number().int(),
  beslutade: z.number().int(),
  harProtokoll: z.boolean(),
});

/** The meetings of one year (by the meeting's date), or every meeting when `ar` is left out. */
const moteUrval = { ar: z.coerce.number().int().min(2000).max(2100).optional() };
export const moteListQuery = z.object(moteUrval);
export const moteExportQuery = z.object({ ...moteUrval, format: exportFormat });
export type MoteExportQuery = z.output<typeof moteExportQuery>;

/** The förordning check (SFS 2013:522): the five required roles and the offered seat. */
export const ledningsgruppDetail = z.object({
  verksamhetId: z.uuid(),
  brukarorganisationErbjuden: z.boolean(),
  harBrukarorganisation: z.boolean(),
  ledamoter: z.array(ledamotItem),
  obligatoriskaRoller: z.array(z.enum(OBLIGATORISKA_ROLLER)),
  saknadeRoller: z.array(z.enum(OBLIGATORISKA_ROLLER)),
  /** Every required role present and a user organisation offered a seat (or holding one). */
  uppfyllerForordningen: z.boolean(),
  moten: z.array(moteSummary),
});
export type LedningsgruppDetail = z.infer<typeof ledningsgruppDetail>;

const ledamotIds = z.array(z.uuid()).max(60);

export const createMote = z.strictObject({
  datum: isoDate,
  narvaro: ledamotIds.optional(),
});
export type CreateMote = z.infer<typeof createMote>;

export const updateMote = z.strictObject({
  datum: isoDate.optional(),
  narvaro: ledamotIds.optional(),
  protokoll: z.string().trim().max(50_000).nullable().optional(),
});
export type UpdateMote = z.infer<typeof updateMote>;

export const createBeslut = z.strictObject({
  bristId: z.uuid(),
  beslut: text(5000),
  /**
   * A further status the group decides on (e.g. skickad_till_aktor, kvarstar, avslutad). Without it a
   * registered brist becomes lyft_i_ledningsgrupp: it was lifted at this meeting.
   */
  status: bristStatus.optional(),
});
export type CreateBeslut = z.infer<typeof createBeslut>;

export const dagordningspunkt = z.object({
  bristId: z.uuid(),
  titel: z.string(),
  niva: bristNiva,
  amneKod: z.string(),
  amneNamn: z.string(),
  status: bristStatus,
  aktorer: z.array(z.string()),
  antalKlienter: z.number().int(),
  observeradDatum: z.string(),
  /** Registered since the previous meeting (the rest are open ones carried over). */
  ny: z.boolean(),
  beslut: z.string().nullable(),
  beslutAt: z.string().nullable(),
});

export const moteDetail = z.object({
  id: z.uuid(),
  verksamhetId: z.uuid(),
  verksamhetNamn: z.string(),
  datum: z.string(),
  protokoll: z.string().nullable(),
  narvaro: z.array(ledamotItem),
  dagordning: z.array(dagordningspunkt),
});
export type MoteDetail = z.infer<typeof moteDetail>;
