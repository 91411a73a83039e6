// Small-number suppression for published tables (seed 003 publishes per län and by gender, with a third
// gender category "annan könsidentitet" that is small everywhere; domain brief "National tables").
import { describe, expect, it } from 'vitest';
import type { G } from './redovisning/typer.ts';
import { undertryckG, undertryckRad, undertryckSmatal, visaCell } from './smatal.ts';

const g = (kvinna: number, man: number, annan: number): G => ({
  kvinna,
  man,
  annan,
  totalt: kvinna + man + annan,
});

describe('undertryckSmatal', () => {
  it.each([
    [0, 5, 0], // zero points at nobody: shown
    [1, 5, null],
    [4, 5, null],
    [5, 5, 5],
    [10_561, 5, 10_561],
    [2, 3, null],
    [3, 3, 3],
    [1, 1, 1], // threshold 1 suppresses nothing
  ])('undertryckSmatal(%i, %i) = %s', (n, troskel, vantat) => {
    expect(undertryckSmatal(n, troskel)).toBe(vantat);
  });

  it('uses 5 by default', () => {
    expect(undertryckSmatal(4)).toBeNull();
    expect(undertryckSmatal(5)).toBe(5);
  });

  it.each([
    [-1, 5],
    [2.5, 5],
    [Number.NaN, 5],
    [3, 0],
    [3, 2.5],
  ])('refuses n=%d with threshold %d', (n, troskel) => {
    expect(() => undertryckSmatal(n, troskel)).toThrow(RangeError);
  });
});

describe('undertryckG', () => {
  it.each<[string, G, ReturnType<typeof undertryckG>]>([
    ['nothing small', g(1166, 1019, 0), { kvinna: 1166, man: 1019, annan: 0, totalt: 2185 }],
    [
      'one small part: the smallest other non-zero part goes too',
      g(600, 500, 2),
      { kvinna: 600, man: null, annan: null, totalt: 1102 },
    ],
    ['zeros are not a complement', g(0, 7, 3), { kvinna: 0, man: null, annan: null, totalt: 10 }],
    ['ties take the first', g(6, 6, 1), { kvinna: null, man: 6, annan: null, totalt: 13 }],
    ['two small parts protect each other', g(3, 2, 0), { kvinna: null, man: null, annan: 0, totalt: 5 }],
    ['small total hides its parts', g(1, 2, 0), { kvinna: null, man: null, annan: 0, totalt: null }],
    ['all small but total shown', g(4, 4, 4), { kvinna: null, man: null, annan: null, totalt: 12 }],
    ['empty row', g(0, 0, 0), { kvinna: 0, man: 0, annan: 0, totalt: 0 }],
  ])('%s: %j', (_namn, rad, vantat) => {
    expect(undertryckG(rad)).toEqual(vantat);
  });

  it('never leaves exactly one hidden part beside a shown total', () => {
    for (let k = 0; k <= 12; k++) {
      for (let m = 0; m <= 12; m++) {
        for (let a = 0; a <= 12; a++) {
          const u = undertryckG(g(k, m, a));
          const dolda = [u.kvinna, u.man, u.annan].filter((c) => c === null).length;
          if (u.totalt !== null) expect(dolda).not.toBe(1);
          // and every value shown is the true value
          if (u.kvinna !== null) expect(u.kvinna).toBe(k);
          if (u.totalt !== null) expect(u.totalt).toBe(k + m + a);
        }
      }
    }
  });
});

describe('undertryckRad', () => {
  it('handles rows of any width, e.g. the four age groups', () => {
    expect(undertryckRad([605, 3, 1128, 1995], 3731)).toEqual({
      delar: [null, null, 1128, 1995],
      totalt: 3731,
    });
  });
});

describe('visaCell', () => {
  it.each([
    [null, '..'],
    [0, '0'],
    [10_561, '10\u00a0561'],
  ])('visaCell(%s) = %j', (cell, text) => {
    expect(visaCell(cell)).toBe(text);
  });
});
