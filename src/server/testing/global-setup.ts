import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { startPostgres } from './postgres-server.ts';

export const TEMPLATE_DB = 'ombud_template';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'pglite'; snapshot: string } | { kind: 'pg'; adminUrl: string; template: string };
  }
}

/**
 * Builds one migrated database per test run (with the reference data) and lets each test file clone it:
 * a PGlite data-dir snapshot, or a PostgreSQL template database. TEST_DB=pg uses a real server:
 * TEST_DATABASE_URL if given (a superuser connection), otherwise one started here.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DB === 'pg') {
    const server = process.env.TEST_DATABASE_URL ? null : await startPostgres();
    const adminUrl = process.env.TEST_DATABASE_URL ?? server!.url('postgres');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${TEMPLATE_DB}`;
    const database = await openDatabase({ url: url.toString(), poolSize: 1 });
    await migrate(database);
    await database.close();
    project.provide('testDb', { kind: 'pg', adminUrl, template: TEMPLATE_DB });
    return () => server?.stop();
  }
  const client = new PGlite();
  const database = await openDatabase({ pglite: client });
  await migrate(database);
  const dump = await client.dumpDataDir('none');
  const dir = mkdtempSync(join(tmpdir(), 'ombud-pglite-'));
  const snapshot = join(dir, 'snapshot.tar');
  writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('testDb', { kind: 'pglite', snapshot });
  return () => rmSync(dir, { recursive: true, force: true });
}
