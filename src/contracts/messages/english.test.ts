import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { valideraArendeDatum } from '../../domain/arende-datum.ts';
import * as arendeStatus from '../../domain/arende-status.ts';
import * as bristStatus from '../../domain/brist-status.ts';
import { LOSENORD_MEDDELANDE } from '../../domain/losenord.ts';
import { personuppgiftMeddelande } from '../../domain/personuppgiftsskydd.ts';
import * as redovisningStatus from '../../domain/redovisning-status.ts';
import { englishNumber, inEnglish, labelInEnglish, titleInEnglish } from './english.ts';
import { summarySentence } from './error-map.ts';

/**
 * Every Swedish message the server and the domain rules write must have an English twin. The scanner
 * below is the one used to list them (string literals that look like a sentence); a new Swedish sentence
 * without a rule in english.ts makes the first test fail, naming the file and the sentence.
 */

const ROOTS = ['src/server', 'src/domain', 'src/contracts'];

/**
 * Files whose strings are not messages to a person (seed data, documents and exports — Swedish by nature,
 * a beslut is written in Swedish —, logging, test helpers…) or carry their own English (the label and
 * audit-word tables: pairs of sv and en).
 */
const SKIP_FILES =
  /seed\/|demo\.ts|testing\/|documents\.ts|beslut-dokument\.ts|national\/export\.ts|error-map\.ts|logging\.ts|db\/lock|db\/backup|db\/portable|main\.ts|pdf\.ts|testdata|labels\.ts|audit-ord\.ts/;

/**
 * Literals the scanner finds that are not messages to a person, so they need no English here.
 */
const EXCLUDED: ReadonlyArray<string> = [
  // OpenAPI descriptions of routes and schemas (the API documentation is Swedish)
  'REST + JSON för personligt ombud: ärenden, brister, redovisning, statsbidrag och nationell statistik.',
  'Ombud, Väntedagar, Avslutad, Avslutsorsak — värden i ord, datum ISO. Läsningen loggas.',
  'Tabell 1 och fördelning per län.',
  'Vad budgeten skulle ge om den fastställdes nu: fördelningen, vilka verksamheter som ingår per län, förra årets belopp per årsarbetare och varningar. Ändrar ingenting.',
  'Socialstyrelsen fastställer budgeten och beloppet per årsarbetare.',
  'Länsstyrelsens beslut om statsbidrag för en verksamhet i länet.',
  'Alla tabeller som xlsx, eller lägesrapportens utkast som pdf eller docx.',
  'Den nationella bilden av brister (Socialstyrelsen; en länsstyrelse med lan=eget län).',
  'Länets tabeller och per kommun (små tal undertryckta).',
  'Länsstyrelsen skickar in länets rapport till Socialstyrelsen (senast 1 mars).',
  'Oförändrat sedan den ETag som skickades i If-None-Match.',
  'Öppen statistik utan inloggning: de år som har minst en godkänd redovisning.',
  'Börjar inloggning med e-legitimation (OpenID Connect); skickar webbläsaren till IdP:n.',
  'IdP:ns svar (redirect URI): skapar en session och skickar webbläsaren till startsidan.',
  'En PO-verksamhets årliga redovisning och ansökan om statsbidrag, som utbytesformat.',
  'Ärenden som avslutats under året (inte klienter: två avslutade ärenden för samma klient räknas två gånger).',
  'Klienter med minst ett ärende avslutat under året (varje klient en gång). Frivillig; kontrolleras mot totalt och avslutade när den finns.',
  'Organisation. Hämtningen loggas.', // audit/routes.ts, the end of a route description
  // Titles, column names and remarks of published data (open data, exports), not messages
  'Fördelade medel (kr)',
  `Normen är ett ombud per \${formatTal(NORM_INVANARE_PER_ARSARBETARE)} invånare.`, // tackning-svar.ts
  'Ombud – redovisningar från verksamheter med personligt ombud (godkända)',
  'Andel med barn (%)',
  // Programmer errors that never reach a person (a bug, not a wrong input)
  `Kan inte formatera \${n} som tal.`, // tal.ts, RangeError
  `Ogiltig tröskel: \${troskel}.`, // smatal.ts, RangeError
  `Ett antal måste vara ett heltal ≥ 0 (fick \${n}).`, // smatal.ts, RangeError
  'Luhn-kontrollen behöver exakt nio siffror.', // personnummer.ts, internal check
];

/** The scanner (as used to list the candidates): file → literals that look like a Swedish sentence. */
function scan(): Array<{ file: string; literal: string }> {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ts$/.test(f) && !/\.test\.ts$|\.d\.ts$/.test(f)) files.push(p);
    }
  };
  for (const r of ROOTS) walk(r);
  const out = new Map<string, string>();
  for (const f of files) {
    if (SKIP_FILES.test(f)) continue;
    const src = readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => !/^\s*(\/\/|\*|\/\*\*)/.test(l))
      .join('\n')
      .replace(/\/\/ .*$/gm, '');
    const re = /'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.|\$\{[^}]*\})*)`/g;
    for (const m of src.matchAll(re)) {
      const s = m[1] ?? m[2] ?? '';
      // An OpenAPI description (`.describe('…')`, `description: '…'`) documents the API; not a message.
      if (/(\.describe\(\s*|description:\s*)$/.test(src.slice(Math.max(0, m.index - 40), m.index))) continue;
      if (!/[A-ZÅÄÖ”$]/.test(s[0] ?? '') || !/ /.test(s) || !/[.?)]$/.test(s)) continue;
      if (!/[åäöÅÄÖ]|\b(och|inte|finns|ska|kan|är|har|måste|med|för|av)\b/.test(s)) continue;
      out.set(s, f);
    }
  }
  return [...out].map(([literal, file]) => ({ file, literal }));
}

/**
 * A plausible value for one `${…}` of a template, chosen by what the expression names (and, for a few
 * short names, by the file). Swedish values are the ones the code really puts there.
 */
function sampleFor(expr: string, file: string): string {
  const e = expr.replace(/\s+/g, ' ').trim();
  const byFile: Array<[RegExp, RegExp, string]> = [
    [/personuppgiftsskydd/, /^vad$/, 'ett personnummer'],
    [/personuppgiftsskydd/, /^pronomen$/, 'det'],
    [/validering/, /^vad$/, 'Nya klienter'],
    [/raknare/, /^vad$/, 'start före förfrågan'],
    [/dokumentregler/, /^n$/, 'Förbättringsarbete'],
    [/statsbidrag\.ts/, /^namn$/, 'Antalet årsarbetare'],
    [/arende-datum/, /^[sfa]$|^v$|^idag$/, '2026-03-01'],
  ];
  for (const [f, x, v] of byFile) if (f.test(file) && x.test(e)) return v;
  const byExpr: Array<[RegExp, string]> = [
    [/NAMN\[falt\]/, 'Datum för förfrågan'],
    [/DEL_NAMN/, 'annan könsidentitet'],
    [/^bestamd$/, 'Ärendet'],
    [/tillatna\.map/, '”Avslutad”, ”Ej aktuell”'],
    [/^namn\([ft]\)$/, '”Aktiv”'],
    [/ARENDE_STATUS/, 'förfrågan, i kö, aktiv, avslutad eller ej aktuell'],
    [/orList\(\[\.\.\.KON\]/, 'kvinna, man eller annan'],
    [/orList\(\[\.\.\.BARN/, 'nej, helt eller delvis'],
    [/orList/, 'sip, ekonomi eller bostad'],
    [/BRIST_NIVA\.join/, 'handlaggare, lokal, central'],
    [/ROLL_KRAVER/, 'en aktör (myndighet eller vårdgivare)'],
    [/datumSv/, '2026-01-15'],
    [/anvandare|username|ombudNamn/, 'Anna'],
    [/a\?\.namn/, 'aktören'],
    [/\.namn$/, 'Solna'],
    [/tackta\.join/, 'Kista, Spånga'],
    [/aren\.join/, '2024, 2025'],
    [/options\.join|tabeller\.map/, 'klienter, ko'],
    [/worksheets/, 'Blad1, Blad2'],
    [/^alias$/, 'Kalle'],
    [/andring > 0/, 'lägre'],
    [/faststalld/, 'förhandsvisning'],
    [/rader === 1/, 'rader har'],
    [/formatKr/, '392\u00a0251\u00a0kr'],
    [/formatProcent/, '12,5\u00a0%'],
    [/formatTal|tal\(|Number\.isFinite|typeof n/, '10\u00a0561,5'],
    [/reason/, 'postens innehåll har ändrats'],
    [/err\.code/, 'CSV_QUOTE_NOT_CLOSED'],
    [/'\(tom\)'/, '(tom)'],
    [/values\.niva/, 'hög'],
    [/values\.amne|amneKod|input\.kod|input\.grupp/, 'boende-hyra'],
    [/record\[i\]|konText|barnText|plats|orsak|fodelsear'|^blad$|input\.path|^typ$|^iso$/, 'xyz'],
    [/stat\[k\]/, 'kvinna'],
    [/CHECKPOINT_FORMAT/, 'ombud.audit-checkpoint/v1'],
    [/fordelatKr|budgetForOmbudKr/, '1200000'],
    [/kod|Kod|^k$|^sdo$|^s$|^id$|\.id$/, '0180'],
    [/(^|\.)(ar|year|fodelsear)\b|referensAr|\.ar\b/, '2025'],
  ];
  for (const [x, v] of byExpr) if (x.test(e)) return v;
  return '12';
}

/** The literal with each placeholder replaced by a sample, and the samples used. */
function sample(literal: string, file: string): { text: string; values: string[] } {
  const values: string[] = [];
  const text = literal.replace(/\$\{([^}]*)\}/g, (_, expr: string) => {
    const v = sampleFor(expr, file);
    values.push(v);
    return v;
  });
  return { text, values };
}

const SWEDISH_WORDS = [' och ', ' inte ', ' är ', ' ska ', ' kan ', ' finns ', ' för ', ' eller '];

/** What is still Swedish in an English result, once the sample values (names, codes, user text) are removed. */
function swedishLeft(en: string, values: readonly string[]): string[] {
  let rest = ` ${en} `;
  for (const v of [...values].sort((a, b) => b.length - a.length)) if (v) rest = rest.split(v).join(' ');
  const found = SWEDISH_WORDS.filter((w) => rest.includes(w));
  if (/[åäöÅÄÖ]/.test(rest)) found.push('å/ä/ö');
  return found;
}

/** Messages the scanner cannot see (built from parts, or not shaped like a sentence), with real values. */
const EXTRA: ReadonlyArray<{ file: string; text: string; values?: string[] }> = [
  { file: 'platform/error-handler.ts', text: 'Inte giltig JSON.' },
  { file: 'brister/import.ts', text: 'Kolumnen niva saknas i rubrikraden.' },
  { file: 'brister/import.ts', text: '"31/12" är inget datum i formen ÅÅÅÅ-MM-DD.', values: ['31/12'] },
  {
    file: 'brister/import.ts',
    text: '"många" är inget antal (ett heltal 0 eller större).',
    values: ['många'],
  },
  { file: 'brister/import.ts', text: 'Inget importerades: 1 rad har fel.' },
  { file: 'cases/import.ts', text: 'Kolumnen saknas i rubrikraden.' },
  { file: 'cases/import.ts', text: 'Alias saknas.' },
  { file: 'cases/import.ts', text: 'Vid förfrågan: Födelseåret ligger i framtiden.' },
  {
    file: 'cases/import.ts',
    text: 'Vid förfrågan: Personligt ombud är för vuxna: klienten ska fylla minst 18 år 2025 (född 2007 eller tidigare).',
  },
  {
    file: 'cases/import.ts',
    text: 'Stadsdelsområdet 01 finns inte i kommun 0180. Skriv stadsdelsområdets kod i kolumnen.',
  },
  { file: 'cases/import.ts', text: 'Filen kan inte läsas som CSV här: Invalid Record Length' },
  { file: 'cases/routes.ts', text: 'Inget importerades: 3 fel i filen.' },
  {
    file: 'oppna-data/service.ts',
    text: 'Ingen öppen statistik för 2026: inga godkända redovisningar. Det finns statistik för 2024, 2025.',
  },
  {
    file: 'oppna-data/service.ts',
    text: 'Ingen öppen statistik för 2026: inga godkända redovisningar. Det finns ingen statistik än.',
  },
  { file: 'redovisning/service.ts', text: 'Redovisningen kan inte skickas in: en uppgift behöver rättas.' },
  { file: 'redovisning/service.ts', text: 'Redovisningen kan inte skickas in: 3 uppgifter behöver rättas.' },
  {
    file: 'redovisning/service.ts',
    text: 'Dokument 2: verksamheten solna-po kan inte registreras: Kommunen 9999 finns inte.',
  },
  {
    file: 'redovisning/service.ts',
    text: 'Dokument 3: solna-po har redan en inskickad redovisning för 2025.',
  },
  { file: 'users/service.ts', text: 'Rollen kan bara ges i en PO-verksamhet.' },
  { file: 'users/service.ts', text: 'Rollen kan bara ges i en länsstyrelse.' },
  { file: 'users/service.ts', text: 'Rollen kan bara ges i Socialstyrelsen.' },
  {
    file: 'auth/oidc.ts',
    text: 'Inloggningen kunde inte slutföras: den har gått ut, redan använts eller startades i en annan webbläsare. Försök logga in igen.',
  },
  { file: 'auth/oidc.ts', text: 'Inloggningen avbröts hos e-legitimationen. Försök logga in igen.' },
  { file: 'auth/oidc.ts', text: 'Inloggningen kunde inte verifieras. Försök logga in igen.' },
  {
    file: 'auth/oidc.ts',
    text: 'Din e-legitimation är inte kopplad till någon användare i Ombud. Be din verksamhetschef eller administratör att koppla den till ditt konto och ge dem ditt id: 3f2a9c',
  },
  {
    file: 'platform/audit.ts',
    text: 'Loggen är bruten vid post 17: länken till föregående post stämmer inte (en post har tagits bort eller lagts till). Ingen kontrollpunkt skapas.',
  },
  { file: 'redovisning/raknare.ts', text: 'Ärende a1: okänd klient k9.' },
  { file: 'redovisning/raknare.ts', text: 'Ärende a1: ogiltigt datum ”2026-02-30”.' },
  { file: 'redovisning/raknare.ts', text: 'Ärende a1: avslut före start.' },
  { file: 'redovisning/raknare.ts', text: 'Ärende a1: okänd kontaktorsak ”xyz”.' },
  { file: 'statsbidrag.ts', text: 'Budgeten måste vara ett icke-negativt heltal (fick -1).' },
  {
    file: 'statsbidrag.ts',
    text: 'Antalet årsarbetare för län 01 måste vara ett icke-negativt heltal (fick 2,5).',
  },
  { file: 'statsbidrag.ts', text: 'Administrationskostnaden måste vara ett icke-negativt heltal (fick -3).' },
  {
    file: 'ledningsgrupp/service.ts',
    text: 'Ledningsgruppens möte 2026-03-01: Lyfts till Försäkringskassan.',
    values: ['Lyfts till Försäkringskassan.'],
  },
  {
    file: 'validering.ts',
    text: 'Klienter med barn (5) kan inte vara fler än antalet klienter, totalt (4).',
  },
  {
    file: 'validering.ts',
    text: 'Stöd i kontakten med myndigheter (5) kan inte vara fler än antalet klienter, män (4).',
  },
  ...Object.values(LOSENORD_MEDDELANDE).map((text) => ({ file: 'losenord.ts', text })),
  ...(['personnummer', 'samordningsnummer', 'telefon', 'epost'] as const).map((kind) => ({
    file: 'personuppgiftsskydd.ts',
    text: personuppgiftMeddelande({ kind, match: 'x' }),
  })),
  ...valideraArendeDatum(
    { forfraganDatum: '2026-03-01', startDatum: '2026-02-01', avslutDatum: '2099-01-01', status: 'aktiv' },
    '2026-06-01',
  ).map((f) => ({ file: 'arende-datum.ts', text: f.message })),
  // the Swedish summary of error-map.ts (a detail built in Swedish)
  { file: 'error-map.ts', text: summarySentence([{ label: 'Rubrik' }, { label: 'Nivå' }]) },
  { file: 'error-map.ts', text: summarySentence([{ label: 'Klienter under året, kvinnor' }]) },
];

describe('inEnglish: every Swedish message has an English twin', () => {
  const found = scan().filter((x) => !EXCLUDED.includes(x.literal));

  it('the scanner finds the messages', () => {
    expect(found.length).toBeGreaterThan(200);
  });

  it('translates every sentence the scanner finds', () => {
    const problems: string[] = [];
    for (const { file, literal } of found) {
      const { text, values } = sample(literal, file);
      const en = inEnglish(text);
      if (en === text) problems.push(`${file}: no English for «${text}»`);
      else {
        const left = swedishLeft(en, values);
        if (left.length)
          problems.push(`${file}: still Swedish (${left.join(', ')}) in «${en}» for «${text}»`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('translates the messages built from parts', () => {
    const problems: string[] = [];
    for (const { file, text, values = [] } of EXTRA) {
      const en = inEnglish(text);
      if (en === text) problems.push(`${file}: no English for «${text}»`);
      else {
        const left = swedishLeft(en, values);
        if (left.length)
          problems.push(`${file}: still Swedish (${left.join(', ')}) in «${en}» for «${text}»`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('translates every refusal of the three workflows', () => {
    const machines = [arendeStatus, bristStatus, redovisningStatus];
    const problems: string[] = [];
    for (const m of machines) {
      const states = Object.keys(overgangar(m));
      for (const f of [...states, 'okand']) {
        for (const t of states) {
          const sv = m.assertOvergang(f as never, t as never);
          if (sv === null) continue;
          const en = inEnglish(sv);
          const left = swedishLeft(en, ['okand']);
          if (en === sv || left.length) problems.push(`«${sv}» → «${en}»`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

/** The states of a workflow module (its transition table's keys). */
function overgangar(m: typeof arendeStatus | typeof bristStatus | typeof redovisningStatus): object {
  if (m === arendeStatus) return arendeStatus.ARENDE_OVERGANGAR;
  if (m === bristStatus) return bristStatus.BRIST_OVERGANGAR;
  return redovisningStatus.REDOVISNING_OVERGANGAR;
}

describe('inEnglish: specific cases', () => {
  it('writes numbers the English way', () => {
    expect(inEnglish('Årsarbetarna (2,5) kan inte vara fler än antalet ombud (2).')).toBe(
      'The full-time equivalents (2.5) cannot be more than the number of ombud (2).',
    );
    expect(inEnglish('Värdet måste vara ett heltal som är 0 eller större (är 10\u202f561,25).')).toBe(
      'The value must be a whole number, 0 or more (it is 10,561.25).',
    );
    expect(englishNumber('10 561')).toBe('10,561');
    expect(englishNumber('1\u00a0234,5')).toBe('1,234.5');
    expect(englishNumber('\u22123')).toBe('-3');
    expect(englishNumber('2026-03-31')).toBe('2026-03-31');
    expect(englishNumber('0180')).toBe('0180');
    expect(
      inEnglish(
        'Beloppet per årsarbetare (392\u00a0251\u00a0kr) är 12,5\u00a0% högre än 2025 (348\u00a0667\u00a0kr).',
      ),
    ).toBe('The amount per full-time equivalent (SEK 392,251) is 12.5% higher than in 2025 (SEK 348,667).');
  });

  it('translates the labels a template puts in', () => {
    expect(inEnglish('Startdatum (2026-03-05) kan inte ligga efter i dag (2026-03-01).')).toBe(
      'Start date (2026-03-05) cannot be later than today (2026-03-01).',
    );
    expect(
      inEnglish(
        'Avslutade ärenden, annan könsidentitet (3), kan inte vara färre än klienterna med ett avslutat ärende (4).',
      ),
    ).toBe(
      'Closed cases, other gender identity (3), cannot be fewer than the clients with a closed case (4).',
    );
    expect(inEnglish('Förbättringsarbete behöver fyllas i.')).toBe('Improvement work must be filled in.');
  });

  it('translates a sentence inside a row prefix', () => {
    expect(inEnglish('Rad 8, kolumn kon: Kön saknas (kvinna, man eller annan).')).toBe(
      'Row 8, column kon: The gender is missing (kvinna, man or annan).',
    );
    expect(inEnglish('Rad 8, kolumn kon')).toBe('Row 8, column kon');
    expect(inEnglish('Dokument 2, klienter under året, kvinnor')).toBe(
      'Document 2, clients during the year, women',
    );
  });

  it('translates a workflow refusal with the status names', () => {
    expect(arendeStatus.assertOvergang('avslutad', 'aktiv')).not.toBeNull();
    expect(inEnglish(bristStatus.assertOvergang('registrerad', 'avslutad')!)).toBe(
      'The deficiency cannot go from “Registered” to “Closed”. Possible next steps: “Raised in the steering group”, “Sent to the actor”, “Persists”.',
    );
    expect(inEnglish(redovisningStatus.assertOvergang('godkand', 'utkast')!)).toBe(
      'The annual report has the status “Approved”, which is final and cannot be changed.',
    );
    expect(inEnglish(arendeStatus.assertOvergang('ko', 'ko')!)).toBe(
      'The case already has the status “Queued”.',
    );
  });

  it('translates a list of gender names, and keeps the codes a file holds', () => {
    expect(inEnglish('Status ska vara förfrågan, i kö, aktiv, avslutad eller ej aktuell.')).toBe(
      'The status must be request, queued, active, closed or not taken on.',
    );
    expect(inEnglish('Kön ska vara kvinna, man eller annan könsidentitet.')).toBe(
      'Gender must be woman, man or other gender identity.',
    );
    expect(inEnglish('”k” är inte ett giltigt kön (kvinna, man eller annan).')).toBe(
      '“k” is not a valid gender (kvinna, man or annan).',
    );
  });

  it('translates the Swedish summary sentence', () => {
    expect(inEnglish('2 uppgifter behöver rättas: Rubrik, Nivå.')).toBe(
      '2 fields need correcting: Title, Level.',
    );
    expect(inEnglish('1 uppgift behöver rättas: Klienter under året, kvinnor.')).toBe(
      '1 field needs correcting: Clients during the year, women.',
    );
    expect(inEnglish(summarySentence([{ label: 'Rubrik' }, { label: 'Nivå' }]))).toBe(
      summarySentence([{ label: 'Title' }, { label: 'Level' }], 'en'),
    );
  });

  it('passes unknown and English text through unchanged', () => {
    expect(inEnglish('Något helt nytt som ingen har översatt.')).toBe(
      'Något helt nytt som ingen har översatt.',
    );
    expect(inEnglish('The client has been purged.')).toBe('The client has been purged.');
    expect(inEnglish('Gender must be woman, man or other gender identity.')).toBe(
      'Gender must be woman, man or other gender identity.',
    );
    expect(inEnglish('')).toBe('');
    expect(labelInEnglish('Solna')).toBe('Solna');
  });
});

describe('titleInEnglish', () => {
  it('has an English title for every problem title in src/server', () => {
    const titles = new Set<string>();
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ts$/.test(f) && !/\.test\.ts$/.test(f) && !SKIP_FILES.test(p) && !/app\.ts$/.test(p)) {
          const src = readFileSync(p, 'utf8');
          for (const m of src.matchAll(/title: '([^']+)'/g)) titles.add(m[1]!);
          for (const m of src.matchAll(/super\(\s*\d{3},\s*'([^']+)'/g)) titles.add(m[1]!);
          for (const m of src.matchAll(/\[\d{3}, '([^']+)', '/g)) titles.add(m[1]!);
        }
      }
    };
    walk('src/server');
    expect(titles.size).toBeGreaterThanOrEqual(15);
    const missing = [...titles].filter((t) => titleInEnglish(t) === t);
    expect(missing).toEqual([]);
    expect(titleInEnglish('Ogiltiga uppgifter')).toBe('Invalid data');
    expect(titleInEnglish('Not found')).toBe('Not found');
  });
});
