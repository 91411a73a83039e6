import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDb, query, withTx } from '../db/client.ts';
import { createTestDb, dbError, type TestDatabase } from '../testing/db.ts';
import { runCli } from '../testing/server-process.ts';
import {
  type AuditEntry,
  entryContent,
  entryHash,
  GENESIS_HASH,
  readAuditEntries,
  takeAuditCheckpoint,
  verifyAuditChain,
  writeAudit,
} from './audit.ts';
import { readCheckpoint } from './audit-checkpoint.ts';
import { getKey } from './keys.ts';

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

const cliVerify = () =>
  runCli(['audit', 'verify'], { DATABASE_URL: database.url!, NODE_ENV: 'test', OMBUD_DEMO: '0' });

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

  it('finds a forged entry appended with a made-up link', async () => {
    await withFresh(async (db) => {
      await appendTo(db, 2);
      await db.execute(sql`insert into audit_log (at, action, prev_hash, hash)
        values (now(), 'forged', ${'f'.repeat(64)}, ${'e'.repeat(64)})`);
      expect((await verifyAuditChain(db)).brokenAt?.reason).toMatch(/lagts till/);
    });
  });
});

type HashFn = (prevHash: string, at: string, e: AuditEntry) => string;
/** The algorithm before keyed hashes: public, so anyone could recompute it. */
const publicSha256: HashFn = (prev, at, e) =>
  createHash('sha256').update(prev).update('\n').update(entryContent(at, e)).digest('hex');
const OTHER_KEY = Buffer.alloc(32, 0x33);

async function withFresh(fn: (db: AppDb) => Promise<void>) {
  const fresh = await createTestDb();
  try {
    await fn(fresh.db);
  } finally {
    await fresh.close();
  }
}

async function appendTo(db: AppDb, n: number, action = 'test.entry') {
  for (let i = 0; i < n; i++) {
    await withTx(db, {}, (tx) =>
      writeAudit(tx, { action, username: `u${i}`, detail: { i }, ip: '127.0.0.1' }),
    );
  }
}

/**
 * What someone with database rights beyond the application's would do after editing an entry: re-link
 * it and every later entry with `hash`, so that each entry's hash and link hold again.
 */
async function rechain(db: AppDb, fromId: number, hash: HashFn) {
  const before = await query<{ hash: string }>(
    db,
    sql`select hash from audit_log where id < ${fromId} order by id desc limit 1`,
  );
  let prev = before[0]?.hash ?? GENESIS_HASH;
  for (const r of await readAuditEntries(db, fromId - 1, 1_000_000)) {
    const h = hash(prev, r.at, r.entry);
    await db.execute(sql`update audit_log set prev_hash = ${prev}, hash = ${h} where id = ${r.id}`);
    prev = h;
  }
}

/** Whether every link, and every hash from `fromId` on, holds under `hash` (the forgery is complete). */
async function holdsUnder(db: AppDb, hash: HashFn, fromId = 0): Promise<boolean> {
  let prev = GENESIS_HASH;
  for (const r of await readAuditEntries(db, 0, 1_000_000)) {
    if (r.prevHash !== prev || (r.id >= fromId && hash(prev, r.at, r.entry) !== r.hash)) return false;
    prev = r.hash;
  }
  return true;
}

const entryIds = async (db: AppDb) =>
  (await query<{ id: string }>(db, sql`select id from audit_log order by id`)).map((r) => Number(r.id));
const deleteNewest = (db: AppDb, n: number) =>
  db.execute(sql`delete from audit_log where id in (select id from audit_log order by id desc limit ${n})`);

describe('keyed hashes: someone with database access but without the key cannot rewrite the log', () => {
  it('an edited entry re-chained with the public SHA-256 algorithm fails', async () => {
    await withFresh(async (db) => {
      await appendTo(db, 5);
      const second = (await entryIds(db))[1]!;
      await db.execute(
        sql`update audit_log set action = 'tampered', detail = '{"i": 99}' where id = ${second}`,
      );
      await rechain(db, second, publicSha256);
      // What the old, unkeyed verify would have accepted (its earlier entries were public SHA-256 too).
      expect(await holdsUnder(db, publicSha256, second)).toBe(true);
      const r = await verifyAuditChain(db);
      expect(r.ok).toBe(false);
      expect(r.brokenAt).toEqual({ id: second, reason: 'postens innehåll har ändrats' });
    });
  });

  it('a log re-chained with another key fails (and holds only under that key)', async () => {
    await withFresh(async (db) => {
      await appendTo(db, 4);
      const [first] = await entryIds(db);
      await db.execute(sql`update audit_log set username = 'someone-else' where id = ${first!}`);
      await rechain(db, first!, (prev, at, e) => entryHash(OTHER_KEY, prev, at, e));
      expect((await verifyAuditChain(db, { key: OTHER_KEY })).ok).toBe(true);
      const r = await verifyAuditChain(db);
      expect(r.ok).toBe(false);
      expect(r.brokenAt).toEqual({ id: first, reason: 'postens innehåll har ändrats' });
    });
  });

  it('the key is what makes the hash: the same content under the installation key verifies', async () => {
    await withFresh(async (db) => {
      await appendTo(db, 3);
      expect(await holdsUnder(db, (prev, at, e) => entryHash(getKey('audit'), prev, at, e))).toBe(true);
      expect(await holdsUnder(db, publicSha256)).toBe(false);
    });
  });
});

describe('signed checkpoints: removing the newest entries is found', () => {
  it('entries deleted after a checkpoint: plain verify passes, verify with the checkpoint fails', async () => {
    await withFresh(async (db) => {
      await appendTo(db, 5);
      const cp = await takeAuditCheckpoint(db);
      expect(cp).toMatchObject({ count: 5, headId: (await entryIds(db))[4] });
      await deleteNewest(db, 2);
      // The chain alone cannot see it: what is left is a valid, shorter chain.
      const plain = await verifyAuditChain(db);
      expect(plain).toMatchObject({ ok: true, count: 3 });
      const r = await verifyAuditChain(db, { checkpoint: cp });
      expect(r.ok).toBe(false);
      expect(r.brokenAt).toBeUndefined();
      expect(r.checkpointFailure).toMatch(/3 poster men hade 5.*tagits bort/);

      // The application goes on writing: the log grows past the checkpoint's length again, but its
      // entry number 5 is not the checkpoint's head.
      await appendTo(db, 4, 'after.deletion');
      expect((await verifyAuditChain(db)).ok).toBe(true);
      const later = await verifyAuditChain(db, { checkpoint: cp });
      expect(later.ok).toBe(false);
      expect(later.checkpointFailure).toMatch(/post nummer 5 .*ersatts/);
    });
  });

  it('a checkpoint whose signature was tampered with (to hide a deletion) is refused', async () => {
    await withFresh(async (db) => {
      await appendTo(db, 3);
      const cp = await takeAuditCheckpoint(db);
      await deleteNewest(db, 1);
      const head = await verifyAuditChain(db);
      // Rewrite the checkpoint to match the shortened log: the signature no longer fits.
      const forged = JSON.stringify({
        ...cp,
        count: head.count,
        headId: head.headId,
        headHash: head.headHash,
      });
      expect(() => readCheckpoint(forged, getKey('audit'))).toThrow(/signatur stämmer inte/);
      const resigned = JSON.stringify({ ...cp, signature: 'a'.repeat(64) });
      expect(() => readCheckpoint(resigned, getKey('audit'))).toThrow(/signatur stämmer inte/);
    });
  });

  it('happy path: checkpoint, more entries, verify with the checkpoint passes', async () => {
    await withFresh(async (db) => {
      const empty = await takeAuditCheckpoint(db);
      expect(empty).toMatchObject({ count: 0, headId: 0, headHash: GENESIS_HASH });
      await appendTo(db, 3);
      const cp = readCheckpoint(JSON.stringify(await takeAuditCheckpoint(db)), getKey('audit'));
      await appendTo(db, 2);
      for (const checkpoint of [empty, cp]) {
        const r = await verifyAuditChain(db, { checkpoint });
        expect(r).toMatchObject({ ok: true, count: 5 });
        expect(r.checkpointFailure).toBeUndefined();
      }
    });
  });

  it('no checkpoint is taken of a broken chain', async () => {
    await withFresh(async (db) => {
      await appendTo(db, 3);
      const second = (await entryIds(db))[1]!;
      await db.execute(sql`update audit_log set action = 'tampered' where id = ${second}`);
      await expect(takeAuditCheckpoint(db)).rejects.toThrow(
        new RegExp(`Loggen är bruten vid post ${second}.*Ingen kontrollpunkt skapas`),
      );
    });
  });
});

describe('entries appended just before the commit', () => {
  // A database of its own: the tests above forge entries on purpose.
  let own: TestDatabase;
  beforeAll(async () => {
    own = await createTestDb();
  });
  afterAll(async () => {
    await own.close();
  });

  it('concurrent requests each append their entries together, and the chain holds', async () => {
    const before = (await query<{ n: number }>(own.db, sql`select count(*)::int as n from audit_log`))[0]!.n;
    await Promise.all(
      Array.from({ length: 16 }, (_, r) =>
        withTx(own.db, {}, async (tx) => {
          await writeAudit(tx, { action: 'test.concurrent', username: `r${r}`, detail: { r, step: 1 } });
          // The request's own work between its entries: the chain's lock is not held meanwhile.
          await tx.execute(sql`select pg_sleep(0.01)`);
          await writeAudit(tx, { action: 'test.concurrent', username: `r${r}`, detail: { r, step: 2 } });
        }),
      ),
    );
    const rows = await query<{ username: string; step: number }>(
      own.db,
      sql`select username, (detail->>'step')::int as step from audit_log
          where action = 'test.concurrent' order by id`,
    );
    expect(rows).toHaveLength(32);
    // Each request's two entries are next to each other, in the order it wrote them.
    for (let i = 0; i < rows.length; i += 2) {
      expect(rows[i]!.username).toBe(rows[i + 1]!.username);
      expect([rows[i]!.step, rows[i + 1]!.step]).toEqual([1, 2]);
    }
    const after = (await query<{ n: number }>(own.db, sql`select count(*)::int as n from audit_log`))[0]!.n;
    expect(after - before).toBe(32);
    expect((await verifyAuditChain(own.db)).ok).toBe(true);
  });

  it('a request that fails after writing its entry leaves no entry', async () => {
    await expect(
      withTx(own.db, {}, async (tx) => {
        await writeAudit(tx, { action: 'test.rolled-back', username: 'x' });
        throw new Error('the request failed');
      }),
    ).rejects.toThrow('the request failed');
    const n = await query<{ n: number }>(
      own.db,
      sql`select count(*)::int as n from audit_log where action = 'test.rolled-back'`,
    );
    expect(n[0]!.n).toBe(0);
    expect((await verifyAuditChain(own.db)).ok).toBe(true);
  });
});
