import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { REDOVISNING_STATUS } from '../../../domain/redovisning-status.ts';
import { appUser } from './auth.ts';
import { organisation, verksamhet } from './orgs.ts';

/*
 * The annual report (redovisning) of a verksamhet for a year. It holds aggregate figures and narrative text
 * that the personal-data guard has checked, never client rows, so there is no row-level security: the
 * service scopes every query (own verksamhet, own län, or Socialstyrelsen).
 *
 * `redovisning` is the working copy (editable only in utkast/returnerad); `redovisning_version` is what was
 * sent in: one immutable row per submission (the repo has no update for it).
 */

export const redovisning = pgTable(
  'redovisning',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    verksamhetId: uuid('verksamhet_id')
      .notNull()
      .references(() => verksamhet.organisationId, { onDelete: 'cascade' }),
    ar: integer('ar').notNull(),
    status: text('status', { enum: REDOVISNING_STATUS }).notNull().default('utkast'),
    /** The working document, an ombud.redovisning/v1 document. */
    dokument: jsonb('dokument').notNull(),
    /** Where the figures came from: the casework engine, typed in by hand, or an imported file. */
    kalla: text('kalla', { enum: ['arendehantering', 'manuell', 'import'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => appUser.id, { onDelete: 'set null' }),
    updatedByNamn: text('updated_by_namn'),
  },
  (t) => [
    unique('redovisning_verksamhet_ar').on(t.verksamhetId, t.ar),
    check('redovisning_ar', sql`${t.ar} between 2000 and 2100`),
  ],
);

/** One submission, frozen: never updated, never deleted while its redovisning exists. */
export const redovisningVersion = pgTable(
  'redovisning_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    redovisningId: uuid('redovisning_id')
      .notNull()
      .references(() => redovisning.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The ombud.redovisning/v1 document as sent in. */
    dokument: jsonb('dokument').notNull(),
    inskickadAt: timestamp('inskickad_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    inskickadAv: uuid('inskickad_av').references(() => appUser.id, { onDelete: 'set null' }),
    /** The name at the time (also for the CLI operator and imports, who are no user). */
    inskickadAvNamn: text('inskickad_av_namn').notNull(),
  },
  (t) => [
    unique('redovisning_version_unik').on(t.redovisningId, t.version),
    check('redovisning_version_positiv', sql`${t.version} >= 1`),
  ],
);

/** Every status change, dated and attributed; a return carries its reason. */
export const redovisningHandelse = pgTable(
  'redovisning_handelse',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    redovisningId: uuid('redovisning_id')
      .notNull()
      .references(() => redovisning.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: REDOVISNING_STATUS }),
    toStatus: text('to_status', { enum: REDOVISNING_STATUS }).notNull(),
    version: integer('version'),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => appUser.id, { onDelete: 'set null' }),
    anvandare: text('anvandare').notNull(),
    kommentar: text('kommentar'),
  },
  (t) => [index('redovisning_handelse_redovisning').on(t.redovisningId, t.at)],
);

/** The Länsstyrelse's comments on a submitted version, on the whole report (path null) or one figure. */
export const redovisningKommentar = pgTable(
  'redovisning_kommentar',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    redovisningId: uuid('redovisning_id')
      .notNull()
      .references(() => redovisning.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** A JSON path into the document, e.g. 'klienter.totalt.kvinna'; null = the whole report. */
    path: text('path'),
    text: text('text').notNull(),
    organisationId: uuid('organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => appUser.id, { onDelete: 'set null' }),
    anvandare: text('anvandare').notNull(),
  },
  (t) => [index('redovisning_kommentar_redovisning').on(t.redovisningId, t.version)],
);
