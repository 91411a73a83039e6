import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { query } from './db/client.ts';
import { seedDemo } from './db/seed/demo.ts';
import { claimRun, jobs } from './platform/scheduler.ts';
import { createTestDb, type TestDatabase } from './testing/db.ts';
import { freePort, type ServerProcess, startServer } from './testing/server-process.ts';

/**
 * Ombud as several processes on one PostgreSQL (issue 16): nothing that is correct only in one process.
 * Two real server processes share sessions (a logout in one is seen by the other), the login rate limit
 * (counted in the database) and the scheduler (each job runs once, not once per process); OMBUD_WORKERS=2
 * serves with node:cluster. On the embedded database, which one process owns, OMBUD_WORKERS is refused.
 */
const pg = inject('testDb').kind === 'pg';
const tmp = mkdtempSync(join(tmpdir(), 'ombud-multi-'));
let database: TestDatabase;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop('SIGKILL')));
  await database?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function login(url: string, username: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  expect(r.status).toBe(200);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

const me = (url: string, cookie: string) => fetch(`${url}/api/v1/me`, { headers: { cookie } });

describe.runIf(pg)('two server processes on one PostgreSQL', () => {
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    await seedDemo(database.db);
    const env = (port: number) => ({
      DATABASE_URL: database.url!,
      OMBUD_DEMO: '0',
      OMBUD_PUBLIC_URL: `http://127.0.0.1:${port}`,
      OMBUD_KEY_DIR: join(tmp, 'keys'),
      OMBUD_DATA_DIR: join(tmp, 'data'),
      OMBUD_LOGIN_RATE_LIMIT: '5',
      // As deployed: each process reuses a session lookup briefly (off by default under NODE_ENV=test).
      OMBUD_PRINCIPAL_CACHE_MS: '500',
    });
    // One after the other: each migrates at start (a no-op for the second, but not a race).
    const pa = await freePort();
    a = await startServer(env(pa), pa);
    servers.push(a);
    const pb = await freePort();
    b = await startServer(env(pb), pb);
    servers.push(b);
  }, 240_000);

  it('a logout in one process is seen by the other within a second', async () => {
    const cookie = await login(a.url, 'ombud');
    expect((await me(b.url, cookie)).status).toBe(200);
    const out = await fetch(`${a.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: a.url },
    });
    expect(out.status).toBeLessThan(300);
    const deadline = Date.now() + 1000;
    let status = 200;
    while (Date.now() < deadline && status === 200) status = (await me(b.url, cookie)).status;
    expect(status).toBe(401);
  });

  it('each scheduled job ran once at start, not once per process', async () => {
    const rows = await query<{ name: string; runs: number }>(
      database.db,
      sql`select name, runs from scheduled_job order by name`,
    );
    expect(rows.map((r) => r.name)).toEqual(jobs.map((j) => j.name).sort());
    expect(rows.every((r) => Number(r.runs) === 1)).toBe(true);
  });

  it('the login rate limit counts the requests of both processes together', async () => {
    await database.db.execute(sql`delete from rate_limit_hit`);
    const attempt = (url: string) =>
      fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { origin: url, 'content-type': 'application/json' },
        body: JSON.stringify({ username: `ingen-${Math.random()}`, password: 'fel-losenord' }),
      }).then((r) => r.status);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await attempt(i % 2 ? b.url : a.url));
    // OMBUD_LOGIN_RATE_LIMIT=5 per address and minute for the service: the sixth is refused.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('OMBUD_WORKERS=2 serves from two processes with node:cluster, and stops cleanly', async () => {
    await Promise.all([a.stop(), b.stop()]);
    const port = await freePort();
    const cluster = await startServer(
      {
        DATABASE_URL: database.url!,
        OMBUD_DEMO: '0',
        OMBUD_WORKERS: '2',
        OMBUD_PUBLIC_URL: `http://127.0.0.1:${port}`,
        OMBUD_KEY_DIR: join(tmp, 'keys'),
        OMBUD_DATA_DIR: join(tmp, 'data'),
        LOG_LEVEL: 'warn',
      },
      port,
    );
    servers.push(cluster);
    const deadline = Date.now() + 60_000;
    while (!cluster.output().includes('2 serverprocesser') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(cluster.output()).toContain('2 serverprocesser');
    // Several connections, so both workers answer some: every answer is right.
    const cookie = await login(cluster.url, 'chef');
    const answers = await Promise.all(Array.from({ length: 12 }, () => me(cluster.url, cookie)));
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));
    await cluster.stop('SIGTERM');
    expect(cluster.child.exitCode).toBe(0);
  }, 120_000);
});

describe('claiming a scheduled run', () => {
  it('gives a run to the first caller in an interval and to nobody else', async () => {
    const job = { name: `test.${Date.now()}`, everyMinutes: 60 };
    expect(await claimRun(database.db, job)).toBe(true);
    expect(await claimRun(database.db, job)).toBe(false);
    expect(await claimRun(database.db, job)).toBe(false);
    // Once the interval has passed the next tick claims it again.
    await database.db.execute(
      sql`update scheduled_job set last_started_at = now() - interval '61 minutes' where name = ${job.name}`,
    );
    expect(await claimRun(database.db, job)).toBe(true);
    const [row] = await query<{ runs: number }>(
      database.db,
      sql`select runs from scheduled_job where name = ${job.name}`,
    );
    expect(Number(row!.runs)).toBe(2);
  });

  it('gives one run to many callers at once', async () => {
    const job = { name: `parallel.${Date.now()}`, everyMinutes: 60 };
    const wins = await Promise.all(Array.from({ length: 6 }, () => claimRun(database.db, job)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });
});

describe.runIf(!pg)('on the embedded database', () => {
  it('OMBUD_WORKERS above 1 is refused with a message that says why', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, OMBUD_WORKERS: '2', DATABASE_URL: '', OMBUD_DATA_DIR: join(tmp, 'pglite') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('OMBUD_WORKERS större än 1 kräver PostgreSQL');
  }, 60_000);
});
