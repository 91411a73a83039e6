/**
 * `tsx bench/audit-lock.ts` (DATABASE_URL = a PostgreSQL server whose user may CREATE DATABASE): what the
 * audit chain's lock costs requests that run at the same time. Each request writes an audit entry, does
 * 20 ms of its own work and writes a second entry; 32 requests at once on a pool of 10 connections.
 * Ombud appends the entries just before the commit (platform/audit.ts), so the lock is held only for the
 * append; the baseline is the same work with the lock taken at the first entry and held to the commit,
 * as before (requests then run one after the other).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, withTx } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { writeAudit } from '../src/server/platform/audit.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL behövs (en PostgreSQL-server; PGlite har en enda anslutning).');
  process.exit(1);
}
const name = `ombud_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const u = new URL(url);
u.pathname = `/${name}`;
const database = await openDatabase({ url: u.toString(), poolSize: 10 });
await migrate(database);

const N = 32;
const entry = (r: number, step: number) => ({ action: 'bench.entry', username: `r${r}`, detail: { step } });

async function run(lockFirst: boolean): Promise<number> {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: N }, (_, r) =>
      withTx(database.db, {}, async (tx) => {
        // The baseline: the chain's lock from the first entry to the commit.
        if (lockFirst) await tx.execute(sql`select pg_advisory_xact_lock(7428001)`);
        await writeAudit(tx, entry(r, 1));
        await tx.execute(sql`select pg_sleep(0.02)`);
        await writeAudit(tx, entry(r, 2));
      }),
    ),
  );
  return performance.now() - start;
}

const rows: Array<[string, number]> = [];
for (let i = 0; i < 3; i++) {
  rows.push(['lock held from the first entry (baseline)', await run(true)]);
  rows.push(['entries appended before the commit (Ombud)', await run(false)]);
}
const best = (label: string) => Math.min(...rows.filter(([l]) => l === label).map(([, ms]) => ms));
const base = best('lock held from the first entry (baseline)');
const ombud = best('entries appended before the commit (Ombud)');
console.log(`${N} requests at once, each 2 audit entries around 20 ms of work, pool 10 (best of 3):`);
console.log(
  `  baseline ${base.toFixed(0)} ms · Ombud ${ombud.toFixed(0)} ms · ${(base / ombud).toFixed(1)}× faster`,
);
await database.close();
// The pool's sockets close a moment after end() resolves; dropping at once would cut them off.
await new Promise((r) => setTimeout(r, 300));
await admin.query(`DROP DATABASE IF EXISTS ${name}`);
await admin.end();
