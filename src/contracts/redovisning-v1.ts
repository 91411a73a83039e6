import { z } from 'zod';
import { ALDERSGRUPPER, BRIST_NIVA, KONTAKTORSAKER, UTFORARE } from '../domain/codes.ts';
import { AKTIVITET_TEXT_MAX } from '../domain/redovisning/arbetssatt.ts';
import { verksamhetKod } from './orgs.ts';

/**
 * ombud.redovisning/v1 — the exchange format of a verksamhet's annual report: what is frozen on submission,
 * what a Länsstyrelse reviews, what another Ombud instance imports. Published as JSON Schema in
 * docs/redovisning-v1.schema.json (generated from this file: `npm run schemas`). More keys are allowed
 * (objects are open), the ones here are required and stable.
 */
export const FORMAT_V1 = 'ombud.redovisning/v1';

const antal = z.number().int().min(0);

/** A count by gender: { kvinna, man, annan, totalt }. */
export const g = z.looseObject({ kvinna: antal, man: antal, annan: antal, totalt: antal });

const perAlder = z.looseObject(
  Object.fromEntries(ALDERSGRUPPER.map((a) => [a, g])) as Record<(typeof ALDERSGRUPPER)[number], typeof g>,
);
const perKontaktorsak = z.looseObject(
  Object.fromEntries(KONTAKTORSAKER.map((k) => [k, g])) as Record<(typeof KONTAKTORSAKER)[number], typeof g>,
);

/**
 * The client figures of the clients living in one kommun (or stadsdelsområde): the klienter block's
 * figures and the contact reasons, counted from each client's own kommun in the casework.
 */
const omradeSiffror = {
  totalt: g,
  nya: g,
  avslutade: g,
  avslutadeKlienter: g.optional(),
  medBarn: g,
  alder: perAlder,
  kontaktorsaker: perKontaktorsak.optional(),
};
const kommunKodEllerNull = z
  .string()
  .regex(/^\d{4}$/)
  .nullable();

const ledningsgruppRoller = z.looseObject({
  kommun: z.boolean(),
  primarvard: z.boolean(),
  psykiatri: z.boolean(),
  arbetsformedlingen: z.boolean(),
  forsakringskassan: z.boolean(),
  brukarorganisation: z.boolean(),
});

const fritext = z.string().max(20_000);

/** A yes/no question; null: not answered (the form starts unanswered). */
const svar = z.boolean().nullable();
/** An activity of the year: occasions and a short text (both may be 0 / empty). */
const aktivitet = z.looseObject({ antal, text: z.string().max(AKTIVITET_TEXT_MAX) });

/**
 * "Verksamhetens arbetssätt" (src/domain/redovisning/arbetssatt.ts; the figures seed 003 reports): yes/no
 * questions and activities with a count and a short text. Optional: added to v1 later, so older documents
 * and imports without it still read.
 */
export const arbetssatt = z
  .looseObject({
    prioriteringsordning: svar.describe(
      'Verksamheten har en prioriteringsordning eller riktlinjer för vilka som får stöd först vid kö eller väntetid.',
    ),
    rutinBrister: svar.describe(
      'Verksamheten har en systematiserad rutin för att rapportera brister till ledningsgruppen.',
    ),
    handledning: svar.describe('Ombuden har fått handledning (eller möjlighet till det) under året.'),
    introduktionsutbildning: svar.describe(
      'Ombuden har gått eller erbjudits Socialstyrelsens introduktionsutbildning för nya ombud.',
    ),
    natverk: svar.describe('Ombuden har deltagit i regionala eller nationella nätverk för personligt ombud.'),
    uppsokande: aktivitet.describe('Uppsökande verksamhet: antal tillfällen och en kort beskrivning.'),
    information: aktivitet.describe('Informationsinsatser: antal tillfällen och en kort beskrivning.'),
    undervisning: aktivitet.describe(
      'Utbildning och undervisning: antal tillfällen och en kort beskrivning.',
    ),
    brukarorganisationer: aktivitet.describe(
      'Samverkan med patient-, brukar- och anhörigorganisationer: antal tillfällen och en kort beskrivning.',
    ),
  })
  .describe(
    'Verksamhetens arbetssätt: ja/nej-frågor (null = inte besvarad) och aktiviteter med antal och kort text. Frivillig: saknas i äldre redovisningar.',
  );

export const redovisningV1 = z.looseObject({
  format: z.literal(FORMAT_V1),
  year: z.number().int().min(2000).max(2100),
  verksamhet: z.looseObject({
    /** As registered (`createVerksamhet`): `po-uppsala`, `V001`, `Skövde-PO`; compared without regard to case. */
    kod: verksamhetKod,
    namn: z.string().min(1).max(200),
    lanKod: z.string().regex(/^\d{2}$/),
    kommunKoder: z.array(z.string().regex(/^\d{4}$/)).min(1),
    utforare: z.enum(UTFORARE),
    /** Stockholm: the stadsdelsområden covered (codes), when not whole kommuner. */
    stadsdelsomraden: z.array(z.string()).optional(),
  }),
  klienter: z.looseObject({
    totalt: g,
    nya: g,
    /** Ärenden closed in the year, not clients: a client with two ärenden closed counts twice. */
    avslutade: g.describe(
      'Ärenden som avslutats under året (inte klienter: två avslutade ärenden för samma klient räknas två gånger).',
    ),
    /** Distinct clients with an ärende closed in the year (added later: optional, checked when present). */
    avslutadeKlienter: g
      .describe(
        'Klienter med minst ett ärende avslutat under året (varje klient en gång). Frivillig; kontrolleras mot totalt och avslutade när den finns.',
      )
      .optional(),
    medBarn: g,
    alder: perAlder,
    perKommun: z
      .array(z.looseObject({ kommunKod: kommunKodEllerNull, ...omradeSiffror }))
      .describe(
        'Klienternas siffror per klientens egen kommun (kommunKod null: kommun ej angiven), räknade från ärendena; delarna blir tillsammans verksamhetens siffror. Frivillig: saknas i redovisningar som skrivits in för hand.',
      )
      .optional(),
    perStadsdelsomrade: z
      .array(
        z.looseObject({
          kommunKod: kommunKodEllerNull,
          stadsdelsomradeKod: z.string().min(1).nullable(),
          ...omradeSiffror,
        }),
      )
      .describe(
        'Som perKommun men per kommun och stadsdelsområde (Stockholm), när någon klient har ett stadsdelsområde angivet. Frivillig.',
      )
      .optional(),
  }),
  kontaktorsaker: perKontaktorsak,
  ko: z.looseObject({
    harKo: z.boolean(),
    vantetidMedianDagar: antal.nullable(),
    vantetidMaxDagar: antal.nullable(),
    antalIKo3112: antal,
  }),
  personal: z.looseObject({
    ombud: antal,
    /** FTE, at most two decimals (e.g. 3.75). */
    arsarbetare: z.number().min(0).multipleOf(0.01),
    kvinnor: antal,
    man: antal,
  }),
  ledningsgrupp: z.looseObject({ roller: ledningsgruppRoller, moten: antal }),
  brister: z.array(
    z.looseObject({
      niva: z.enum(BRIST_NIVA),
      /** Codes of the actor register (e.g. forsakringskassan, region-stockholm-psykiatri). */
      aktorer: z.array(z.string().min(1)).min(1),
      /** Code of the national brist taxonomy. */
      amne: z.string().min(1),
      titel: z.string().min(1).max(300),
      beskrivning: fritext,
      atgarder: z.array(z.string().max(5000)),
    }),
  ),
  ansokan: z.looseObject({
    /** The year applied for (year + 1). */
    ar: z.number().int(),
    arsarbetare: z.number().min(0).multipleOf(0.01),
    /** Per kommun when the verksamhet serves several. */
    perKommun: z
      .array(
        z.looseObject({
          kommunKod: z.string().regex(/^\d{4}$/),
          arsarbetare: z.number().min(0).multipleOf(0.01),
        }),
      )
      .optional(),
    kontaktperson: z.string().max(200).optional(),
    beslutsdatum: z.iso.date().optional(),
  }),
  text: z.looseObject({
    forandringarMalgrupp: fritext,
    forbattringsarbete: fritext,
    jamstalldhetsanalys: fritext,
    atgarderBrister: fritext.optional(),
  }),
  arbetssatt: arbetssatt.optional(),
});

export type RedovisningV1 = z.infer<typeof redovisningV1>;
export type GV1 = z.infer<typeof g>;
export type ArbetssattV1 = z.infer<typeof arbetssatt>;
