import { describe, expect, it } from 'vitest';
import { requestLang } from './request-lang.ts';

describe('requestLang', () => {
  it.each([
    [undefined, 'sv'],
    ['', 'sv'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['sv-SE,sv;q=0.9,en;q=0.8', 'sv'],
    ['en;q=0.8,sv;q=0.5', 'en'],
    ['sv;q=0.4,en;q=0.6', 'en'],
    ['de-DE,en;q=0.5', 'en'],
    ['de-DE,fr', 'sv'],
    ['en;q=0,sv', 'sv'],
    ['EN-us', 'en'],
    ['en;q=abc', 'sv'],
    ['sv,en', 'sv'],
    ['en,sv', 'en'],
  ] as const)('%s → %s', (header, lang) => {
    expect(requestLang(header)).toBe(lang);
  });

  it('reads a repeated header as one list', () => {
    expect(requestLang(['fr', 'en'])).toBe('en');
  });
});
