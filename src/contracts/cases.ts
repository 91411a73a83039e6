/**
 * Casework: clients (klienter), ärenden, the queue, caseload, notes, import and gallring. Shared by the
 * server (request/response schemas), the web app and the CLI.
 */
import { z } from 'zod';
import {
  ARENDE_STATUS,
  ARENDE_STATUS_ETIKETT,
  BARN_UNDER_18,
  type Etiketter,
  FORFRAGAN_FRAN,
  KLIENT_STATUS,
  KLIENT_STATUS_ETIKETT,
  KON,
  KONTAKTORSAKER,
  PRIORITETSGRUNDER,
} from '../domain/codes.ts';
import { tolkaPersonnummer } from '../domain/personnummer.ts';
import {
  enEllerFlera,
  exportFormat,
  isoDate,
  kommunKod,
  periodFel,
  periodOk,
  type Sortering,
  sidan,
  sortOrdningar,
} from './common.ts';
import { orList } from './messages/error-map.ts';

export const kon = z.enum(KON);
export const barnUnder18 = z.enum(BARN_UNDER_18);
export const arendeStatus = z.enum(ARENDE_STATUS);
export const forfraganFran = z.enum(FORFRAGAN_FRAN);
export const kontaktorsak = z.enum(KONTAKTORSAKER);
export const prioritetsgrund = z.enum(PRIORITETSGRUNDER);

/**
 * Why an ärende ended. A code, never free text: the ärende row is the statistical record, kept after
 * gallring, so it must not carry anything that could point at the person.
 */
export const AVSLUT_ORSAKER = [
  'mal_uppnatt',
  'klienten_avslutar',
  'annat_stod',
  'kontakten_upphort',
  'flyttat',
  'avliden',
  'ej_malgrupp',
  'annan',
] as const;
export type AvslutOrsak = (typeof AVSLUT_ORSAKER)[number];
export const avslutOrsak = z.enum(AVSLUT_ORSAKER);
export const AVSLUT_ORSAK_ETIKETT: Etiketter<AvslutOrsak> = {
  mal_uppnatt: { sv: 'Klientens mål är uppnådda', en: 'The client’s goals are met' },
  klienten_avslutar: { sv: 'Klienten vill avsluta', en: 'The client wants to end' },
  annat_stod: { sv: 'Klienten har fått annat stöd', en: 'The client has other support' },
  kontakten_upphort: { sv: 'Kontakten har upphört', en: 'Contact has ceased' },
  flyttat: { sv: 'Klienten har flyttat', en: 'The client has moved' },
  avliden: { sv: 'Klienten har avlidit', en: 'The client has died' },
  ej_malgrupp: { sv: 'Tillhör inte målgruppen', en: 'Not in the target group' },
  annan: { sv: 'Annan orsak', en: 'Other reason' },
};

/** Optional identity text: empty means "not given" (stored as null). */
const valfriText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

export const alias = z.string().trim().min(1, 'Ange ett alias.').max(60, 'Aliaset får vara högst 60 tecken.');

/** Personnummer or samordningsnummer: date and check digit are checked; stored as ÅÅÅÅMMDD-NNNN. */
export const personnummer = z
  .string()
  .trim()
  .nullish()
  .transform((s, ctx) => {
    if (!s) return null;
    const r = tolkaPersonnummer(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.reason });
      return z.NEVER;
    }
    return r.normalized;
  });

export const fodelsear = z
  .number({ error: 'Ange födelseår som ett heltal, t.ex. 1975.' })
  .int('Ange födelseår som ett heltal, t.ex. 1975.')
  .min(1900, 'Födelseåret är orimligt.')
  .max(2100, 'Födelseåret är orimligt.');

const klientFalt = {
  alias,
  namn: valfriText(200),
  personnummer,
  telefon: valfriText(40),
  adress: valfriText(300),
  fodelsear,
  kon,
  kommunKod,
  /** Required when the verksamhet covers the kommun by stadsdelsområden (Stockholm). */
  stadsdelsomradeKod: z.string().trim().max(60).nullish(),
  barnUnder18,
};

export const createKlient = z.strictObject(klientFalt);
export type CreateKlient = z.input<typeof createKlient>;
export type CreateKlientParsed = z.output<typeof createKlient>;

export const updateKlient = z.strictObject(klientFalt).partial();
export type UpdateKlient = z.input<typeof updateKlient>;

const ombudRef = z.object({ id: z.uuid(), displayName: z.string() }).nullable();

export const klientItem = z.object({
  id: z.uuid(),
  /** null once gallrad. */
  alias: z.string().nullable(),
  gallrad: z.boolean(),
  kon,
  fodelsear: z.number().int(),
  kommunKod: z.string(),
  kommunNamn: z.string(),
  stadsdelsomradeKod: z.string().nullable(),
  stadsdelsomradeNamn: z.string().nullable(),
  barnUnder18,
  antalArenden: z.number().int(),
  /** The first request (the earliest ärende's request date); null without ärenden. */
  forstaKontakt: z.string().nullable(),
  /** The most recent ärende (by request date). */
  senasteArende: z
    .object({ id: z.uuid(), status: arendeStatus, forfraganDatum: z.string(), ombud: ombudRef })
    .nullable(),
  createdAt: z.string(),
});
export type KlientItem = z.infer<typeof klientItem>;

export const klientList = z.object({
  /** Clients matching the filters. */
  total: z.number().int(),
  /** Of those, how many are purged (gallrade). */
  gallrade: z.number().int(),
  items: z.array(klientItem),
});

// Where a client stands (the codes live in the domain, beside the ärende's).
export { KLIENT_STATUS, KLIENT_STATUS_ETIKETT, type KlientStatus } from '../domain/codes.ts';
export const klientStatus = z.enum(KLIENT_STATUS);

/**
 * The client list's sort orders: a column, `-` first for descending; every order ends on the client id (in
 * the same direction), so pages never overlap or skip a row. `status` and `ombud` are the latest ärende's,
 * as the list shows them; `forstaKontakt` is the first request.
 */
export const KLIENT_SORT_FALT = [
  'klient',
  'kon',
  'fodelsear',
  'kommun',
  'forstaKontakt',
  'status',
  'ombud',
] as const;
export type KlientSortFalt = (typeof KLIENT_SORT_FALT)[number];
export type KlientSort = Sortering<KlientSortFalt>;
export const KLIENT_SORT = sortOrdningar(KLIENT_SORT_FALT);
export const KLIENT_SORT_STANDARD: KlientSort = 'klient';

/** The client list's filters, shared by the list, the search and the export. */
const klientUrval = {
  /** One status or several; none = every client. */
  status: enEllerFlera(KLIENT_STATUS, KLIENT_STATUS_ETIKETT, 'Status'),
  /** Kept from the first version of the list: ja = purged only, nej = not purged. */
  gallrad: z.enum(['ja', 'nej', 'alla']).default('alla'),
  /** The latest ärende's ombud: 'jag' = the caller, 'ingen' = none (or no ärende), or a user id. */
  ombud: z.union([z.literal('jag'), z.literal('ingen'), z.uuid()]).optional(),
  kommunKod: kommunKod.optional(),
  kon: kon.optional(),
  /** First contact (the earliest request) on or after this date. */
  fran: isoDate.optional(),
  /** First contact on or before this date. */
  till: isoDate.optional(),
  sort: z.enum(KLIENT_SORT).default(KLIENT_SORT_STANDARD),
};
/** An alias fragment: never in an address (see klientQuery). */
const sokterm = { q: z.string().trim().max(60).optional() };
/**
 * The client list's filters in the address. A search term is not one of them: an alias typed into a
 * search must not land in access logs, proxies or browser history, so searching is a POST (klientSok), and
 * so is the export (klientExport).
 */
export const klientQuery = z.strictObject({ ...klientUrval, ...sidan }).refine(periodOk, periodFel);
export const klientSok = z.strictObject({ ...sokterm, ...klientUrval, ...sidan }).refine(periodOk, periodFel);
export type KlientSok = z.input<typeof klientSok>;
export type KlientSokParsed = z.output<typeof klientSok>;
/** The export of the filtered list: every matching client, as CSV (Excel's Swedish dialect) or xlsx. */
export const klientExport = z
  .strictObject({ ...sokterm, ...klientUrval, format: exportFormat })
  .refine(periodOk, periodFel);
export type KlientExportParsed = z.output<typeof klientExport>;

export const arendeItem = z.object({
  id: z.uuid(),
  klientId: z.uuid(),
  /** null once the client is gallrad. */
  klientAlias: z.string().nullable(),
  gallrad: z.boolean(),
  forfraganDatum: z.string(),
  /** null when not recorded (imported history). */
  forfraganFran: forfraganFran.nullable(),
  status: arendeStatus,
  startDatum: z.string().nullable(),
  avslutDatum: z.string().nullable(),
  avslutOrsak: avslutOrsak.nullable(),
  ombud: ombudRef,
  sip: z.boolean(),
  prioritet: z.array(prioritetsgrund),
  /** Grounds suggested from the client's data (the ombud decides what is set in `prioritet`). */
  foreslagenPrioritet: z.array(prioritetsgrund),
  kontaktorsaker: z.array(kontaktorsak),
  aktorIds: z.array(z.uuid()),
  /** Days waited: request → start, or request → today while still waiting; null when never started. */
  vantedagar: z.number().int().nullable(),
  gallrasEfter: z.string().nullable(),
  /** The statuses this ärende may move to next (the UI shows these buttons). */
  mojligaStatus: z.array(arendeStatus),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ArendeItem = z.infer<typeof arendeItem>;

export const klientDetail = klientItem.extend({
  namn: z.string().nullable(),
  personnummer: z.string().nullable(),
  telefon: z.string().nullable(),
  adress: z.string().nullable(),
  arenden: z.array(arendeItem),
});
export type KlientDetail = z.infer<typeof klientDetail>;

/**
 * The ärende list's sort orders: a column, `-` before it for descending. Every order ends on the ärende id
 * (in the same direction), so pages never overlap or skip a row. `ko` is the queue order (domain/prioritet.ts
 * `jamforKo`: more priority grounds first, then the earliest request); `-ko` is that order reversed.
 */
export const ARENDE_SORT_FALT = [
  'forfraganDatum',
  'vantedagar',
  'status',
  'avslutDatum',
  'klient',
  'ko',
] as const;
export type ArendeSortFalt = (typeof ARENDE_SORT_FALT)[number];
export const ARENDE_SORT = sortOrdningar(ARENDE_SORT_FALT);
export type ArendeSort = (typeof ARENDE_SORT)[number];
export const ARENDE_SORT_STANDARD: ArendeSort = '-forfraganDatum';

/** The ärende list's filters, shared by the list and its export (the export holds every matching row). */
const arendeUrval = {
  /** One status or several (`status=aktiv&status=ko`); none = every status. */
  status: z
    .union([arendeStatus, z.array(arendeStatus)], {
      error: `Status ska vara ${orList(
        ARENDE_STATUS.map((s) => ARENDE_STATUS_ETIKETT[s].sv.toLowerCase()),
        'sv',
      )}.`,
    })
    .transform((s) => (Array.isArray(s) ? s : [s]))
    .optional(),
  klientId: z.uuid().optional(),
  /** The responsible ombud: 'jag' = the caller, 'ingen' = no ombud assigned, or a user id. */
  ombud: z.union([z.literal('jag'), z.literal('ingen'), z.uuid()]).optional(),
  /** Requests (forfraganDatum) on or after this date. */
  fran: isoDate.optional(),
  /** Requests (forfraganDatum) on or before this date. */
  till: isoDate.optional(),
  /** A column, `-` first for descending; the newest request first when not given. */
  sort: z.enum(ARENDE_SORT).default(ARENDE_SORT_STANDARD),
};

export const arendeQuery = z
  .object({
    ...arendeUrval,
    ...sidan,
  })
  .refine(periodOk, periodFel);
export type ArendeQuery = z.output<typeof arendeQuery>;

/** The export of the filtered list: every matching row, as CSV (Excel's Swedish dialect) or xlsx. */
export const arendeExportQuery = z
  .object({ ...arendeUrval, format: exportFormat })
  .refine(periodOk, periodFel);
export type ArendeExportQuery = z.output<typeof arendeExportQuery>;
export const arendeList = z.object({ total: z.number().int(), items: z.array(arendeItem) });

const koder = <T extends z.ZodType>(t: T) => z.array(t).max(20);

export const createArende = z.strictObject({
  klientId: z.uuid(),
  forfraganDatum: isoDate,
  forfraganFran,
  prioritet: koder(prioritetsgrund).optional(),
  kontaktorsaker: koder(kontaktorsak).optional(),
  aktorIds: z.array(z.uuid()).max(50).optional(),
  sip: z.boolean().optional(),
});
export type CreateArende = z.input<typeof createArende>;

/** Corrections and additions; status changes go through the transition endpoint. */
export const updateArende = z.strictObject({
  forfraganDatum: isoDate.optional(),
  forfraganFran: forfraganFran.optional(),
  startDatum: isoDate.optional(),
  avslutDatum: isoDate.optional(),
  avslutOrsak: avslutOrsak.nullable().optional(),
  ombudUserId: z.uuid().nullable().optional(),
  prioritet: koder(prioritetsgrund).optional(),
  kontaktorsaker: koder(kontaktorsak).optional(),
  aktorIds: z.array(z.uuid()).max(50).optional(),
  sip: z.boolean().optional(),
});
export type UpdateArende = z.input<typeof updateArende>;

/**
 * A status change. `datum`: the start date (→ aktiv), the closing date (→ avslutad, ej_aktuell); not used
 * for → ko. `ombudUserId` (→ aktiv): the responsible ombud, the caller when omitted. `avslutOrsak`:
 * required for → avslutad.
 */
export const arendeTransition = z.strictObject({
  status: arendeStatus,
  datum: isoDate.optional(),
  ombudUserId: z.uuid().optional(),
  avslutOrsak: avslutOrsak.optional(),
});
export type ArendeTransition = z.input<typeof arendeTransition>;

export const anteckningItem = z.object({
  id: z.uuid(),
  arendeId: z.uuid(),
  text: z.string(),
  createdBy: ombudRef,
  createdAt: z.string(),
});
export type AnteckningItem = z.infer<typeof anteckningItem>;

export const createAnteckning = z.strictObject({
  text: z.string().trim().min(1, 'Skriv något i anteckningen.').max(10_000),
});

export const koQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export const koList = z.object({ total: z.number().int(), items: z.array(arendeItem) });

const vantetid = z.object({
  antal: z.number().int(),
  medianDagar: z.number().int().nullable(),
  maxDagar: z.number().int().nullable(),
});
export const koStatistik = z.object({
  /** Today, in Sweden: the day the waiting days are counted to. */
  datum: z.string(),
  /** Requests waiting now (förfrågan and kö) and how long they have waited so far. */
  iKo: vantetid,
  /** Ärenden started in the last 365 days and how long they waited (request → start). */
  startadeSenasteAret: vantetid,
});
export type KoStatistik = z.infer<typeof koStatistik>;

/** Who may be responsible for an ärende: the verksamhet's ombud and chefs. */
export const ombudItem = z.object({ id: z.uuid(), username: z.string(), displayName: z.string() });

export const CASELOAD_REKOMMENDERAD = { min: 15, max: 21 } as const;

export const caseloadNiva = z.enum(['under', 'inom', 'over']);
export const caseloadItem = z.object({
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roller: z.array(z.enum(['ombud', 'chef'])),
  aktiva: z.number().int(),
  /** Share of a full-time post in hundredths (75 = 0.75 FTE); null when the chef has not set it. */
  arsarbetareHundradelar: z.number().int().nullable(),
  /** Active ärenden per full-time post; null without a tjänstgöringsgrad (or at 0). */
  perArsarbetare: z.number().nullable(),
  niva: caseloadNiva.nullable(),
});
export const caseload = z.object({
  rekommenderat: z.object({ min: z.number().int(), max: z.number().int() }),
  ombud: z.array(caseloadItem),
  totalt: z.object({
    aktiva: z.number().int(),
    /** Active ärenden without a responsible ombud. */
    utanOmbud: z.number().int(),
    arsarbetareHundradelar: z.number().int(),
    perArsarbetare: z.number().nullable(),
    niva: caseloadNiva.nullable(),
  }),
});
export type Caseload = z.infer<typeof caseload>;

export const setTjanstgoringsgrad = z.strictObject({
  arsarbetareHundradelar: z
    .number()
    .int('Ange tjänstgöringsgraden i hundradelar, t.ex. 75 för 75 %.')
    .min(0)
    .max(100),
});

export const IMPORT_KOLUMNER = [
  'alias',
  'fodelsear',
  'kon',
  'kommun_kod',
  'barn_under_18',
  'forfragan_datum',
  'start_datum',
  'avslut_datum',
  'kontaktorsaker',
  'prioritet',
  'ombud',
] as const;

export const importFel = z.object({
  /** Line in the file (the header is line 1). */
  rad: z.number().int(),
  kolumn: z.string().nullable(),
  meddelande: z.string(),
});
export type ImportFel = z.infer<typeof importFel>;

export const importQuery = z.object({
  /** 'true': write the good rows and list the bad ones; otherwise any bad row writes nothing. */
  skipInvalid: z.enum(['true', 'false']).default('false'),
  /** An xlsx upload: the sheet to read (default the first). */
  blad: z.string().min(1).max(100).optional(),
});

/** The import template: CSV (semicolons, UTF-8 with BOM, for Excel with Swedish settings) or xlsx. */
export const importMallQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export const importResultat = z.object({
  /** false when nothing was written (a bad row without skipInvalid). */
  skrivet: z.boolean(),
  rader: z.number().int(),
  klienter: z.number().int(),
  arenden: z.number().int(),
  hoppadeOver: z.number().int(),
  fel: z.array(importFel),
});
export type ImportResultat = z.infer<typeof importResultat>;

export const gallringItem = z.object({
  klientId: z.uuid(),
  alias: z.string(),
  /** The first day the identity may be purged. */
  gallrasEfter: z.string(),
});
export const gallringList = z.object({ items: z.array(gallringItem) });
export const gallringResultat = z.object({ gallrade: z.number().int() });
