/**
 * "Verksamhetens arbetssätt": what a verksamhet answers about how it works, in the words Socialstyrelsen's
 * lägesrapport reports them (seed 003): a prioriteringsordning when ombuden cannot take everyone ("Det är
 * endast tolv kommuner som inte har en sådan prioriteringsordning"), systematised routines for reporting
 * brister to the ledningsgrupp ("Av landets 116 verksamheter har 113 …"), handledning ("Alla ombud har fått
 * möjlighet till handledning … undantaget en verksamhet"), Socialstyrelsen's introduction course for new
 * ombud, and the regional networks ("De flesta ombuden har dessutom deltagit i regionala nätverksträffar").
 * Beside the yes/no questions, four kinds of activity with a count and a short text: outreach, information,
 * teaching, and cooperation with user organisations (seed 002: "samverkan omfattar patient- brukar- och
 * anhörigorganisationer").
 *
 * Choices where the seeds are silent:
 * - A question may be unanswered (null): the form starts with no answer rather than a guessed "nej".
 *   An unanswered question is a WARNING, not an error: the section came later to ombud.redovisning/v1,
 *   and a report should not be stopped by it.
 * - A count with no text, or a text with the count 0, is a WARNING too (it is often right: a text may
 *   describe ongoing work without occasions). A count that is not a whole number ≥ 0 is an ERROR
 *   ('heltal', as every other count).
 * - The count is "tillfällen" (occasions: visits, talks, lectures, meetings), not people reached: that
 *   is what a verksamhet can count without a register of who came.
 */

export const ARBETSSATT_FRAGOR = [
  'prioriteringsordning',
  'rutinBrister',
  'handledning',
  'introduktionsutbildning',
  'natverk',
] as const;
export type ArbetssattFraga = (typeof ARBETSSATT_FRAGOR)[number];

export const ARBETSSATT_AKTIVITETER = [
  'uppsokande',
  'information',
  'undervisning',
  'brukarorganisationer',
] as const;
export type ArbetssattAktivitet = (typeof ARBETSSATT_AKTIVITETER)[number];

// A type, not an interface: the document's open (zod loose) objects take it as it is.
export type Aktivitet = {
  /** Occasions during the year (visits, talks, lectures, meetings). */
  antal: number;
  /** A short description (at most 2 000 characters). */
  text: string;
};

export type Arbetssatt = Record<ArbetssattFraga, boolean | null> & Record<ArbetssattAktivitet, Aktivitet>;

/** Longest short text of an activity. */
export const AKTIVITET_TEXT_MAX = 2000;

/** A section with nothing answered: what the form starts from when the document has none. */
export function tomtArbetssatt(): Arbetssatt {
  return {
    prioriteringsordning: null,
    rutinBrister: null,
    handledning: null,
    introduktionsutbildning: null,
    natverk: null,
    uppsokande: { antal: 0, text: '' },
    information: { antal: 0, text: '' },
    undervisning: { antal: 0, text: '' },
    brukarorganisationer: { antal: 0, text: '' },
  };
}

export type ArbetssattRegel =
  | 'heltal'
  | 'arbetssatt_obesvarad'
  | 'aktivitet_text_saknas'
  | 'aktivitet_antal_saknas';

export interface ArbetssattFynd {
  path: string;
  rule: ArbetssattRegel;
  message: string;
}

export const MEDDELANDE = {
  obesvarad: 'Svara ja eller nej.',
  textSaknas: 'Antalet tillfällen är ifyllt men beskrivningen saknas: skriv kort vad ni har gjort.',
  antalSaknas: 'Beskrivningen är ifylld men antalet tillfällen är 0: ange hur många tillfällen det var.',
  heltal: 'Antalet tillfällen måste vara ett heltal som är 0 eller större.',
} as const;

/**
 * The section's findings: `fel` blocks a submission (a count that is not a whole number), `varningar` do
 * not (unanswered questions, a count without its text and the other way round). Paths as in the document
 * (`arbetssatt.uppsokande.text`). A document without the section has no findings.
 */
export function valideraArbetssatt(a: Partial<Arbetssatt> | undefined): {
  fel: ArbetssattFynd[];
  varningar: ArbetssattFynd[];
} {
  const fel: ArbetssattFynd[] = [];
  const varningar: ArbetssattFynd[] = [];
  if (!a) return { fel, varningar };
  for (const f of ARBETSSATT_FRAGOR) {
    if (typeof a[f] !== 'boolean')
      varningar.push({
        path: `arbetssatt.${f}`,
        rule: 'arbetssatt_obesvarad',
        message: MEDDELANDE.obesvarad,
      });
  }
  for (const k of ARBETSSATT_AKTIVITETER) {
    const x = a[k];
    if (!x) continue;
    const antal = x.antal;
    const harText = typeof x.text === 'string' && x.text.trim() !== '';
    if (!(typeof antal === 'number' && Number.isInteger(antal) && antal >= 0)) {
      fel.push({ path: `arbetssatt.${k}.antal`, rule: 'heltal', message: MEDDELANDE.heltal });
      continue;
    }
    if (antal > 0 && !harText)
      varningar.push({
        path: `arbetssatt.${k}.text`,
        rule: 'aktivitet_text_saknas',
        message: MEDDELANDE.textSaknas,
      });
    else if (antal === 0 && harText)
      varningar.push({
        path: `arbetssatt.${k}.antal`,
        rule: 'aktivitet_antal_saknas',
        message: MEDDELANDE.antalSaknas,
      });
  }
  return { fel, varningar };
}
