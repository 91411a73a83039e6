import { describe, expect, it } from 'vitest';
import { klasser, klassFor } from './farg.ts';

describe('the tile map’s colour classes', () => {
  it('steps in round sizes from the smallest value, the last class reaching the largest', () => {
    const ks = klasser([41, 55, 62.5, 80], 0.1);
    expect(ks.map((k) => [k.fran, k.till])).toEqual([
      [40, 49.9],
      [50, 59.9],
      [60, 69.9],
      [70, 79.9],
      [80, 80],
    ]);
    expect(new Set(ks.map((k) => k.farg)).size).toBe(5);
    expect(klassFor(62.5, ks)!.fran).toBe(60);
    expect(klassFor(80, ks)!.fran).toBe(80);
  });

  it('gives whole-number classes for counts, one value each when they are few', () => {
    expect(klasser([0, 1, 3], 1).map((k) => [k.fran, k.till])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(klasser([7, 7]).map((k) => [k.fran, k.till])).toEqual([[7, 7]]);
    expect(klasser([])).toEqual([]);
  });

  it('never uses more than six colours', () => {
    expect(klasser([0, 9], 1).length).toBeLessThanOrEqual(6);
    expect(klasser([12_000, 95_000]).length).toBeLessThanOrEqual(6);
    const ks = klasser([0, 9], 1);
    expect(klassFor(9, ks)).toBe(ks.at(-1));
  });
});
