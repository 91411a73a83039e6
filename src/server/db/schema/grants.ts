import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser } from './auth.ts';
import { verksamhet } from './orgs.ts';
import { lan } from './reference.ts';

/*
 * The state grant (statsbidrag): Socialstyrelsen's budget per year and the amount per FTE it fixes from
 * the applications (domain brief "The grant"; seed 003 Tabell 1), and each Länsstyrelse's decisions per
 * verksamhet. Aggregates only, no client data, so no row-level security: the service scopes by län.
 */

/** One row per grant year. The amount per FTE is fixed (computed and stored) when the budget is set. */
export const statsbidragBudget = pgTable(
  'statsbidrag_budget',
  {
    ar: integer('ar').primaryKey(),
    totalBudgetKr: bigint('total_budget_kr', { mode: 'number' }).notNull(),
    administrationKr: bigint('administration_kr', { mode: 'number' }).notNull(),
    /** How each län's FTE × amount is rounded to whole kronor (statsbidrag.ts). */
    avrundning: text('avrundning', { enum: ['nedat', 'narmast'] })
      .notNull()
      .default('narmast'),
    /** Total FTE applied for, in hundredths, when the amount was fixed. */
    totalFteHundradelar: integer('total_fte_hundradelar').notNull(),
    beloppPerArsarbetareKr: integer('belopp_per_arsarbetare_kr').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => appUser.id, { onDelete: 'set null' }),
    updatedByNamn: text('updated_by_namn').notNull(),
  },
  (t) => [
    check(
      'statsbidrag_budget_belopp',
      sql`${t.administrationKr} >= 0 and ${t.administrationKr} <= ${t.totalBudgetKr}`,
    ),
  ],
);

/** A Länsstyrelse's decision for one verksamhet: FTE granted × the year's amount per FTE. */
export const statsbidragBeslut = pgTable(
  'statsbidrag_beslut',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ar: integer('ar').notNull(),
    verksamhetId: uuid('verksamhet_id')
      .notNull()
      .references(() => verksamhet.organisationId, { onDelete: 'cascade' }),
    lanKod: char('lan_kod', { length: 2 })
      .notNull()
      .references(() => lan.kod),
    fteHundradelar: integer('fte_hundradelar').notNull(),
    beloppPerArsarbetareKr: integer('belopp_per_arsarbetare_kr').notNull(),
    beloppKr: bigint('belopp_kr', { mode: 'number' }).notNull(),
    kommentar: text('kommentar'),
    beslutatAt: timestamp('beslutat_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    beslutatAv: uuid('beslutat_av').references(() => appUser.id, { onDelete: 'set null' }),
    beslutatAvNamn: text('beslutat_av_namn').notNull(),
  },
  (t) => [
    unique('statsbidrag_beslut_ar_verksamhet').on(t.ar, t.verksamhetId),
    index('statsbidrag_beslut_lan').on(t.lanKod, t.ar),
    check('statsbidrag_beslut_fte', sql`${t.fteHundradelar} >= 0`),
  ],
);

/**
 * Each time Socialstyrelsen fixed a year's grant: the budget, the amount per FTE and the preview that was
 * shown when it was fixed (amount per FTE against last year, included and missing verksamheter per län,
 * warnings), so one can later see what was known then. An admin may reopen the year with a reason: the
 * row is kept and marked reopened, the year's budget row is removed until it is fixed again.
 */
export const statsbidragFaststallelse = pgTable(
  'statsbidrag_faststallelse',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ar: integer('ar').notNull(),
    totalBudgetKr: bigint('total_budget_kr', { mode: 'number' }).notNull(),
    administrationKr: bigint('administration_kr', { mode: 'number' }).notNull(),
    avrundning: text('avrundning', { enum: ['nedat', 'narmast'] }).notNull(),
    totalFteHundradelar: integer('total_fte_hundradelar').notNull(),
    beloppPerArsarbetareKr: integer('belopp_per_arsarbetare_kr').notNull(),
    /**
     * The preview (contracts/grants.ts faststallForhandsvisning) as it stood when the grant was fixed;
     * null for a year fixed before previews were stored (its row is written when it is reopened).
     */
    forhandsvisning: jsonb('forhandsvisning'),
    faststalldAt: timestamp('faststalld_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    faststalldAv: uuid('faststalld_av').references(() => appUser.id, { onDelete: 'set null' }),
    faststalldAvNamn: text('faststalld_av_namn').notNull(),
    oppnadAt: timestamp('oppnad_at', { withTimezone: true, mode: 'string' }),
    oppnadAv: uuid('oppnad_av').references(() => appUser.id, { onDelete: 'set null' }),
    oppnadAvNamn: text('oppnad_av_namn'),
    oppnadAnledning: text('oppnad_anledning'),
  },
  (t) => [
    index('statsbidrag_faststallelse_ar').on(t.ar, t.faststalldAt),
    check(
      'statsbidrag_faststallelse_oppnad',
      sql`(${t.oppnadAt} is null) = (${t.oppnadAnledning} is null) and (${t.oppnadAt} is null) = (${t.oppnadAvNamn} is null)`,
    ),
  ],
);
