// Day arithmetic behind the redovisning rules (domain brief "Annual report": active on any day of Y;
// waiting time = days from request to start of work).
import { describe, expect, it } from 'vitest';
import { arIsoDatum, arSkottar, dagarIManad, dagarMellan, idagISverige } from './datum.ts';

describe('arSkottar', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [1996, true],
  ])('%i → %s', (ar, vantat) => {
    expect(arSkottar(ar)).toBe(vantat);
  });
});

describe('dagarIManad', () => {
  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [2025, 1, 31],
    [2025, 4, 30],
    [2025, 9, 30],
    [2025, 11, 30],
    [2025, 12, 31],
  ])('%i-%i has %i days', (ar, manad, dagar) => {
    expect(dagarIManad(ar, manad)).toBe(dagar);
  });
});

describe('arIsoDatum', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-04-31', false],
    ['2025-1-5', false],
    ['20250105', false],
    ['2025-01-05T00:00', false],
    ['', false],
  ])('%j → %s', (s, vantat) => {
    expect(arIsoDatum(s)).toBe(vantat);
  });
});

describe('dagarMellan', () => {
  it.each([
    ['2025-01-01', '2025-01-01', 0],
    ['2025-01-01', '2025-01-02', 1],
    ['2025-01-02', '2025-01-01', -1],
    ['2024-02-28', '2024-03-01', 2], // leap day in between
    ['2025-02-28', '2025-03-01', 1],
    ['2024-12-31', '2025-01-01', 1],
    ['2025-01-01', '2025-12-31', 364],
    ['2024-01-01', '2024-12-31', 365],
    ['2025-03-29', '2025-03-31', 2], // across the switch to summer time in Sweden
    ['2025-10-25', '2025-10-27', 2], // and back
  ])('%s → %s = %i days', (fran, till, dagar) => {
    expect(dagarMellan(fran, till)).toBe(dagar);
  });

  it('refuses a date that does not exist', () => {
    expect(() => dagarMellan('2025-02-29', '2025-03-01')).toThrow(RangeError);
  });
});

describe('idagISverige', () => {
  it.each([
    ['2025-06-30T21:59:00Z', '2025-06-30'], // 23:59 summer time
    ['2025-06-30T22:00:00Z', '2025-07-01'], // 00:00 summer time: already tomorrow in Sweden
    ['2025-12-31T22:59:00Z', '2025-12-31'], // 23:59 winter time
    ['2025-12-31T23:00:00Z', '2026-01-01'],
  ])('%s is %s in Sweden', (utc, dag) => {
    expect(idagISverige(new Date(utc))).toBe(dag);
  });
});
