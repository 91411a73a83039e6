import { z } from 'zod';
import { REDOVISNING_STATUS } from '../domain/redovisning-status.ts';
import { exportFormat, sortOrdningar } from './common.ts';
import { redovisningV1 } from './redovisning-v1.ts';

/**
 * API shapes of the redovisning module. The document itself is ombud.redovisning/v1 (redovisning-v1.ts);
 * these wrap it with workflow state, year-over-year figures, validation findings and review data.
 */

export const redovisningStatus = z.enum(REDOVISNING_STATUS);
/** The Länsstyrelse's list adds 'saknas' (nothing sent in yet) and 'sen' (nothing sent in, deadline passed). */
export const LISTSTATUS = ['saknas', 'sen', 'inskickad', 'returnerad', 'godkand'] as const;
export const listStatus = z.enum(LISTSTATUS);
export type ListStatus = (typeof LISTSTATUS)[number];
export const kalla = z.enum(['arendehantering', 'manuell', 'import']);

const s = redovisningV1.shape;

/**
 * Saving the draft: each block given replaces that block; blocks left out stay as they are. The figures
 * may disagree while the draft is worked on (the findings come back in `validering`); submission refuses.
 */
export const saveRedovisning = z.strictObject({
  klienter: s.klienter.optional(),
  kontaktorsaker: s.kontaktorsaker.optional(),
  ko: s.ko.optional(),
  personal: s.personal.optional(),
  ledningsgrupp: s.ledningsgrupp.optional(),
  brister: s.brister.optional(),
  ansokan: s.ansokan.optional(),
  text: s.text.optional(),
  arbetssatt: s.arbetssatt.optional(),
});
export type SaveRedovisning = z.infer<typeof saveRedovisning>;

export const valideringsFel = z.object({ path: z.string(), rule: z.string(), message: z.string() });

export const forraAret = z.object({
  ar: z.number().int(),
  /** A submitted report of last year (snapshot) or, failing that, the counting engine. */
  kalla: z.enum(['inskickad', 'arendehantering']),
  dokument: redovisningV1.partial(),
});

/**
 * Last year's SUBMITTED (or approved) report as the checks across years use it; null when there is none
 * (then nothing is checked across years).
 */
export const forraArSiffror = z.object({
  ar: z.number().int(),
  klienterTotalt: z.number().int(),
  avslutade: z.number().int(),
  avslutadeKlienter: z.number().int().nullable(),
  antalIKo3112: z.number().int(),
});

/** Names of the kommuner and stadsdelsområden the per-kommun figures name, by code. */
export const ortnamn = z.object({
  kommuner: z.record(z.string(), z.string()),
  stadsdelsomraden: z.record(z.string(), z.string()),
});

export const jamforelseRad = z.object({
  path: z.string(),
  iAr: z.number(),
  forraAret: z.number().nullable(),
});

export const handelse = z.object({
  fromStatus: redovisningStatus.nullable(),
  toStatus: redovisningStatus,
  version: z.number().int().nullable(),
  at: z.string(),
  anvandare: z.string(),
  kommentar: z.string().nullable(),
});

export const versionItem = z.object({
  version: z.number().int(),
  inskickadAt: z.string(),
  inskickadAv: z.string(),
  forsenad: z.boolean(),
});

export const kommentarItem = z.object({
  id: z.uuid(),
  version: z.number().int(),
  path: z.string().nullable(),
  text: z.string(),
  at: z.string(),
  anvandare: z.string(),
});

export const andelar = z.object({
  klienterKvinnor: z.number().nullable(),
  klienterMan: z.number().nullable(),
  personalKvinnor: z.number().nullable(),
  personalMan: z.number().nullable(),
});

export const verksamhetRef = z.object({
  id: z.uuid(),
  kod: z.string(),
  namn: z.string(),
  lanKod: z.string(),
  lanNamn: z.string(),
});

/** The verksamhet's own view of its report for a year (draft included). */
export const redovisningView = z.object({
  /** null while nothing is stored: the document is then the pre-filled proposal. */
  id: z.uuid().nullable(),
  verksamhet: verksamhetRef,
  ar: z.number().int(),
  status: redovisningStatus,
  kalla,
  dokument: redovisningV1,
  validering: z.array(valideringsFel),
  /** Findings that do not stop a submission (checks across years that can be right). */
  varningar: z.array(valideringsFel),
  forraAret: forraAret.nullable(),
  forraArSiffror: forraArSiffror.nullable(),
  ortnamn,
  jamforelse: z.array(jamforelseRad),
  andelar,
  /** 15 January of the following year. */
  deadline: z.string(),
  forsenad: z.boolean(),
  las: z.object({
    last: z.boolean(),
    anledning: z.string().nullable(),
    av: z.string().nullable(),
    at: z.string().nullable(),
  }),
  returAnledning: z.string().nullable(),
  versioner: z.array(versionItem),
  kommentarer: z.array(kommentarItem),
  handelser: z.array(handelse),
  kanAndra: z.boolean(),
  uppdateradAv: z.string().nullable(),
  uppdateradAt: z.string().nullable(),
});
export type RedovisningView = z.infer<typeof redovisningView>;

export const diffRad = z.object({ path: z.string(), fore: z.unknown(), efter: z.unknown() });

/** What a reviewer (and Socialstyrelsen) sees: submitted versions only, never the draft. */
export const granskningView = z.object({
  id: z.uuid(),
  verksamhet: verksamhetRef,
  ar: z.number().int(),
  status: z.enum(['inskickad', 'returnerad', 'godkand']),
  version: z.number().int(),
  dokument: redovisningV1,
  validering: z.array(valideringsFel),
  varningar: z.array(valideringsFel),
  forraAret: forraAret.nullable(),
  jamforelse: z.array(jamforelseRad),
  andelar,
  deadline: z.string(),
  forsenad: z.boolean(),
  versioner: z.array(versionItem),
  kommentarer: z.array(kommentarItem),
  handelser: z.array(handelse),
  /** Against the version that was returned, when this one is a resubmission. */
  diff: z.object({ motVersion: z.number().int(), rader: z.array(diffRad) }).nullable(),
  kanGranska: z.boolean(),
});
export type GranskningView = z.infer<typeof granskningView>;

export const versionView = z.object({
  id: z.uuid(),
  verksamhetId: z.uuid(),
  ar: z.number().int(),
  version: z.number().int(),
  inskickadAt: z.string(),
  inskickadAv: z.string(),
  forsenad: z.boolean(),
  dokument: redovisningV1,
});

export const lanListItem = z.object({
  verksamhetId: z.uuid(),
  kod: z.string(),
  namn: z.string(),
  redovisningId: z.uuid().nullable(),
  status: listStatus,
  version: z.number().int().nullable(),
  inskickadAt: z.string().nullable(),
  forsenad: z.boolean(),
  /** The latest submitted version's key figures and its comments: enough to approve from the list. */
  nyckeltal: z
    .object({
      klienter: z.number().nullable(),
      nyaKlienter: z.number().nullable(),
      soktaArsarbetare: z.number().nullable(),
      kommentarer: z.number().int(),
    })
    .nullable(),
});
export const lanList = z.object({
  lanKod: z.string(),
  ar: z.number().int(),
  deadline: z.string(),
  rader: z.array(lanListItem),
});
export type LanList = z.infer<typeof lanList>;
/**
 * The review list's orders: a column, `-` first for descending; empty values (nothing sent in) last either
 * way, then the verksamhet's name. One län's verksamheter are a few dozen at most, so the list is not paged.
 */
export const LAN_SORT = sortOrdningar(['verksamhet', 'status', 'inskickad', 'klienter'] as const);
export type LanSort = (typeof LAN_SORT)[number];
const lanUrval = {
  ar: z.coerce.number().int().min(2000).max(2100),
  sort: z.enum(LAN_SORT).default('verksamhet'),
};
export const lanListQuery = z.object(lanUrval);
/** The review list as a file: the year, the order, the page's status filter (none = every verksamhet), the format. */
export const lanListExportQuery = z.object({
  ...lanUrval,
  status: listStatus.optional(),
  format: exportFormat,
});

/** Socialstyrelsen's start page: per län, how far the year's redovisningar have come (counts of LISTSTATUS). */
export const nationStatusRad = z.object({
  lanKod: z.string(),
  lanNamn: z.string(),
  verksamheter: z.number().int(),
  antal: z.record(listStatus, z.number().int()),
  /** Sent in after the deadline, or still missing once it has passed. */
  forsenade: z.number().int(),
});
export const nationStatus = z.object({
  ar: z.number().int(),
  /** The verksamheternas deadline: 15 January of the following year. */
  deadline: z.string(),
  rader: z.array(nationStatusRad),
});
export type NationStatus = z.infer<typeof nationStatus>;

export const createKommentar = z.strictObject({
  /** A path into the document (e.g. 'klienter.totalt.kvinna'); left out = the whole report. */
  path: z.string().trim().min(1).max(200).optional(),
  text: z.string().trim().min(1).max(5000),
});
export const returnera = z.strictObject({ anledning: z.string().trim().min(1).max(5000) });
export const godkann = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500) });

export const DOKUMENT_FORMAT = ['json', 'xlsx', 'pdf', 'docx'] as const;
export const dokumentFormat = z.enum(DOKUMENT_FORMAT);
export type DokumentFormat = z.infer<typeof dokumentFormat>;
