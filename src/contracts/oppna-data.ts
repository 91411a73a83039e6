import { z } from 'zod';
import { KONTAKTORSAKER } from '../domain/codes.ts';
import { lanKod } from './common.ts';
import { tabell2 } from './national.ts';

/**
 * The open statistics (docs/open-data.md): public, from approved reports only. Keys and shapes follow
 * /api/v1/nationellt/{ar} (docs/national-report.md); a count about people that is null is suppressed
 * (a small number, or a second cell that would let a total reveal it).
 */
const n = z.number();
const cell = z.number().nullable();
const pct = z.number().nullable();
const gCell = z.object({ kvinna: cell, man: cell, annan: cell, totalt: cell });
const alderRad = z.object({ '18-29': cell, '30-49': cell, '50-64': cell, '65+': cell, totalt: cell });

export const oppnaAr = z.object({
  /** Years with at least one approved report, oldest first. */
  ar: z.array(n),
});

export const oppnaTabellId = z.enum([
  'tabell2',
  'tabell3',
  'tabell4',
  'ko',
  'ledningsgrupp',
  'klienter-per-lan',
  'personal-per-lan',
]);

/** Coverage against need of an area (docs/open-data.md): people counts null where suppressed. */
const tackningOmrade = z.object({
  kommuner: n,
  kommunerMedPo: n,
  kommunerUtanPo: n,
  folkmangd: n.describe('Invånare (alla kommuner i området, med eller utan PO).'),
  folkmangdUtanPo: n.describe('Invånare i kommunerna utan PO.'),
  verksamheter: n,
  verksamheterMedKo: n,
  koAndel: pct.describe('Andel av verksamheterna som hade kö under året, procent med en decimal.'),
  arsarbetare: n.describe('Årsarbetare; en verksamhet med flera kommuner delas efter folkmängd.'),
  normArsarbetare: n.describe('Årsarbetare enligt normen: folkmängd / 30 000, två decimaler.'),
  invanarePerArsarbetare: z.number().nullable().describe('Invånare per årsarbetare; null utan årsarbetare.'),
  klienter: z.object({ kvinna: cell, man: cell, annan: cell, totalt: cell }),
  nyaKlienter: cell,
  vantande: cell.describe('Personer som väntade på ombud den 31 december.'),
  klienterPer10000: z
    .number()
    .nullable()
    .describe('Klienter per 10 000 invånare, en decimal; null när antalet klienter är dolt.'),
});
const norm = z.object({ invanarePerArsarbetare: n.describe('Seed 004: ett ombud per 30 000 invånare.') });

export const oppnaTackning = z.object({
  /** The year of the population figures (31 December), the same for every report year. */
  folkmangdAr: n,
  norm,
  riket: tackningOmrade,
  perLan: z.array(tackningOmrade.extend({ lanKod, lanNamn: z.string() })),
  /** Nothing about people per kommun: clients are not known per kommun (docs/open-data.md). */
  perKommun: z.array(
    z.object({
      kommunKod: z.string(),
      kommunNamn: z.string(),
      lanKod,
      harPo: z.boolean(),
      folkmangd: n,
      verksamheter: n,
      arsarbetare: n.describe('Verksamheternas årsarbetare fördelade efter folkmängd (en uppskattning).'),
      normArsarbetare: n,
      invanarePerArsarbetare: z.number().nullable(),
    }),
  ),
});

const tidpunkt = z.object({
  ar: n,
  verksamheter: n,
  klienter: z.object({ kvinna: cell, man: cell, annan: cell, totalt: cell }),
  nyaKlienter: cell,
  arsarbetare: n,
  invanarePerArsarbetare: z.number().nullable(),
  klienterPer10000: z.number().nullable(),
  kommunerUtanPo: n,
  koAndel: pct,
  vantande: cell,
  alder: alderRad.describe(
    'Tabell 3: klienter per åldersgrupp, kvinnor + män (annan könsidentitet ingår inte, som i Tabell 3). ' +
      'För riket samma celler som tabell3.totalt i /oppna-data/{ar}; för ett län klienterna i länets ' +
      'verksamheter, röjda tillsammans med klienter per län.',
  ),
  medBarn: z
    .object({
      antal: cell.describe('Klienter som bor med barn under 18 år (Tabell 4, totalt).'),
      andel: pct.describe('Andel av alla klienter, procent med en decimal; null när antalet är dolt.'),
    })
    .describe('Tabell 4 för året; för riket samma som raden för året i tabell4 i /oppna-data/{ar}.'),
  kontaktorsaker: z
    .object(
      Object.fromEntries(KONTAKTORSAKER.map((k) => [k, pct])) as Record<
        (typeof KONTAKTORSAKER)[number],
        typeof pct
      >,
    )
    .describe(
      'Andel av alla klienter med varje kontaktorsak, procent med en decimal (flera orsaker per klient). ' +
        'Antalet bakom en andel röjs som en kolumn av län med riket som summa; null när antalet eller ' +
        'antalet klienter är dolt.',
    ),
});

export const oppnaTidsserie = z.object({
  anmarkning: z.string(),
  folkmangdAr: n,
  norm,
  /** Every year with approved reports, oldest first; each series has one point per year in this order. */
  ar: z.array(n),
  riket: z.array(tidpunkt),
  perLan: z.array(z.object({ lanKod, lanNamn: z.string(), serie: z.array(tidpunkt) })),
});
export type OppnaTidsserie = z.infer<typeof oppnaTidsserie>;

export const oppnaData = z.object({
  ar: n,
  /** In Swedish: that small numbers are hidden and only approved reports count. */
  anmarkning: z.string(),
  underlagStatus: z.literal('godkanda'),
  underlag: z.object({ verksamheter: n }),
  klienter: gCell,
  tabell2,
  tabell3: z.object({ kvinna: alderRad, man: alderRad, annan: alderRad, totalt: alderRad }),
  tabell4: z.array(
    z.object({ ar: n, kvinna: cell, man: cell, annan: cell, totalt: cell, klienter: cell, andel: pct }),
  ),
  ko: z.object({
    verksamheter: n,
    antal: n,
    andel: pct,
    vantetider: z.object({ '0-30': n, '31-60': n, '61-90': n, '>90': n }),
    utanMedian: n,
  }),
  ledningsgrupp: z.object({
    verksamheter: n,
    saknarRoll: n,
    andel: pct,
    perRoll: z.record(z.string(), n),
  }),
  personal: z.object({
    ombud: cell,
    arsarbetare: n,
    kvinnor: cell,
    man: cell,
    /** Ombud neither women nor men, or not stated. */
    ovriga: cell,
    andelKvinnor: pct,
  }),
  perLan: z.array(
    z.object({
      lanKod,
      lanNamn: z.string(),
      verksamheter: n,
      arsarbetare: n,
      ombud: z.object({ kvinnor: cell, man: cell, ovriga: cell, totalt: cell }),
      klienter: gCell,
    }),
  ),
  /** The tables offered as CSV and JSON-stat: /oppna-data/{ar}/{id}.csv and .json. */
  tabeller: z.array(z.object({ id: oppnaTabellId, titel: z.string() })),
  /** Coverage against need: per län and kommun, the norm of one ombud per 30 000 inhabitants. */
  tackning: oppnaTackning,
});
export type OppnaDataSvar = z.infer<typeof oppnaData>;

export const oppnaArParam = z.object({ ar: z.coerce.number().int().min(2000).max(2100) });
/** Any text: an unknown table answers 404 naming the tables there are (not a 400 from validation). */
export const oppnaTabellParam = oppnaArParam.extend({
  tabell: z
    .string()
    .max(100)
    .describe(`En av: ${oppnaTabellId.options.join(', ')}.`),
});
export const csvQuery = z.object({
  /** excel (default): semicolon, BOM, decimal comma. rfc: RFC 4180, comma, no BOM, decimal point. */
  variant: z.enum(['excel', 'rfc']).default('excel'),
});

/** A JSON-stat 2.0 dataset (https://json-stat.org/full/): open, so that libraries may read more keys. */
export const jsonStatDataset = z.looseObject({
  version: z.literal('2.0'),
  class: z.literal('dataset'),
  label: z.string(),
  source: z.string(),
  note: z.array(z.string()),
  id: z.array(z.string()),
  size: z.array(n),
  dimension: z.record(
    z.string(),
    z.object({
      label: z.string(),
      category: z.object({ index: z.record(z.string(), n), label: z.record(z.string(), z.string()) }),
    }),
  ),
  value: z.array(z.number().nullable()),
  status: z.record(z.string(), z.string()),
  extension: z.object({ ar: n, tabell: oppnaTabellId }),
});
