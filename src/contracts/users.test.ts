import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tolkaLosenordslista } from '../domain/losenord.ts';
import { VANLIGA_LOSENORD } from '../domain/vanliga-losenord.ts';
import { createUser, password, setPassword } from './users.ts';

const user = (o: Record<string, unknown> = {}) => ({
  username: 'anna.andersson',
  displayName: 'Anna Andersson',
  medlemskap: [{ organisationId: '00000000-0000-4000-8000-000000000001', roll: 'chef' }],
  ...o,
});
const messages = (r: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) => (r.success ? [] : r.error!.issues.map((i) => [i.path.join('.'), i.message]));

describe('the password in the contracts (API, web form, CLI)', () => {
  it.each([
    ['kort-ord', 'Lösenordet ska ha minst 12 tecken.'],
    ['QWERTY123456', 'Lösenordet är för vanligt. Välj ett längre eller ovanligare.'],
    ['Lösenord1234', 'Lösenordet är för vanligt. Välj ett längre eller ovanligare.'],
  ])('%j is refused: %s', (pw, message) => {
    expect(messages(password.safeParse(pw))).toEqual([['', message]]);
    expect(messages(setPassword.safeParse({ password: pw }))).toEqual([['password', message]]);
    expect(messages(createUser.safeParse(user({ password: pw })))).toEqual([['password', message]]);
  });

  it('a new user’s password may not be the username; without a password the user is fine', () => {
    expect(messages(createUser.safeParse(user({ password: 'Anna.Andersson' })))).toEqual([
      ['password', 'Lösenordet får inte vara samma som användarnamnet.'],
    ]);
    expect(createUser.safeParse(user()).success).toBe(true);
    expect(createUser.safeParse(user({ password: 'en lång mening som lösenord' })).success).toBe(true);
  });
});

describe('the bundled list of common passwords', () => {
  it('src/domain/vanliga-losenord.ts is generated from vanliga-losenord.txt (npx tsx scripts/generate-losenordslista.ts)', () => {
    const text = readFileSync('src/domain/vanliga-losenord.txt', 'utf8');
    expect([...VANLIGA_LOSENORD]).toEqual(tolkaLosenordslista(text));
  });
});
