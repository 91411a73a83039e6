/**
 * The personal-data guard for free text that leaves the client's verksamhet (brister, åtgärder, narrative
 * parts of a redovisning). Domain brief, "System deficiencies": "A brist must never carry personal data: it
 * describes the system, not the person."
 *
 * Choices:
 * - Strict on personnummer: any 10- or 12-digit run in personnummer shape whose date part is a real day
 *   (day + 60 for samordningsnummer) is flagged even when the check digit is wrong, because a mistyped
 *   personnummer still points at a person. The date test is what keeps ordinary numbers out: amounts are
 *   grouped with spaces, organisation numbers have month 20–99 or 00 (212000-0142), dates have dashes.
 *   The price is a rare false alarm on a bare ten-digit number that happens to start with a date.
 * - A bare ten-digit run starting with 0[1-9] can be both a mobile number (0701234567) and the personnummer
 *   of someone born 2001–2009. It is reported as a personnummer when its check digit is right, otherwise as
 *   a telephone number; it is flagged either way.
 * - Telephone numbers: Swedish ones only, national form (leading 0, 7–10 digits, groups separated by
 *   space, dash or no-break space) and international form (+46 or 0046, optionally "(0)" or a stray 0).
 *   Foreign numbers are not detected: a generic "+CC …" pattern also matches signed amounts
 *   ("+12 500 000 kr"). A leading 0 right after a digit (plus at most one separator) is not a start, which
 *   keeps "130 000 000 kr" and "Dnr 2025/01234" out.
 */
import { arGiltigDatumdel, luhnKontrollsiffra } from './personnummer.ts';

export type FyndTyp = 'personnummer' | 'samordningsnummer' | 'telefon' | 'epost';

export interface Finding {
  kind: FyndTyp;
  match: string;
  index: number;
}

export interface PersonuppgiftFel {
  field: string;
  kind: FyndTyp;
  match: string;
  message: string;
}

const SEP = '[\\s\\u2013-]'; // \s already covers U+00A0 and U+202F

const PERSONNUMMER = /(?<!\d)(?:(18|19|20)(\d{2})|(\d{2}))(\d{2})(\d{2})([-+\s]?)(\d{4})(?!\d)/g;
const TELEFON_NATIONELLT = new RegExp(
  `(?<!\\d[\\s.,:/\\u2013-]?)(?<!\\w)0[1-9](?:${SEP}?\\d){5,8}(?!\\d)`,
  'g',
);
const TELEFON_INTERNATIONELLT = new RegExp(
  `(?<![\\w+])(?:\\+46|0046)${SEP}*(?:\\(0\\)${SEP}*|0)?[1-9](?:${SEP}?\\d){5,8}(?!\\d)`,
  'g',
);
// The lookbehind starts a match only where a run of address characters starts: without it a long run
// without "@" (a 200 000-character cell) is rescanned from every position, quadratic time.
const EPOST = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

const PRIORITET: Record<FyndTyp, number> = { epost: 0, personnummer: 1, samordningsnummer: 1, telefon: 2 };

function personnummerFynd(text: string): Finding[] {
  const fynd: Finding[] = [];
  for (const m of text.matchAll(PERSONNUMMER)) {
    const [match, sekel, yyHelt, yyKort, mm, dd, sep, nnnn] = m as unknown as string[];
    const ar = sekel !== undefined ? { helt: Number(sekel + yyHelt) } : { yy: Number(yyKort) };
    const { giltig, samordningsnummer } = arGiltigDatumdel(ar, Number(mm), Number(dd));
    if (!giltig || match === undefined || nnnn === undefined) continue;
    const tio = `${yyHelt ?? yyKort}${mm}${dd}${nnnn}`;
    const kontrollOk = luhnKontrollsiffra(tio.slice(0, 9)) === Number(tio[9]);
    const kanVaraMobil = sekel === undefined && sep === '' && /^0[1-9]/.test(match);
    if (kanVaraMobil && !kontrollOk) continue; // left to the telephone scan
    fynd.push({ kind: samordningsnummer ? 'samordningsnummer' : 'personnummer', match, index: m.index });
  }
  return fynd;
}

function regexFynd(text: string, re: RegExp, kind: FyndTyp): Finding[] {
  return [...text.matchAll(re)].map((m) => ({ kind, match: m[0], index: m.index }));
}

/** Every piece of personal data found in `text`, in reading order; overlapping hits are reported once. */
export function findPersonalData(text: string): Finding[] {
  const alla = [
    ...regexFynd(text, EPOST, 'epost'),
    ...personnummerFynd(text),
    ...regexFynd(text, TELEFON_INTERNATIONELLT, 'telefon'),
    ...regexFynd(text, TELEFON_NATIONELLT, 'telefon'),
  ].sort(
    (a, b) => a.index - b.index || b.match.length - a.match.length || PRIORITET[a.kind] - PRIORITET[b.kind],
  );
  const behallna: Finding[] = [];
  let slut = -1;
  for (const f of alla) {
    if (f.index < slut) continue;
    behallna.push(f);
    slut = f.index + f.match.length;
  }
  return behallna;
}

const BESKRIVNING: Record<FyndTyp, { vad: string; pronomen: string }> = {
  personnummer: { vad: 'ett personnummer', pronomen: 'det' },
  samordningsnummer: { vad: 'ett samordningsnummer', pronomen: 'det' },
  telefon: { vad: 'ett telefonnummer', pronomen: 'det' },
  epost: { vad: 'en e-postadress', pronomen: 'den' },
};

export function personuppgiftMeddelande(f: Pick<Finding, 'kind' | 'match'>): string {
  const { vad, pronomen } = BESKRIVNING[f.kind];
  return `Texten innehåller ${vad} (”${f.match}”) – ta bort ${pronomen}; en brist beskriver systemet, inte personen.`;
}

/** One error per finding per field; an empty array means the texts may be saved. */
export function assertNoPersonalData(fields: Record<string, string | undefined | null>): PersonuppgiftFel[] {
  const fel: PersonuppgiftFel[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (text === undefined || text === null) continue;
    for (const f of findPersonalData(text)) {
      fel.push({ field, kind: f.kind, match: f.match, message: personuppgiftMeddelande(f) });
    }
  }
  return fel;
}
