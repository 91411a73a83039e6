// Age groups 18–29, 30–49, 50–64, ≥65 with age = Y − birth year (domain brief "Annual report";
// seed 003 Tabell 3).
import { describe, expect, it } from 'vitest';
import { alderForAr, aldersgrupp, arVuxen } from './alder.ts';

describe('alderForAr', () => {
  it.each([
    [1981, 2025, 44],
    [2007, 2025, 18],
    [2025, 2025, 0],
    [1925, 2025, 100],
  ])('born %i, in %i → %i', (fodelsear, ar, alder) => {
    expect(alderForAr(fodelsear, ar)).toBe(alder);
  });
});

describe('aldersgrupp', () => {
  it.each([
    [0, null],
    [17, null],
    [18, '18-29'],
    [29, '18-29'],
    [30, '30-49'],
    [49, '30-49'],
    [50, '50-64'],
    [64, '50-64'],
    [65, '65+'],
    [101, '65+'],
  ] as const)('%i years → %s', (alder, grupp) => {
    expect(aldersgrupp(alder)).toBe(grupp);
  });
});

describe('arVuxen', () => {
  it.each([
    [2007, 2025, true],
    [2008, 2025, false],
    [1950, 2025, true],
    [2025, 2025, false],
  ])('born %i is an adult in %i: %s', (fodelsear, ar, vuxen) => {
    expect(arVuxen(fodelsear, ar)).toBe(vuxen);
  });
});
