// Queue priority (domain brief "Casework"; seed 003 "Prioritering vid kö- eller väntetider": children
// under 18, risk of eviction or homelessness, young adults, no other contact — "utan specifik rangordning").
import { describe, expect, it } from 'vitest';
import type { Prioritetsgrund } from './codes.ts';
import { foreslaPrioritetsgrunder, jamforKo, type KoPost } from './prioritet.ts';

describe('foreslaPrioritetsgrunder (year 2025)', () => {
  it.each<[string, Parameters<typeof foreslaPrioritetsgrunder>[0], Prioritetsgrund[]]>([
    ['nothing applies', { barnUnder18: 'nej', fodelsear: 1970, ar: 2025 }, []],
    ['children fully', { barnUnder18: 'helt', fodelsear: 1970, ar: 2025 }, ['barn']],
    ['children partly', { barnUnder18: 'delvis', fodelsear: 1970, ar: 2025 }, ['barn']],
    [
      'eviction risk',
      { barnUnder18: 'nej', fodelsear: 1970, ar: 2025, vrakningsrisk: true },
      ['vrakning_hemloshet'],
    ],
    ['no eviction risk', { barnUnder18: 'nej', fodelsear: 1970, ar: 2025, vrakningsrisk: false }, []],
    ['turns 18 this year', { barnUnder18: 'nej', fodelsear: 2007, ar: 2025 }, ['ung_vuxen']],
    ['turns 29 this year', { barnUnder18: 'nej', fodelsear: 1996, ar: 2025 }, ['ung_vuxen']],
    ['turns 30 this year', { barnUnder18: 'nej', fodelsear: 1995, ar: 2025 }, []],
    ['17: not an adult', { barnUnder18: 'nej', fodelsear: 2008, ar: 2025 }, []],
    ['birth year unknown', { barnUnder18: 'nej', fodelsear: null, ar: 2025 }, []],
    [
      'known to have nobody',
      { barnUnder18: 'nej', fodelsear: 1970, ar: 2025, ovrigaKontakter: false },
      ['ingen_annan_kontakt'],
    ],
    ['has other contacts', { barnUnder18: 'nej', fodelsear: 1970, ar: 2025, ovrigaKontakter: true }, []],
    [
      'everything, in the national order',
      { barnUnder18: 'helt', fodelsear: 2000, ar: 2025, vrakningsrisk: true, ovrigaKontakter: false },
      ['barn', 'vrakning_hemloshet', 'ung_vuxen', 'ingen_annan_kontakt'],
    ],
  ])('%s', (_namn, input, vantat) => {
    expect(foreslaPrioritetsgrunder(input)).toEqual(vantat);
  });
});

describe('jamforKo', () => {
  const post = (id: string, forfraganDatum: string, ...prioritetsgrunder: Prioritetsgrund[]): KoPost => ({
    id,
    forfraganDatum,
    prioritetsgrunder,
  });

  it('orders by number of grounds, then longest wait, then id', () => {
    const ko = [
      post('e', '2025-01-01'),
      post('d', '2025-03-01', 'ung_vuxen'),
      post('c', '2025-02-01', 'barn'),
      post('b', '2025-02-01', 'vrakning_hemloshet'),
      post('a', '2025-05-01', 'barn', 'ingen_annan_kontakt'),
      post('f', '2024-12-31'),
    ];
    expect([...ko].sort(jamforKo).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'f', 'e']);
  });

  it('weighs all grounds the same ("utan specifik rangordning")', () => {
    expect(
      jamforKo(post('x', '2025-01-01', 'barn'), post('y', '2025-01-01', 'ingen_annan_kontakt')),
    ).toBeLessThan(0);
    expect(
      jamforKo(post('y', '2025-01-01', 'ingen_annan_kontakt'), post('x', '2025-01-01', 'barn')),
    ).toBeGreaterThan(0);
  });

  it('counts a ground listed twice once', () => {
    expect(
      jamforKo(post('a', '2025-02-01', 'barn', 'barn'), post('b', '2025-01-01', 'ung_vuxen')),
    ).toBeGreaterThan(0);
  });

  it.each<[KoPost, KoPost, number]>([
    [post('a', '2025-01-01'), post('a', '2025-01-01'), 0],
    [post('a', '2025-01-01'), post('b', '2025-01-01'), -1],
    [post('b', '2025-01-01'), post('a', '2025-01-01'), 1],
    [post('a', '2025-01-02'), post('b', '2025-01-01'), 1],
    [post('a', '2025-01-01'), post('b', '2025-01-01', 'barn'), 1],
  ])('jamforKo(%j, %j) has sign %i', (a, b, tecken) => {
    expect(Math.sign(jamforKo(a, b))).toBe(tecken);
  });
});
