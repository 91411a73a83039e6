/**
 * The national code lists of the PO system (domain brief: "Casework", "Who is who", "System deficiencies").
 * The codes are the stable values stored in the database and sent over the API; the labels are what people
 * read. Reference tables in the database are loaded from the same codes, so a code never changes meaning.
 */

export type Sprak = 'sv' | 'en';
export type Etikett = Readonly<Record<Sprak, string>>;
export type Etiketter<K extends string> = Readonly<Record<K, Etikett>>;

/** Type guard: is `varde` one of the codes in `lista`? Used where data comes from outside (CSV, JSON). */
export function arKod<K extends string>(lista: readonly K[], varde: unknown): varde is K {
  return typeof varde === 'string' && (lista as readonly string[]).includes(varde);
}

export function etikett<K extends string>(etiketter: Etiketter<K>, kod: K, sprak: Sprak = 'sv'): string {
  return etiketter[kod][sprak];
}

export const KON = ['kvinna', 'man', 'annan'] as const;
export type Kon = (typeof KON)[number];
export const KON_ETIKETT: Etiketter<Kon> = {
  kvinna: { sv: 'Kvinna', en: 'Woman' },
  man: { sv: 'Man', en: 'Man' },
  annan: { sv: 'Annan könsidentitet', en: 'Other gender identity' },
};

/** The national list of contact reasons; several per client (Socialstyrelsen 2025, Diagram 1). */
export const KONTAKTORSAKER = [
  'ekonomi',
  'bostad',
  'sysselsattning',
  'struktur_i_vardagen',
  'bryta_isolering',
  'relationsfragor',
  'existentiella_fragor',
  'myndighetskontakter',
  'sjukvardskontakter',
  'annan',
] as const;
export type Kontaktorsak = (typeof KONTAKTORSAKER)[number];
export const KONTAKTORSAK_ETIKETT: Etiketter<Kontaktorsak> = {
  ekonomi: { sv: 'Ekonomi', en: 'Finances' },
  bostad: { sv: 'Bostad', en: 'Housing' },
  sysselsattning: { sv: 'Sysselsättning', en: 'Occupation' },
  struktur_i_vardagen: { sv: 'Struktur i vardagen', en: 'Structure in daily life' },
  bryta_isolering: { sv: 'Bryta isolering', en: 'Breaking isolation' },
  relationsfragor: { sv: 'Relationsfrågor', en: 'Relationships' },
  existentiella_fragor: { sv: 'Existentiella frågor', en: 'Existential questions' },
  myndighetskontakter: { sv: 'Stöd i kontakten med myndigheter', en: 'Support in contacts with authorities' },
  sjukvardskontakter: { sv: 'Stöd i kontakten med sjukvården', en: 'Support in contacts with health care' },
  annan: { sv: 'Annan orsak', en: 'Other reason' },
};

/** Groups prioritised when there is a queue, "utan specifik rangordning" (seed 003). */
export const PRIORITETSGRUNDER = ['barn', 'vrakning_hemloshet', 'ung_vuxen', 'ingen_annan_kontakt'] as const;
export type Prioritetsgrund = (typeof PRIORITETSGRUNDER)[number];
export const PRIORITETSGRUND_ETIKETT: Etiketter<Prioritetsgrund> = {
  barn: { sv: 'Hemmavarande barn under 18 år', en: 'Children under 18 living at home' },
  vrakning_hemloshet: {
    sv: 'Risk för vräkning eller hemlöshet',
    en: 'Risk of eviction or homelessness',
  },
  ung_vuxen: { sv: 'Ung vuxen', en: 'Young adult' },
  ingen_annan_kontakt: {
    sv: 'Ingen annan myndighetskontakt, insats eller nätverk',
    en: 'No other authority contact, services or network',
  },
};

/** Whether children under 18 live with the client: no, fully, or partly (seed 003, Tabell 4). */
export const BARN_UNDER_18 = ['nej', 'helt', 'delvis'] as const;
export type BarnUnder18 = (typeof BARN_UNDER_18)[number];
export const BARN_UNDER_18_ETIKETT: Etiketter<BarnUnder18> = {
  nej: { sv: 'Nej', en: 'No' },
  helt: { sv: 'Ja, helt', en: 'Yes, fully' },
  delvis: { sv: 'Ja, delvis', en: 'Yes, partly' },
};

/** The national age groups of Tabell 3 (seed 003). */
export const ALDERSGRUPPER = ['18-29', '30-49', '50-64', '65+'] as const;
export type Aldersgrupp = (typeof ALDERSGRUPPER)[number];
export const ALDERSGRUPP_ETIKETT: Etiketter<Aldersgrupp> = {
  '18-29': { sv: '18–29 år', en: '18–29 years' },
  '30-49': { sv: '30–49 år', en: '30–49 years' },
  '50-64': { sv: '50–64 år', en: '50–64 years' },
  '65+': { sv: '≥65 år', en: '65+ years' },
};

/** Who runs a verksamhet (seed 003, "Övriga utförare"). */
export const UTFORARE = [
  'kommun',
  'stiftelse',
  'kommunforbund',
  'ideell_forening',
  'region',
  'annan',
] as const;
export type Utforare = (typeof UTFORARE)[number];
export const UTFORARE_ETIKETT: Etiketter<Utforare> = {
  kommun: { sv: 'Kommun', en: 'Municipality' },
  stiftelse: { sv: 'Stiftelse', en: 'Foundation' },
  kommunforbund: { sv: 'Kommunförbund', en: 'Association of municipalities' },
  ideell_forening: { sv: 'Ideell förening', en: 'Non-profit association' },
  region: { sv: 'Region', en: 'Region' },
  annan: { sv: 'Annan', en: 'Other' },
};

export const ARENDE_STATUS = ['forfragan', 'ko', 'aktiv', 'avslutad', 'ej_aktuell'] as const;
export type ArendeStatus = (typeof ARENDE_STATUS)[number];
export const ARENDE_STATUS_ETIKETT: Etiketter<ArendeStatus> = {
  forfragan: { sv: 'Förfrågan', en: 'Request' },
  ko: { sv: 'I kö', en: 'Queued' },
  aktiv: { sv: 'Aktiv', en: 'Active' },
  avslutad: { sv: 'Avslutad', en: 'Closed' },
  ej_aktuell: { sv: 'Ej aktuell', en: 'Not taken on' },
};

/** Who made the request: the person, a relative, or another service (domain brief "Casework"). */
export const FORFRAGAN_FRAN = ['personen', 'anhorig', 'socialtjansten', 'varden', 'annan'] as const;
export type ForfraganFran = (typeof FORFRAGAN_FRAN)[number];
export const FORFRAGAN_FRAN_ETIKETT: Etiketter<ForfraganFran> = {
  personen: { sv: 'Personen själv', en: 'The person' },
  anhorig: { sv: 'Anhörig eller närstående', en: 'Relative' },
  socialtjansten: { sv: 'Socialtjänsten', en: 'Social services' },
  varden: { sv: 'Hälso- och sjukvården', en: 'Health care' },
  annan: { sv: 'Annan', en: 'Other' },
};

/** The three levels in which brister are reported (seed 003, footnote 6). */
export const BRIST_NIVA = ['handlaggare', 'lokal', 'central'] as const;
export type BristNiva = (typeof BRIST_NIVA)[number];
export const BRIST_NIVA_ETIKETT: Etiketter<BristNiva> = {
  handlaggare: { sv: 'Handläggarnivå', en: 'Case-officer level' },
  lokal: { sv: 'Lokal nivå', en: 'Local level' },
  central: { sv: 'Central nivå', en: 'Central level' },
};

export const LEDNINGSGRUPP_ROLLER = [
  'kommun',
  'primarvard',
  'psykiatri',
  'arbetsformedlingen',
  'forsakringskassan',
  'brukarorganisation',
  'ovrig',
] as const;
export type LedningsgruppRoll = (typeof LEDNINGSGRUPP_ROLLER)[number];
export const LEDNINGSGRUPP_ROLL_ETIKETT: Etiketter<LedningsgruppRoll> = {
  kommun: { sv: 'Kommunen', en: 'The municipality' },
  primarvard: { sv: 'Regionens primärvård', en: 'Regional primary care' },
  psykiatri: { sv: 'Regionens psykiatri', en: 'Regional psychiatry' },
  arbetsformedlingen: { sv: 'Arbetsförmedlingen', en: 'Public Employment Service' },
  forsakringskassan: { sv: 'Försäkringskassan', en: 'Social Insurance Agency' },
  brukarorganisation: {
    sv: 'Patient-, brukar- eller anhörigorganisation',
    en: 'Patient, user or relatives organisation',
  },
  ovrig: { sv: 'Övrig', en: 'Other' },
};

/**
 * Förordning (SFS 2013:522): the ledningsgrupp must include these five; user organisations shall only be
 * offered a seat, so their absence is not a missing member.
 */
export const OBLIGATORISKA_ROLLER = [
  'kommun',
  'primarvard',
  'psykiatri',
  'arbetsformedlingen',
  'forsakringskassan',
] as const satisfies readonly LedningsgruppRoll[];
export type ObligatoriskRoll = (typeof OBLIGATORISKA_ROLLER)[number];

/** The required roles a ledningsgrupp lacks, in the order of the förordning. */
export function saknadeRoller(roller: Iterable<LedningsgruppRoll>): ObligatoriskRoll[] {
  const har = new Set(roller);
  return OBLIGATORISKA_ROLLER.filter((r) => !har.has(r));
}

/**
 * Where a client stands, from the client's ärenden: one in progress (förfrågan, kö, aktiv), all of them
 * ended, none registered yet, or purged (gallrad). Every client is in exactly one.
 */
export const KLIENT_STATUS = ['pagaende', 'avslutad', 'utan_arende', 'gallrad'] as const;
export type KlientStatus = (typeof KLIENT_STATUS)[number];
export const KLIENT_STATUS_ETIKETT: Etiketter<KlientStatus> = {
  pagaende: { sv: 'Pågående ärende', en: 'Case in progress' },
  avslutad: { sv: 'Avslutad', en: 'Closed' },
  utan_arende: { sv: 'Utan ärende', en: 'No case' },
  gallrad: { sv: 'Gallrad', en: 'Purged' },
};
