import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { ATERKOPPLING_TYPER } from '../../../contracts/brister.ts';
import { BRIST_STATUS } from '../../../domain/brist-status.ts';
import { BRIST_NIVA } from '../../../domain/codes.ts';
import { appUser } from './auth.ts';
import { aktor, verksamhet } from './orgs.ts';
import { kommun } from './reference.ts';

/*
 * Systembrister. They describe the system, never a person (the personal-data guard checks every free text
 * in the service), so these are not client data and carry no row-level security: the service scopes every
 * query by verksamhet.
 */

/**
 * The national subject taxonomy (Socialstyrelsen's lägesrapport, bilaga 1): top-level groups, mostly one per
 * kind of actor, and subjects under them. A row without children may be chosen for a brist.
 */
export const bristAmne = pgTable(
  'brist_amne',
  {
    kod: text('kod').primaryKey(),
    namn: text('namn').notNull(),
    /** The group this subject belongs to; null = a top-level group (or a subject that stands alone). */
    grupp: text('grupp').references((): AnyPgColumn => bristAmne.kod),
    /** The actor category (aktor.kategori) the subject typically concerns; null = several. */
    aktorKategori: text('aktor_kategori'),
    sortering: integer('sortering').notNull().default(0),
    createdBySocialstyrelsen: boolean('created_by_socialstyrelsen').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('brist_amne_grupp').on(t.grupp)],
);

export const brist = pgTable(
  'brist',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    verksamhetId: uuid('verksamhet_id')
      .notNull()
      .references(() => verksamhet.organisationId, { onDelete: 'cascade' }),
    titel: text('titel').notNull(),
    beskrivning: text('beskrivning').notNull(),
    niva: text('niva', { enum: BRIST_NIVA }).notNull(),
    amneKod: text('amne_kod')
      .notNull()
      .references(() => bristAmne.kod),
    observeradDatum: date('observerad_datum', { mode: 'string' }).notNull(),
    /** How many clients it affected: a count, never who. */
    antalKlienter: integer('antal_klienter').notNull(),
    status: text('status', { enum: BRIST_STATUS }).notNull().default('registrerad'),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    check('brist_antal_klienter', sql`${t.antalKlienter} >= 0`),
    index('brist_verksamhet_status').on(t.verksamhetId, t.status),
  ],
);

/** The actors a brist concerns; `skickadAt` is set when the brist is sent to them. */
export const bristAktor = pgTable(
  'brist_aktor',
  {
    bristId: uuid('brist_id')
      .notNull()
      .references(() => brist.id, { onDelete: 'cascade' }),
    aktorId: uuid('aktor_id')
      .notNull()
      .references(() => aktor.organisationId),
    skickadAt: timestamp('skickad_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.bristId, t.aktorId] }), index('brist_aktor_aktor').on(t.aktorId)],
);

/** The kommuner a brist concerns, within the verksamhet's coverage. */
export const bristKommun = pgTable(
  'brist_kommun',
  {
    bristId: uuid('brist_id')
      .notNull()
      .references(() => brist.id, { onDelete: 'cascade' }),
    kommunKod: char('kommun_kod', { length: 4 })
      .notNull()
      .references(() => kommun.kod),
  },
  (t) => [primaryKey({ columns: [t.bristId, t.kommunKod] }), index('brist_kommun_kommun').on(t.kommunKod)],
);

/** Every status change of a brist, dated and attributed (from null = registered). */
export const bristHandelse = pgTable(
  'brist_handelse',
  {
    /** A sequence: several changes in one transaction share `at`, and the order must still read right. */
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bristId: uuid('brist_id')
      .notNull()
      .references(() => brist.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: BRIST_STATUS }),
    toStatus: text('to_status', { enum: BRIST_STATUS }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => appUser.id, { onDelete: 'set null' }),
    /** Who did it, as a name at the time (also for the CLI operator, who is no user). */
    anvandare: text('anvandare').notNull(),
    kommentar: text('kommentar'),
  },
  (t) => [index('brist_handelse_brist').on(t.bristId, t.at)],
);

/** Actions (åtgärder) the verksamhet itself took about a brist. */
export const bristAtgard = pgTable(
  'brist_atgard',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bristId: uuid('brist_id')
      .notNull()
      .references(() => brist.id, { onDelete: 'cascade' }),
    datum: date('datum', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => appUser.id, { onDelete: 'set null' }),
    anvandare: text('anvandare').notNull(),
  },
  (t) => [index('brist_atgard_brist').on(t.bristId)],
);

/** An actor's answer to a brist sent to it. */
export const bristAterkoppling = pgTable(
  'brist_aterkoppling',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bristId: uuid('brist_id')
      .notNull()
      .references(() => brist.id, { onDelete: 'cascade' }),
    aktorId: uuid('aktor_id')
      .notNull()
      .references(() => aktor.organisationId),
    typ: text('typ', { enum: ATERKOPPLING_TYPER }).notNull(),
    text: text('text').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => appUser.id, { onDelete: 'set null' }),
    anvandare: text('anvandare').notNull(),
  },
  (t) => [index('brist_aterkoppling_brist').on(t.bristId, t.aktorId)],
);
