/**
 * English for the Swedish sentences the server and the domain rules write (problem+json `title`,
 * `detail`, `errors[].message` and `errors[].label`). Messages are written in Swedish where they arise;
 * an English caller gets each one through this table. Validation messages from zod have their own
 * English (error-map.ts, `messageFor(issue, 'en')`); this table covers the domain and service sentences,
 * and also the Swedish forms of the zod sentences so a detail built in Swedish can still be turned round.
 *
 * `inEnglish` tries, in order: the exact sentences, the template rules (anchored, the variable parts
 * captured and translated in their turn: numbers to English form, labels and code names through the
 * label tables), then a multi-sentence text sentence by sentence. Anything else — English input, a
 * sentence nobody has translated yet — comes back unchanged. The words are those of the English UI
 * (src/web/i18n): ärende → case, klient → client, brist → deficiency, verksamhet → operation,
 * redovisning → annual report, gallrad → purged, ledningsgrupp → steering group, Länsstyrelsen → County
 * Administrative Board; "ombud" stays as it is.
 *
 * The test (english.test.ts) walks the sources and fails for a Swedish message without an English twin.
 */
import { CODE_LISTS } from './code-lists.ts';
import { FIELD_LABELS, UNKNOWN_FIELD } from './labels.ts';

type Rule = readonly [RegExp, (m: RegExpMatchArray) => string];

// ------------------------------------------------------------------------------------------ helpers

const GROUP_SEP = /[ \u00a0\u202f]/g;

/**
 * A number written the Swedish way in English form: "2,5" → "2.5", "10 561" → "10,561" (normal,
 * no-break or narrow no-break space), "1 234,5" → "1,234.5", "−3" → "-3". Anything that is not such a
 * number (an ISO date, a code, a word) comes back unchanged.
 */
export function englishNumber(s: string): string {
  const m = /^([-\u2212]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?$/.exec(s.trim());
  if (!m) return s;
  const whole = m[2]!.includes(' ') || /[\u00a0\u202f]/.test(m[2]!) ? m[2]!.replace(GROUP_SEP, ',') : m[2]!;
  return `${m[1] ? '-' : ''}${whole}${m[3] === undefined ? '' : `.${m[3]}`}`;
}
const num = englishNumber;

/** "392 251 kr" → "SEK 392,251"; a bare number is taken as kronor too. */
function kronor(s: string): string {
  const m = /^(.+?)[ \u00a0\u202f]?kr$/.exec(s.trim());
  return `SEK ${num(m ? m[1]! : s)}`;
}

/** "15 %" → "15%", "12,5 %" → "12.5%". */
function percent(s: string): string {
  const m = /^(.+?)[ \u00a0\u202f]?%$/.exec(s.trim());
  return m ? `${num(m[1]!)}%` : s;
}

/** Swedish quotation marks (”…”) the English way (“…”). */
const quoted = (s: string) => `“${s}”`;

/** "N thing/things" in English. */
const plural = (n: string, one: string, many: string) => `${num(n)} ${num(n) === '1' ? one : many}`;

// Mid-sentence: "women"; an abbreviation (SIP, PO) keeps its capitals.
const lower = (s: string) => (/^\p{Lu}(\p{Ll}|\s)/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
const upper = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

// --------------------------------------------------------------------------- labels and code names

/** Words the templates put in that no shared table holds (lower case: the case of the input is kept). */
const LOCAL_WORDS: Readonly<Record<string, string>> = {
  // redovisning/validering.ts: the parts of a figure split by gender, and the figures compared
  kvinnor: 'women',
  män: 'men',
  totalt: 'total',
  'klienter med barn': 'clients with children',
  // statsbidrag.ts: the figures checked
  budgeten: 'the budget',
  'antalet årsarbetare': 'the number of full-time equivalents',
  beloppet: 'the amount',
  totalbudgeten: 'the total budget',
  administrationskostnaden: 'the administration cost',
  // the things a state machine names (tillstand.ts `bestamd`)
  ärendet: 'the case',
  bristen: 'the deficiency',
  redovisningen: 'the annual report',
  // who (a person or a party) in a sentence
  användaren: 'the user',
  aktören: 'the actor',
  // users/service.ts ROLL_KRAVER: where a role can be given
  'en po-verksamhet': 'a PO operation',
  'en länsstyrelse': 'a County Administrative Board',
  socialstyrelsen: 'the National Board of Health and Welfare',
  'en aktör (myndighet eller vårdgivare)': 'an actor (an authority or a care provider)',
  // personuppgiftsskydd.ts: what a text must not carry
  'ett personnummer': 'a personal identity number',
  'ett samordningsnummer': 'a coordination number',
  'ett telefonnummer': 'a telephone number',
  'en e-postadress': 'an email address',
  // small words
  '(tom)': '(empty)',
  fastställt: 'set',
  förhandsvisning: 'preview',
  högre: 'higher',
  lägre: 'lower',
};

const LABEL_EN = new Map<string, string>();
for (const [k, v] of Object.entries(LOCAL_WORDS)) LABEL_EN.set(k, v);
for (const l of [...Object.values(FIELD_LABELS), UNKNOWN_FIELD])
  if (!LABEL_EN.has(l.sv.toLowerCase())) LABEL_EN.set(l.sv.toLowerCase(), l.en);
for (const t of CODE_LISTS)
  for (const e of Object.values(t))
    if (!LABEL_EN.has(e.sv.toLowerCase())) LABEL_EN.set(e.sv.toLowerCase(), e.en);

/** One part of a label: a field name, a code name, a row, column or document; undefined if unknown. */
function labelPart(p: string): string | undefined {
  const row = /^([Rr])ad (\d+)$/.exec(p);
  if (row) return `${row[1] === 'R' ? 'Row' : 'row'} ${row[2]}`;
  const col = /^([Kk])olumn (.+)$/.exec(p);
  if (col) return `${col[1] === 'K' ? 'Column' : 'column'} ${col[2]}`;
  const doc = /^([Dd])okument (\d+)$/.exec(p);
  if (doc) return `${doc[1] === 'D' ? 'Document' : 'document'} ${doc[2]}`;
  const lan = /^(.+) för län (\d+)$/.exec(p);
  if (lan) {
    const what = labelPart(lan[1]!);
    return what === undefined ? undefined : `${what} for county ${lan[2]}`;
  }
  const en = LABEL_EN.get(p.toLowerCase());
  if (en === undefined) return undefined;
  return /^\p{Lu}/u.test(p) ? upper(en) : lower(en);
}

/**
 * A label or a name from the tables in English: "Klienter under året, kvinnor" → "Clients during the
 * year, women", "Rad 8, kolumn kon" → "Row 8, column kon", a status name in quotes stays in quotes.
 * Anything else (names of places and people, codes, a sentence) comes back unchanged.
 */
export function labelInEnglish(sv: string): string {
  const q = /^”(.*)”$/.exec(sv);
  if (q) return quoted(labelInEnglish(q[1]!));
  const whole = labelPart(sv);
  if (whole !== undefined) return whole;
  const parts = sv.split(', ').map(labelPart);
  return parts.every((p) => p !== undefined) ? parts.join(', ') : sv;
}
const label = labelInEnglish;

/** The items of a Swedish list: "a, b eller c" / "a, b och c" / "a, b, c". */
const items = (list: string) => list.split(/, | eller | och /);
const orListEn = (xs: string[]) =>
  xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
/** A figure of the redovisning form by its label; the oldest age group is not in the label tables. */
const OLDEST = '65 år och äldre';
const figureLabel = (s: string) => (s === OLDEST ? '65 and older' : label(s));

/** "a, b eller c" of names → "a, b or c" with each name translated. */
const namesOr = (list: string) => orListEn(items(list).map(label));
/** "a, b eller c" of codes (what a file holds): the codes stay, only the words change. */
const codesOr = (list: string) => orListEn(items(list));

/** "2 + 3 + 4" with each figure in English form. */
const sums = (s: string) => s.split(' + ').map(num).join(' + ');

// ------------------------------------------------------------------------------- exact sentences

const EXACT = new Map<string, string>([
  // --- platform: the defaults of errors.ts and the answers of error-handler.ts
  ['Hittades inte.', 'Not found.'],
  ['Du har inte behörighet till detta.', 'You do not have permission to do this.'],
  ['Du behöver logga in.', 'You need to log in.'],
  [
    'För många försök. Vänta en stund och försök igen.',
    'Too many attempts. Please wait a moment and try again.',
  ],
  ['Uppgiften har ett ogiltigt värde.', 'The field has an invalid value.'],
  ['Ett internt fel inträffade.', 'An internal error occurred.'],
  ['Begärans innehåll är inte giltig JSON.', 'The content of the request is not valid JSON.'],
  ['Inte giltig JSON.', 'Not valid JSON.'],
  ['Innehållstypen stöds inte.', 'The content type is not supported.'],
  ['Begäran är för stor.', 'The request is too large.'],
  ['Begäran saknar innehåll.', 'The request has no content.'],
  ['Innehåll saknas.', 'The content is missing.'],
  ['Begäran kunde inte behandlas.', 'The request could not be processed.'],
  ['Det finns ingen sida eller resurs på den adressen.', 'There is no page or resource at that address.'],
  ['Adressen är för lång.', 'The address is too long.'],
  [
    'Adressen är inte giltig. Kontrollera att den är rätt skriven.',
    'The address is not valid. Please check that it is spelt correctly.',
  ],
  ['Begärans huvuden är för stora.', 'The request headers are too large.'],
  ['Begäran tog för lång tid.', 'The request took too long.'],
  ['Begäran kunde inte tolkas.', 'The request could not be understood.'],
  ['Uppgiften känns inte igen och ska tas bort.', 'This field is not recognised; remove it.'],
  // --- platform: input-guard.ts (OTILLATET_TECKEN, OTILLATET_I_FIL)
  [
    'Texten innehåller ett tecken som inte kan sparas (ett NUL-tecken eller en ofullständig teckenkod). Ta bort det och försök igen.',
    'The text contains a character that cannot be saved (a NUL character or an incomplete character code). Please remove it and try again.',
  ],
  [
    'Filen innehåller NUL-tecken. Spara den som CSV med teckenkodningen UTF-8 och försök igen.',
    'The file contains NUL characters. Please save it as CSV with the UTF-8 character encoding and try again.',
  ],
  ['Begärans innehåll är inte giltig UTF-8.', 'The content of the request is not valid UTF-8.'],
  // --- platform: the audit log's checkpoints
  ['Kontrollpunkten är inte giltig JSON.', 'The checkpoint is not valid JSON.'],
  [
    'Kontrollpunktens signatur stämmer inte: filen har ändrats eller skapats med en annan nyckel för granskningsloggen.',
    'The checkpoint’s signature does not match: the file has been changed or was created with a different key for the audit log.',
  ],
  [
    'länken till föregående post stämmer inte (en post har tagits bort eller lagts till)',
    'the link to the previous entry does not match (an entry has been removed or added)',
  ],
  ['postens innehåll har ändrats', 'the entry’s content has been changed'],
  // --- login, e-ID and two-step verification
  [
    'Inloggningstjänsten för e-legitimation svarar inte just nu. Försök igen om en stund.',
    'The e-ID login service is not responding at the moment. Please try again in a while.',
  ],
  ['Inloggning med e-legitimation är inte aktiverad.', 'Logging in with e-ID is not enabled.'],
  ['Försök logga in igen.', 'Please try logging in again.'],
  [
    'Inloggningen kunde inte slutföras: den har gått ut, redan använts eller startades i en annan webbläsare.',
    'The login could not be completed: it has expired, has already been used or was started in another browser.',
  ],
  ['Inloggningen avbröts hos e-legitimationen.', 'The login was cancelled at the e-ID provider.'],
  ['Inloggningen kunde inte verifieras.', 'The login could not be verified.'],
  [
    'Inloggningen gjordes med för låg tillitsnivå. Logga in med en e-legitimation på tillitsnivå 3, t.ex. SITHS-kort eller Freja eID Plus.',
    'The login used too low a level of assurance. Please log in with an e-ID at assurance level 3, e.g. a SITHS card or Freja eID Plus.',
  ],
  ['Ditt konto i Ombud är avstängt.', 'Your Ombud account is disabled.'],
  [
    'Vägen saknar behörighetsregel och är därför stängd.',
    'This address has no permission rule and is therefore closed.',
  ],
  ['Ogiltig eller återkallad API-token.', 'Invalid or revoked API token.'],
  ['Användaren är avstängd.', 'The user is disabled.'],
  [
    'Begäran kom inte från Ombuds egna sidor (CSRF-skydd).',
    'The request did not come from Ombud’s own pages (CSRF protection).',
  ],
  [
    'Ange koden från din autentiseringsapp för att fortsätta.',
    'Enter the code from your authenticator app to continue.',
  ],
  [
    'Ange koden från din befintliga autentiseringsapp.',
    'Enter the code from your existing authenticator app.',
  ],
  ['TOTP gäller inloggning med session.', 'Two-step verification applies only to logging in with a session.'],
  ['Fel användarnamn eller lösenord.', 'Wrong username or password.'],
  [
    'För många misslyckade inloggningar. Vänta en stund och försök igen.',
    'Too many failed logins. Please wait a moment and try again.',
  ],
  ['Demolösenord är inte tillåtna i produktion.', 'Demo passwords are not allowed in production.'],
  [
    'För många felaktiga koder. Inloggningen med kod är tillfälligt låst; logga in igen senare.',
    'Too many wrong codes. Logging in with a code is temporarily locked; please log in again later.',
  ],
  [
    'Koden stämmer inte. Kontrollera tiden i din app och försök igen.',
    'The code does not match. Please check the time in your app and try again.',
  ],
  ['Koden ska vara sex siffror.', 'The code must be six digits.'],
  // --- users, passwords and administrators
  [
    'Bara en administratör kan hantera API-token, tvåstegsverifiering och OIDC-koppling.',
    'Only an administrator can manage API tokens, two-step verification and e-ID links.',
  ],
  ['Användaren har ingen giltig token med det id:t.', 'The user has no valid token with that ID.'],
  [
    'Du kan inte återställa din egen tvåstegsverifiering. Be en annan administratör.',
    'You cannot reset your own two-step verification. Please ask another administrator.',
  ],
  [
    'Användaren har roller i andra organisationer. Lösenord, konto och nya roller hanteras då av en administratör.',
    'The user has roles in other organisations. Their password, account and new roles are then managed by an administrator.',
  ],
  [
    'Organisationen finns inte. Välj en organisation i listan.',
    'The organisation does not exist. Please choose an organisation from the list.',
  ],
  ['Organisationen hittades inte.', 'The organisation was not found.'],
  [
    'En verksamhetschef kan bara ge och ta bort rollerna ombud, chef och ledamot.',
    'A head of operation can only give and remove the roles ombud, head of operation and member.',
  ],
  ['Användarnamnet är upptaget.', 'The username is already taken.'],
  [
    'Användaren har redan den rollen i organisationen.',
    'The user already has that role in the organisation.',
  ],
  ['Du kan inte stänga av dig själv.', 'You cannot disable yourself.'],
  [
    'Lösenordet är för vanligt. Välj ett längre eller ovanligare.',
    'The password is too common. Please choose a longer or less common one.',
  ],
  [
    'Lösenordet får inte vara samma som användarnamnet.',
    'The password must not be the same as the username.',
  ],
  [
    'Användarnamnet får innehålla små bokstäver a–z, siffror, punkt, bindestreck och understreck.',
    'The username may contain lower-case letters a–z, digits, full stops, hyphens and underscores.',
  ],
  // --- organisations and codes
  ['Koden används redan.', 'The code is already in use.'],
  [
    'Koden ska vara 1–64 tecken: bokstäver (även å, ä, ö och versaler), siffror, bindestreck och understreck, utan mellanslag.',
    'The code must be 1–64 characters: letters (Swedish letters and capitals included), digits, hyphens and underscores, without spaces.',
  ],
  ['Länskoden ska vara två siffror, t.ex. 01.', 'The county code must be two digits, e.g. 01.'],
  ['Kommunkoden ska vara fyra siffror, t.ex. 0180.', 'The municipality code must be four digits, e.g. 0180.'],
  ['Verksamheten finns inte.', 'The operation does not exist.'],
  // --- the actor register
  ['Aktören finns inte i registret.', 'The actor is not in the register.'],
  ['Koden används redan av en annan aktör.', 'The code is already used by another actor.'],
  ['Sista dagen får inte ligga före första dagen.', 'The last day must not be before the first day.'],
  [
    'Koden får innehålla små bokstäver a–z, siffror och bindestreck.',
    'The code may contain lower-case letters a–z, digits and hyphens.',
  ],
  [
    'Kategorin får innehålla små bokstäver a–z, siffror och understreck.',
    'The category may contain lower-case letters a–z, digits and underscores.',
  ],
  // --- brister (systemic deficiencies) and their import
  ['Filen är tom.', 'The file is empty.'],
  // the brister import template's example row
  [
    'Beslut om sjukersättning dröjer upp till sex månader.',
    'Decisions on sickness compensation take up to six months.',
  ],
  ['Filen har inga rader efter rubrikraden.', 'The file has no rows after the header row.'],
  ['Värdet saknas.', 'The value is missing.'],
  [
    'Ange minst en aktör (aktörskoder åtskilda med semikolon).',
    'Enter at least one actor (actor codes separated by semicolons).',
  ],
  ['Ange minst en aktör.', 'Choose at least one actor.'],
  ['Importerad från fil.', 'Imported from a file.'],
  ['Datumet kan inte ligga i framtiden.', 'The date cannot be in the future.'],
  [
    'Bristen har skickats till en aktör eller avslutats och kan inte längre ändras.',
    'The deficiency has been sent to an actor or closed and can no longer be changed.',
  ],
  ['Bristen har ingen aktör att skicka till.', 'The deficiency has no actor to send it to.'],
  [
    'Bristen har skickats till flera av dina organisationer; ange vilken som svarar.',
    'The deficiency has been sent to several of your organisations; please state which one is answering.',
  ],
  [
    'Ämneskoden får innehålla små bokstäver a–z, siffror och bindestreck.',
    'The subject code may contain lower-case letters a–z, digits and hyphens.',
  ],
  ['Antalet klienter kan inte vara negativt.', 'The number of clients cannot be negative.'],
  // --- clients, cases (ärenden), notes and the case import
  [
    'Filen kan inte läsas som en Excel-arbetsbok (.xlsx).',
    'The file cannot be read as an Excel workbook (.xlsx).',
  ],
  ['Arbetsboken har inget kalkylblad.', 'The workbook has no worksheet.'],
  ['Kolumnen förekommer två gånger.', 'The column appears twice.'],
  ['Kolumnen saknas i rubrikraden.', 'The column is missing from the header row.'],
  ['Alias saknas.', 'The alias is missing.'],
  [
    'Ogiltiga tecken: filen ska vara sparad som UTF-8.',
    'Invalid characters: the file must be saved as UTF-8.',
  ],
  ['Datum för förfrågan saknas.', 'The date of the request is missing.'],
  ['Filen är tom; den ska börja med en rubrikrad.', 'The file is empty; it must start with a header row.'],
  ['Användaren är inte ombud i verksamheten.', 'The user is not an ombud in the operation.'],
  ['Födelseåret ligger i framtiden.', 'The birth year is in the future.'],
  ['Födelseåret är orimligt.', 'The birth year is not plausible.'],
  ['Ange födelseår som ett heltal, t.ex. 1975.', 'Enter the birth year as a whole number, e.g. 1975.'],
  [
    'Aliaset används redan av en annan klient i verksamheten.',
    'The alias is already used by another client in the operation.',
  ],
  ['Aliaset används redan.', 'The alias is already in use.'],
  ['Klienten hittades inte.', 'The client was not found.'],
  ['Ärendet hittades inte.', 'The case was not found.'],
  ['Klienten är gallrad och kan inte ändras.', 'The client has been purged and cannot be changed.'],
  ['Klienten finns inte i verksamheten.', 'The client does not exist in the operation.'],
  [
    'Klienten är gallrad. Registrera personen som en ny klient.',
    'The client has been purged. Please register the person as a new client.',
  ],
  ['Klienten är gallrad.', 'The client has been purged.'],
  [
    'Klienten har redan ett pågående ärende; avsluta det först.',
    'The client already has an ongoing case; please close it first.',
  ],
  ['Klienten har redan ett pågående ärende.', 'The client already has an ongoing case.'],
  [
    'Klienten är gallrad; ärendet kan inte längre ändras.',
    'The client has been purged; the case can no longer be changed.',
  ],
  ['Avslutsorsak anges när ärendet avslutas.', 'The reason for ending is given when the case is closed.'],
  ['Ett avslutat ärende behöver en avslutsorsak.', 'A closed case needs a reason for ending.'],
  ['Ansvarigt ombud anges när ärendet startar.', 'The responsible ombud is given when the case starts.'],
  [
    'Ett ärende som ställs i kö får inget datum; kötiden räknas från förfrågan.',
    'A case placed in the queue gets no date; the time in the queue is counted from the request.',
  ],
  ['Ange varför ärendet avslutas.', 'State why the case is being closed.'],
  [
    'Klienten är gallrad; anteckningar kan inte läggas till.',
    'The client has been purged; notes cannot be added.',
  ],
  ['Anteckningen hittades inte.', 'The note was not found.'],
  [
    'Klienten är gallrad; anteckningarna finns inte längre.',
    'The client has been purged; the notes no longer exist.',
  ],
  ['Periodens slut får inte ligga före dess början.', 'The end of the period must not be before its start.'],
  ['Skriv något i anteckningen.', 'Write something in the note.'],
  [
    'Ange tjänstgöringsgraden i hundradelar, t.ex. 75 för 75 %.',
    'Enter the level of employment in hundredths, e.g. 75 for 75%.',
  ],
  // --- the dates of an ärende (arende-datum.ts)
  [
    'Ett ärende som aldrig startade kan inte avslutas; markera det som ej aktuellt i stället.',
    'A case that never started cannot be closed; mark it as not taken on instead.',
  ],
  [
    'Ett aktivt eller avslutat ärende behöver ett startdatum.',
    'An active or closed case needs a start date.',
  ],
  [
    'Ett ärende som inte har startat kan inte ha ett startdatum.',
    'A case that has not started cannot have a start date.',
  ],
  ['Ett avslutat ärende behöver ett avslutsdatum.', 'A closed case needs an end date.'],
  ['Ett ärende som pågår kan inte ha ett avslutsdatum.', 'An ongoing case cannot have an end date.'],
  // --- personnummer
  [
    'Skriv numret som ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN (bindestrecket får utelämnas).',
    'Write the number as YYMMDD-NNNN or YYYYMMDD-NNNN (the hyphen may be left out).',
  ],
  [
    'Plustecken används bara i den tiosiffriga formen (ÅÅMMDD+NNNN).',
    'A plus sign is used only in the ten-digit form (YYMMDD+NNNN).',
  ],
  [
    'Födelsedatumet i numret finns inte i kalendern.',
    'The date of birth in the number does not exist in the calendar.',
  ],
  ['Födelsedatumet ligger i framtiden.', 'The date of birth is in the future.'],
  [
    'Kontrollsiffran stämmer inte – kontrollera att numret är rätt skrivet.',
    'The check digit does not match – please check that the number is written correctly.',
  ],
  // --- redovisning (annual report): figures and documents
  // --- redovisning: the section "Verksamhetens arbetssätt" (domain/redovisning/arbetssatt.ts)
  ['Svara ja eller nej.', 'Answer yes or no.'],
  [
    'Antalet tillfällen är ifyllt men beskrivningen saknas: skriv kort vad ni har gjort.',
    'The number of occasions is filled in but the description is missing: write briefly what you did.',
  ],
  [
    'Beskrivningen är ifylld men antalet tillfällen är 0: ange hur många tillfällen det var.',
    'The description is filled in but the number of occasions is 0: enter how many occasions there were.',
  ],
  [
    'Antalet tillfällen måste vara ett heltal som är 0 eller större.',
    'The number of occasions must be a whole number that is 0 or more.',
  ],
  ['Antalet årsarbetare måste vara större än 0.', 'The number of full-time equivalents must be more than 0.'],
  [
    'Ange både median och längsta väntetid, eller ingen av dem.',
    'Enter both the median and the longest waiting time, or neither.',
  ],
  [
    'Redovisningen är inskickad och granskas av Länsstyrelsen; den kan inte ändras förrän den returneras.',
    'The annual report has been submitted and is being reviewed by the County Administrative Board; it cannot be changed until it is returned.',
  ],
  [
    'Redovisningen är godkänd och kan inte längre ändras.',
    'The annual report has been approved and can no longer be changed.',
  ],
  ['Redovisningen är redan inskickad.', 'The annual report has already been submitted.'],
  // --- state grants (statsbidrag)
  [
    'Administrationen kan inte vara större än budgeten.',
    'The administration cannot be larger than the budget.',
  ],
  [
    'Administrationskostnaden kan inte vara större än totalbudgeten.',
    'The administration cost cannot be larger than the total budget.',
  ],
  [
    'Avrundningen skulle betala ut mer än budgeten; avrunda nedåt i stället.',
    'The rounding would pay out more than the budget; please round down instead.',
  ],
  [
    'Ansökningarna har ändrats sedan förhandsvisningen. Förhandsvisa igen och kontrollera innan du fastställer.',
    'The applications have changed since the preview. Preview again and check before fixing the grant.',
  ],
  // --- ledningsgrupp (steering group)
  [
    'Användaren har ingen roll i verksamheten; ge henne eller honom rollen ledamot först.',
    'The user has no role in the operation; please give them the member role first.',
  ],
  ['Bristen finns inte i verksamhetens register.', 'The deficiency is not in the operation’s register.'],
  // --- the national picture and the county reports
  [
    'Bara länsstyrelsen i länet kan ändra länets rapport.',
    'Only the County Administrative Board of the county can change the county’s report.',
  ],
  [
    'Rapporten är redan inskickad och kan inte ändras.',
    'The report has already been submitted and cannot be changed.',
  ],
  ['Rapporten är redan inskickad.', 'The report has already been submitted.'],
  ['Bara en inskickad rapport kan godkännas.', 'Only a submitted report can be approved.'],
  // --- open data
  ['Det finns ingen statistik än.', 'There are no statistics yet.'],
  // --- the audit log
  ['Välj en händelse ur listan.', 'Choose an event from the list.'],
  ['Välj ett objekt ur listan.', 'Choose an object from the list.'],
  ['Ange antingen före eller efter, inte båda.', 'Enter either before or after, not both.'],
]);

// ------------------------------------------------------------------------------ template rules

const RULES: readonly Rule[] = [
  // --- prefixes that wrap another sentence: the rest is translated in its turn
  [/^Rad (\d+), kolumn ([^:]+): (.+)$/s, (m) => `Row ${m[1]}, column ${m[2]}: ${inEnglish(m[3]!)}`],
  [/^Rad (\d+): (.+)$/s, (m) => `Row ${m[1]}: ${inEnglish(m[2]!)}`],
  [/^Dokument (\d+): (.+)$/s, (m) => `Document ${m[1]}: ${inEnglish(m[2]!)}`],
  [/^Vid förfrågan: (.+)$/s, (m) => `At the time of the request: ${inEnglish(m[1]!)}`],
  [/^Ärende (\S+): (.+)\.$/s, (m) => `Case ${m[1]}: ${fragment(m[2]!)}.`],
  [
    /^(.+) Skriv stadsdelsområdets kod i kolumnen\.$/s,
    (m) => `${inEnglish(m[1]!)} Write the district’s code in the column.`,
  ],
  [/^(.+) Försök logga in igen\.$/s, (m) => `${inEnglish(m[1]!)} Please try logging in again.`],

  // --- the summary above a list of errors (error-map.ts summarySentence), and the submit refusal
  [
    /^(\S+) (uppgift|uppgifter) behöver rättas(?:: (.+))?\.$/,
    (m) =>
      `${num(m[1]!)} ${m[2] === 'uppgift' ? 'field needs' : 'fields need'} correcting${m[3] ? `: ${summaryLabels(m[3])}` : ''}.`,
  ],
  [
    /^Redovisningen kan inte skickas in: en uppgift behöver rättas\.$/,
    () => 'The annual report cannot be submitted: one field needs correcting.',
  ],
  [
    /^Redovisningen kan inte skickas in: (\S+) uppgifter behöver rättas\.$/,
    (m) => `The annual report cannot be submitted: ${num(m[1]!)} fields need correcting.`,
  ],

  // --- platform
  [
    /^Begärans innehåll är nästlat i fler än (\S+) nivåer\.$/,
    (m) => `The content of the request is nested more than ${num(m[1]!)} levels deep.`,
  ],
  [
    /^Kontrollpunkten har fel form \(väntade formatet (\S+) med count, headId, headHash, at och signature\)\.$/,
    (m) =>
      `The checkpoint has the wrong form (expected the format ${m[1]} with count, headId, headHash, at and signature).`,
  ],
  [
    /^Loggen är bruten vid post (\S+): (.+)\. Ingen kontrollpunkt skapas\.$/s,
    (m) => `The log is broken at entry ${m[1]}: ${EXACT.get(m[2]!) ?? m[2]}. No checkpoint is created.`,
  ],
  [
    /^Identiteten är redan kopplad till användaren (.+)\.$/,
    (m) => `The identity is already linked to the user ${m[1]}.`,
  ],
  [
    /^Din e-legitimation är inte kopplad till någon användare i Ombud\. Be din verksamhetschef eller administratör att koppla den till ditt konto och ge dem ditt id: (.+)$/s,
    (m) =>
      `Your e-ID is not linked to any user in Ombud. Please ask your head of operation or an administrator to link it to your account, and give them your ID: ${m[1]}`,
  ],

  // --- users and passwords
  [/^Rollen kan bara ges i (.+)\.$/, (m) => `The role can only be given in ${lower(label(m[1]!))}.`],
  [
    /^Lösenordet ska ha minst (\S+) tecken\.$/,
    (m) => `The password must have at least ${num(m[1]!)} characters.`,
  ],
  [
    /^Lösenordet får ha högst (\S+) tecken\.$/,
    (m) => `The password may have at most ${num(m[1]!)} characters.`,
  ],

  // --- organisations, counties, municipalities, districts
  [/^Länet (\S+) finns inte\.$/, (m) => `The county ${m[1]} does not exist.`],
  [/^Länet (\S+) förekommer mer än en gång\.$/, (m) => `The county ${m[1]} appears more than once.`],
  [/^Kommunen (\S+) finns inte\.$/, (m) => `The municipality ${m[1]} does not exist.`],
  [/^(.+) \((\S+)\) ligger inte i län (\S+)\.$/, (m) => `${m[1]} (${m[2]}) is not in county ${m[3]}.`],
  [
    /^Stadsdelsområdet (\S+) finns inte i kommun (\S+)\.$/,
    (m) => `The district ${m[1]} does not exist in municipality ${m[2]}.`,
  ],
  [/^Stadsdelsområdet (.+) finns inte\.$/, (m) => `The district ${m[1]} does not exist.`],
  [
    /^(.+) hör inte till någon av de angivna kommunerna\.$/,
    (m) => `${m[1]} does not belong to any of the municipalities given.`,
  ],
  [
    /^Det finns redan en verksamhet med koden (.+); koder skiljer inte på stora och små bokstäver\.$/,
    (m) =>
      `There is already an operation with the code ${m[1]}; codes do not distinguish capitals from small letters.`,
  ],
  [
    /^Det finns redan en verksamhet med koden (.+)\.$/,
    (m) => `There is already an operation with the code ${m[1]}.`,
  ],
  [/^Det finns ingen verksamhet med koden (.+)\.$/, (m) => `There is no operation with the code ${m[1]}.`],
  [/^Verksamheten (.+) finns inte\.$/, (m) => `The operation ${m[1]} does not exist.`],
  [
    /^Kommunen (\S+) ingår inte i verksamhetens område\.$/,
    (m) => `The municipality ${m[1]} is not part of the operation’s area.`,
  ],
  [/^(.+) ingår inte i verksamhetens område\.$/, (m) => `${m[1]} is not part of the operation’s area.`],
  [
    /^Kommunen (\S+) hör inte till verksamhetens kommuner\.$/,
    (m) => `The municipality ${m[1]} is not one of the operation’s municipalities.`,
  ],
  [
    /^Ange stadsdelsområde: verksamheten täcker (.+) i kommunen\.$/,
    (m) => `Choose a district: the operation covers ${m[1]} in the municipality.`,
  ],

  // --- files and imports (brister, ärenden, redovisning)
  [
    /^Filen kan inte läsas som CSV från rad (\S+) \((.+)\)\.$/,
    (m) => `The file cannot be read as CSV from row ${m[1]} (${m[2]}).`,
  ],
  [
    /^Filen kan inte läsas som CSV här: (.*)$/s,
    (m) => `The file cannot be read as CSV here: ${inEnglish(m[1]!)}`,
  ],
  [/^Okänd kolumn ”(.*)”\.$/, (m) => `Unknown column ${quoted(m[1]!)}.`],
  [/^Okänd kolumn (.*)\.$/, (m) => `Unknown column ${label(m[1]!)}.`],
  [/^Kolumnen (.+) saknas i rubrikraden\.$/, (m) => `The column ${m[1]} is missing from the header row.`],
  [/^Högst (\S+) rader per fil\.$/, (m) => `At most ${num(m[1]!)} rows per file.`],
  [/^Högst (\S+) tecken\.$/, (m) => `At most ${num(m[1]!)} characters.`],
  [
    /^Raden har (\S+) fält men rubrikraden (\S+)\.$/,
    (m) => `The row has ${num(m[1]!)} fields but the header row has ${num(m[2]!)}.`,
  ],
  [/^Inget importerades: (\S+) rad har fel\.$/, (m) => `Nothing was imported: ${num(m[1]!)} row has errors.`],
  [
    /^Inget importerades: (\S+) rader har fel\.$/,
    (m) => `Nothing was imported: ${num(m[1]!)} rows have errors.`,
  ],
  [
    /^Inget importerades: (\S+) fel i filen\.$/,
    (m) => `Nothing was imported: ${plural(m[1]!, 'error', 'errors')} in the file.`,
  ],
  [
    /^Filen kan inte importeras: (\S+) fel\.$/,
    (m) => `The file cannot be imported: ${plural(m[1]!, 'error', 'errors')}.`,
  ],
  [/^(.+) förekommer flera gånger i filen\.$/, (m) => `${m[1]} appears more than once in the file.`],
  [/^"(.*)" är inget datum i formen ÅÅÅÅ-MM-DD\.$/, (m) => `"${m[1]}" is not a date in the form YYYY-MM-DD.`],
  [
    /^"(.*)" är inget antal \(ett heltal 0 eller större\)\.$/,
    (m) => `"${m[1]}" is not a number (a whole number, 0 or more).`,
  ],
  [
    /^Arbetsboken har inget blad som heter ”(.*)” \((.*)\)\.$/,
    (m) => `The workbook has no sheet called ${quoted(m[1]!)} (${m[2]}).`,
  ],
  [
    /^”(.*)” är ingen känd kod \((.*)\)\.$/,
    (m) => `${quoted(m[1]!)} is not a known code (${codesOr(m[2]!)}).`,
  ],

  // --- brister (systemic deficiencies), subjects and actors
  [/^Okänd nivå "(.*)"; ange (.+)\.$/, (m) => `Unknown level "${m[1]}"; enter one of ${m[2]}.`],
  [/^Aktören (.+) finns inte\.$/, (m) => `The actor ${m[1]} does not exist.`],
  [/^Aktören (.+) finns redan\.$/, (m) => `The actor ${m[1]} already exists.`],
  [
    /^(.+) finns inte längre i aktörsregistret och kan inte väljas för nya brister\.$/,
    (m) => `${m[1]} is no longer in the actor register and cannot be chosen for new deficiencies.`,
  ],
  [/^(.+) ligger inte i det valda länet\.$/, (m) => `${m[1]} is not in the chosen county.`],
  [/^Ämnet "(.*)" finns inte i taxonomin\.$/, (m) => `The subject "${m[1]}" is not in the list of subjects.`],
  [/^Ämnet (.+) finns inte i taxonomin\.$/, (m) => `The subject ${m[1]} is not in the list of subjects.`],
  [/^Ämnet (.+) finns redan\.$/, (m) => `The subject ${m[1]} already exists.`],
  [
    /^(.+) är en grupp; ange ett av ämnena under den\.$/,
    (m) => `${m[1]} is a group; enter one of the subjects under it.`,
  ],
  [
    /^(.+) är en grupp; välj ett av ämnena under den\.$/,
    (m) => `${m[1]} is a group; choose one of the subjects under it.`,
  ],
  [/^Gruppen (.+) finns inte\.$/, (m) => `The group ${m[1]} does not exist.`],
  [/^(.+) är ett ämne, inte en grupp\.$/, (m) => `${m[1]} is a subject, not a group.`],
  [/^Återkoppling från (.+)\.$/, (m) => `Feedback from ${label(m[1]!)}.`],

  // --- clients, cases and the case import
  [/^Aliaset får vara högst (\S+) tecken\.$/, (m) => `The alias may be at most ${num(m[1]!)} characters.`],
  [
    /^”(.*)” är inget födelseår \(fyra siffror\)\.$/,
    (m) => `${quoted(m[1]!)} is not a birth year (four digits).`,
  ],
  [
    /^”(.*)” är inte ett giltigt kön \((.*)\)\.$/,
    (m) => `${quoted(m[1]!)} is not a valid gender (${codesOr(m[2]!)}).`,
  ],
  [/^Kön saknas \((.*)\)\.$/, (m) => `The gender is missing (${codesOr(m[1]!)}).`],
  [
    /^”(.*)” är inget giltigt värde för barn under 18 \((.*)\)\.$/,
    (m) => `${quoted(m[1]!)} is not a valid value for children under 18 (${codesOr(m[2]!)}).`,
  ],
  [
    /^Värde för barn under 18 saknas \((.*)\)\.$/,
    (m) => `The value for children under 18 is missing (${codesOr(m[1]!)}).`,
  ],
  [
    /^”(.*)” är varken en kommunkod \(fyra siffror\) eller ett stadsdelsområde\.$/,
    (m) => `${quoted(m[1]!)} is neither a municipality code (four digits) nor a district.`,
  ],
  [
    /^(.+) är inte ombud eller chef i verksamheten\.$/,
    (m) => `${label(m[1]!)} is not an ombud or head of operation in the operation.`,
  ],
  [
    /^Det finns redan en klient med aliaset ”(.*)” i verksamheten\.$/,
    (m) => `There is already a client with the alias ${quoted(m[1]!)} in the operation.`,
  ],
  [
    /^Skiljer sig från rad (\S+) för samma alias \((.*)\)\.$/,
    (m) => `Differs from row ${m[1]} for the same alias (${m[2]}).`,
  ],
  [
    /^Klienten har redan ett pågående ärende \(rad (\S+)\); bara ett ärende åt gången kan pågå\.$/,
    (m) => `The client already has an ongoing case (row ${m[1]}); only one case at a time can be ongoing.`,
  ],
  [
    /^Personligt ombud är för vuxna: klienten ska fylla minst (\S+) år (\S+) \(född (\S+) eller tidigare\)\.$/,
    (m) =>
      `Personal ombudsman support is for adults: the client must turn at least ${m[1]} in ${m[2]} (born ${m[3]} or earlier).`,
  ],
  [
    /^Personnumret anger födelseåret (\S+), men födelseåret är (\S+)\.$/,
    (m) => `The personal identity number gives the birth year ${m[1]}, but the birth year is ${m[2]}.`,
  ],
  [/^Status ska vara (.+)\.$/, (m) => `The status must be ${namesOr(m[1]!)}.`],
  [/^Nivå ska vara (.+)\.$/, (m) => `The level must be ${namesOr(m[1]!)}.`],
  [/^Klienten (\S+) förekommer två gånger\.$/, (m) => `The client ${m[1]} appears twice.`],

  // --- the dates of an ärende (arende-datum.ts, datum.ts)
  [
    /^(.+) ”(.*)” är inget giltigt datum \(ÅÅÅÅ-MM-DD\)\.$/,
    (m) => `${label(m[1]!)} ${quoted(m[2]!)} is not a valid date (YYYY-MM-DD).`,
  ],
  [
    /^(.+) \((\S+)\) kan inte ligga efter i dag \((\S+)\)\.$/,
    (m) => `${label(m[1]!)} (${m[2]}) cannot be later than today (${m[3]}).`,
  ],
  [
    /^Startdatum \((\S+)\) kan inte ligga före förfrågan \((\S+)\)\.$/,
    (m) => `The start date (${m[1]}) cannot be before the request (${m[2]}).`,
  ],
  [
    /^Avslutsdatum \((\S+)\) kan inte ligga före startdatum \((\S+)\)\.$/,
    (m) => `The end date (${m[1]}) cannot be before the start date (${m[2]}).`,
  ],
  [
    /^Avslutsdatum \((\S+)\) kan inte ligga före förfrågan \((\S+)\)\.$/,
    (m) => `The end date (${m[1]}) cannot be before the request (${m[2]}).`,
  ],
  [
    /^Ogiltigt datum: ”(.*)” \(förväntat ÅÅÅÅ-MM-DD\)\.$/,
    (m) => `Invalid date: ${quoted(m[1]!)} (expected YYYY-MM-DD).`,
  ],

  // --- personal data in free text (personuppgiftsskydd.ts)
  [
    /^Texten innehåller (.+?) \(”(.*)”\) – ta bort (?:det|den); en brist beskriver systemet, inte personen\.$/s,
    (m) =>
      `The text contains ${label(m[1]!)} (${quoted(m[2]!)}) – please remove it; a deficiency describes the system, not the person.`,
  ],

  // --- workflows (tillstand.ts): ärenden, brister, redovisningar
  [/^Okänd status (.+)\.$/, (m) => `Unknown status ${label(m[1]!)}.`],
  [/^(\S+) har redan status (.+)\.$/, (m) => `${label(m[1]!)} already has the status ${label(m[2]!)}.`],
  [
    /^(\S+) har status (.+), som är ett slutläge och inte kan ändras\.$/,
    (m) => `${label(m[1]!)} has the status ${label(m[2]!)}, which is final and cannot be changed.`,
  ],
  [
    /^(\S+) kan inte gå från (”[^”]*”) till (”[^”]*”)\. Möjligt nästa steg: (.+)\.$/,
    (m) => {
      const next = m[4]!.split(', ').map(label);
      return `${label(m[1]!)} cannot go from ${label(m[2]!)} to ${label(m[3]!)}. Possible next ${next.length === 1 ? 'step' : 'steps'}: ${next.join(', ')}.`;
    },
  ],

  // --- redovisning (annual report): the figures (validering.ts)
  [
    /^Värdet måste vara ett heltal som är 0 eller större \(är (.*)\)\.$/,
    (m) => `The value must be a whole number, 0 or more (it is ${num(m[1]!)}).`,
  ],
  [
    /^Kvinnor, män och annan könsidentitet \((.+)\) ska bli totalt \((\S+)\)\.$/,
    (m) => `Women, men and other gender identity (${sums(m[1]!)}) must add up to the total (${num(m[2]!)}).`,
  ],
  [
    /^(.+) \(([^()]+)\) kan inte vara fler än antalet klienter, ([^(]+) \(([^()]+)\)\.$/,
    (m) =>
      `${label(m[1]!)} (${num(m[2]!)}) cannot be more than the number of clients, ${label(m[3]!)} (${num(m[4]!)}).`,
  ],
  [
    /^Avslutade ärenden, (.+) \(([^()]+)\), kan inte vara färre än klienterna med ett avslutat ärende \(([^()]+)\)\.$/,
    (m) =>
      `Closed cases, ${label(m[1]!)} (${num(m[2]!)}), cannot be fewer than the clients with a closed case (${num(m[3]!)}).`,
  ],
  [
    /^(.+?) avslutade ärenden, (.+), men ingen klient med ett avslutat ärende\.$/,
    (m) =>
      `${plural(m[1]!, 'closed case', 'closed cases')}, ${label(m[2]!)}, but no client with a closed case.`,
  ],
  [
    /^Åldersgrupperna ska tillsammans bli antalet klienter, (.+): (\S+) mot (\S+)\.$/,
    (m) =>
      `The age groups together must add up to the number of clients, ${label(m[1]!)}: ${num(m[2]!)} against ${num(m[3]!)}.`,
  ],
  [
    /^”(.*)” finns inte i den nationella listan över kontaktorsaker\.$/,
    (m) => `${quoted(m[1]!)} is not in the national list of reasons for contact.`,
  ],
  [
    /^Årsarbetarna \(([^()]+)\) kan inte vara fler än antalet ombud \(([^()]+)\)\.$/,
    (m) =>
      `The full-time equivalents (${num(m[1]!)}) cannot be more than the number of ombud (${num(m[2]!)}).`,
  ],
  [
    /^Kvinnor och män bland ombuden \((.+)\) kan inte vara fler än antalet ombud \(([^()]+)\)\.$/,
    (m) =>
      `Women and men among the ombud (${sums(m[1]!)}) cannot be more than the number of ombud (${num(m[2]!)}).`,
  ],
  [
    /^(.+) per (kommun|stadsdelsområde), (.+) \(([^()]+)\), ska bli verksamhetens antal \(([^()]+)\)\.$/,
    (m) =>
      `${figureLabel(m[1]!)} by ${m[2] === 'kommun' ? 'municipality' : 'district'}, ${label(m[3]!)} (${num(m[4]!)}), must add up to the operation’s figure (${num(m[5]!)}).`,
  ],
  // --- redovisning: checks against last year's submitted report (validering.ts jamforForraAret)
  [
    /^Fortsatta klienter \(klienter under året (.+?) − nya klienter (.+?) = (.+?)\) kan inte vara fler än klienterna under (.+?) \(([^()]+)\)\.$/,
    (m) =>
      `Continuing clients (clients during the year ${num(m[1]!)} − new clients ${num(m[2]!)} = ${num(m[3]!)}) cannot be more than the clients during ${m[4]} (${num(m[5]!)}).`,
  ],
  [
    /^Fortsatta klienter \(([^()]+)\) är fler än klienterna under (.+?) som inte avslutades \((.+?) − (.+?) = (.+?)\)\. Det stämmer bara om klienter som avslutades (.+?) har kommit tillbaka eller hade ett ärende till\.$/,
    (m) =>
      `Continuing clients (${num(m[1]!)}) are more than the clients during ${m[2]} whose case was not closed (${num(m[3]!)} − ${num(m[4]!)} = ${num(m[5]!)}). That is only right if clients closed in ${m[6]} have come back or had another case.`,
  ],
  [
    /^I kö 31 december (.+?) \(([^()]+)\) är fler än nya klienter och kön nu tillsammans \((.+?) \+ (.+?)\)\. Minst (.+?) lämnade då kön utan att få ombud; stämmer det\?$/,
    (m) =>
      `Those in the queue on 31 December ${m[1]} (${num(m[2]!)}) are more than the new clients and the queue now together (${num(m[3]!)} + ${num(m[4]!)}). Then at least ${num(m[5]!)} left the queue without getting an ombud; is that right?`,
  ],
  [
    /^Medianväntetiden \((\S+) dagar\) kan inte vara längre än den längsta \((\S+) dagar\)\.$/,
    (m) =>
      `The median waiting time (${plural(m[1]!, 'day', 'days')}) cannot be longer than the longest (${plural(m[2]!, 'day', 'days')}).`,
  ],

  // --- redovisning: the document (dokumentregler.ts) and its service
  [
    /^Ansökan gäller året efter redovisningsåret \((\S+)\), inte (\S+)\.$/,
    (m) => `The grant application is for the year after the reporting year (${m[1]}), not ${m[2]}.`,
  ],
  [
    /^Årsarbetarna per kommun \(([^()]+)\) ska bli det sökta antalet \(([^()]+)\)\.$/,
    (m) =>
      `The full-time equivalents per municipality (${num(m[1]!)}) must add up to the number applied for (${num(m[2]!)}).`,
  ],
  [/^(.+) behöver fyllas i\.$/, (m) => `${label(m[1]!)} must be filled in.`],
  [
    /^Redovisningen skickades in (\S+) av (.+) och granskas av Länsstyrelsen\. Den kan inte ändras förrän den returneras\.$/,
    (m) =>
      `The annual report was submitted on ${m[1]} by ${m[2]} and is being reviewed by the County Administrative Board. It cannot be changed until it is returned.`,
  ],
  [
    /^Redovisningen godkändes (\S+) av (.+) och kan inte längre ändras\.$/,
    (m) => `The annual report was approved on ${m[1]} by ${m[2]} and can no longer be changed.`,
  ],
  [/^”(.*)” finns inte i redovisningen\.$/, (m) => `${quoted(m[1]!)} does not exist in the annual report.`],
  [
    /^(\S+) har redan en inskickad redovisning för (\S+)\.$/,
    (m) => `${m[1]} already has a submitted annual report for ${m[2]}.`,
  ],
  [
    /^verksamheten (\S+) kan inte registreras: (.+)$/s,
    (m) => `the operation ${m[1]} cannot be registered: ${inEnglish(m[2]!)}`,
  ],

  // --- state grants (statsbidrag)
  [
    /^Statsbidraget för (\S+) är redan fastställt\. En administratör kan öppna det igen med en anledning\.$/,
    (m) =>
      `The state grant for ${m[1]} has already been fixed. An administrator can reopen it, giving a reason.`,
  ],
  [
    /^Statsbidraget för (\S+) är inte fastställt, så det finns inget att öppna\.$/,
    (m) => `The state grant for ${m[1]} has not been fixed, so there is nothing to reopen.`,
  ],
  [
    /^Socialstyrelsen har inte fastställt beloppet per årsarbetare för (\S+)\.$/,
    (m) =>
      `The National Board of Health and Welfare has not set the amount per full-time equivalent for ${m[1]}.`,
  ],
  [
    /^Belopp per årsarbetare: (.+) \((fastställt|förhandsvisning)\)\.$/,
    (m) => `Amount per full-time equivalent: ${kronor(m[1]!)} (${label(m[2]!)}).`,
  ],
  [
    /^Fördelningen \((.+?) kr\) överstiger budgeten för ombudstjänster \((.+?) kr\); fastställ beloppet på nytt\.$/,
    (m) =>
      `The allocation (${kronor(m[1]!)}) exceeds the budget for ombud services (${kronor(m[2]!)}); please set the amount again.`,
  ],
  [
    /^(.+) av (.+) verksamheter har ingen inskickad eller godkänd ansökan för (\S+)\. De får inget statsbidrag om budgeten fastställs nu\.$/,
    (m) =>
      `${num(m[1]!)} of ${num(m[2]!)} operations have no submitted or approved grant application for ${m[3]}. They will get no state grant if the budget is set now.`,
  ],
  [
    /^Beloppet per årsarbetare \((.+)\) är (.+) (högre|lägre) än (\S+) \((.+)\)\.$/,
    (m) =>
      `The amount per full-time equivalent (${kronor(m[1]!)}) is ${percent(m[2]!)} ${label(m[3]!)} than in ${m[4]} (${kronor(m[5]!)}).`,
  ],
  [
    /^(.+) måste vara ett icke-negativt heltal \(fick (.*)\)\.$/,
    (m) => `${upper(label(m[1]!))} must be a non-negative whole number (got ${num(m[2]!)}).`,
  ],

  // --- ledningsgrupp (steering group)
  [/^(.+) är ingen ledamot i ledningsgruppen\.$/, (m) => `${m[1]} is not a member of the steering group.`],
  [/^Ledningsgruppens möte (\S+): (.*)$/s, (m) => `Steering group meeting ${m[1]}: ${m[2]}`],

  // --- open data
  [/^Det finns statistik för (.+)\.$/, (m) => `There are statistics for ${m[1]}.`],
  [
    /^Det finns ingen tabell som heter (.+)\. Tabellerna är: (.+)\.$/,
    (m) => `There is no table called ${m[1]}. The tables are: ${m[2]}.`,
  ],
  [
    /^Ingen öppen statistik för (\S+): inga godkända redovisningar\. (.+)$/s,
    (m) => `No open statistics for ${m[1]}: no approved annual reports. ${inEnglish(m[2]!)}`,
  ],
  [/^En av: (.+)\.$/, (m) => `One of: ${m[1]}.`],

  // --- the audit log
  [
    /^Urvalet har (.+?) poster; en fil får ha högst (.+?)\. Välj en kortare period\.$/,
    (m) =>
      `The selection has ${plural(m[1]!, 'entry', 'entries')}; a file may have at most ${num(m[2]!)}. Please choose a shorter period.`,
  ],

  // --- the zod sentences of error-map.ts in their Swedish form (a detail built in Swedish)
  [/^Välj minst ett alternativ för (.+)\.$/, (m) => `Choose at least one option for ${lower(label(m[1]!))}.`],
  [
    /^Välj ett eller flera alternativ för (.+)\.$/,
    (m) => `Choose one or more options for ${lower(label(m[1]!))}.`,
  ],
  [/^Välj ([^:]+): (.+)\.$/, (m) => `Choose ${lower(label(m[1]!))}: ${namesOr(m[2]!)}.`],
  [/^Välj (.+)\.$/, (m) => `Choose ${lower(label(m[1]!))}.`],
  [/^(.+) måste fyllas i\.$/, (m) => `${label(m[1]!)} is required.`],
  [/^(.+) ska vara ett tal, t\.ex\. 2,5\.$/, (m) => `${label(m[1]!)} must be a number, e.g. 2.5.`],
  [/^(.+) ska vara ett heltal, t\.ex\. 12\.$/, (m) => `${label(m[1]!)} must be a whole number, e.g. 12.`],
  [/^(.+) ska vara text\.$/, (m) => `${label(m[1]!)} must be text.`],
  [/^(.+) ska vara ja eller nej\.$/, (m) => `${label(m[1]!)} must be yes or no.`],
  [/^(.+) ska vara ett datum, t\.ex\. (\S+)\.$/, (m) => `${label(m[1]!)} must be a date, e.g. ${m[2]}.`],
  [
    /^(.+) ska vara minst (\S+) tecken\.$/,
    (m) => `${label(m[1]!)} must be at least ${num(m[2]!)} characters.`,
  ],
  [/^(.+) får vara högst (\S+) tecken\.$/, (m) => `${label(m[1]!)} may be at most ${num(m[2]!)} characters.`],
  [/^(.+) ska vara större än (\S+)\.$/, (m) => `${label(m[1]!)} must be more than ${num(m[2]!)}.`],
  [/^(.+) ska vara minst (\S+)\.$/, (m) => `${label(m[1]!)} must be at least ${num(m[2]!)}.`],
  [/^(.+) får vara mindre än (\S+)\.$/, (m) => `${label(m[1]!)} must be less than ${num(m[2]!)}.`],
  [/^(.+) får vara högst (\S+)\.$/, (m) => `${label(m[1]!)} must be at most ${num(m[2]!)}.`],
  [
    /^(.+) får ha högst två decimaler, t\.ex\. 2,25\.$/,
    (m) => `${label(m[1]!)} may have at most two decimals, e.g. 2.25.`,
  ],
  [/^(.+) ska vara (.+ eller .+)\.$/, (m) => `${label(m[1]!)} must be ${namesOr(m[2]!)}.`],
  [
    /^(.+) har ett värde som inte finns bland alternativen\.$/,
    (m) => `${label(m[1]!)} is not one of the options.`,
  ],
  [/^(.+) har fel form\.$/, (m) => `${label(m[1]!)} has the wrong form.`],
  [/^(.+) har ett ogiltigt värde\.$/, (m) => `${label(m[1]!)} has an invalid value.`],
  [/^(.+) känns inte igen\.$/, (m) => `${label(m[1]!)} is not recognised.`],
  [/^(.+) är för tidigt\.$/, (m) => `${label(m[1]!)} is too early.`],
  [/^(.+) är för sent\.$/, (m) => `${label(m[1]!)} is too late.`],
];

/** The parts after "Ärende X:" in raknare.ts (no full stop of their own). */
const FRAGMENTS: readonly Rule[] = [
  [/^okänd klient (.+)$/, (m) => `unknown client ${m[1]}`],
  [/^ogiltigt datum ”(.*)”$/, (m) => `invalid date ${quoted(m[1]!)}`],
  [/^start före förfrågan$/, () => 'start before the request'],
  [/^avslut före start$/, () => 'end before the start'],
  [/^okänd kontaktorsak ”(.*)”$/, (m) => `unknown reason for contact ${quoted(m[1]!)}`],
];

function fragment(sv: string): string {
  for (const [re, f] of FRAGMENTS) {
    const m = sv.match(re);
    if (m) return f(m);
  }
  const whole = inEnglish(`${sv}.`);
  return whole.endsWith('.') ? whole.slice(0, -1) : whole;
}

/**
 * The labels listed in a summary ("Rubrik, Nivå" or "Klienter under året, kvinnor, Rad 8, kolumn kon"):
 * a label may hold commas itself, so the parts are translated one by one, which gives the same words.
 */
function summaryLabels(list: string): string {
  return list
    .split(', ')
    .map((p) => labelPart(p) ?? p)
    .join(', ');
}

// ----------------------------------------------------------------------------------- the API

function translateOne(sv: string): string | undefined {
  const exact = EXACT.get(sv);
  if (exact !== undefined) return exact;
  for (const [re, f] of RULES) {
    const m = sv.match(re);
    if (m) return f(m);
  }
  return undefined;
}

/**
 * The English version of one Swedish message, or the input unchanged when no rule knows it (English
 * input, a sentence nobody has translated yet). A label (errors[].label) is translated too.
 */
export function inEnglish(sv: string): string {
  const one = translateOne(sv);
  if (one !== undefined) return one;
  // Several sentences in one text: each on its own, when every one is known.
  const parts = sv.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ”"])/);
  if (parts.length > 1) {
    const en = parts.map(translateOne);
    if (en.every((e) => e !== undefined)) return en.join(' ');
  }
  // A label ("Rad 8, kolumn kon", "Klienter under året, kvinnor").
  return labelInEnglish(sv);
}

const TITLES: ReadonlyMap<string, string> = new Map([
  ['Ogiltiga uppgifter', 'Invalid data'],
  ['Hittades inte', 'Not found'],
  ['Ingen behörighet', 'No permission'],
  ['Inte inloggad', 'Not logged in'],
  ['Konflikt', 'Conflict'],
  ['För många försök', 'Too many attempts'],
  ['Internt fel', 'Internal error'],
  ['Ogiltig JSON', 'Invalid JSON'],
  ['Fel innehållstyp', 'Wrong content type'],
  ['För stor begäran', 'Request too large'],
  ['Felaktig begäran', 'Bad request'],
  ['För lång adress', 'Address too long'],
  ['Felaktig adress', 'Invalid address'],
  ['För stora huvuden', 'Request headers too large'],
  ['Tidsgränsen passerades', 'The time limit was exceeded'],
  ['Tjänsten är inte tillgänglig', 'Service unavailable'],
]);

/** The English title of a problem ("Ogiltiga uppgifter" → "Invalid data"); unknown titles unchanged. */
export function titleInEnglish(sv: string): string {
  return TITLES.get(sv) ?? sv;
}
