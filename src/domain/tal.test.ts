// Swedish number formatting as printed in Socialstyrelsen's lägesrapport (seed 003: "10 561 klienter",
// "392 251 kronor", "331,42 ombudstjänster", "15%") and the domain brief ("The grant").
import { describe, expect, it } from 'vitest';
import { andelIProcent, formatKr, formatProcent, formatTal, NBSP } from './tal.ts';

// Written with a visible marker so a test cannot pass with an ordinary space by accident.
const s = (text: string) => text.replaceAll('_', NBSP);

describe('formatTal', () => {
  it.each([
    [0, 0, '0'],
    [7, 0, '7'],
    [999, 0, '999'],
    [1000, 0, '1_000'],
    [10_561, 0, '10_561'],
    [392_251, 0, '392_251'],
    [130_000_000, 0, '130_000_000'],
    [1_234_567_890, 0, '1_234_567_890'],
    [331.42, 2, '331,42'],
    [324.5, 1, '324,5'],
    [1234.5, 2, '1_234,50'],
    [0.5, 1, '0,5'],
    [2.5, 0, '3'],
    [15.04, 0, '15'],
    [-10_561, 0, '\u221210_561'],
    [-0.4, 0, '0'], // no "minus zero"
    [-0.04, 1, '0,0'],
  ])('formatTal(%d, %i) = %j', (n, decimaler, vantat) => {
    expect(formatTal(n, decimaler)).toBe(s(vantat));
  });

  it('matches what Intl sv-SE prints for whole numbers', () => {
    for (const n of [0, 5, 1000, 10_561, 129_999_828, -2_185]) {
      expect(formatTal(n)).toBe(new Intl.NumberFormat('sv-SE').format(n));
    }
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %d', (n) => {
    expect(() => formatTal(n)).toThrow(RangeError);
  });

  it('refuses an impossible number of decimals', () => {
    expect(() => formatTal(1, -1)).toThrow(RangeError);
    expect(() => formatTal(1, 1.5)).toThrow(RangeError);
  });
});

describe('formatProcent / formatKr', () => {
  it.each([
    [15.04, 0, '15_%'],
    [15.04, 1, '15,0_%'],
    [18, 0, '18_%'],
    [64.1, 0, '64_%'],
    [33.333, 1, '33,3_%'],
    [100, 0, '100_%'],
  ])('formatProcent(%d, %i) = %j', (v, d, vantat) => {
    expect(formatProcent(v, d)).toBe(s(vantat));
  });

  it.each([
    [392_251, '392_251_kr'],
    [129_999_828, '129_999_828_kr'],
    [172, '172_kr'],
    [0, '0_kr'],
  ])('formatKr(%i) = %j', (kr, vantat) => {
    expect(formatKr(kr)).toBe(s(vantat));
  });
});

describe('andelIProcent', () => {
  it.each([
    [1, 8, 1, 12.5],
    [1, 16, 1, 6.3], // 6,25 rounds half up
    [2, 3, 1, 66.7],
    [144, 332, 1, 43.4], // Stockholm 2020 (seed 002): Ekonomi, women
    // Seed 002 prints 332 women = 55 % and 293 men = 45 % of 625; but 332 + 293 = 625 and 332 / 625 is
    // 53,1 %. The printed shares do not follow from the printed counts; the rule here is del / helhet.
    [332, 625, 1, 53.1],
    [293, 625, 1, 46.9],
    [0, 10, 1, 0],
    [5, 0, 1, null],
  ])('%i of %i (%i decimals) = %s', (del, helhet, d, vantat) => {
    expect(andelIProcent(del, helhet, d)).toBe(vantat);
  });
});
