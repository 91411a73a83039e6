import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ARENDE_STATUS, BARN_UNDER_18, FORFRAGAN_FRAN, KON } from '../../../domain/codes.ts';
import { appUser } from './auth.ts';
import { organisation, verksamhet } from './orgs.ts';
import { kommun, stadsdelsomrade } from './reference.ts';
import { clientDataPolicy } from './rls.ts';

/**
 * Casework. Client data is split in two: the STATISTICAL record (klient, arende, arende_aktor), which is
 * kept for ever so that every reported figure stays the same, and the IDENTITY (klient_identitet,
 * anteckning), which gallring deletes for good. Nothing in the statistical tables may point at a person.
 *
 * Every table carries verksamhet_id with row-level security (clientDataPolicy), and child tables reference
 * their parent by (verksamhet_id, id): foreign-key checks bypass RLS, so a composite key keeps a row from
 * ever being attached to another verksamhet's client.
 */
export const klient = pgTable(
  'klient',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    verksamhetId: uuid('verksamhet_id')
      .notNull()
      .references(() => verksamhet.organisationId),
    kon: text('kon', { enum: KON }).notNull(),
    fodelsear: integer('fodelsear').notNull(),
    kommunKod: char('kommun_kod', { length: 4 })
      .notNull()
      .references(() => kommun.kod),
    /** Set when the verksamhet covers the kommun by stadsdelsområden (Stockholm). */
    stadsdelsomradeKod: text('stadsdelsomrade_kod').references(() => stadsdelsomrade.kod),
    barnUnder18: text('barn_under_18', { enum: BARN_UNDER_18 }).notNull(),
    /** When the identity and notes were deleted (gallring); the row itself stays for statistics. */
    gallradAt: timestamp('gallrad_at', { withTimezone: true, mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    unique('klient_verksamhet_id').on(t.verksamhetId, t.id),
    check('klient_fodelsear', sql`${t.fodelsear} between 1900 and 2100`),
    clientDataPolicy('klient', t.verksamhetId),
  ],
);

/** Everything that can point at the person. Deleted on gallring. */
export const klientIdentitet = pgTable(
  'klient_identitet',
  {
    klientId: uuid('klient_id').primaryKey(),
    verksamhetId: uuid('verksamhet_id').notNull(),
    alias: text('alias').notNull(),
    namn: text('namn'),
    /** Normalised ÅÅÅÅMMDD-NNNN (personnummer or samordningsnummer). */
    personnummer: text('personnummer'),
    telefon: text('telefon'),
    adress: text('adress'),
  },
  (t) => [
    foreignKey({
      name: 'klient_identitet_klient',
      columns: [t.verksamhetId, t.klientId],
      foreignColumns: [klient.verksamhetId, klient.id],
    }).onDelete('cascade'),
    // Purged clients have no row here, so an alias is unique among the verksamhet's current clients.
    uniqueIndex('klient_identitet_alias').on(t.verksamhetId, sql`lower(${t.alias})`),
    clientDataPolicy('klient_identitet', t.verksamhetId),
  ],
);

export const arende = pgTable(
  'arende',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    verksamhetId: uuid('verksamhet_id').notNull(),
    klientId: uuid('klient_id').notNull(),
    forfraganDatum: date('forfragan_datum', { mode: 'string' }).notNull(),
    /** null when not recorded (imported history has no such column). */
    forfraganFran: text('forfragan_fran', { enum: FORFRAGAN_FRAN }),
    status: text('status', { enum: ARENDE_STATUS }).notNull(),
    startDatum: date('start_datum', { mode: 'string' }),
    avslutDatum: date('avslut_datum', { mode: 'string' }),
    /** A code, never free text: this row is kept for ever. */
    avslutOrsak: text('avslut_orsak'),
    ombudUserId: uuid('ombud_user_id').references(() => appUser.id, { onDelete: 'set null' }),
    sip: boolean('sip').notNull().default(false),
    prioritet: text('prioritet').array().notNull().default(sql`'{}'::text[]`),
    kontaktorsaker: text('kontaktorsaker').array().notNull().default(sql`'{}'::text[]`),
    /** The first day the client's identity and notes may be purged (avslut_datum + config.gallringDagar). */
    gallrasEfter: date('gallras_efter', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    unique('arende_verksamhet_id').on(t.verksamhetId, t.id),
    foreignKey({
      name: 'arende_klient',
      columns: [t.verksamhetId, t.klientId],
      foreignColumns: [klient.verksamhetId, klient.id],
    }),
    index('arende_klient_idx').on(t.verksamhetId, t.klientId),
    index('arende_verksamhet_status').on(t.verksamhetId, t.status),
    // The ärende list's default order (newest request first, then id) within one verksamhet, either way.
    index('arende_verksamhet_forfragan').on(t.verksamhetId, t.forfraganDatum, t.id),
    check(
      'arende_start_efter_forfragan',
      sql`${t.startDatum} is null or ${t.startDatum} >= ${t.forfraganDatum}`,
    ),
    check(
      'arende_avslut_efter_start',
      sql`${t.avslutDatum} is null or ${t.avslutDatum} >= coalesce(${t.startDatum}, ${t.forfraganDatum})`,
    ),
    check(
      'arende_status_datum',
      sql`case ${t.status}
        when 'forfragan' then ${t.startDatum} is null and ${t.avslutDatum} is null
        when 'ko' then ${t.startDatum} is null and ${t.avslutDatum} is null
        when 'aktiv' then ${t.startDatum} is not null and ${t.avslutDatum} is null
        when 'avslutad' then ${t.startDatum} is not null and ${t.avslutDatum} is not null
        when 'ej_aktuell' then ${t.startDatum} is null and ${t.avslutDatum} is not null
        else false end`,
    ),
    clientDataPolicy('arende', t.verksamhetId),
  ],
);

/** External actors (organisations of typ 'aktor') involved in an ärende. */
export const arendeAktor = pgTable(
  'arende_aktor',
  {
    arendeId: uuid('arende_id').notNull(),
    verksamhetId: uuid('verksamhet_id').notNull(),
    aktorId: uuid('aktor_id')
      .notNull()
      .references(() => organisation.id),
  },
  (t) => [
    primaryKey({ name: 'arende_aktor_pk', columns: [t.verksamhetId, t.arendeId, t.aktorId] }),
    foreignKey({
      name: 'arende_aktor_arende',
      columns: [t.verksamhetId, t.arendeId],
      foreignColumns: [arende.verksamhetId, arende.id],
    }).onDelete('cascade'),
    clientDataPolicy('arende_aktor', t.verksamhetId),
  ],
);

/** Working notes, owned by the client. Deleted on gallring. */
export const anteckning = pgTable(
  'anteckning',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    verksamhetId: uuid('verksamhet_id').notNull(),
    arendeId: uuid('arende_id').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'anteckning_arende',
      columns: [t.verksamhetId, t.arendeId],
      foreignColumns: [arende.verksamhetId, arende.id],
    }).onDelete('cascade'),
    index('anteckning_arende_idx').on(t.arendeId),
    clientDataPolicy('anteckning', t.verksamhetId),
  ],
);

/** Each ombud's share of a full-time post in the verksamhet, set by the chef (hundredths: 75 = 0.75 FTE). */
export const ombudTjanst = pgTable(
  'ombud_tjanst',
  {
    verksamhetId: uuid('verksamhet_id')
      .notNull()
      .references(() => verksamhet.organisationId, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    arsarbetareHundradelar: integer('arsarbetare_hundradelar').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'ombud_tjanst_pk', columns: [t.verksamhetId, t.userId] }),
    check('ombud_tjanst_grad', sql`${t.arsarbetareHundradelar} between 0 and 100`),
  ],
);
