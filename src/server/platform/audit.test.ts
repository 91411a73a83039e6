import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, withTx } from '../db/client.ts';
import { createTestDb, dbError, type TestDatabase } from '../testing/db.ts';
import { verifyAuditChain, writeAudit } from './audit.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await database.close();
});

async function append(n: number) {
  for (let i = 0; i < n; i++) {
    await withTx(database.db, {}, (tx) =>
      writeAudit(tx, {
        action: 'test.entry',
        username: `u${i}`,
        detail: { i, nested: { b: [1, 2], a: 'å' } },
        ip: '127.0.0.1',
      }),
    );
  }
}

const ids = async () =>
  (await query<{ id: string }>(database.db, sql`select id from audit_log order by id`)).map((r) =>
    Number(r.id),
  );

/** `ombud audit verify` as an operator runs it, against this test database (PostgreSQL only). */
function cliVerify(): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/main.ts', 'audit', 'verify'], {
      env: { ...process.env, DATABASE_URL: database.url!, NODE_ENV: 'test', OMBUD_DEMO: '0' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('the audit log', () => {
  it('is append-only for the application role: UPDATE, DELETE and TRUNCATE are denied', async () => {
    await append(2);
    for (const statement of [
      sql`update audit_log set action = 'tampered'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ]) {
      const e = await dbError(withTx(database.db, {}, (tx) => tx.execute(statement)));
      expect(e.code).toBe('42501');
      expect(e.message).toMatch(/permission denied/);
    }
    const rows = await withTx(database.db, {}, (tx) =>
      query<{ n: number }>(tx, sql`select count(*)::int as n from audit_log`),
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  // Spawning the CLI (tsx) three times takes a while on a loaded machine.
  it('verifies an intact chain, and finds an altered entry and a deleted one', {
    timeout: 120_000,
  }, async () => {
    await append(4);
    const ok = await verifyAuditChain(database.db);
    expect(ok.ok).toBe(true);
    expect(ok.count).toBe((await ids()).length);
    if (database.kind === 'pg') {
      const cli = await cliVerify();
      expect(cli.code, cli.err).toBe(0);
      expect(cli.out).toMatch(/Loggen är hel/);
    }

    // Altered, by someone with more rights than the application (here: the superuser).
    const [, second, third] = await ids();
    await database.db.execute(
      sql`update audit_log set detail = jsonb_set(detail, '{i}', '99') where id = ${second}`,
    );
    const altered = await verifyAuditChain(database.db);
    expect(altered.ok).toBe(false);
    expect(altered.brokenAt).toEqual({ id: second, reason: 'postens innehåll har ändrats' });
    if (database.kind === 'pg') {
      const cli = await cliVerify();
      expect(cli.code).toBe(1);
      expect(cli.err).toMatch(new RegExp(`bruten vid post ${second}`));
    }

    // Putting the content back makes it whole again: the hash covers the content, nothing else.
    await database.db.execute(
      sql`update audit_log set detail = jsonb_set(detail, '{i}', '1') where id = ${second}`,
    );
    expect((await verifyAuditChain(database.db)).ok).toBe(true);

    await database.db.execute(sql`delete from audit_log where id = ${third}`);
    const deleted = await verifyAuditChain(database.db);
    expect(deleted.ok).toBe(false);
    expect(deleted.brokenAt?.id).toBeGreaterThan(third!);
    expect(deleted.brokenAt?.reason).toMatch(/tagits bort/);
    if (database.kind === 'pg') {
      const cli = await cliVerify();
      expect(cli.code).toBe(1);
    }
  });

  it('finds a deleted last entry only against a known head hash, and an entry added afterwards', async () => {
    const fresh = await createTestDb();
    try {
      await withTx(fresh.db, {}, (tx) => writeAudit(tx, { action: 'a' }));
      await withTx(fresh.db, {}, (tx) => writeAudit(tx, { action: 'b' }));
      const whole = await verifyAuditChain(fresh.db);
      // A forged entry appended with a made-up link breaks the chain.
      await fresh.db.execute(sql`insert into audit_log (at, action, prev_hash, hash)
        values (now(), 'forged', ${'f'.repeat(64)}, ${'e'.repeat(64)})`);
      expect((await verifyAuditChain(fresh.db)).ok).toBe(false);
      await fresh.db.execute(sql`delete from audit_log where action = 'forged'`);
      // Removing the newest entry leaves a shorter valid chain: only the head hash (kept elsewhere) shows it.
      await fresh.db.execute(sql`delete from audit_log where action = 'b'`);
      const shorter = await verifyAuditChain(fresh.db);
      expect(shorter.ok).toBe(true);
      expect(shorter.count).toBe(whole.count - 1);
      expect(shorter.headHash).not.toBe(whole.headHash);
    } finally {
      await fresh.close();
    }
  });
});
