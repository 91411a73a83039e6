// The password rule (the security issue's low items; NIST SP 800-63B 3.1.1.2): at least 12 characters, not
// a common password (case-insensitively), not the username.
import { describe, expect, it } from 'vitest';
import {
  LOSENORD_MEDDELANDE,
  LOSENORD_MIN_LANGD,
  losenordFel,
  normaliseraLosenord,
  tolkaLosenordslista,
} from './losenord.ts';
import { VANLIGA_LOSENORD } from './vanliga-losenord.ts';

describe('losenordFel', () => {
  it.each([
    ['', undefined, 'for_kort'],
    ['kort', undefined, 'for_kort'],
    ['elva tecken', undefined, 'for_kort'], // 11
    ['tolv tecken!', undefined, null], // 12
    ['åäöåäöåäöåä', undefined, 'for_kort'], // 11 letters however many bytes
    ['åäöåäöåäöåäö', undefined, null],
    ['x'.repeat(200), undefined, null],
    ['x'.repeat(201), undefined, 'for_langt'],
    // common passwords of 12 characters or more, in any case and with spaces around
    ['qwerty123456', undefined, 'vanligt'],
    ['QWERTY123456', undefined, 'vanligt'],
    ['  Password1234 ', undefined, 'vanligt'],
    ['1qaz2wsx3edc', undefined, 'vanligt'],
    ['Lösenord1234', undefined, 'vanligt'],
    ['Välkommen123', undefined, 'vanligt'],
    ['qwerty1234567', undefined, null], // not in the list
    // the username itself
    ['anna.svensson', 'anna.svensson', 'anvandarnamn'],
    ['Anna.Svensson', 'anna.svensson', 'anvandarnamn'],
    ['anna.svensson!', 'anna.svensson', null],
    ['anna.svensson', null, null],
    ['kort', 'kort', 'for_kort'], // the first rule broken is the one reported
  ] as const)('%j (username %j) → %s', (losenord, anvandarnamn, fel) => {
    expect(losenordFel(losenord, anvandarnamn)).toBe(fel);
  });

  it('has a plain Swedish message for every rule', () => {
    expect(LOSENORD_MEDDELANDE.for_kort).toBe('Lösenordet ska ha minst 12 tecken.');
    expect(LOSENORD_MEDDELANDE.vanligt).toBe('Lösenordet är för vanligt. Välj ett längre eller ovanligare.');
  });
});

describe('the list of common passwords', () => {
  it('holds only normalised entries the length rule lets through, each once, and every one is refused', () => {
    expect(VANLIGA_LOSENORD.length).toBeGreaterThan(300);
    expect(new Set(VANLIGA_LOSENORD).size).toBe(VANLIGA_LOSENORD.length);
    for (const p of VANLIGA_LOSENORD) {
      expect(normaliseraLosenord(p)).toBe(p);
      expect([...p].length).toBeGreaterThanOrEqual(LOSENORD_MIN_LANGD);
      expect(losenordFel(p)).toBe('vanligt');
      expect(losenordFel(p.toUpperCase())).toBe('vanligt');
    }
  });

  it('is read from text: comments and blank lines skipped, normalised, deduplicated, short ones left out', () => {
    expect(
      tolkaLosenordslista('# a comment\n\nQwerty123456\r\nqwerty123456\n  Trädgård12345 \nkort\n'),
    ).toEqual(['qwerty123456', 'trädgård12345']);
  });
});
