/**
 * Times `ombud import clients` on a generated 100 000-row CSV (one row per ärende, ~70 000 clients).
 * `npm run bench` (bench/run.ts) calls `benchImportClients(database)` and takes the milliseconds it
 * returns; run alone (`npx tsx bench/import-clients.ts [rows]`) it uses a fresh in-memory PGlite, or
 * DATABASE_URL, and prints the time.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IMPORT_KOLUMNER } from '../src/contracts/cases.ts';
import { KON, KONTAKTORSAKER, PRIORITETSGRUNDER } from '../src/domain/codes.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openDatabase } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { importKlienterSomSystem } from '../src/server/modules/cases/import.ts';
import * as orgRepo from '../src/server/modules/orgs/repo.ts';
import * as userRepo from '../src/server/modules/users/repo.ts';
import { systemPrincipal } from '../src/server/platform/context.ts';

/** A small deterministic PRNG (mulberry32), so every run imports the same file. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAG = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Writes `rader` rows in the import format to `fil`: about 30 % of the clients have a second, earlier and
 * closed ärende; requests over the last seven years; a mix of queued, active and closed ärenden.
 */
export async function generateClientsCsv(
  fil: string,
  rader: number,
  o: { kommunKoder: string[]; ombud: string[]; seed?: number },
): Promise<void> {
  const rnd = prng(o.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const some = <T>(xs: readonly T[], p: number) => xs.filter(() => rnd() < p);
  const out = createWriteStream(fil);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((res) => out.once('drain', () => res()));
  await write(`${IMPORT_KOLUMNER.join(',')}\n`);
  // Seven years up to the day before yesterday: no date lies in the future.
  const slut = Math.floor(Date.now() / DAG) * DAG - 2 * DAG;
  const start = slut - 7 * 365 * DAG;
  let skrivna = 0;
  let n = 0;
  while (skrivna < rader) {
    n++;
    const klient = [
      `K${String(n).padStart(6, '0')}`,
      String(1940 + Math.floor(rnd() * 60)),
      pick(KON),
      pick(o.kommunKoder),
      rnd() < 0.8 ? 'nej' : pick(['helt', 'delvis'] as const),
    ].join(',');
    const tva = rnd() < 0.3 && skrivna + 2 <= rader;
    // The later ärende; an earlier one (closed before the later request) when the client has two.
    const forfragan = start + Math.floor(rnd() * ((slut - start) / DAG)) * DAG;
    const arenden: Array<[number, number | null, number | null]> = [];
    if (tva) {
      const f0 = forfragan - (400 + Math.floor(rnd() * 300)) * DAG;
      const s0 = f0 + Math.floor(rnd() * 60) * DAG;
      arenden.push([f0, s0, s0 + (30 + Math.floor(rnd() * 300)) * DAG]);
    }
    const u = rnd();
    const s = u < 0.15 ? null : forfragan + Math.floor(rnd() * 90) * DAG;
    const a = s !== null && u > 0.55 ? s + Math.floor(rnd() * 500) * DAG : null;
    arenden.push([
      forfragan,
      s !== null && s <= slut ? s : null,
      a !== null && a <= slut && s! <= slut ? a : null,
    ]);
    for (const [f, st, av] of arenden) {
      const rad = [
        klient,
        iso(f),
        st === null ? '' : iso(st),
        av === null ? '' : iso(av),
        some(KONTAKTORSAKER, 0.25).join(';'),
        st === null ? some(PRIORITETSGRUNDER, 0.2).join(';') : '',
        st === null ? '' : pick(o.ombud),
      ];
      await write(`${rad.join(',')}\n`);
      skrivna++;
    }
  }
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
}

/**
 * Creates a verksamhet with five ombud in `database`, generates the file and imports it (one transaction,
 * batches of 5 000). Returns the milliseconds the import took (generation not included).
 */
export async function benchImportClients(database: Database, rader = 100_000): Promise<number> {
  const kod = `bench-import-${Date.now().toString(36)}`;
  const kommunKoder = ['0180', '0114', '0115', '0117', '0120'];
  const ombud: string[] = [];
  await database.db.transaction(async (tx) => {
    const id = await orgRepo.insertVerksamhet(tx, {
      kod,
      namn: 'Bench import',
      lanKod: '01',
      utforare: 'kommun',
      giltigFranAr: 2018,
      omraden: kommunKoder.map((kommunKod) => ({ kommunKod, stadsdelsomradeKod: null })),
    });
    for (let i = 1; i <= 5; i++) {
      const username = `${kod}-ombud${i}`;
      const userId = await userRepo.insertUser(tx, { username, displayName: username });
      await userRepo.insertMembership(tx, { userId, organisationId: id, roll: 'ombud' });
      ombud.push(username);
    }
  });
  const dir = mkdtempSync(join(tmpdir(), 'ombud-import-'));
  try {
    const fil = join(dir, 'klienter.csv');
    await generateClientsCsv(fil, rader, { kommunKoder, ombud });
    const ctx = { db: database.db, config: loadConfig(), principal: systemPrincipal('bench'), ip: 'bench' };
    const t = performance.now();
    const cpu = process.cpuUsage();
    const r = await importKlienterSomSystem(ctx, kod, createReadStream(fil));
    const ms = performance.now() - t;
    const cpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu));
    if (!r.skrivet || r.rader !== rader) {
      throw new Error(
        `importen misslyckades: ${r.fel.length} fel, t.ex. ${JSON.stringify(r.fel.slice(0, 3))}`,
      );
    }
    const mb = (statSync(fil).size / 1_048_576).toFixed(1);
    console.log(
      `Import: ${r.rader} rader (${mb} MB) → ${r.klienter} klienter, ${r.arenden} ärenden på ${(ms / 1000).toFixed(2)} s ` +
        `(CPU i denna process ${(cpuMs / 1000).toFixed(2)} s; med PGlite ingår databasen)`,
    );
    return ms;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rader = Number(process.argv[2] ?? 100_000);
  const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {});
  try {
    await migrate(database);
    console.log(`Databas: ${database.kind}`);
    await benchImportClients(database, rader);
  } finally {
    await database.close();
  }
}
