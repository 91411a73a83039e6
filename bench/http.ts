/**
 * `npm run bench:http`: the API as a user feels it, under concurrency. Starts the real server (its own
 * process, demo data; PGlite, or DATABASE_URL's server), logs in as the demo chef and loads each route with
 * autocannon (64 connections, 10 s by default), next to an independent baseline: a static file of the same
 * server with no cookie. Prints req/s, p50/p99 and the share of the static rate; results in
 * bench/results/http-latest.json.
 *
 * Options (environment): BENCH_CONNECTIONS (64), BENCH_SECONDS (10), DATABASE_URL (an EMPTY database: the
 * demo data is written into it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, startServer } from '../src/server/testing/server-process.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface Row {
  route: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  shareOfStatic?: number;
}

async function load(url: string, cookie?: string): Promise<Omit<Row, 'route'>> {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: cookie ? { cookie } : {},
  });
  return {
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'ombud-bench-http-'));
const env: NodeJS.ProcessEnv = {
  OMBUD_DEMO: '1',
  OMBUD_PUBLIC_URL: `http://127.0.0.1:${port}`,
  OMBUD_KEY_DIR: join(dataDir, 'keys'),
  LOG_LEVEL: 'warn',
  ...(process.env.DATABASE_URL ? {} : { OMBUD_DATA_DIR: join(dataDir, 'data') }),
};
const server = await startServer(env, port, 300_000);
try {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username: 'chef', password: 'demo' }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const orgs = (await (
    await fetch(`${server.url}/api/v1/verksamheter`, { headers: { cookie } })
  ).json()) as Array<{
    id: string;
    kod: string;
  }>;
  const v = orgs.find((o) => o.kod === 'stockholm-innerstad') ?? orgs[0]!;
  const routes: Array<[string, string, boolean]> = [
    ['GET / (static file, no cookie) — the baseline', '/', false],
    ['GET /api/health (no cookie)', '/api/health', false],
    ['GET /api/v1/me (logged in)', '/api/v1/me', true],
    ['GET …/klienter, first page (logged in)', `/api/v1/verksamheter/${v.id}/klienter?limit=50`, true],
    ['GET …/arenden (logged in)', `/api/v1/verksamheter/${v.id}/arenden`, true],
  ];
  const rows: Row[] = [];
  for (const [route, path, withCookie] of routes) {
    rows.push({ route, ...(await load(server.url + path, withCookie ? cookie : undefined)) });
  }
  const base = rows[0]!.reqPerSec;
  for (const r of rows) r.shareOfStatic = Math.round((100 * r.reqPerSec) / base);
  const db = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  console.log(`\n${db}, ${CONNECTIONS} connections, ${SECONDS} s per route\n`);
  console.log('| route | req/s | p50 ms | p99 ms | % of static | errors | non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.route} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.shareOfStatic} % | ${r.errors} | ${r.non2xx} |`,
    );
  writeFileSync(
    join(here, 'results', 'http-latest.json'),
    `${JSON.stringify({ at: new Date().toISOString(), db, connections: CONNECTIONS, seconds: SECONDS, rows }, null, 2)}\n`,
  );
} finally {
  await server.stop('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
