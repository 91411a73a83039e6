import type { CallerName } from '../api-world.ts';

/**
 * The expected access matrix lives in docs/access-matrix.md, one Markdown table a reviewer reads and this
 * module parses: a row per route, a column per caller, each cell the outcome on the caller's own
 * organisation and on a foreign one. One source of truth: the test compares the running app with it.
 */

/** Column headings of the caller columns, in table order (as in the document). */
export const COLUMNS = [
  ['anonym', 'anonym'],
  ['ombud', 'ombud'],
  ['chef', 'chef'],
  ['ledamot', 'ledamot'],
  ['lansstyrelse', 'länsstyrelse'],
  ['socialstyrelsen', 'socialstyrelsen'],
  ['aktor', 'aktör'],
  ['admin', 'admin'],
] as const satisfies ReadonlyArray<readonly [string, CallerName]>;

/** What one call came to. */
export type Outcome = 'allowed' | 'refused' | 'unauthenticated';

export interface Expected {
  own: Outcome;
  foreign: Outcome;
}

export interface Row {
  route: string;
  description: string;
  cells: Record<CallerName, Expected>;
  /** The cell texts as written (to quote in failures). */
  texts: Record<CallerName, string>;
}

const SYMBOL: Record<string, Outcome> = { '✓': 'allowed', '–': 'refused', '401': 'unauthenticated' };

/** `✓`, `–`, `401` (same on own and foreign) or `own/foreign`, e.g. `✓/–`. */
export function parseCell(text: string): Expected {
  const parts = text.split('/').map((p) => p.trim());
  const outcomes = parts.map((p) => SYMBOL[p]);
  if (outcomes.some((o) => o === undefined) || parts.length > 2)
    throw new Error(
      `access matrix: cannot read the cell "${text}" (use ✓, –, 401 or own/foreign such as ✓/–)`,
    );
  return { own: outcomes[0]!, foreign: (outcomes[1] ?? outcomes[0])! };
}

export function cellText(e: Expected): string {
  const s = (o: Outcome) => Object.entries(SYMBOL).find(([, v]) => v === o)![0];
  return e.own === e.foreign ? s(e.own) : `${s(e.own)}/${s(e.foreign)}`;
}

/** The rows of the one table whose first heading is `Route`; fails on a malformed or repeated row. */
export function parseMatrix(markdown: string): Map<string, Row> {
  const rows = new Map<string, Row>();
  const lines = markdown.split('\n');
  const head = lines.findIndex((l) => /^\|\s*Route\s*\|/.test(l));
  if (head < 0) throw new Error('access matrix: no table with a Route column');
  const headings = split(lines[head]!);
  const expectedHeadings = ['Route', 'Beskrivning', ...COLUMNS.map(([h]) => h)];
  if (headings.join('|') !== expectedHeadings.join('|'))
    throw new Error(
      `access matrix: headings ${headings.join(', ')}; expected ${expectedHeadings.join(', ')}`,
    );
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const cells = split(line);
    if (cells.length !== expectedHeadings.length)
      throw new Error(`access matrix: ${cells.length} cells in the row "${line}"`);
    const route = cells[0]!.replace(/`/g, '').trim();
    if (rows.has(route)) throw new Error(`access matrix: ${route} appears twice`);
    const row: Row = {
      route,
      description: cells[1]!,
      cells: {} as Row['cells'],
      texts: {} as Row['texts'],
    };
    COLUMNS.forEach(([, name], i) => {
      row.texts[name] = cells[i + 2]!;
      row.cells[name] = parseCell(cells[i + 2]!);
    });
    rows.set(route, row);
  }
  return rows;
}

function split(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

/**
 * How an answer is read. Allowed: 2xx and 3xx (a redirect is the answer of the e-legitimation routes),
 * and 400/409/422: the request got past the access check and was judged on its content or the state of
 * what it points at (the requests are built to succeed, so these are rare and checked below). Refused:
 * 401 (not logged in), 403 and 404 (the service hides foreign resources). Anything else (5xx, 405, 429…)
 * is no answer to the access question and fails the test.
 */
export function classify(status: number): Outcome | undefined {
  if (status === 401) return 'unauthenticated';
  if (status === 403 || status === 404) return 'refused';
  if ((status >= 200 && status < 400) || status === 400 || status === 409 || status === 422) return 'allowed';
  return undefined;
}

/** Whether an observed outcome meets the expectation (a logged-in caller's 401 is a refusal too). */
export function meets(expected: Outcome, observed: Outcome, caller: CallerName): boolean {
  if (expected === observed) return true;
  return caller !== 'anonym' && expected === 'refused' && observed === 'unauthenticated';
}
