import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { AppDb } from '../db/client.ts';
import { pgliteHousekeeping } from '../db/housekeeping.ts';
import { gallringJob } from '../modules/cases/gallring.ts';
import { writeDailyCheckpoint } from './audit-checkpoint-job.ts';
import { purgeExpiredSessions } from './auth/sessions.ts';
import { purgeOldThrottles } from './auth/throttle.ts';

export interface Job {
  name: string;
  everyMinutes: number;
  run: (db: AppDb, config: AppConfig) => Promise<unknown>;
}

/** Jobs the modules add (gallring, reminders). Each runs at start and then on its interval. */
export const jobs: Job[] = [
  {
    name: 'sessions.purge',
    everyMinutes: 15,
    run: (db, config) =>
      purgeExpiredSessions(db, {
        idleMinutes: config.sessionIdleMinutes,
        absoluteHours: config.sessionAbsoluteHours,
      }),
  },
  { name: 'login.throttle.purge', everyMinutes: 60, run: (db) => purgeOldThrottles(db) },
  { name: 'cases.gallring', everyMinutes: 60, run: gallringJob },
  // Reads the chain only and writes one file per day (wx): harmless from several servers at once.
  {
    name: 'audit.checkpoint',
    everyMinutes: 60,
    run: (db, config) => writeDailyCheckpoint(db, config.dataDir),
  },
  // The embedded database only: a PostgreSQL server vacuums itself.
  {
    name: 'db.housekeeping',
    everyMinutes: 360,
    run: async (db, config) => {
      if (!config.databaseUrl) await pgliteHousekeeping(db);
    },
  },
];

/**
 * A small in-process scheduler: enough for one server. The jobs are idempotent and their state lives in
 * the database, so a restart loses nothing; several servers would each run them harmlessly.
 */
export function startScheduler(db: AppDb, config: AppConfig, log: FastifyBaseLogger) {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    const tick = () =>
      job.run(db, config).catch((err: unknown) => log.error({ err, job: job.name }, 'scheduled job failed'));
    void tick();
    timers.push(setInterval(tick, job.everyMinutes * 60_000).unref());
  }
  return { stop: () => timers.forEach(clearInterval) };
}
