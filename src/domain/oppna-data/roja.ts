/**
 * Röjning (small-number suppression) of a table before it is published as open statistics (issue 12).
 *
 * A table is a grid of counts. Some columns are about people (clients, ombud) and some are not
 * (verksamheter, kommuner, årsarbetare): only cells about people are suppressed. Sum relations say which
 * cells add up to which: a row total is the sum of the row's parts, a column total the sum of the column's
 * parts, and the grand total is both. Totals are cells like any other.
 *
 * The rule (documented in docs/open-data.md):
 * 1. Primary: every cell about people with a value 1–4 is hidden (null, printed '..'). 0 stays: a zero
 *    points at nobody (as src/domain/smatal.ts).
 * 2. Secondary: a sum relation with exactly one hidden cell gives it away by subtraction (total minus the
 *    shown parts, or the sum of the parts). So in every such relation one more cell is hidden: the
 *    smallest non-zero shown cell (smallest, to lose as little as possible; a zero only when nothing else is
 *    left). Hiding it can leave another relation (its column, say) with one hidden cell, so this is repeated
 *    until no relation has exactly one hidden cell. Each round hides one more cell, so it ends.
 * 3. Audit: step 2 looks at one relation at a time, but relations can be combined (a column total minus
 *    the row totals of other rows, and so on): a random 4 × 4 table was found where two hidden row totals
 *    of 2 followed exactly from the shown cells. So the published table is then solved as a system of
 *    linear equations (one per relation, the hidden cells the unknowns); while a hidden 1–4 follows
 *    exactly, one more cell of its row or column is hidden (the smallest non-zero shown one, as in 2) and
 *    steps 2–3 run again. Bounds from the counts being ≥ 0 are not audited: such an interval attack
 *    narrows a hidden value and in rare patterns could pin it; ruling that out needs linear programming.
 * Shown cells are always the exact input.
 */

export type RojCell = number | null;

/** A total and the parts it is the sum of, as [row, column] positions in the grid. */
export interface Summa {
  total: readonly [number, number];
  delar: ReadonlyArray<readonly [number, number]>;
}

export interface RojIn {
  varden: readonly (readonly number[])[];
  /** Per column: is it a count of people (suppressed) or of something else (published as it is)? */
  omPersoner: readonly boolean[];
  summor: readonly Summa[];
  /**
   * Cells another published table shows anyway (Tabell 3 prints the nation's women and men): never chosen
   * as a partner, since hiding them here would hide nothing, and a hidden 1–4 beside them could then be
   * computed back by subtraction across the two tables. A small number among them is still hidden.
   */
  offentliga?: ReadonlyArray<readonly [number, number]>;
  /**
   * Cells another published table hides already (the nation's row of Tabell 3 in the time series): hidden
   * here from the start, so that this table's sums cannot give them back.
   */
  dolda?: ReadonlyArray<readonly [number, number]>;
}

export const ROJ_TROSKEL = 5;

const arSmatal = (n: number) => n > 0 && n < ROJ_TROSKEL;

/**
 * The sum relations of a grid whose last column is each row's total (when radTotal) and whose last row is
 * each column's total (when kolumnTotal), restricted to the columns about people.
 */
export function summorForGrid(
  rader: number,
  omPersoner: readonly boolean[],
  o: { radTotal: boolean; kolumnTotal: boolean },
): Summa[] {
  const kol = omPersoner.length;
  const summor: Summa[] = [];
  if (o.radTotal && omPersoner[kol - 1]) {
    const delar = [...Array(kol - 1).keys()].filter((c) => omPersoner[c]);
    for (let r = 0; r < rader; r++)
      summor.push({ total: [r, kol - 1], delar: delar.map((c) => [r, c] as const) });
  }
  if (o.kolumnTotal) {
    for (let c = 0; c < kol; c++) {
      if (!omPersoner[c]) continue;
      summor.push({ total: [rader - 1, c], delar: [...Array(rader - 1).keys()].map((r) => [r, c] as const) });
    }
  }
  return summor;
}

type Pos = readonly [number, number];

export function roja(t: RojIn): RojCell[][] {
  const dold = t.varden.map((rad) => rad.map((v, c) => Boolean(t.omPersoner[c]) && arSmatal(v)));
  for (const [r, c] of t.dolda ?? []) dold[r]![c] = true;
  const varde = (p: Pos) => t.varden[p[0]]![p[1]]!;
  const arDold = (p: Pos) => dold[p[0]]![p[1]]!;
  /** Hides the smallest non-zero shown cell of these; false when every one is hidden already. */
  const dolj = (celler: readonly Pos[]) => {
    const val = celler
      .filter((p) => !arDold(p) && t.omPersoner[p[1]] && !(t.offentliga ?? []).some((o) => samma(o, p)))
      .sort((a, b) => rang(varde(a)) - rang(varde(b)) || varde(a) - varde(b))[0];
    if (val) dold[val[0]]![val[1]] = true;
    return Boolean(val);
  };
  for (;;) {
    // 2. Secondary: no relation with exactly one hidden cell.
    for (let andrad = true; andrad; ) {
      andrad = false;
      for (const s of t.summor) {
        const celler = [s.total, ...s.delar];
        if (celler.filter(arDold).length === 1 && dolj(celler)) andrad = true;
      }
    }
    // 3. Audit: a hidden 1–4 that still follows from all relations together gets one more partner.
    const avslojad = bestamda(t.summor, arDold).find((p) => arSmatal(varde(p)));
    if (!avslojad) break;
    const egna = t.summor.filter((s) => [s.total, ...s.delar].some((p) => samma(p, avslojad)));
    const iRelation = egna.flatMap((s) => [s.total, ...s.delar]);
    const allaCeller = t.varden.flatMap((rad, r) => rad.map((_, c) => [r, c] as const));
    if (!dolj(iRelation) && !dolj(allaCeller)) break;
  }
  return t.varden.map((rad, r) => rad.map((v, c) => (dold[r]![c] ? null : v)));
}

const samma = (a: Pos, b: Pos) => a[0] === b[0] && a[1] === b[1];

/**
 * The hidden cells whose value follows exactly from the relations and the shown cells. Each relation is an
 * equation in the hidden cells (parts +1, total −1 = the shown cells' contribution); in its reduced row
 * echelon form a hidden cell is fixed when it is a pivot whose row has no free (undetermined) cell.
 */
export function bestamda(summor: readonly Summa[], arDold: (p: Pos) => boolean): Pos[] {
  const okanda: Pos[] = [];
  const index = new Map<string, number>();
  const nyckel = (p: Pos) => `${p[0]},${p[1]}`;
  for (const s of summor)
    for (const p of [s.total, ...s.delar])
      if (arDold(p) && !index.has(nyckel(p))) {
        index.set(nyckel(p), okanda.length);
        okanda.push(p);
      }
  const n = okanda.length;
  const m = summor.map((s) => {
    const rad = new Array<number>(n).fill(0);
    const i = index.get(nyckel(s.total));
    if (i !== undefined) rad[i]! -= 1;
    for (const p of s.delar) {
      const j = index.get(nyckel(p));
      if (j !== undefined) rad[j]! += 1;
    }
    return rad;
  });
  const EPS = 1e-9;
  const pivotKolumn: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < m.length; c++) {
    const p = m.findIndex((rad, i) => i >= r && Math.abs(rad[c]!) > EPS);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivot = m[r]![c]!;
    m[r] = m[r]!.map((x) => x / pivot);
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]!;
      if (Math.abs(f) > EPS) m[i] = m[i]!.map((x, k) => x - f * m[r]![k]!);
    }
    pivotKolumn.push(c);
    r++;
  }
  const arPivot = new Set(pivotKolumn);
  return pivotKolumn
    .filter((c, i) => m[i]!.every((x, k) => k === c || arPivot.has(k) || Math.abs(x) < EPS))
    .map((c) => okanda[c]!);
}

/** Non-zero cells first (a hidden zero protects as well but says less); then by value. */
const rang = (v: number) => (v === 0 ? 1 : 0);
