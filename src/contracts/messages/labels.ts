/**
 * Human labels of the fields the API accepts, in Swedish and English: the same words the forms show
 * (the forms read their labels from here), so an error from the server, the CLI or the browser names a
 * field exactly as the person sees it.
 *
 * One table keyed by field name, not a label per schema (`.meta`): the same name means the same thing
 * across contracts (`alias`, `titel`, `kommunKod`), a schema shared by several contracts needs no copy,
 * and the table also covers the request schemas defined inline in the server's routes. A dotted key
 * (`klienter.totalt`) names a nested field where its own name alone would be vague; deeper paths are
 * composed from their parts ("Klienter under året, kvinnor").
 */
import { radLabelOf } from './rows.ts';

export interface Label {
  sv: string;
  en: string;
  /** Chosen from a list, not typed: a missing value reads "Välj ämne." rather than "… måste fyllas i." */
  choice?: true;
}

const l = (sv: string, en: string): Label => ({ sv, en });
/** A label of a field chosen from a list (select, radio buttons, checkboxes). */
const c = (sv: string, en: string): Label => ({ sv, en, choice: true });

export const FIELD_LABELS: Readonly<Record<string, Label>> = {
  // --- where the request put it, when no field is named
  body: l('Uppgifterna', 'The data'),
  querystring: l('Urvalet', 'The selection'),
  params: l('Adressen', 'The address'),
  // --- login, users, organisations
  username: l('Användarnamn', 'Username'),
  password: l('Lösenord', 'Password'),
  code: l('Sexsiffrig kod från din autentiseringsapp', 'Six-digit code from your authenticator app'),
  token: l('Kod', 'Code'),
  displayName: l('Namn', 'Name'),
  email: l('E-post', 'Email'),
  role: c('Roll', 'Role'),
  roll: c('Roll', 'Role'),
  organisationId: c('Organisation', 'Organisation'),
  activeOrganisationId: c('Organisation', 'Organisation'),
  orgId: l('Organisation', 'Organisation'),
  userId: l('Användare', 'User'),
  personnummer: l('Personnummer eller samordningsnummer', 'Personal identity or coordination number'),
  disabled: l('Avstängd', 'Disabled'),
  medlemskap: c('Roller', 'Roles'),
  'medlemskap.organisationId': c('Organisation', 'Organisation'),
  'medlemskap.roll': c('Roll', 'Role'),
  membershipId: c('Roll', 'Role'),
  tokenId: c('API-token', 'API token'),
  subject: l('E-legitimationens identitet', 'E-ID identity'),
  lan: c('Län', 'County'),
  kod: l('Kod', 'Code'),
  namn: l('Namn', 'Name'),
  typ: c('Typ', 'Type'),
  kategori: c('Kategori', 'Category'),
  lanKod: c('Län', 'County'),
  kommunKod: c('Hemkommun', 'Home municipality'),
  kommunKoder: c('Berörda kommuner', 'Municipalities concerned'),
  kommun: c('Kommun', 'Municipality'),
  giltigFran: l('Gäller från', 'Valid from'),
  giltigTill: l('Gäller till och med', 'Valid until'),
  stadsdelsomradeKod: c('Stadsdelsområde', 'District'),
  utforare: c('Utförare', 'Provider'),
  folkmangd: l('Folkmängd', 'Population'),
  // --- klienter and ärenden
  alias: l('Alias', 'Alias'),
  telefon: l('Telefon', 'Phone'),
  adress: l('Adress', 'Address'),
  fodelsear: l('Födelseår', 'Birth year'),
  kon: c('Kön', 'Gender'),
  barnUnder18: c('Barn under 18 år som bor hos klienten', 'Children under 18 living with the client'),
  klientId: c('Klient', 'Client'),
  arendeId: l('Ärende', 'Case'),
  forfraganDatum: l('Datum för förfrågan', 'Date of request'),
  forfraganFran: c('Förfrågan från', 'Request from'),
  startDatum: l('Startdatum', 'Start date'),
  avslutDatum: l('Avslutsdatum', 'End date'),
  avslutOrsak: c('Avslutsorsak', 'Reason for ending'),
  ombudUserId: c('Ansvarigt ombud', 'Responsible ombud'),
  ombud: l('Ombud', 'Ombud'),
  arsarbetareHundradelar: l('Årsarbetare', 'Full-time equivalents'),
  anteckningId: l('Anteckning', 'Note'),
  skipInvalid: c('Hoppa över felaktiga rader', 'Skip invalid rows'),
  prioritet: c('Prioriteringsgrund', 'Priority ground'),
  kontaktorsaker: c('Orsak till kontakt', 'Reason for contact'),
  sip: l('SIP', 'SIP'),
  status: c('Status', 'Status'),
  q: l('Sök', 'Search'),
  gallrad: l('Gallrade', 'Purged'),
  limit: l('Antal per sida', 'Items per page'),
  offset: l('Från post', 'Starting at'),
  sort: c('Sortering', 'Sort order'),
  before: l('Före', 'Before'),
  after: l('Efter', 'After'),
  handelse: c('Händelse', 'Event'),
  objekt: c('Objekt', 'Object'),
  datum: l('Datum', 'Date'),
  text: l('Text', 'Text'),
  kommentar: l('Kommentar', 'Comment'),
  anledning: l('Skäl', 'Reason'),
  kontrollsumma: l('Förhandsvisningens kontrollsumma', 'Checksum of the preview'),
  csv: l('Fil', 'File'),
  fil: l('Fil', 'File'),
  // --- brister
  titel: l('Rubrik', 'Title'),
  beskrivning: l('Beskrivning', 'Description'),
  niva: c('Nivå', 'Level'),
  amneKod: c('Ämne', 'Subject'),
  amne: c('Ämne', 'Subject'),
  grupp: l('Grupp', 'Group'),
  aktorKategori: c('Aktörskategori', 'Actor category'),
  aktorIds: c('Berörda aktörer', 'Actors concerned'),
  skickaDirekt: c('Skicka direkt till aktörerna', 'Send straight to the actors'),
  aktorId: c('Aktör', 'Actor'),
  aktor: c('Aktör', 'Actor'),
  aktorer: c('Berörda aktörer', 'Actors concerned'),
  observeradDatum: l('Observerad (datum)', 'Observed (date)'),
  antalKlienter: l('Antal berörda klienter', 'Number of clients affected'),
  fran: l('Från och med', 'From'),
  till: l('Till och med', 'Up to and including'),
  forsenad: l('Försenade', 'Overdue'),
  obesvarade: l('Obesvarade', 'Unanswered'),
  // --- redovisning, grants, ledningsgrupp, national
  ar: l('År', 'Year'),
  year: l('År', 'Year'),
  version: l('Version', 'Version'),
  format: l('Format', 'Format'),
  path: l('Gäller', 'Concerns'),
  klienter: l('Klienter', 'Clients'),
  'klienter.totalt': l('Klienter under året', 'Clients during the year'),
  'klienter.nya': l('Nya klienter', 'New clients'),
  'klienter.avslutade': l('Avslutade ärenden', 'Closed cases'),
  'klienter.avslutadeKlienter': l('Klienter med avslutat ärende', 'Clients with a closed case'),
  'klienter.medBarn': l('Med hemmavarande barn', 'With children at home'),
  'klienter.alder': l('Klienter per åldersgrupp', 'Clients by age group'),
  'klienter.perKommun': l('Klienter per kommun', 'Clients by municipality'),
  'klienter.perStadsdelsomrade': l('Klienter per stadsdelsområde', 'Clients by district'),
  kvinna: l('Kvinnor', 'Women'),
  man: l('Män', 'Men'),
  annan: l('Annan', 'Other'),
  totalt: l('Totalt', 'Total'),
  ko: l('Kö och väntetid', 'Queue and waiting time'),
  harKo: l('Kö under året', 'Queue during the year'),
  vantetidMedianDagar: l('Väntetid, median (dagar)', 'Waiting time, median (days)'),
  vantetidMaxDagar: l('Väntetid, längsta (dagar)', 'Waiting time, longest (days)'),
  antalIKo3112: l('I kö 31 december', 'In queue 31 December'),
  personal: l('Personal', 'Staff'),
  'personal.ombud': l('Antal ombud', 'Number of ombud'),
  'personal.arsarbetare': l('Årsarbetare', 'Full-time equivalents'),
  'personal.kvinnor': l('Ombud, kvinnor', 'Ombud, women'),
  'personal.man': l('Ombud, män', 'Ombud, men'),
  arsarbetare: l('Årsarbetare', 'Full-time equivalents'),
  ledningsgrupp: l('Ledningsgrupp', 'Steering group'),
  roller: l('Roller', 'Roles'),
  moten: l('Möten', 'Meetings'),
  moteId: l('Möte', 'Meeting'),
  ledamotId: l('Ledamot', 'Member'),
  rollkategori: c('Roll', 'Role'),
  organisation: l('Organisation', 'Organisation'),
  narvaro: c('Närvarande ledamöter', 'Members present'),
  brukarorganisationErbjuden: c(
    'Patient-, brukar- eller anhörigorganisation har erbjudits plats',
    'A patient, user or relatives organisation has been offered a seat',
  ),
  ids: c('Markerade', 'Selected'),
  brister: l('Brister', 'Deficiencies'),
  atgarder: l('Åtgärder', 'Actions'),
  ansokan: l('Ansökan om statsbidrag', 'Grant application'),
  'ansokan.arsarbetare': l('Sökta årsarbetare', 'Full-time equivalents applied for'),
  perKommun: l('Årsarbetare per kommun', 'Full-time equivalents per municipality'),
  'perKommun.arsarbetare': l('Årsarbetare i kommunen', 'Full-time equivalents in the municipality'),
  'perKommun.kommunKod': c('Kommun', 'Municipality'),
  kontaktperson: l('Kontaktperson', 'Contact person'),
  beslutsdatum: l('Nämndens beslutsdatum', 'Date of the board’s decision'),
  forandringarMalgrupp: l('Förändringar i målgruppen', 'Changes in the target group'),
  forbattringsarbete: l('Förbättringsarbete', 'Improvement work'),
  atgarderBrister: l('Åtgärder med anledning av brister', 'Actions taken on deficiencies'),
  jamstalldhetsanalys: l('Jämställdhetsanalys', 'Gender equality analysis'),
  'text.forandringarMalgrupp': l('Förändringar i målgruppen', 'Changes in the target group'),
  'text.forbattringsarbete': l('Förbättringsarbete', 'Improvement work'),
  'text.atgarderBrister': l('Åtgärder med anledning av brister', 'Actions taken on deficiencies'),
  'text.jamstalldhetsanalys': l('Jämställdhetsanalys', 'Gender equality analysis'),
  // Verksamhetens arbetssätt (src/domain/redovisning/arbetssatt.ts): the question and activity headings
  arbetssatt: l('Verksamhetens arbetssätt', 'How the operation works'),
  'arbetssatt.prioriteringsordning': c(
    'Prioriteringsordning vid kö eller väntetid',
    'Order of priority when there is a queue or waiting time',
  ),
  'arbetssatt.rutinBrister': c(
    'Rutin för att rapportera brister till ledningsgruppen',
    'Routine for reporting deficiencies to the steering group',
  ),
  'arbetssatt.handledning': c('Handledning för ombuden', 'Supervision for the ombud'),
  'arbetssatt.introduktionsutbildning': c(
    'Socialstyrelsens introduktionsutbildning',
    'The National Board of Health and Welfare’s introduction course',
  ),
  'arbetssatt.natverk': c('Nätverk för personligt ombud', 'Networks for personal ombud'),
  'arbetssatt.uppsokande': l('Uppsökande verksamhet', 'Outreach'),
  'arbetssatt.information': l('Informationsinsatser', 'Information activities'),
  'arbetssatt.undervisning': l('Utbildning och undervisning', 'Teaching and training'),
  'arbetssatt.brukarorganisationer': l(
    'Samverkan med brukarorganisationer',
    'Cooperation with user organisations',
  ),
  'uppsokande.antal': l('Uppsökande verksamhet, antal tillfällen', 'Outreach, number of occasions'),
  'uppsokande.text': l('Uppsökande verksamhet, beskrivning', 'Outreach, description'),
  'information.antal': l(
    'Informationsinsatser, antal tillfällen',
    'Information activities, number of occasions',
  ),
  'information.text': l('Informationsinsatser, beskrivning', 'Information activities, description'),
  'undervisning.antal': l(
    'Utbildning och undervisning, antal tillfällen',
    'Teaching and training, number of occasions',
  ),
  'undervisning.text': l('Utbildning och undervisning, beskrivning', 'Teaching and training, description'),
  'brukarorganisationer.antal': l(
    'Samverkan med brukarorganisationer, antal tillfällen',
    'Cooperation with user organisations, number of occasions',
  ),
  'brukarorganisationer.text': l(
    'Samverkan med brukarorganisationer, beskrivning',
    'Cooperation with user organisations, description',
  ),
  beloppKr: l('Belopp (kr)', 'Amount (SEK)'),
  beloppPerArsarbetareKr: l('Belopp per årsarbetare (kr)', 'Amount per full-time equivalent (SEK)'),
  budgetKr: l('Budget (kr)', 'Budget (SEK)'),
  fordelatKr: l('Fördelat (kr)', 'Allocated (SEK)'),
  administrationKr: l('Administration (kr)', 'Administration (SEK)'),
  avrundning: l('Avrundning', 'Rounding'),
  verksamhetId: c('Verksamhet', 'Operation'),
  verksamhet: l('Verksamhet', 'Operation'),
  id: l('Identitet', 'Identifier'),
  dagordning: l('Dagordning', 'Agenda'),
  protokoll: l('Protokoll', 'Minutes'),
  bristId: c('Brist', 'Deficiency'),
  beslut: l('Beslut', 'Decision'),
  action: l('Åtgärd', 'Action'),
};

/** The word used when a path names nothing in the table (an unknown key the caller sent). */
export const UNKNOWN_FIELD: Label = l('Okänd uppgift', 'Unknown field');

// Mid-sentence: "Välj nivå", "i kö"; an abbreviation (SIP) keeps its capitals.
const lower = (s: string) => (/^\p{Lu}(\p{Ll}|\s)/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * The label of a field at `path` (segments or a dotted string; list indexes are skipped). Undefined when
 * nothing in the table names it.
 */
export function findLabel(
  path: ReadonlyArray<PropertyKey> | string,
  lang: 'sv' | 'en' = 'sv',
): string | undefined {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter(
    (p) => p !== '' && !/^\d+$/.test(p),
  );
  if (!parts.length) return undefined;
  // A dotted entry names the field best (`klienter.totalt`), the longest that matches wins.
  for (let start = 0; start < parts.length - 1; start++) {
    const own = FIELD_LABELS[parts.slice(start).join('.')];
    if (own) return own[lang];
  }
  const leaf = FIELD_LABELS[parts[parts.length - 1]!];
  if (!leaf) return undefined;
  // A nested field: its parent's label, then its own ("Klienter under året, kvinnor").
  const parent = parts.length > 1 ? findLabel(parts.slice(0, -1), lang) : undefined;
  return parent ? `${parent}, ${lower(leaf[lang])}` : leaf[lang];
}

/** Whether the field at `path` is chosen from a list (its own last name decides). */
export function isChoice(path: ReadonlyArray<PropertyKey> | string): boolean {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter(
    (p) => !/^\d+$/.test(p),
  );
  return (
    FIELD_LABELS[parts.join('.')]?.choice ?? FIELD_LABELS[parts[parts.length - 1] ?? '']?.choice ?? false
  );
}

/** The label of a field, or "Okänd uppgift" for a key the contracts do not know. */
export function labelOf(path: ReadonlyArray<PropertyKey> | string, lang: 'sv' | 'en' = 'sv'): string {
  const dotted = typeof path === 'string' ? path : path.map(String).join('.');
  // A file of several documents (the redovisning exchange format): `[1].klienter.nya` → "Dokument 2, …".
  const doc = /^\[(\d+)\]\.?(.*)$/.exec(dotted);
  if (doc) {
    const n = `${lang === 'sv' ? 'Dokument' : 'Document'} ${Number(doc[1]) + 1}`;
    return doc[2] ? `${n}, ${lower(labelOf(doc[2], lang))}` : n;
  }
  return radLabelOf(dotted, lang) ?? findLabel(path, lang) ?? UNKNOWN_FIELD[lang];
}
