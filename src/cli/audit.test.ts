// `ombud audit checkpoint` and `ombud audit verify --checkpoint`: the command bodies on both databases,
// and on PostgreSQL the real command as an operator runs it (exit codes, Swedish messages).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AppDb, withTx } from '../server/db/client.ts';
import { writeAudit } from '../server/platform/audit.ts';
import { createTestDb, type TestDatabase } from '../server/testing/db.ts';
import { runCli } from '../server/testing/server-process.ts';
import { auditCheckpoint, auditVerify } from './audit.ts';

let database: TestDatabase;
let dir: string;
beforeAll(async () => {
  database = await createTestDb();
  dir = mkdtempSync(join(tmpdir(), 'ombud-audit-cli-'));
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function append(db: AppDb, n: number) {
  for (let i = 0; i < n; i++)
    await withTx(db, {}, (tx) => writeAudit(tx, { action: 'cli.test', detail: { i } }));
}
const deleteNewest = (db: AppDb, n: number) =>
  db.execute(sql`delete from audit_log where id in (select id from audit_log order by id desc limit ${n})`);

/** `ombud audit …` as an operator runs it, against the test database at `url`. */
const auditCli = (url: string, args: string[]) =>
  runCli(['audit', ...args], { DATABASE_URL: url, NODE_ENV: 'test', OMBUD_DEMO: '0' });

describe('ombud audit checkpoint / verify --checkpoint', () => {
  it('writes a checkpoint (mode 600) that a later verify checks the log against', async () => {
    const db = database.db;
    await append(db, 4);
    const file = join(dir, 'cp.json');
    writeFileSync(file, 'old', { mode: 0o644 }); // an existing file is overwritten and tightened
    const text = await auditCheckpoint(db, { out: file });
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(text)).toMatchObject({ format: 'ombud.audit-checkpoint/v1', count: 4 });

    await append(db, 2);
    expect(await auditVerify(db, { checkpoint: file })).toEqual({
      ok: true,
      text: expect.stringMatching(
        /^Loggen är hel: 6 poster, .*Den når kontrollpunkten från .* \(4 poster\)\.$/,
      ),
    });

    await deleteNewest(db, 3);
    expect(await auditVerify(db, {})).toMatchObject({ ok: true, text: expect.stringMatching(/3 poster/) });
    const r = await auditVerify(db, { checkpoint: file });
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(
      /^Loggen stämmer inte med kontrollpunkten från .*: loggen har 3 poster men hade 4/,
    );
  });

  it('refuses a tampered checkpoint file, a missing one, one that is not a checkpoint, and an unwritable --out', async () => {
    const file = join(dir, 'tampered.json');
    const cp = JSON.parse(await auditCheckpoint(database.db, {}));
    writeFileSync(file, JSON.stringify({ ...cp, count: cp.count - 1 }));
    await expect(auditVerify(database.db, { checkpoint: file })).rejects.toThrow(/signatur stämmer inte/);
    await expect(auditVerify(database.db, { checkpoint: join(dir, 'none.json') })).rejects.toThrow(
      /Filen .*none\.json finns inte/,
    );
    writeFileSync(file, '{"format":"något annat"}');
    await expect(auditVerify(database.db, { checkpoint: file })).rejects.toThrow(/fel form/);
    await expect(auditCheckpoint(database.db, { out: join(dir, 'saknas', 'cp.json') })).rejects.toThrow(
      /Kan inte skriva filen/,
    );
  });

  // Spawning the CLI (tsx) takes a while on a loaded machine. PostgreSQL only: the command needs its own
  // connection to the test database.
  it.skipIf(inject('testDb').kind !== 'pg')(
    'as a command: exit 0 with the checkpoint written, exit 1 after the newest entries are deleted',
    { timeout: 120_000 },
    async () => {
      const fresh = await createTestDb();
      try {
        await append(fresh.db, 3);
        const file = join(dir, 'cli.json');
        const taken = await auditCli(fresh.url!, ['checkpoint', '--out', file]);
        expect(taken.code, taken.err).toBe(0);
        expect(taken.err).toMatch(/Skrev kontrollpunkten till/);
        expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ count: 3 });

        await deleteNewest(fresh.db, 1);
        const verified = await auditCli(fresh.url!, ['verify', '--checkpoint', file]);
        expect(verified.code).toBe(1);
        expect(verified.err).toMatch(/Loggen stämmer inte med kontrollpunkten från .*tagits bort/);
      } finally {
        await fresh.close();
      }
    },
  );
});
