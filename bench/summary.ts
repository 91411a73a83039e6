import { existsSync, readFileSync } from 'node:fs';
import type { Matning } from './engine.ts';
import type { HttpResult, HttpRow } from './http.ts';

/**
 * `npm run bench`'s one table: each figure with its goal, the PGlite and the PostgreSQL value side by side,
 * its ratio to the baseline it is compared with, and whether it meets the goal on every database measured.
 */
export interface Figure {
  figure: string;
  goal: string;
  pglite: string;
  pg: string;
  ratio: string;
  pass: boolean | null;
}

type PerDb<T> = { pglite: T | null; pg: T | null };

const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const both = (a: boolean | null | undefined, b: boolean | null | undefined): boolean | null =>
  a == null && b == null ? null : a !== false && b !== false;
const pair = (a: string, b: string) => (a && b && a !== b ? `${a} / ${b}` : a || b);

/** Timed operations (engine, import, ärende list): matched by name across the two databases. */
export function timedFigures(m: PerDb<Matning[]>): Figure[] {
  const names = [...new Set([...(m.pglite ?? []), ...(m.pg ?? [])].map((r) => r.operation))];
  return names.map((name) => {
    const a = m.pglite?.find((r) => r.operation === name);
    const b = m.pg?.find((r) => r.operation === name);
    const kvot = (r?: Matning) => (r?.kvot == null ? '' : `${r.kvot.toFixed(2)}×`);
    return {
      figure: name,
      goal: pair(a?.mal ?? '', b?.mal ?? ''),
      pglite: a ? `${fmt(a.ms)} ms` : '',
      pg: b ? `${fmt(b.ms)} ms` : '',
      ratio: pair(kvot(a), kvot(b)),
      pass: both(a?.ok, b?.ok),
    };
  });
}

/** Logged-in client list (issue 16): share of the static route's rate, and the p99 on each database. */
const KLIENTER = { share: 30, p99: { pglite: 250, pg: 50 } };

/** HTTP under load: req/s, p50/p99 and errors per route; the ratio is the share of the static route's rate. */
export function httpFigures(h: PerDb<HttpResult>): Figure[] {
  const paths = (h.pglite ?? h.pg)?.rows.map((r) => r.path) ?? [];
  return paths.map((path) => {
    const a = h.pglite?.rows.find((r) => r.path === path);
    const b = h.pg?.rows.find((r) => r.path === path);
    const klienter = path.includes('/klienter');
    const cell = (r?: HttpRow) =>
      r
        ? `${r.reqPerSec} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.errors + r.non2xx ? `, ${r.errors + r.non2xx} fel` : ''}`
        : '';
    const ok = (r: HttpRow | undefined, p99: number) =>
      r ? (r.shareOfStatic ?? 0) >= KLIENTER.share && r.p99 < p99 && r.errors + r.non2xx === 0 : null;
    const share = (r?: HttpRow) => (r ? `${r.shareOfStatic} %` : '');
    return {
      figure: `HTTP ${a?.route ?? b?.route ?? path}`,
      goal: klienter
        ? `≥ ${KLIENTER.share} % av statisk; p99 < ${KLIENTER.p99.pglite} ms (PGlite), < ${KLIENTER.p99.pg} ms (PostgreSQL)`
        : path === '/'
          ? '(baslinjen)'
          : '(mäts, inget mål)',
      pglite: cell(a),
      pg: cell(b),
      ratio: pair(share(a), share(b)),
      pass: klienter ? both(ok(a, KLIENTER.p99.pglite), ok(b, KLIENTER.p99.pg)) : null,
    };
  });
}

/** The login page's JavaScript from the last `npm run bench:web` (no database: the same on both). */
export function webFigure(file: string): Figure | null {
  if (!existsSync(file)) return null;
  const w = JSON.parse(readFileSync(file, 'utf8')) as {
    at: string;
    goalKb: number;
    rows: Array<{ what: string; gzipKb: number }>;
  };
  const first = w.rows[0];
  if (!first) return null;
  const value = `${first.gzipKb} kB gzip (${w.at.slice(0, 10)})`;
  return {
    figure: `webb: ${first.what} (bench:web)`,
    goal: `< ${w.goalKb} kB gzip`,
    pglite: value,
    pg: value,
    ratio: `${(first.gzipKb / w.goalKb).toFixed(2)}× målet`,
    pass: first.gzipKb < w.goalKb,
  };
}

export function table(figures: Figure[]): string {
  const head = ['mått', 'mål', 'PGlite', 'PostgreSQL', 'mot baslinjen', 'ok'];
  const cells = figures.map((f) => [
    f.figure,
    f.goal,
    f.pglite || '–',
    f.pg || '–',
    f.ratio,
    f.pass === null ? '' : f.pass ? 'ja' : 'NEJ',
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const row = (c: string[]) => `| ${c.map((x, i) => x.padEnd(width[i] as number)).join(' | ')} |`;
  return [row(head), `|${width.map((b) => '-'.repeat(b + 2)).join('|')}|`, ...cells.map(row)].join('\n');
}
