import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createTestDb } from '../testing/db.ts';
import { query } from './client.ts';

/**
 * PostgreSQL may close an idle connection under us (a restart, a failover, an administrator's
 * pg_terminate_backend). The pool reports it as an 'error' event; without a listener Node makes that an
 * uncaught exception and the server process stops (here: Vitest reports an unhandled error and the run
 * fails). With it, the next query simply gets a new connection. PGlite has no connections to lose.
 */
describe.runIf(inject('testDb').kind === 'pg')('a dropped PostgreSQL connection', () => {
  it('does not stop the process; the next query gets a new connection', async () => {
    const database = await createTestDb();
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const [before] = await query<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`);
      // The pool's connection is idle now; end it from the server side, as a restart would.
      const killed = await admin.query('select pg_terminate_backend($1) as ok', [before!.pid]);
      expect(killed.rows[0].ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the 'error' event arrives meanwhile
      const [after] = await query<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`);
      expect(after!.pid).not.toBe(before!.pid);
    } finally {
      await admin.end();
      await database.close();
    }
  });
});
