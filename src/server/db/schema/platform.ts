import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The scheduled jobs (gallring, session purge, …) and when one last started: with several server processes
 * on one database each process ticks, and the one that moves `last_started_at` on claims the run.
 */
export const scheduledJob = pgTable('scheduled_job', {
  name: text('name').primaryKey(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }).notNull(),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  /** How many times it has run (for operations: a job that never moves has stopped). */
  runs: integer('runs').notNull().default(0),
  lastError: text('last_error'),
});

/**
 * Request counts per rate-limit key (route + client address) and window, shared by every server process
 * on the database: the limit holds for the service, not per process.
 */
export const rateLimitHit = pgTable(
  'rate_limit_hit',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_hit_reset').on(t.resetAt)],
);
