/**
 * `npm run bench:web`: what a browser downloads for the first visit (the login page) and for each page
 * opened afterwards, compressed as the server sends it (gzip; brotli beside). Reads the build's manifest
 * (`npx vite build` first; `npm run bench:web` does it). Goal (issue 16): the login page's JavaScript
 * under 100 kB gzip. Writes bench/results/web-latest.json.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const web = join(here, '../dist/web');
const GOAL_KB = 100;

interface Chunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const manifestFile = join(web, '.vite/manifest.json');
if (!existsSync(manifestFile)) {
  console.error('No build manifest: run `npx vite build` first (npm run bench:web does).');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, Chunk>;

const size = (file: string, ext = ''): number => {
  const p = join(web, file + ext);
  return existsSync(p) ? statSync(p).size : ext ? size(file) : 0; // small files are not precompressed
};

/** A chunk and everything it imports statically: what the browser fetches before it can run it. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of manifest[key]?.imports ?? []) closure(k, seen);
  return seen;
}

function weigh(keys: Iterable<string>) {
  let raw = 0;
  let gz = 0;
  let br = 0;
  for (const k of keys) {
    const f = manifest[k]!.file;
    raw += size(f);
    gz += size(f, '.gz');
    br += size(f, '.br');
  }
  return { rawKb: Math.round(raw / 1024), gzipKb: Math.round(gz / 1024), brotliKb: Math.round(br / 1024) };
}

const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const first = closure(entryKey);
const login = { what: 'first visit (login page): JavaScript', ...weigh(first) };
const pages = Object.keys(manifest)
  .filter((k) => manifest[k]!.isDynamicEntry)
  .map((k) => {
    const extra = [...closure(k)].filter((c) => !first.has(c));
    return { what: `then ${manifest[k]!.src ?? k}`, ...weigh(extra) };
  })
  .sort((a, b) => b.gzipKb - a.gzipKb);

const rows = [login, ...pages];
const width = Math.max(...rows.map((r) => r.what.length));
console.log(`${'what'.padEnd(width)}  raw kB  gzip kB  brotli kB`);
for (const r of rows) {
  console.log(
    `${r.what.padEnd(width)}  ${String(r.rawKb).padStart(6)}  ${String(r.gzipKb).padStart(7)}  ${String(r.brotliKb).padStart(9)}`,
  );
}
const pass = login.gzipKb < GOAL_KB;
console.log(
  `\nGoal: the login page's JavaScript < ${GOAL_KB} kB gzip: ${login.gzipKb} kB — ${pass ? 'pass' : 'FAIL'}`,
);
writeFileSync(
  join(here, 'results/web-latest.json'),
  `${JSON.stringify({ at: new Date().toISOString(), goalKb: GOAL_KB, pass, rows }, null, 2)}\n`,
);
