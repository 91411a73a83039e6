import { sql } from 'drizzle-orm';
import { char, check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { kommun, lan, stadsdelsomrade } from './reference.ts';

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
  (t) => [unique('organisation_typ_kod').on(t.typ, t.kod), index('organisation_lan').on(t.lanKod)],
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

export const aktor = pgTable('aktor', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisation.id, { onDelete: 'cascade' }),
  kategori: text('kategori').notNull(),
});
