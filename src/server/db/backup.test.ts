import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { reportRedovisning } from '../../cli/redovisning.ts';
import type { Principal } from '../../domain/access.ts';
import { nationellSammanstallning } from '../modules/national/service.ts';
import * as orgRepo from '../modules/orgs/repo.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { testConfig } from '../testing/app.ts';
import { createTestDb } from '../testing/db.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';
import { type Database, openDatabase, withTx } from './client.ts';
import { DataDirBusy } from './lock.ts';
import { migrate } from './migrate.ts';
import { seedDemo } from './seed/demo.ts';

/**
 * `ombud backup` + `ombud restore`: the demo database backed up and restored into an empty one gives the
 * same national and redovisning reports and the same, verifying audit chain — on the embedded database
 * and on PostgreSQL (pg_dump / pg_restore).
 */
const YEAR = new Date().getFullYear() - 1;
const tmp = mkdtempSync(join(tmpdir(), 'ombud-backup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function snapshot(database: Database) {
  const audit = await verifyAuditChain(database.db);
  const ss = await orgRepo.findOrganisationByKod(database.db, 'socialstyrelsen', 'socialstyrelsen');
  const principal: Principal = {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'test',
    medlemskap: [{ organisationId: ss!.id, organisationTyp: 'socialstyrelsen', lanKod: null, roll: 'admin' }],
  };
  const ctx = { db: database.db, config: testConfig(), principal };
  const redovisning = await reportRedovisning(ctx, {
    verksamhet: 'stockholm-innerstad',
    year: YEAR,
    format: 'json',
  });
  const national = await withTx(database.db, {}, (tx) => nationellSammanstallning(tx, YEAR, false));
  return {
    audit,
    redovisning: JSON.parse(String(redovisning.body)),
    national: JSON.parse(JSON.stringify(national)),
  };
}

describe.skipIf(inject('testDb').kind === 'pg')('backup and restore, embedded database', () => {
  it('restores the demo into an empty directory with identical reports and audit chain', {
    timeout: 240_000,
  }, async () => {
    const source = testConfig({ dataDir: join(tmp, 'a', 'data') });
    const target = testConfig({ dataDir: join(tmp, 'b', 'data') });
    const file = join(tmp, 'pglite.tar.gz');
    const a = await openDatabase({ dataDir: source.dataDir });
    await migrate(a);
    expect(await seedDemo(a.db)).toBe(true);
    // While the database is open (as a running server holds it) no backup is taken.
    await expect(backupDatabase(source, file)).rejects.toThrow(DataDirBusy);
    await a.close();

    const r = await backupDatabase(source, file);
    expect(r.bytes).toBeGreaterThan(1000);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await restoreDatabase(target, file);
    await expect(restoreDatabase(target, file)).rejects.toThrow(/inte tom/);

    const before = await openDatabase({ dataDir: source.dataDir });
    const want = await snapshot(before);
    await before.close();
    const after = await openDatabase({ dataDir: target.dataDir });
    const got = await snapshot(after);
    await after.close();
    expect(want.audit.ok).toBe(true);
    expect(got.audit).toEqual(want.audit);
    expect(got.national).toEqual(want.national);
    expect(got.redovisning).toEqual(want.redovisning);
    expect(want.national.tabell2?.length ?? Object.keys(want.national).length).toBeGreaterThan(0);
  });
});

describe.skipIf(inject('testDb').kind !== 'pg')('backup and restore, PostgreSQL', () => {
  it('pg_dump and pg_restore into an empty database give identical reports and audit chain', {
    timeout: 240_000,
  }, async () => {
    const source = await createTestDb();
    const cfg = inject('testDb') as { adminUrl: string };
    const name = `r_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: cfg.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const targetUrl = new URL(cfg.adminUrl);
    targetUrl.pathname = `/${name}`;
    try {
      expect(await seedDemo(source.db)).toBe(true);
      const want = await snapshot(source);
      const file = join(tmp, 'pg.dump');
      await backupDatabase(testConfig({ databaseUrl: source.url }), file);
      await expect(restoreDatabase(testConfig({ databaseUrl: source.url }), file)).rejects.toThrow(
        /inte tom/,
      );
      await restoreDatabase(testConfig({ databaseUrl: targetUrl.toString() }), file);
      const restored = await openDatabase({ url: targetUrl.toString(), poolSize: 2 });
      const got = await snapshot(restored);
      await restored.close();
      // The source wrote audit entries for its reports after the snapshot; compare the reports and that the
      // restored chain verifies to at least the source's head at backup time.
      expect(got.audit.ok).toBe(true);
      expect(got.audit.count).toBeGreaterThanOrEqual(want.audit.count);
      expect(got.national).toEqual(want.national);
      expect(got.redovisning).toEqual(want.redovisning);
    } finally {
      await source.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
