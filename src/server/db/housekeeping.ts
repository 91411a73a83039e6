import { sql } from 'drizzle-orm';
import type { AppDb } from './client.ts';

/**
 * Upkeep the embedded database does not do by itself. PGlite runs PostgreSQL in single-user mode: no
 * autovacuum, no background checkpointer. An import that was aborted or killed half-way leaves its rows
 * dead at the end of the tables and its WAL behind, and nothing ever gave the space back (the data directory
 * grew 60 MB → 403 MB over five aborted imports). VACUUM truncates the dead tail of each table; a
 * CHECKPOINT then lets PostgreSQL remove WAL beyond max_wal_size (set low for PGlite in client.ts).
 * Runs at start (after a kill) and every few hours (scheduler.ts). PostgreSQL servers have autovacuum.
 */
export async function pgliteHousekeeping(db: AppDb): Promise<void> {
  await db.execute(sql`vacuum`);
  await db.execute(sql`checkpoint`);
}
