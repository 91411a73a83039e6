import { describe, expect, it } from 'vitest';
import { formatDecimal, formatNumber, parseSwedishNumber, plural } from './format.ts';

describe('parseSwedishNumber', () => {
  it.each([
    ['2,5', 2.5],
    ['2.5', 2.5],
    ['1,75', 1.75],
    ['1 234', 1234],
    ['1 234,5', 1234.5],
    ['1\u00a0234', 1234],
    ['1\u202f234,25', 1234.25],
    ['  7 ', 7],
    ['0', 0],
    ['2,', 2],
    [',5', 0.5],
    ['\u22123', -3],
  ])('reads %j as %d', (text, value) => {
    expect(parseSwedishNumber(text)).toEqual({ ok: true, value });
  });

  it('reads empty text as nothing given', () => {
    expect(parseSwedishNumber('')).toEqual({ ok: true, value: null });
    expect(parseSwedishNumber('   ')).toEqual({ ok: true, value: null });
  });

  it.each(['abc', '12a', '2,5,1', '1.234,5', '1,2.3', '--1', ',', '.', '1e3', 'Infinity'])(
    'refuses %j',
    (text) => {
      expect(parseSwedishNumber(text)).toEqual({ ok: false });
    },
  );

  it('reads back what Intl writes', () => {
    for (const n of [10561, 2.5, 1234567.25, -42]) {
      expect(parseSwedishNumber(formatDecimal(n))).toEqual({ ok: true, value: n });
    }
  });
});

describe('formatting', () => {
  it('writes Swedish digits', () => {
    expect(formatDecimal(2.5)).toBe('2,5');
    expect(formatNumber(10561)).toBe('10\u00a0561');
  });

  it('picks the plural form by Intl.PluralRules', () => {
    expect(plural('sv', 1, 'verksamhet', 'verksamheter')).toBe('1 verksamhet');
    expect(plural('sv', 0, 'verksamhet', 'verksamheter')).toBe('0 verksamheter');
    expect(plural('sv', 3, 'kommun', 'kommuner')).toBe('3 kommuner');
    expect(plural('en', 1, 'operation', 'operations')).toBe('1 operation');
    expect(plural('sv', 1200, 'klient', 'klienter')).toBe('1\u00a0200 klienter');
  });
});
