import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import { type AppDb, query } from '../db/client.ts';
import { rateLimitHit } from '../db/schema/index.ts';

/**
 * A store for @fastify/rate-limit in the database, so a limit holds for the service and not per process:
 * with several server processes on one PostgreSQL the in-memory store would let each process count apart
 * (N processes, N times the limit). One upsert per limited request; only anonymous routes are limited
 * (login, open data), where a database round trip is small beside the work the request does anyway.
 */
export function databaseRateLimitStore(db: AppDb) {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      readonly prefix = '',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const k = `${this.prefix}${key}`;
      const secs = timeWindow / 1000;
      // A window that has run out starts again at 1; otherwise the count goes up and the reset stays.
      query<{ hits: number; ttl: number | string }>(
        db,
        sql`insert into ${rateLimitHit} (key, hits, reset_at)
            values (${k}, 1, now() + make_interval(secs => ${secs}))
            on conflict (key) do update set
              hits = case when ${rateLimitHit.resetAt} <= now() then 1 else ${rateLimitHit.hits} + 1 end,
              reset_at = case when ${rateLimitHit.resetAt} <= now()
                              then now() + make_interval(secs => ${secs}) else ${rateLimitHit.resetAt} end
            returning hits, greatest(0, ceil(extract(epoch from reset_at - now()) * 1000))::int as ttl`,
      ).then(
        ([row]) => callback(null, { current: Number(row?.hits ?? 1), ttl: Number(row?.ttl ?? timeWindow) }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    }

    /** One key space per route, as the in-memory store keeps one map per route. */
    // The plugin passes the route's merged limit options, the route itself under `routeInfo` (its types
    // say route options; the object is wider).
    child(params: unknown): FastifyRateLimitStore {
      const r = (params as { routeInfo?: { method?: unknown; url?: string } }).routeInfo ?? {};
      const method = Array.isArray(r.method) ? r.method.join(',') : String(r.method ?? '');
      return new DatabaseRateLimitStore({}, `${method} ${r.url ?? ''}\n`);
    }
  };
}

/** Forgets windows that ended more than an hour ago (a scheduled job). */
export async function purgeRateLimitHits(db: AppDb): Promise<void> {
  await db.execute(sql`delete from ${rateLimitHit} where reset_at < now() - interval '1 hour'`);
}
