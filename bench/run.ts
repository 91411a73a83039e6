/**
 * `npm run bench`: every speed figure of issue 16 in ONE table — each figure, its goal, the PGlite and the
 * PostgreSQL value, the ratio to its baseline and pass/fail — also written to bench/results/latest.json.
 * - The counting engine and the ärende list on a fresh national-size database, and the import (when
 *   bench/import-clients.ts is there).
 * - The HTTP routes under load (bench/http.ts: the real server with the demo data, 64 connections).
 * - The login page's JavaScript, from the last `npm run bench:web` (bench/results/web-latest.json).
 * PGlite in memory, then PostgreSQL: DATABASE_URL's server (the connection needs CREATEDB; throw-away
 * databases are created and dropped), or else a throw-away server of its own started as the tests start
 * theirs (Debian's /usr/lib/postgresql/VERSION/bin).
 *
 * Options (environment): BENCH_SCALE (default 1.05 ≈ 11 000 clients a year), BENCH_RUNS (default 15),
 * BENCH_IMPORT=0 to leave out the import benchmark, BENCH_LISTA=0 to leave out the ärende list at scale
 * (bench/arenden-list.ts; BENCH_ARENDEN, default 100 000), BENCH_ENGINE=0 to leave out the database
 * figures, BENCH_HTTP=0 to leave out HTTP (BENCH_SECONDS per route, default 10), BENCH_PG=0 for PGlite only,
 * BENCH_PGLITE=0 for PostgreSQL only. The exit code is 1 when a figure misses its goal.
 */

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { startPostgres } from '../src/server/testing/postgres-server.ts';
import { benchArendeLista } from './arenden-list.ts';
import { klienterPerAr, type Matning, matEngine, seedNationellt, skapaVerksamheter } from './engine.ts';
import { benchHttp, type HttpResult, printHttp } from './http.ts';
import { type Figure, httpFigures, table, timedFigures, webFigure } from './summary.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SCALE = Number(process.env.BENCH_SCALE ?? 1.05);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const YEARS = [2023, 2024, 2025];
const AR = 2025;

/** A throw-away database on the server at `url` (dropped by `drop`). */
async function tomDatabas(url: string) {
  const name = `ombud_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const serverVersion = (await admin.query('show server_version')).rows[0]?.server_version as string;
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    serverVersion,
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A migrated, empty database: PGlite in memory, or a throw-away one on the PostgreSQL server at `url`. */
async function oppna(
  url: string | undefined,
): Promise<{ database: Database; kind: string; stang: () => Promise<void> }> {
  if (!url) {
    const database = await openDatabase();
    await migrate(database);
    return { database, kind: 'pglite (in memory)', stang: () => database.close() };
  }
  const tom = await tomDatabas(url);
  const database = await openDatabase({ url: tom.url, poolSize: 2 });
  await migrate(database);
  return {
    database,
    kind: `postgresql ${tom.serverVersion} (${new URL(tom.url).host}, temporary database ${tom.name})`,
    stang: async () => {
      await database.close();
      await tom.drop();
    },
  };
}

/** The casework engineer's import benchmark, when there is one (bench/import-clients.ts). */
async function importBench(database: Database): Promise<Matning | null> {
  const file = join(here, 'import-clients.ts');
  if (process.env.BENCH_IMPORT === '0' || !existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const fn = [mod.benchImportClients, mod.default, mod.run, ...Object.values(mod)].find(
    (f): f is (d: Database) => Promise<unknown> => typeof f === 'function',
  );
  if (!fn) return null;
  const t = performance.now();
  const svar = await fn(database);
  const ms = typeof svar === 'number' ? svar : performance.now() - t;
  return { operation: 'import av klienter (bench/import-clients.ts)', ms, mal: '', kvot: null, ok: null };
}

/** The engine, import and ärende-list figures on one database (`url`: a PostgreSQL server; none: PGlite). */
async function matDatabas(url: string | undefined) {
  const { database, kind, stang } = await oppna(url);
  try {
    console.log(`\nDatabas: ${kind}`);
    let t = performance.now();
    const ids = await skapaVerksamheter(database.db, 116);
    console.log(`${ids.length} verksamheter i 21 län (${Math.round(performance.now() - t)} ms)`);
    const seed = await seedNationellt(database.db, ids, { scale: SCALE, seed: 1, years: YEARS });
    console.log(
      `Syntetiska data ${YEARS[0]}–${YEARS.at(-1)}, skala ${SCALE}: ${seed.klienter} klienter, ${seed.arenden} ärenden (${Math.round(seed.ms)} ms)`,
    );
    t = performance.now();
    const perAr = await klienterPerAr(database.db, ids, YEARS);
    console.log(
      `Klienter per år (nationellt): ${Object.entries(perAr)
        .map(([ar, n]) => `${ar}: ${n}`)
        .join(', ')}`,
    );
    console.log(`Mäter (median av ${RUNS} varma körningar)…`);
    const rader = await matEngine(database.db, ids, AR, RUNS);
    const imp = await importBench(database).catch((err: unknown) => {
      console.error(`Importbenchmark misslyckades: ${(err as Error).message}`);
      return null;
    });
    if (imp) rader.push(imp);
    else console.log('(importen mäts inte: ingen bench/import-clients.ts, eller BENCH_IMPORT=0)');
    // Last: it adds 100 000 ärenden to one verksamhet, which the engine rows above must not count.
    if (process.env.BENCH_LISTA !== '0')
      rader.push(...(await benchArendeLista(database.db, ids[0] as string, RUNS, Boolean(url))));
    return {
      databas: kind,
      data: {
        verksamheter: ids.length,
        klienter: seed.klienter,
        arenden: seed.arenden,
        klienterPerAr: perAr,
        skala: SCALE,
      },
      matningar: rader,
    };
  } finally {
    await stang();
  }
}

/** The HTTP routes under load on one database (on PostgreSQL in an empty database of its own). */
async function matHttp(url: string | undefined): Promise<HttpResult> {
  console.log(`\nHTTP under last (${url ? 'PostgreSQL' : 'PGlite'})…`);
  if (!url) return benchHttp();
  const tom = await tomDatabas(url);
  try {
    return await benchHttp(tom.url);
  } finally {
    await tom.drop();
  }
}

const on = (name: string) => process.env[name] !== '0';
const egenServer = on('BENCH_PG') && !process.env.DATABASE_URL ? await startPostgres() : null;
const pgUrl = on('BENCH_PG') ? (process.env.DATABASE_URL ?? egenServer?.url()) : undefined;
const databaser: Array<{ key: 'pglite' | 'pg'; url: string | undefined }> = [
  ...(on('BENCH_PGLITE') ? [{ key: 'pglite' as const, url: undefined }] : []),
  ...(pgUrl ? [{ key: 'pg' as const, url: pgUrl }] : []),
];
try {
  const motor: {
    pglite: Awaited<ReturnType<typeof matDatabas>> | null;
    pg: Awaited<ReturnType<typeof matDatabas>> | null;
  } = { pglite: null, pg: null };
  const http: { pglite: HttpResult | null; pg: HttpResult | null } = { pglite: null, pg: null };
  for (const d of databaser) {
    if (on('BENCH_ENGINE')) motor[d.key] = await matDatabas(d.url);
    if (on('BENCH_HTTP')) {
      http[d.key] = await matHttp(d.url);
      printHttp(http[d.key]!);
    }
  }
  const webb = webFigure(join(here, 'results', 'web-latest.json'));
  const figurer: Figure[] = [
    ...timedFigures({ pglite: motor.pglite?.matningar ?? null, pg: motor.pg?.matningar ?? null }),
    ...(http.pglite || http.pg ? httpFigures(http) : []),
    ...(webb ? [webb] : []),
  ];
  console.log(`\n${table(figurer)}`);
  const resultat = {
    datum: new Date().toISOString(),
    node: process.version,
    korningar: RUNS,
    figurer,
    motor,
    http,
  };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify(resultat, null, 2)}\n`);
  console.log('\nSkrivet: bench/results/latest.json');
  if (figurer.some((f) => f.pass === false)) process.exitCode = 1;
} finally {
  egenServer?.stop();
}
