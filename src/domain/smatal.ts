/**
 * Small-number suppression for PUBLISHED figures (national and län tables, open statistics). A verksamhet
 * with two clients of "annan könsidentitet" in a small kommun must not be identifiable from a table. Counts
 * from 1 to troskel − 1 are shown as '..' (the sign Swedish official statistics use for "too uncertain or
 * withheld"). Internal reports to the verksamhet's own Länsstyrelse are not suppressed.
 *
 * 0 stays 0: a zero says that nobody in the group has the attribute, which points at no person, and hiding
 * zeros would make tables of rare categories unreadable. This follows common practice in Swedish official
 * statistics.
 *
 * A row (kvinna / man / annan with its total) gets secondary suppression: if exactly one part is hidden and
 * the total is shown, the hidden part would follow by subtraction, so the smallest other non-zero part is
 * hidden as well (smallest, to lose as little information as possible). A hidden total hides nothing more:
 * its parts are then all below the threshold and already hidden.
 */

import type { G } from './redovisning/typer.ts';
import { formatTal } from './tal.ts';

export const SMATAL_TROSKEL = 5;
export const UNDERTRYCKT = '..';

export type Cell = number | null;
export type UndertryckG = Record<keyof G, Cell>;

function kontrollera(n: number, troskel: number): void {
  if (!Number.isInteger(troskel) || troskel < 1) throw new RangeError(`Ogiltig tröskel: ${troskel}.`);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Ett antal måste vara ett heltal ≥ 0 (fick ${n}).`);
}

/** null (shown as '..') for 1 … troskel − 1; the number itself otherwise, including 0. */
export function undertryckSmatal(n: number, troskel: number = SMATAL_TROSKEL): Cell {
  kontrollera(n, troskel);
  return n > 0 && n < troskel ? null : n;
}

/** A row of parts and its total, with primary and secondary suppression. */
export function undertryckRad(
  delar: readonly number[],
  totalt: number,
  troskel: number = SMATAL_TROSKEL,
): { delar: Cell[]; totalt: Cell } {
  const visadeDelar = delar.map((d) => undertryckSmatal(d, troskel));
  const visatTotalt = undertryckSmatal(totalt, troskel);
  const dolda = visadeDelar.filter((d) => d === null).length;
  if (visatTotalt !== null && dolda === 1) {
    let komplement = -1;
    visadeDelar.forEach((d, i) => {
      if (d !== null && d > 0 && (komplement < 0 || d < (visadeDelar[komplement] as number))) komplement = i;
    });
    if (komplement >= 0) visadeDelar[komplement] = null;
  }
  return { delar: visadeDelar, totalt: visatTotalt };
}

export function undertryckG(g: G, troskel: number = SMATAL_TROSKEL): UndertryckG {
  const { delar, totalt } = undertryckRad([g.kvinna, g.man, g.annan], g.totalt, troskel);
  return { kvinna: delar[0] ?? null, man: delar[1] ?? null, annan: delar[2] ?? null, totalt };
}

/** How a cell is printed: '..' when suppressed, else the number with Swedish digit grouping. */
export function visaCell(cell: Cell): string {
  return cell === null ? UNDERTRYCKT : formatTal(cell);
}
