// The personal-data guard. Domain brief, "System deficiencies": "A brist must never carry personal data: it
// describes the system, not the person." The negative corpus is ordinary text from the seeds (seed 001's
// tjänsteutlåtande, seed 003's lägesrapport) so the guard does not cry wolf on authorities' prose.
import { describe, expect, it } from 'vitest';
import { assertNoPersonalData, type FyndTyp, findPersonalData } from './personuppgiftsskydd.ts';

const NBSP = '\u00a0';

describe('findPersonalData: personal data is found', () => {
  it.each<[string, FyndTyp, string]>([
    // personnummer in every accepted form (Skatteverket's test numbers)
    ['Klienten 19121212-1212 har fått avslag.', 'personnummer', '19121212-1212'],
    ['pnr 191212121212 enligt FK', 'personnummer', '191212121212'],
    ['gäller 811218-9876 och hans ärende', 'personnummer', '811218-9876'],
    ['gäller 8112189876', 'personnummer', '8112189876'],
    ['född 121212+1212 (över 100 år)', 'personnummer', '121212+1212'],
    ['(811218 9876)', 'personnummer', '811218 9876'],
    [`pnr 811218${NBSP}9876`, 'personnummer', `811218${NBSP}9876`],
    // a typo'd personnummer (wrong check digit) still identifies a person
    ['Kunden 811218-9875 fick vänta', 'personnummer', '811218-9875'],
    ['19121212-1213', 'personnummer', '19121212-1213'],
    ['leap day 20000229-1234', 'personnummer', '20000229-1234'],
    ['leap day short 000229-1234', 'personnummer', '000229-1234'],
    // samordningsnummer: day + 60
    ['samordningsnummer 701063-2391 saknas hos FK', 'samordningsnummer', '701063-2391'],
    ['19701063-2391', 'samordningsnummer', '19701063-2391'],
    ['sam.nr 8002891234', 'samordningsnummer', '8002891234'],
    // telephone numbers, the forms people write
    ['Ring 070-123 45 67 i morgon', 'telefon', '070-123 45 67'],
    ['Ring 0701234568 i morgon', 'telefon', '0701234568'],
    ['mobil 070 123 45 67', 'telefon', '070 123 45 67'],
    ['mobil 070-1234567.', 'telefon', '070-1234567'],
    ['tel. +46 70 123 45 67', 'telefon', '+46 70 123 45 67'],
    ['tel. +46701234567', 'telefon', '+46701234567'],
    ['tel. 0046 70 123 45 67', 'telefon', '0046 70 123 45 67'],
    ['tel. 0046701234567', 'telefon', '0046701234567'],
    ['växel +46 (0)8 123 456 78', 'telefon', '+46 (0)8 123 456 78'],
    ['växel +46 08 123 456 78', 'telefon', '+46 08 123 456 78'],
    ['Handläggare 08-123 456 78', 'telefon', '08-123 456 78'],
    ['Handläggare 08 123 456 78', 'telefon', '08 123 456 78'],
    ['Telefon: 08-50809456', 'telefon', '08-50809456'], // as printed in seed 001
    ['Göteborg 031-12 34 56.', 'telefon', '031-12 34 56'],
    ['Växjö 0470-123 45', 'telefon', '0470-123 45'],
    ['kontor 08–123 456 78', 'telefon', '08–123 456 78'],
    [`nbsp 070${NBSP}123${NBSP}45${NBSP}67`, 'telefon', `070${NBSP}123${NBSP}45${NBSP}67`],
    ['Tel:0701234568', 'telefon', '0701234568'],
    // e-mail
    ['Skriv till anna.andersson@example.se.', 'epost', 'anna.andersson@example.se'],
    ['ombud+test@kommun.stockholm.se', 'epost', 'ombud+test@kommun.stockholm.se'],
    ['(åsa.öberg@exempel.se)', 'epost', 'åsa.öberg@exempel.se'],
    ['0701234568@sms.example.com', 'epost', '0701234568@sms.example.com'],
  ])('%j → %s %j', (text, kind, match) => {
    const fynd = findPersonalData(text);
    expect(fynd).toEqual([{ kind, match, index: text.indexOf(match) }]);
  });

  it('a bare 07… ten-digit number is a personnummer if its check digit holds, else a phone number', () => {
    // 070123-456x: born 2007-01-23; the Luhn digit for 070123456 is 9.
    expect(findPersonalData('0701234569')).toEqual([{ kind: 'personnummer', match: '0701234569', index: 0 }]);
    expect(findPersonalData('0701234567')).toEqual([{ kind: 'telefon', match: '0701234567', index: 0 }]);
  });

  it('finds several items in one text, in order, with their positions', () => {
    const text = 'Maria (19121212-1212) nås på 070-123 45 67 eller maria@example.se; Per på 08-123 456 78.';
    expect(findPersonalData(text)).toEqual([
      { kind: 'personnummer', match: '19121212-1212', index: 7 },
      { kind: 'telefon', match: '070-123 45 67', index: 29 },
      { kind: 'epost', match: 'maria@example.se', index: 49 },
      { kind: 'telefon', match: '08-123 456 78', index: 74 },
    ]);
  });

  it('is strict by design: a bare ten-digit number that starts with a real date is flagged', () => {
    // A documented false alarm, accepted because a mistyped personnummer must not slip through.
    expect(findPersonalData('Fakturanummer 5501234567')).toEqual([
      { kind: 'personnummer', match: '5501234567', index: 14 },
    ]);
  });
});

describe('findPersonalData: ordinary text about authorities is left alone', () => {
  it.each([
    'Under 2025 fördelade Socialstyrelsen nästan 130 miljoner kronor.',
    'Ombudstjänster, statsbidrag 130 000 000 kr, fördelat 129 999 828 kr.',
    `Subvention per årsanställning: 392 251 kr; oanvänt 172 kr; summa 131${NBSP}499${NBSP}828 kr.`,
    'Totalt 10 561 klienter, en ökning med 313; 1 530 levde med barn.',
    'Män 1 019 / 1 995 / 1 128 / 605 = 4 747',
    'Beslut 2025-01-15, giltigt 2025-01-15–2025-12-31.',
    'Perioden 2024-12-31 till 2025-01-01 samt 20250115.',
    'Enligt förordning (2013:522) och SFS 2013:522 om statsbidrag.',
    'regleringsbrev (S2023//03257)',
    '64 procent av verksamheterna (74 av 116), 15 %, 0,5 %.',
    '12 klienter väntade i 20–70 dagar, två i upp till 365 dagar.',
    'Dnr 2025/1234, SN 2024/123, Dnr 2025/01234567, diarienummer KS 2013/0123-45.',
    'Stockholms stad, org.nr 212000-0142; Socialstyrelsen 202100-5794.',
    'Fyra heltidstjänster, 331,42 ombudstjänster, 0,5 årsarbetare, 324,5 heltidsanställningar.',
    'Öppet kl. 08.30–16.00, telefontid 09:00–12:00.',
    'Box 123, 118 20 Stockholm.',
    'version 2.0.1 av blanketten, sida 12 av 40',
    'https://www.socialstyrelsen.se/contentassets/a61aa4760bc542af863f09c341eea3a3/2016-12-38.pdf',
    'Ökning med +12 500 000 kr jämfört med 2024, och −2 heltidstjänster.',
    'Ärende 2025-0042 och 2025-0043 lyftes i ledningsgruppen den 12 mars.',
    'Kontakta Försäkringskassan via kontaktcenter eller Mina sidor.',
    'e-post till registrator (se kommunens webbplats) eller @kommunen på sociala medier',
    '1 000 000 000 kr och 0 kr',
  ])('%j has no personal data', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it.each([
    '19121312-1212', // month 13
    '811232-9876', // day 32
    '810229-1234', // 1981 had no 29 February
    '19000229-1234', // nor 1900
    '811292-9876', // day 92 is not a samordningsnummer either
    '8112189876543', // thirteen digits is no personnummer
  ])('%j is not a date, so it is not flagged as a personnummer', (text) => {
    expect(findPersonalData(text).filter((f) => f.kind !== 'telefon')).toEqual([]);
  });
});

describe('assertNoPersonalData', () => {
  it('returns one Swedish message per finding, naming the field', () => {
    expect(
      assertNoPersonalData({
        rubrik: 'Långa handläggningstider hos FK',
        beskrivning: 'Klienten 19121212-1212 väntade ett år.',
        atgard: 'Kontakt med handläggare på 08-123 456 78 eller fk@example.se',
        kommentar: null,
        ovrigt: undefined,
      }),
    ).toEqual([
      {
        field: 'beskrivning',
        kind: 'personnummer',
        match: '19121212-1212',
        message:
          'Texten innehåller ett personnummer (”19121212-1212”) – ta bort det; en brist beskriver systemet, inte personen.',
      },
      {
        field: 'atgard',
        kind: 'telefon',
        match: '08-123 456 78',
        message:
          'Texten innehåller ett telefonnummer (”08-123 456 78”) – ta bort det; en brist beskriver systemet, inte personen.',
      },
      {
        field: 'atgard',
        kind: 'epost',
        match: 'fk@example.se',
        message:
          'Texten innehåller en e-postadress (”fk@example.se”) – ta bort den; en brist beskriver systemet, inte personen.',
      },
    ]);
  });

  it('names a samordningsnummer as such', () => {
    const [fel] = assertNoPersonalData({ text: 'nr 701063-2391' });
    expect(fel?.message).toBe(
      'Texten innehåller ett samordningsnummer (”701063-2391”) – ta bort det; en brist beskriver systemet, inte personen.',
    );
  });

  it('passes clean texts', () => {
    expect(
      assertNoPersonalData({
        rubrik: 'Brist på fast läkarkontakt i primärvården',
        beskrivning: 'Under 2025 har 12 klienter fått byta läkare mer än tre gånger (Dnr 2025/1234).',
      }),
    ).toEqual([]);
  });
});
