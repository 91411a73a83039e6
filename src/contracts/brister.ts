import { z } from 'zod';
import { BRIST_STATUS, BRIST_STATUS_ETIKETT } from '../domain/brist-status.ts';
import { BRIST_NIVA, BRIST_NIVA_ETIKETT } from '../domain/codes.ts';
import {
  enEllerFlera,
  exportFormat,
  isoDate,
  kommunKod,
  periodFel,
  periodOk,
  sidan,
  sortOrdningar,
  text,
} from './common.ts';

/** The life of a brist; domain/brist-status.ts holds the allowed transitions. */
export const bristStatus = z.enum(BRIST_STATUS);

export const ATERKOPPLING_TYPER = ['atgard_vidtagen', 'atgard_planerad', 'ingen_atgard'] as const;
export const aterkopplingTyp = z.enum(ATERKOPPLING_TYPER);

export const bristNiva = z.enum(BRIST_NIVA);

const amneKod = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Ämneskoden får innehålla små bokstäver a–z, siffror och bindestreck.');

// ---- taxonomy ----
export const bristAmneItem = z.object({
  kod: z.string(),
  namn: z.string(),
  grupp: z.string().nullable(),
  aktorKategori: z.string().nullable(),
  /** True when the subject may be chosen for a brist (it has no subjects under it). */
  valbar: z.boolean(),
  createdBySocialstyrelsen: z.boolean(),
});
export type BristAmneItem = z.infer<typeof bristAmneItem>;

export const createBristAmne = z.strictObject({
  kod: amneKod,
  namn: text(200),
  grupp: amneKod.optional(),
  aktorKategori: z.string().trim().min(1).max(60).optional(),
});
export type CreateBristAmne = z.infer<typeof createBristAmne>;

// ---- brist ----
const titel = text(200);
const beskrivning = text(5000);
const antalKlienter = z.number().int().min(0, 'Antalet klienter kan inte vara negativt.').max(100_000);

export const createBrist = z.strictObject({
  titel,
  beskrivning,
  niva: bristNiva,
  aktorIds: z.array(z.uuid()).min(1, 'Ange minst en aktör.').max(20),
  amneKod,
  observeradDatum: isoDate,
  antalKlienter,
  /** Kommuner concerned; defaults to every kommun the verksamhet covers. */
  kommunKoder: z.array(kommunKod).min(1).max(60).optional(),
  /** Send it to the actors at once (registrerad → skickad_till_aktor), not through the ledningsgrupp. */
  skickaDirekt: z.boolean().optional(),
});
export type CreateBrist = z.infer<typeof createBrist>;

export const updateBrist = z.strictObject({
  titel: titel.optional(),
  beskrivning: beskrivning.optional(),
  niva: bristNiva.optional(),
  aktorIds: z.array(z.uuid()).min(1, 'Ange minst en aktör.').max(20).optional(),
  amneKod: amneKod.optional(),
  observeradDatum: isoDate.optional(),
  antalKlienter: antalKlienter.optional(),
  kommunKoder: z.array(kommunKod).min(1).max(60).optional(),
});
export type UpdateBrist = z.infer<typeof updateBrist>;

export const changeBristStatus = z.strictObject({
  status: bristStatus,
  kommentar: text(2000).optional(),
});
export type ChangeBristStatus = z.infer<typeof changeBristStatus>;

export const createAtgard = z.strictObject({
  datum: isoDate,
  text: text(5000),
});
export type CreateAtgard = z.infer<typeof createAtgard>;

export const createAterkoppling = z.strictObject({
  typ: aterkopplingTyp,
  text: text(5000),
  /** Which of the user's actor organisations answers; needed only for someone in several. */
  aktorId: z.uuid().optional(),
});
export type CreateAterkoppling = z.infer<typeof createAterkoppling>;

/**
 * The register's sort orders: a column, `-` before it for descending; equal values are ordered by the
 * brist's id (in the same direction), so pages never overlap or skip a row. `niva` and `status` follow
 * their order in the domain (handläggare → central, registrerad → avslutad), `aktor` the first actor's
 * name, `amne` the subject's name.
 */
export const BRIST_SORT_FALT = ['observeradDatum', 'titel', 'status', 'niva', 'aktor', 'amne'] as const;
export type BristSortFalt = (typeof BRIST_SORT_FALT)[number];
export const BRIST_SORT = sortOrdningar(BRIST_SORT_FALT);
export type BristSort = (typeof BRIST_SORT)[number];
export const BRIST_SORT_STANDARD: BristSort = '-observeradDatum';

/** The register's filters, shared by the list and its export. */
const bristUrval = {
  /** One level or several; none = every level. */
  niva: enEllerFlera(BRIST_NIVA, BRIST_NIVA_ETIKETT, 'Nivå'),
  /** One status or several; none = every status. */
  status: enEllerFlera(BRIST_STATUS, BRIST_STATUS_ETIKETT, 'Status'),
  /** Brister concerning this actor. */
  aktor: z.uuid().optional(),
  /** A subject, or a group (its subjects included). */
  amne: amneKod.optional(),
  /** Observed on or after / on or before (YYYY-MM-DD). */
  fran: isoDate.optional(),
  till: isoDate.optional(),
  /** Only brister with an actor whose answer is overdue (true), or none overdue (false). */
  forsenad: z.enum(['true', 'false']).optional(),
  /** Part of the title (brister hold no personal data, so the term may stand in an address). */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(BRIST_SORT).default(BRIST_SORT_STANDARD),
};

/** One page of the register. */
export const bristFilter = z.object({ ...bristUrval, ...sidan }).refine(periodOk, periodFel);
export type BristFilter = z.input<typeof bristFilter>;
export type BristFilterParsed = z.output<typeof bristFilter>;
/** Every brist the filters select, as a file: CSV (Excel's Swedish dialect) or xlsx. */
export const bristExportQuery = z.object({ ...bristUrval, format: exportFormat }).refine(periodOk, periodFel);
export type BristExportQuery = z.output<typeof bristExportQuery>;

const aktorRef = z.object({ id: z.uuid(), kod: z.string(), namn: z.string(), kategori: z.string() });

export const bristAktorItem = aktorRef.extend({
  skickadAt: z.string().nullable(),
  besvarad: z.boolean(),
  /** Sent longer ago than OMBUD_ATERKOPPLING_DAGAR and not answered. */
  aterkopplingForsenad: z.boolean(),
});

export const bristItem = z.object({
  id: z.uuid(),
  verksamhetId: z.uuid(),
  titel: z.string(),
  beskrivning: z.string(),
  niva: bristNiva,
  amne: z.object({ kod: z.string(), namn: z.string(), grupp: z.string().nullable() }),
  observeradDatum: z.string(),
  antalKlienter: z.number().int(),
  status: bristStatus,
  kommuner: z.array(z.object({ kod: z.string(), namn: z.string() })),
  aktorer: z.array(bristAktorItem),
  aterkopplingForsenad: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BristItem = z.infer<typeof bristItem>;

export const bristList = z.object({
  /** Brister matching the filters. */
  total: z.number().int(),
  items: z.array(bristItem),
});
export type BristList = z.infer<typeof bristList>;

export const bristHandelseItem = z.object({
  fromStatus: bristStatus.nullable(),
  toStatus: bristStatus,
  at: z.string(),
  anvandare: z.string(),
  kommentar: z.string().nullable(),
});
export const atgardItem = z.object({
  id: z.uuid(),
  datum: z.string(),
  text: z.string(),
  at: z.string(),
  anvandare: z.string(),
});
export const aterkopplingItem = z.object({
  id: z.uuid(),
  aktor: aktorRef,
  typ: aterkopplingTyp,
  text: z.string(),
  at: z.string(),
  anvandare: z.string(),
});
export const bristDetail = bristItem.extend({
  handelser: z.array(bristHandelseItem),
  atgarder: z.array(atgardItem),
  aterkopplingar: z.array(aterkopplingItem),
});
export type BristDetail = z.infer<typeof bristDetail>;

/** What an actor sees: the brist's text and where it comes from, its own answers; never client data. */
export const inboxItem = z.object({
  id: z.uuid(),
  aktor: aktorRef,
  verksamhet: z.object({ id: z.uuid(), namn: z.string(), lanNamn: z.string() }),
  titel: z.string(),
  beskrivning: z.string(),
  niva: bristNiva,
  amne: z.object({ kod: z.string(), namn: z.string(), grupp: z.string().nullable() }),
  observeradDatum: z.string(),
  antalKlienter: z.number().int(),
  kommuner: z.array(z.object({ kod: z.string(), namn: z.string() })),
  skickadAt: z.string(),
  /** Answered since it was (last) sent. */
  besvarad: z.boolean(),
  aterkopplingForsenad: z.boolean(),
  aterkopplingar: z.array(aterkopplingItem),
});
export type InboxItem = z.infer<typeof inboxItem>;

export const inboxFilter = z.object({
  /** Only brister this actor has not answered yet. */
  obesvarade: z.enum(['true', 'false']).optional(),
});

export const importResult = z.object({ importerade: z.number().int(), ids: z.array(z.uuid()) });
/** An xlsx upload: the sheet to read (default the first). */
export const bristImportQuery = z.object({ blad: z.string().min(1).max(100).optional() });
export const bristImportMallQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
