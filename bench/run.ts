/**
 * `npm run bench`: builds a fresh national-size database and times the redovisning counting engine.
 * Embedded PGlite by default; with DATABASE_URL a throw-away database is created on that server (the
 * connection needs CREATEDB) and dropped afterwards. Results: a table on stdout and bench/results/latest.json.
 *
 * Options (environment): BENCH_SCALE (default 1.05 ≈ 11 000 clients a year), BENCH_RUNS (default 15),
 * BENCH_IMPORT=0 to leave out the import benchmark (bench/import-clients.ts, when present), BENCH_LISTA=0 to
 * leave out the ärende list at scale (bench/arenden-list.ts; BENCH_ARENDEN, default 100 000).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { benchArendeLista } from './arenden-list.ts';
import { klienterPerAr, type Matning, matEngine, seedNationellt, skapaVerksamheter } from './engine.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SCALE = Number(process.env.BENCH_SCALE ?? 1.05);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const YEARS = [2023, 2024, 2025];
const AR = 2025;

async function oppna(): Promise<{ database: Database; kind: string; stang: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase();
    await migrate(database);
    return { database, kind: 'pglite (in memory)', stang: () => database.close() };
  }
  const name = `ombud_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const serverVersion = (await admin.query('show server_version')).rows[0]?.server_version as string;
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 2 });
  await migrate(database);
  return {
    database,
    kind: `postgresql ${serverVersion} (${u.host}, temporary database ${name})`,
    stang: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
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

const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

function tabell(rader: Matning[]) {
  const huvud = ['operation', 'ms (median)', 'mål', 'engine/rå', 'ok'];
  const celler = rader.map((r) => [
    r.operation,
    fmt(r.ms),
    r.mal,
    r.kvot === null ? '' : `${r.kvot.toFixed(2)}×`,
    r.ok === null ? '' : r.ok ? 'ja' : 'NEJ',
  ]);
  const bredd = huvud.map((h, i) => Math.max(h.length, ...celler.map((c) => (c[i] as string).length)));
  const rad = (c: string[]) => `| ${c.map((x, i) => x.padEnd(bredd[i] as number)).join(' | ')} |`;
  return [rad(huvud), `|${bredd.map((b) => '-'.repeat(b + 2)).join('|')}|`, ...celler.map(rad)].join('\n');
}

const { database, kind, stang } = await oppna();
try {
  console.log(`Databas: ${kind}`);
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
  console.log(`Mäter (median av ${RUNS} varma körningar)…\n`);
  const rader = await matEngine(database.db, ids, AR, RUNS);
  const imp = await importBench(database).catch((err: unknown) => {
    console.error(`Importbenchmark misslyckades: ${(err as Error).message}`);
    return null;
  });
  if (imp) rader.push(imp);
  else console.log('(importen mäts inte: ingen bench/import-clients.ts, eller BENCH_IMPORT=0)\n');
  // Last: it adds 100 000 ärenden to one verksamhet, which the engine rows above must not count.
  if (process.env.BENCH_LISTA !== '0')
    rader.push(
      ...(await benchArendeLista(database.db, ids[0] as string, RUNS, Boolean(process.env.DATABASE_URL))),
    );
  console.log(tabell(rader));
  const resultat = {
    datum: new Date().toISOString(),
    databas: kind,
    node: process.version,
    data: {
      verksamheter: ids.length,
      klienter: seed.klienter,
      arenden: seed.arenden,
      klienterPerAr: perAr,
      skala: SCALE,
    },
    korningar: RUNS,
    matningar: rader,
  };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify(resultat, null, 2)}\n`);
  console.log('\nSkrivet: bench/results/latest.json');
  if (rader.some((r) => r.ok === false)) process.exitCode = 1;
} finally {
  await stang();
}
