// Röjning of open statistics (issue 12, "What it must show"): for random tables no published cell is 1–4,
// no sum relation (every row and column total) has exactly one hidden cell, and shown cells are exact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RojCell, type RojIn, roja, summorForGrid } from './roja.ts';

/** A random grid of parts (small values are common) with its row and column totals added. */
const tabell = fc
  .record({
    rader: fc.integer({ min: 1, max: 6 }),
    kolumner: fc.integer({ min: 1, max: 5 }),
    radTotal: fc.boolean(),
    kolumnTotal: fc.boolean(),
  })
  .chain((d) =>
    fc.record({
      d: fc.constant(d),
      delar: fc.array(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 })), {
          minLength: d.kolumner,
          maxLength: d.kolumner,
        }),
        { minLength: d.rader, maxLength: d.rader },
      ),
      // The first column is sometimes not about people (verksamheter): never hidden, in no relation.
      forstaInteOmPersoner: fc.boolean(),
    }),
  )
  .map(({ d, delar, forstaInteOmPersoner }): RojIn => {
    const personDelar = delar[0]!.map((_, c) => !(forstaInteOmPersoner && c === 0));
    let varden = delar.map((r) => [...r]);
    let omPersoner = personDelar;
    if (d.radTotal) {
      varden = varden.map((r) => [...r, r.reduce((s, v, c) => s + (personDelar[c] ? v : 0), 0)]);
      omPersoner = [...omPersoner, true];
    }
    if (d.kolumnTotal) varden.push(varden[0]!.map((_, c) => varden.reduce((s, r) => s + r[c]!, 0)));
    return { varden, omPersoner, summor: summorForGrid(varden.length, omPersoner, d) };
  });

/** Full tables (both totals) of mostly small values: where combinations of relations bite. */
const smaTabeller = fc
  .record({ rader: fc.integer({ min: 2, max: 6 }), kolumner: fc.integer({ min: 2, max: 5 }) })
  .chain((d) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: d.kolumner, maxLength: d.kolumner }), {
      minLength: d.rader,
      maxLength: d.rader,
    }),
  )
  .map((delar): RojIn => {
    const varden = delar.map((r) => [...r, r.reduce((s, v) => s + v, 0)]);
    varden.push(varden[0]!.map((_, c) => varden.reduce((s, r) => s + r[c]!, 0)));
    const omPersoner = varden[0]!.map(() => true);
    return {
      varden,
      omPersoner,
      summor: summorForGrid(varden.length, omPersoner, { radTotal: true, kolumnTotal: true }),
    };
  });

/**
 * Independent of roja's own audit: a hidden cell's value follows from the published table when adding its
 * unit vector to the relations' equations (hidden cells the unknowns) does not raise their rank.
 */
function rang(m: number[][]): number {
  const a = m.map((r) => [...r]);
  let rk = 0;
  for (let c = 0; c < (a[0]?.length ?? 0) && rk < a.length; c++) {
    const p = a.findIndex((r, i) => i >= rk && Math.abs(r[c]!) > 1e-9);
    if (p < 0) continue;
    [a[rk], a[p]] = [a[p]!, a[rk]!];
    for (let r = 0; r < a.length; r++) {
      const f = a[r]![c]! / a[rk]![c]!;
      if (r !== rk && f !== 0) a[r] = a[r]!.map((x, k) => x - f * a[rk]![k]!);
    }
    rk++;
  }
  return rk;
}
function harledbaraSmatal(t: RojIn, ut: RojCell[][]): string[] {
  const dolda = ut.flatMap((rad, r) => rad.flatMap((v, c) => (v === null ? [`${r},${c}`] : [])));
  const ekvationer = t.summor.map((s) =>
    dolda.map((d) => (d === s.total.join(',') ? -1 : 0) + (s.delar.some((p) => p.join(',') === d) ? 1 : 0)),
  );
  const bas = rang(ekvationer);
  return dolda.filter((d, i) => {
    const [r, c] = d.split(',').map(Number) as [number, number];
    const v = t.varden[r]![c]!;
    return v > 0 && v < 5 && rang([...ekvationer, dolda.map((_, j) => (j === i ? 1 : 0))]) === bas;
  });
}

describe('roja (small-number suppression of a published table)', () => {
  it('publishes no cell about people with a value 1–4', () => {
    fc.assert(
      fc.property(tabell, (t) => {
        const ut = roja(t);
        ut.forEach((rad) => {
          rad.forEach((v, c) => {
            if (t.omPersoner[c] && v !== null) expect(v === 0 || v >= 5).toBe(true);
          });
        });
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no row or column total with exactly one hidden cell (no value follows by subtraction)', () => {
    fc.assert(
      fc.property(tabell, (t) => {
        const ut = roja(t);
        for (const s of t.summor) {
          const dolda = [s.total, ...s.delar].filter(([r, c]) => ut[r]![c] === null).length;
          expect(dolda).not.toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('lets no hidden 1–4 follow from all rows and columns together (solved as linear equations)', () => {
    fc.assert(
      fc.property(fc.oneof(tabell, smaTabeller), (t) => {
        expect(harledbaraSmatal(t, roja(t))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('never hides a cell another table publishes, and still lets no hidden 1–4 follow', () => {
    // The total row's first two cells are public elsewhere (as Tabell 3 prints the nation's women and men).
    const medOffentliga = smaTabeller.map((t): RojIn => {
      const sista = t.varden.length - 1;
      return {
        ...t,
        offentliga: [
          [sista, 0],
          [sista, 1],
        ],
      };
    });
    fc.assert(
      fc.property(medOffentliga, (t) => {
        const ut = roja(t);
        for (const [r, c] of t.offentliga ?? []) {
          const v = t.varden[r]![c]!;
          if (v === 0 || v >= 5) expect(ut[r]![c]).toBe(v);
        }
        expect(harledbaraSmatal(t, ut)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it("hides the nation's total, not its women or men, beside a small annan (a worked example)", () => {
    // Two län by kvinna, man, annan, totalt; the nation last. Annan 3 in the nation: partnering it with
    // "män" (the smallest) would let Tabell 3's published men give it back.
    const varden = [
      [3000, 2500, 1, 5501],
      [3094, 2599, 2, 5695],
      [6094, 5099, 3, 11196],
    ];
    const omPersoner = [true, true, true, true];
    const ut = roja({
      varden,
      omPersoner,
      summor: summorForGrid(3, omPersoner, { radTotal: true, kolumnTotal: true }),
      offentliga: [
        [2, 0],
        [2, 1],
      ],
    });
    expect(ut[2]![0]).toBe(6094);
    expect(ut[2]![1]).toBe(5099);
    expect(ut[2]![2]).toBeNull();
    expect(ut[2]![3]).toBeNull();
  });

  it('hides one more cell where two row totals of 2 followed from the column totals (found by the test above)', () => {
    const varden = [
      [1, 1, 0, 0, 2],
      [0, 0, 1, 1, 2],
      [0, 0, 1, 4, 5],
      [1, 1, 5, 0, 7],
      [2, 2, 7, 5, 16],
    ];
    const omPersoner = varden[0]!.map(() => true);
    const t: RojIn = {
      varden,
      omPersoner,
      summor: summorForGrid(5, omPersoner, { radTotal: true, kolumnTotal: true }),
    };
    const ut = roja(t);
    expect(harledbaraSmatal(t, ut)).toEqual([]);
    expect(ut.flat().filter((v) => v === null).length).toBeGreaterThan(12);
  });

  it('publishes every shown cell exactly, and never hides a cell that is not about people', () => {
    fc.assert(
      fc.property(tabell, (t) => {
        const ut = roja(t);
        ut.forEach((rad, r) => {
          rad.forEach((v, c) => {
            if (v !== null) expect(v).toBe(t.varden[r]![c]);
            if (!t.omPersoner[c]) expect(v).toBe(t.varden[r]![c]);
          });
        });
      }),
      { numRuns: 500 },
    );
  });

  it('hides the smallest other part of a row, as the rule says (a worked example)', () => {
    // Tabell 3 style: kvinna, man, annan with a total. annan = 2 is hidden in the first row and in the
    // total row; man is the smallest other part of each (7, 27), and the man column then has two hidden.
    const t: RojIn = {
      varden: [
        [40, 7, 2, 49],
        [30, 20, 0, 50],
        [70, 27, 2, 99],
      ],
      omPersoner: [true, true, true, true],
      summor: summorForGrid(3, [true, true, true, true], { radTotal: true, kolumnTotal: true }),
    };
    expect(roja(t)).toEqual([
      [40, null, null, 49],
      [30, 20, 0, 50],
      [70, null, null, 99],
    ]);
  });

  it('publishes 0 and values from 5 unchanged when no cell is small', () => {
    const t: RojIn = {
      varden: [
        [0, 5, 5],
        [10, 0, 10],
        [10, 5, 15],
      ],
      omPersoner: [true, true, true],
      summor: summorForGrid(3, [true, true, true], { radTotal: true, kolumnTotal: true }),
    };
    expect(roja(t)).toEqual(t.varden);
  });
});
