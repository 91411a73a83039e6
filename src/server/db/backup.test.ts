import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
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
import { type Database, openDatabase, query, withTx } from './client.ts';
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

/** Rows per table: a restore that lost or doubled any table's rows differs here. */
async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables = await query<{ t: string }>(
    database.db,
    sql`select tablename as t from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, number> = {};
  for (const { t } of tables) {
    const [r] = await query<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${sql.identifier(t)}`,
    );
    out[t] = r!.n;
  }
  return out;
}

describe('portable backup: from the embedded database to PostgreSQL', () => {
  it('ombud backup --portable from PGlite restores into an empty PGlite and an empty PostgreSQL with identical reports, rows and audit chain', {
    timeout: 300_000,
  }, async () => {
    const source = testConfig({ dataDir: join(tmp, 'p-src', 'data') });
    const file = join(tmp, 'portable.json.gz');
    const a = await openDatabase({ dataDir: source.dataDir });
    await migrate(a);
    expect(await seedDemo(a.db)).toBe(true);
    await expect(backupDatabase(source, file, { portable: true })).rejects.toThrow(DataDirBusy);
    const want = await snapshot(a);
    const counts = await rowCounts(a);
    await a.close();
    await backupDatabase(source, file, { portable: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The chain as backed up (the snapshot above wrote audit entries of its own reading).
    const reopened = await openDatabase({ dataDir: source.dataDir });
    const wantAudit = await verifyAuditChain(reopened.db);
    await reopened.close();
    expect(wantAudit.ok).toBe(true);
    expect(counts.klient).toBeGreaterThan(0);

    const targets: Array<{ config: ReturnType<typeof testConfig>; open: () => Promise<Database> }> = [];
    const intoPglite = testConfig({ dataDir: join(tmp, 'p-dst', 'data') });
    targets.push({ config: intoPglite, open: () => openDatabase({ dataDir: intoPglite.dataDir }) });
    let dropPg: (() => Promise<void>) | undefined;
    if (inject('testDb').kind === 'pg') {
      const cfg = inject('testDb') as { adminUrl: string };
      const name = `p_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: cfg.adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(cfg.adminUrl);
      url.pathname = `/${name}`;
      const intoPg = testConfig({ databaseUrl: url.toString() });
      targets.push({ config: intoPg, open: () => openDatabase({ url: url.toString(), poolSize: 2 }) });
      dropPg = async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      };
    }
    try {
      for (const target of targets) {
        await restoreDatabase(target.config, file);
        await expect(restoreDatabase(target.config, file)).rejects.toThrow(/inte tom/);
        const restored = await target.open();
        const gotCounts = await rowCounts(restored);
        const got = await snapshot(restored);
        await restored.close();
        expect(gotCounts).toEqual(counts);
        expect(got.audit).toEqual(wantAudit);
        expect(got.national).toEqual(want.national);
        expect(got.redovisning).toEqual(want.redovisning);
      }
    } finally {
      await dropPg?.();
    }
  });
});
