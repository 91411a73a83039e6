import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { kommun, lan, stadsdelsomrade } from './reference.ts';

const VERSALER = 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ';
const GEMENER = 'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþ';

/**
 * An organisation code's comparison key in SQL: lower case, Latin-1 letters included. `lower()` alone folds
 * only a–z under the C locale (PGlite, `initdb` without a locale), so the Latin-1 capitals a code may hold
 * (src/contracts/orgs.ts, verksamhetKod) are folded by `translate`; the same as JavaScript's toLowerCase()
 * for those codes. Used by the unique index and by every lookup by code.
 */
export function kodNyckel(kod: SQLWrapper | string): SQL {
  return sql`translate(lower(${kod}), ${sql.raw(`'${VERSALER}'`)}, ${sql.raw(`'${GEMENER}'`)})`;
}

/**
 * Every party in the hierarchy is an organisation: Socialstyrelsen, a Länsstyrelse, a PO-verksamhet or an
 * external actor. Memberships point at organisations; details per kind live in the tables below.
 */
export const organisation = pgTable(
  'organisation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    typ: text('typ', { enum: ['socialstyrelsen', 'lansstyrelse', 'verksamhet', 'aktor'] }).notNull(),
    kod: text('kod').notNull(),
    namn: text('namn').notNull(),
    lanKod: char('lan_kod', { length: 2 }).references(() => lan.kod),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('organisation_typ_kod').on(t.typ, t.kod),
    // Codes are compared without regard to case (`V001` is `v001`, `SKÖVDE` is `skövde`): see kodNyckel.
    uniqueIndex('organisation_typ_kod_nyckel').on(t.typ, kodNyckel(t.kod)),
    index('organisation_lan').on(t.lanKod),
  ],
);

export const verksamhet = pgTable(
  'verksamhet',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    utforare: text('utforare', {
      enum: ['kommun', 'stiftelse', 'kommunforbund', 'ideell_forening', 'region', 'annan'],
    }).notNull(),
    giltigFranAr: integer('giltig_fran_ar').notNull(),
    giltigTillAr: integer('giltig_till_ar'),
  },
  (t) => [
    check('verksamhet_giltighet', sql`${t.giltigTillAr} is null or ${t.giltigTillAr} >= ${t.giltigFranAr}`),
  ],
);

/** What a verksamhet covers: whole kommuner, or (Stockholm) single stadsdelsområden. */
export const verksamhetOmrade = pgTable(
  'verksamhet_omrade',
  {
    verksamhetId: uuid('verksamhet_id')
      .notNull()
      .references(() => verksamhet.organisationId, { onDelete: 'cascade' }),
    kommunKod: char('kommun_kod', { length: 4 })
      .notNull()
      .references(() => kommun.kod),
    /** null = the whole kommun. */
    stadsdelsomradeKod: text('stadsdelsomrade_kod').references(() => stadsdelsomrade.kod),
  },
  (t) => [
    unique('verksamhet_omrade_unik').on(t.verksamhetId, t.kommunKod, t.stadsdelsomradeKod).nullsNotDistinct(),
  ],
);

/**
 * The national actor register (regions, every kommun's socialtjänst, the agencies …): loaded from
 * reference/aktorer.csv and kept by administrators. An actor is never deleted — brister keep pointing at it —
 * it is ended with `giltigTill`, after which it is no longer offered for new brister.
 */
export const aktor = pgTable(
  'aktor',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    kategori: text('kategori').notNull(),
    /** The kommun whose body this is (a socialtjänst, an överförmyndare); null for regions and agencies. */
    kommunKod: char('kommun_kod', { length: 4 }).references(() => kommun.kod),
    /** First day the actor exists in its present form; null = before the register. */
    giltigFran: date('giltig_fran', { mode: 'string' }),
    /** Last day; null = still in force. */
    giltigTill: date('giltig_till', { mode: 'string' }),
    /** Added or changed by an administrator: the reference loader no longer overwrites the row. */
    andradAvAdmin: boolean('andrad_av_admin').notNull().default(false),
  },
  (t) => [
    check(
      'aktor_giltighet',
      sql`${t.giltigTill} is null or ${t.giltigFran} is null or ${t.giltigTill} >= ${t.giltigFran}`,
    ),
    index('aktor_kommun').on(t.kommunKod),
  ],
);
