// The scheduled checkpoint: one file per day in <data dir>/audit-checkpoints/, mode 600, signed, written
// once however often the job runs; a broken chain makes the job fail (and the scheduler log it).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../db/client.ts';
import { createTestDb, type TestDatabase } from '../testing/db.ts';
import { verifyAuditChain, writeAudit } from './audit.ts';
import { readCheckpoint } from './audit-checkpoint.ts';
import { writeDailyCheckpoint } from './audit-checkpoint-job.ts';
import { getKey } from './keys.ts';
import { jobs } from './scheduler.ts';

let database: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  database = await createTestDb();
  dataDir = mkdtempSync(join(tmpdir(), 'ombud-checkpoints-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the daily audit checkpoint job', () => {
  it('is scheduled', () => {
    expect(jobs.map((j) => j.name)).toContain('audit.checkpoint');
  });

  it('writes one signed file per day, mode 600 in a 700 directory, and skips the day once written', async () => {
    await withTx(database.db, {}, (tx) => writeAudit(tx, { action: 'job.test' }));
    const day = new Date('2026-02-01T03:00:00Z');
    const file = await writeDailyCheckpoint(database.db, dataDir, day);
    expect(file).toBe(join(dataDir, 'audit-checkpoints', '2026-02-01.json'));
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'audit-checkpoints')).mode & 0o777).toBe(0o700);
    const cp = readCheckpoint(readFileSync(file!, 'utf8'), getKey('audit'));
    expect(cp).toMatchObject({ count: 1, at: day.toISOString() });
    expect((await verifyAuditChain(database.db, { checkpoint: cp })).ok).toBe(true);

    const before = readFileSync(file!, 'utf8');
    expect(await writeDailyCheckpoint(database.db, dataDir, new Date('2026-02-01T04:00:00Z'))).toBeNull();
    expect(readFileSync(file!, 'utf8')).toBe(before);
    expect(await writeDailyCheckpoint(database.db, dataDir, new Date('2026-02-02T00:10:00Z'))).toMatch(
      /2026-02-02\.json$/,
    );
  });

  it('fails on a broken chain, writing nothing', async () => {
    await database.db.execute(sql`update audit_log set action = 'tampered'`);
    await expect(
      writeDailyCheckpoint(database.db, dataDir, new Date('2026-02-03T03:00:00Z')),
    ).rejects.toThrow(/Loggen är bruten/);
    expect(() => statSync(join(dataDir, 'audit-checkpoints', '2026-02-03.json'))).toThrow();
  });
});
