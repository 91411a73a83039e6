/**
 * `npm run bench:http`: the API as a user feels it, under concurrency. Starts the real server (its own
 * process, demo data; PGlite, or DATABASE_URL's server), logs in as the demo chef and loads each route with
 * autocannon (64 connections, 10 s by default), next to an independent baseline: a static file of the same
 * server with no cookie. Prints req/s, p50/p99 and the share of the static rate; results in
 * bench/results/http-latest.json.
 *
 * Options (environment): BENCH_CONNECTIONS (64), BENCH_SECONDS (10), DATABASE_URL (an EMPTY database: the
 * demo data is written into it). `npm run bench` runs it too (benchHttp), on PGlite and PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { freePort, startServer } from '../src/server/testing/server-process.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

export interface HttpRow {
  route: string;
  /** The route's path with the verksamhet as `{id}`: what `npm run bench` matches goals on. */
  path: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** The status codes answered, when some were not 2xx. */
  statuses?: string;
  shareOfStatic?: number;
}

async function load(url: string, cookie?: string): Promise<Omit<HttpRow, 'route' | 'path'>> {
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
    ...(r.non2xx ? { statuses: Object.keys(r.statusCodeStats ?? {}).join(' ') } : {}),
  };
}

/**
 * Waits until the server has settled: the scheduler runs every job at start (on PGlite a VACUUM and a
 * checkpoint of the freshly seeded demo, the audit chain's checkpoint), and the one embedded connection
 * serves nothing else meanwhile. Measured from the first second, that start-up work showed as seconds of
 * p99 and as timeouts. Settled = five requests in a row each answered within 250 ms (at most 3 minutes).
 */
async function settle(url: string, cookie: string): Promise<number> {
  const start = Date.now();
  let inRow = 0;
  while (inRow < 5 && Date.now() - start < 180_000) {
    const t = performance.now();
    await fetch(url, { headers: { cookie } }).then((r) => r.arrayBuffer());
    inRow = performance.now() - t < 250 ? inRow + 1 : 0;
    if (inRow === 0) await new Promise((r) => setTimeout(r, 500));
  }
  return Date.now() - start;
}

export interface HttpResult {
  at: string;
  db: 'PGlite' | 'PostgreSQL';
  connections: number;
  seconds: number;
  rows: HttpRow[];
}

/** Starts the server on PGlite, or on `databaseUrl` (an EMPTY database), and loads each route in turn. */
export async function benchHttp(databaseUrl?: string): Promise<HttpResult> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ombud-bench-http-'));
  const env: NodeJS.ProcessEnv = {
    OMBUD_DEMO: '1',
    OMBUD_PUBLIC_URL: `http://127.0.0.1:${port}`,
    OMBUD_KEY_DIR: join(dataDir, 'keys'),
    LOG_LEVEL: 'warn',
    // As deployed, whatever the caller's NODE_ENV (the principal cache is off under 'test').
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl ?? '',
    ...(databaseUrl ? {} : { OMBUD_DATA_DIR: join(dataDir, 'data') }),
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
    ).json()) as Array<{ id: string; kod: string }>;
    const v = orgs.find((o) => o.kod === 'stockholm-innerstad') ?? orgs[0]!;
    const settled = await settle(`${server.url}/api/v1/me`, cookie);
    if (settled > 1000)
      console.log(`(the server settled after its start-up jobs in ${Math.round(settled / 1000)} s)`);
    const routes: Array<[string, string, boolean]> = [
      ['GET / (static file, no cookie) — the baseline', '/', false],
      ['GET /api/health (no cookie)', '/api/health', false],
      ['GET /api/v1/me (logged in)', '/api/v1/me', true],
      ['GET …/klienter, first page (logged in)', '/api/v1/verksamheter/{id}/klienter?limit=50', true],
      ['GET …/arenden, first page (logged in)', '/api/v1/verksamheter/{id}/arenden', true],
    ];
    const rows: HttpRow[] = [];
    for (const [route, path, withCookie] of routes) {
      const url = server.url + path.replace('{id}', v.id);
      rows.push({ route, path, ...(await load(url, withCookie ? cookie : undefined)) });
    }
    const base = rows[0]!.reqPerSec;
    for (const r of rows) r.shareOfStatic = Math.round((100 * r.reqPerSec) / base);
    return {
      at: new Date().toISOString(),
      db: databaseUrl ? 'PostgreSQL' : 'PGlite',
      connections: CONNECTIONS,
      seconds: SECONDS,
      rows,
    };
  } finally {
    await server.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printHttp(r: HttpResult): void {
  console.log(`\n${r.db}, ${r.connections} connections, ${r.seconds} s per route\n`);
  console.log('| route | req/s | p50 ms | p99 ms | % of static | errors | non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const x of r.rows)
    console.log(
      `| ${x.route} | ${x.reqPerSec} | ${x.p50} | ${x.p99} | ${x.shareOfStatic} % | ${x.errors} | ${x.non2xx} |`,
    );
}

// Run directly (npm run bench:http): one database, printed and written to bench/results/http-latest.json.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchHttp(process.env.DATABASE_URL || undefined);
  printHttp(r);
  writeFileSync(join(here, 'results', 'http-latest.json'), `${JSON.stringify(r, null, 2)}\n`);
}
