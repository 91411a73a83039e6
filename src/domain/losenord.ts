// The password rule for accounts with a password (NIST SP 800-63B, 3.1.1.2): length is what
// makes a password strong, so at least 12 characters, and none of the passwords attackers try first.
// No composition rules (a digit, a capital): they make passwords harder to remember, not harder to guess.
//
// The common passwords are data, not I/O: a TypeScript module generated from a text file in the repo
// (vanliga-losenord.txt → vanliga-losenord.ts, `npx tsx scripts/generate-losenordslista.ts`), so the
// rule stays a pure function that the server, the CLI and (through the contracts) the web app share.
import { VANLIGA_LOSENORD } from './vanliga-losenord.ts';

export const LOSENORD_MIN_LANGD = 12;
export const LOSENORD_MAX_LANGD = 200;

export type LosenordFel = 'for_kort' | 'for_langt' | 'vanligt' | 'anvandarnamn';

/** What a person is told, by the rule the password breaks. */
export const LOSENORD_MEDDELANDE: Readonly<Record<LosenordFel, string>> = {
  for_kort: `Lösenordet ska ha minst ${LOSENORD_MIN_LANGD} tecken.`,
  for_langt: `Lösenordet får ha högst ${LOSENORD_MAX_LANGD} tecken.`,
  vanligt: 'Lösenordet är för vanligt. Välj ett längre eller ovanligare.',
  anvandarnamn: 'Lösenordet får inte vara samma som användarnamnet.',
};

/** How the list and a candidate are compared: case and surrounding spaces do not make a password rarer. */
export function normaliseraLosenord(losenord: string): string {
  return losenord.trim().toLowerCase();
}

/** Characters as a person counts them (code points, so å or an emoji is one). */
function tecken(s: string): number {
  return [...s].length;
}

/**
 * The entries of a password list text: one a line, `#` starts a comment line; normalised, without
 * duplicates, and only those the length rule does not already refuse.
 */
export function tolkaLosenordslista(text: string): string[] {
  const ut = new Set<string>();
  for (const rad of text.split(/\r?\n/)) {
    if (rad.startsWith('#')) continue;
    const l = normaliseraLosenord(rad);
    if (l && tecken(l) >= LOSENORD_MIN_LANGD) ut.add(l);
  }
  return [...ut];
}

const vanliga: ReadonlySet<string> = new Set(VANLIGA_LOSENORD);

/**
 * The first rule the password breaks, or null when it may be used. `anvandarnamn`, when known, may not be
 * the password itself (in any case).
 */
export function losenordFel(losenord: string, anvandarnamn?: string | null): LosenordFel | null {
  const n = tecken(losenord);
  if (n < LOSENORD_MIN_LANGD) return 'for_kort';
  if (n > LOSENORD_MAX_LANGD) return 'for_langt';
  const norm = normaliseraLosenord(losenord);
  if (vanliga.has(norm)) return 'vanligt';
  if (anvandarnamn && norm === normaliseraLosenord(anvandarnamn)) return 'anvandarnamn';
  return null;
}
