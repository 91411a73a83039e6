import { sql } from 'drizzle-orm';
import { char, check, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './auth.ts';
import { lan } from './reference.ts';

/*
 * The Länsstyrelse's yearly report to Socialstyrelsen (by 1 March; seed 003 "Underlaget till denna
 * rapport"): the län's compiled figures and its handlingsplan. utkast → inskickad → godkand; on submission
 * the figures are frozen in `snapshot` and the row is never changed again except to approve it.
 * Aggregates only (per kommun with small numbers suppressed), so no row-level security.
 */
export const lanRapport = pgTable(
  'lan_rapport',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lanKod: char('lan_kod', { length: 2 })
      .notNull()
      .references(() => lan.kod),
    ar: integer('ar').notNull(),
    status: text('status', { enum: ['utkast', 'inskickad', 'godkand'] })
      .notNull()
      .default('utkast'),
    handlingsplan: text('handlingsplan').notNull().default(''),
    /** The län's compilation as sent in (national-report.md "lan"); null while a draft. */
    snapshot: jsonb('snapshot'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedByNamn: text('updated_by_namn').notNull(),
    inskickadAt: timestamp('inskickad_at', { withTimezone: true, mode: 'string' }),
    inskickadAv: uuid('inskickad_av').references(() => appUser.id, { onDelete: 'set null' }),
    inskickadAvNamn: text('inskickad_av_namn'),
    godkandAt: timestamp('godkand_at', { withTimezone: true, mode: 'string' }),
    godkandAvNamn: text('godkand_av_namn'),
  },
  (t) => [
    unique('lan_rapport_lan_ar').on(t.lanKod, t.ar),
    check('lan_rapport_snapshot', sql`${t.status} = 'utkast' or ${t.snapshot} is not null`),
  ],
);
