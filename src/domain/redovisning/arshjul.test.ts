import { describe, expect, it } from 'vitest';
import { aktuelltRedovisningsar, arshjul } from './arshjul.ts';

describe('the reporting year wheel', () => {
  it('has the three deadlines of the domain brief: 15 January, 1 March, 15 May of the following year', () => {
    expect(arshjul(2025)).toEqual({
      verksamhet: '2026-01-15',
      lansstyrelse: '2026-03-01',
      socialstyrelsen: '2026-05-15',
    });
  });

  it.each([
    ['2026-11-29', 2026],
    ['2027-01-01', 2026],
    ['2027-01-15', 2026],
    ['2027-03-02', 2026],
    ['2027-05-15', 2026],
    ['2027-05-16', 2027],
    ['2027-12-31', 2027],
  ])('on %s people work on the redovisning for %i', (idag, ar) => {
    expect(aktuelltRedovisningsar(idag)).toBe(ar);
  });
});
