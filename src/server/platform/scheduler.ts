import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config.ts';
import { type AppDb, query } from '../db/client.ts';
import { pgliteHousekeeping } from '../db/housekeeping.ts';
import { scheduledJob } from '../db/schema/index.ts';
import { gallringJob } from '../modules/cases/gallring.ts';
import { writeDailyCheckpoint } from './audit-checkpoint-job.ts';
import { purgeExpiredSessions } from './auth/sessions.ts';
import { purgeOldThrottles } from './auth/throttle.ts';
import { purgeRateLimitHits } from './rate-limit-store.ts';

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
  { name: 'rate-limit.purge', everyMinutes: 60, run: (db) => purgeRateLimitHits(db) },
  { name: 'cases.gallring', everyMinutes: 60, run: gallringJob },
  // Reads the chain only and writes one file per day (wx).
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
 * Claims this run of `job` for this process: true for exactly one of the processes that tick within the
 * same interval (the row moves on for the first; the others find it recent). A tenth of the interval is
 * slack, so timers that drift a little do not skip a run.
 */
export async function claimRun(db: AppDb, job: Pick<Job, 'name' | 'everyMinutes'>): Promise<boolean> {
  const rows = await query<{ runs: number }>(
    db,
    sql`insert into ${scheduledJob} (name, last_started_at, runs) values (${job.name}, now(), 1)
        on conflict (name) do update set last_started_at = now(), runs = ${scheduledJob.runs} + 1
        where ${scheduledJob.lastStartedAt} <= now() - make_interval(secs => ${job.everyMinutes * 60 * 0.9})
        returning runs`,
  );
  return rows.length === 1;
}

async function finished(db: AppDb, name: string, error: string | null) {
  await db.execute(
    sql`update ${scheduledJob} set last_finished_at = now(), last_error = ${error} where name = ${name}`,
  );
}

/**
 * A small scheduler in each server process; the database decides which process runs a job (claimRun), so
 * with several processes on one PostgreSQL each job runs once per interval, not once per process. State
 * lives in the database: a restart loses nothing.
 */
export function startScheduler(db: AppDb, config: AppConfig, log: FastifyBaseLogger) {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    const tick = async () => {
      try {
        if (!(await claimRun(db, job))) return;
        await job.run(db, config);
        await finished(db, job.name, null);
      } catch (err) {
        log.error({ err, job: job.name }, 'scheduled job failed');
        await finished(db, job.name, err instanceof Error ? err.message : String(err)).catch(() => {});
      }
    };
    void tick();
    timers.push(setInterval(tick, job.everyMinutes * 60_000).unref());
  }
  return { stop: () => timers.forEach(clearInterval) };
}
