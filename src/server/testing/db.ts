import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/client.ts';

export interface TestDatabase extends Database {
  /** A connection string for tests that need a second, raw connection (pg only). */
  url?: string;
}

/** A fresh, migrated database with reference data: a clone of the run's template (≈0.3–0.7 s). */
export async function createTestDb(): Promise<TestDatabase> {
  const cfg = inject('testDb');
  if (cfg.kind === 'pglite') {
    const client = new PGlite({ loadDataDir: new Blob([readFileSync(cfg.snapshot)]) });
    return openDatabase({ pglite: client });
  }
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: cfg.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${cfg.template}`);
  await admin.end();
  const url = new URL(cfg.adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: cfg.adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** The PostgreSQL error a query failed with (drizzle wraps it in `cause`); fails if it did not fail. */
export async function dbError(p: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await p;
  } catch (err) {
    const e = ((err as { cause?: unknown }).cause ?? err) as { code?: string; message?: string };
    return { code: e.code, message: e.message ?? String(e) };
  }
  throw new Error('expected the query to fail, but it succeeded');
}
