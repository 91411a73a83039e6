/**
 * Consistency checks of a redovisning's figures before it is sent to the Länsstyrelse (domain brief
 * "Annual report"; the national tables of seed 003 add up by gender and age group, so each verksamhet's
 * figures must too). Figures may have been typed in by hand or imported, so nothing is assumed.
 *
 * Each finding carries a JSON path (as in ombud.redovisning/v1, e.g. 'klienter.alder.18-29.kvinna'), a
 * stable rule code for the UI and tests, and a Swedish message. Sum checks over several cells point at the
 * total they disagree with.
 */
import { ALDERSGRUPPER, arKod, KON, KON_ETIKETT, KONTAKTORSAK_ETIKETT, KONTAKTORSAKER } from '../codes.ts';
import { formatTal } from '../tal.ts';
import type { G, KlientSiffror, RedovisningSiffror } from './typer.ts';

/** A figure in a message as Swedes write it: 2,5 and 10 561, never 2.5 (FTE have at most hundredths). */
const tal = (n: number) => formatTal(n, Number.isInteger(n) ? 0 : Number.isInteger(n * 10) ? 1 : 2);

export type ValideringsRegel =
  | 'heltal'
  | 'summa_kon'
  | 'alder_summa'
  | 'nya_max'
  | 'avslutade_klienter_max'
  | 'avslutade_arenden'
  | 'med_barn_max'
  | 'kontaktorsak_max'
  | 'okand_kontaktorsak'
  | 'arsarbetare_positiv'
  | 'arsarbetare_max'
  | 'personal_kon_max'
  | 'vantetid_median_max'
  | 'vantetid_parvis'
  | 'per_kommun_summa'
  | 'fortsatta_max'
  | 'fortsatta_avslutade'
  | 'ko_forra_aret';

export interface ValideringsFel {
  path: string;
  rule: ValideringsRegel;
  message: string;
}

const DELAR = [...KON, 'totalt'] as const;
type Del = (typeof DELAR)[number];
const DEL_NAMN: Record<Del, string> = {
  kvinna: 'kvinnor',
  man: 'män',
  annan: KON_ETIKETT.annan.sv.toLowerCase(),
  totalt: 'totalt',
};

const arHeltal = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export function valideraRedovisning(r: RedovisningSiffror): ValideringsFel[] {
  const fel: ValideringsFel[] = [];
  const lagg = (path: string, rule: ValideringsRegel, message: string) => fel.push({ path, rule, message });

  const heltal = (path: string, n: unknown) => {
    if (!arHeltal(n))
      lagg(
        path,
        'heltal',
        `Värdet måste vara ett heltal som är 0 eller större (är ${typeof n === 'number' && Number.isFinite(n) ? tal(n) : String(n)}).`,
      );
  };
  const kontrolleraG = (path: string, x: G) => {
    for (const d of DELAR) heltal(`${path}.${d}`, x[d]);
    if (x.kvinna + x.man + x.annan !== x.totalt) {
      lagg(
        `${path}.totalt`,
        'summa_kon',
        `Kvinnor, män och annan könsidentitet (${x.kvinna} + ${x.man} + ${x.annan}) ska bli totalt (${x.totalt}).`,
      );
    }
  };
  const hogst = (path: string, x: G, tak: G, rule: ValideringsRegel, vad: string) => {
    for (const d of DELAR) {
      if (x[d] > tak[d]) {
        lagg(
          `${path}.${d}`,
          rule,
          `${vad} (${tal(x[d])}) kan inte vara fler än antalet klienter, ${DEL_NAMN[d]} (${tal(tak[d])}).`,
        );
      }
    }
  };

  const k = r.klienter;
  kontrolleraG('klienter.totalt', k.totalt);
  kontrolleraG('klienter.nya', k.nya);
  kontrolleraG('klienter.avslutade', k.avslutade);
  kontrolleraG('klienter.medBarn', k.medBarn);
  for (const grupp of ALDERSGRUPPER) kontrolleraG(`klienter.alder.${grupp}`, k.alder[grupp]);
  hogst('klienter.nya', k.nya, k.totalt, 'nya_max', 'Nya klienter');
  // avslutade counts ÄRENDEN closed in Y (raknare.ts), so it has no bound in clients: a verksamhet whose
  // clients had several ärenden can close more ärenden than it had clients. The people behind it,
  // avslutadeKlienter, are bounded both ways: by the clients of the year, and by the ärenden closed (each
  // such client closed at least one). Documents without avslutadeKlienter (it came later) skip both.
  const ak = k.avslutadeKlienter;
  if (ak !== undefined) {
    kontrolleraG('klienter.avslutadeKlienter', ak);
    hogst(
      'klienter.avslutadeKlienter',
      ak,
      k.totalt,
      'avslutade_klienter_max',
      'Klienter med avslutat ärende',
    );
    for (const d of DELAR) {
      if (ak[d] > k.avslutade[d]) {
        lagg(
          `klienter.avslutade.${d}`,
          'avslutade_arenden',
          `Avslutade ärenden, ${DEL_NAMN[d]} (${tal(k.avslutade[d])}), kan inte vara färre än klienterna med ett avslutat ärende (${tal(ak[d])}).`,
        );
      } else if (k.avslutade[d] > 0 && ak[d] === 0) {
        lagg(
          `klienter.avslutadeKlienter.${d}`,
          'avslutade_arenden',
          `${tal(k.avslutade[d])} avslutade ärenden, ${DEL_NAMN[d]}, men ingen klient med ett avslutat ärende.`,
        );
      }
    }
  }
  hogst('klienter.medBarn', k.medBarn, k.totalt, 'med_barn_max', 'Klienter med barn');
  for (const d of DELAR) {
    const summa = ALDERSGRUPPER.reduce((s, grupp) => s + k.alder[grupp][d], 0);
    if (summa !== k.totalt[d]) {
      lagg(
        `klienter.alder.${d}`,
        'alder_summa',
        `Åldersgrupperna ska tillsammans bli antalet klienter, ${DEL_NAMN[d]}: ${summa} mot ${k.totalt[d]}.`,
      );
    }
  }

  for (const [orsak, x] of Object.entries(r.kontaktorsaker)) {
    const path = `kontaktorsaker.${orsak}`;
    if (!arKod(KONTAKTORSAKER, orsak)) {
      lagg(path, 'okand_kontaktorsak', `”${orsak}” finns inte i den nationella listan över kontaktorsaker.`);
      continue;
    }
    if (x === undefined) continue;
    kontrolleraG(path, x);
    hogst(path, x, k.totalt, 'kontaktorsak_max', KONTAKTORSAK_ETIKETT[orsak].sv);
  }

  const p = r.personal;
  heltal('personal.ombud', p.ombud);
  heltal('personal.kvinnor', p.kvinnor);
  heltal('personal.man', p.man);
  if (!(typeof p.arsarbetare === 'number' && Number.isFinite(p.arsarbetare) && p.arsarbetare > 0)) {
    lagg('personal.arsarbetare', 'arsarbetare_positiv', 'Antalet årsarbetare måste vara större än 0.');
  } else if (p.arsarbetare > p.ombud) {
    // One person can fill at most one full-time post.
    lagg(
      'personal.arsarbetare',
      'arsarbetare_max',
      `Årsarbetarna (${tal(p.arsarbetare)}) kan inte vara fler än antalet ombud (${p.ombud}).`,
    );
  }
  if (p.kvinnor + p.man > p.ombud) {
    lagg(
      'personal',
      'personal_kon_max',
      `Kvinnor och män bland ombuden (${p.kvinnor} + ${p.man}) kan inte vara fler än antalet ombud (${p.ombud}).`,
    );
  }

  const ko = r.ko;
  heltal('ko.antalIKo3112', ko.antalIKo3112);
  if (ko.vantetidMedianDagar !== null) heltal('ko.vantetidMedianDagar', ko.vantetidMedianDagar);
  if (ko.vantetidMaxDagar !== null) heltal('ko.vantetidMaxDagar', ko.vantetidMaxDagar);
  if ((ko.vantetidMedianDagar === null) !== (ko.vantetidMaxDagar === null)) {
    lagg(
      ko.vantetidMedianDagar === null ? 'ko.vantetidMedianDagar' : 'ko.vantetidMaxDagar',
      'vantetid_parvis',
      'Ange både median och längsta väntetid, eller ingen av dem.',
    );
  } else if (
    ko.vantetidMedianDagar !== null &&
    ko.vantetidMaxDagar !== null &&
    ko.vantetidMedianDagar > ko.vantetidMaxDagar
  ) {
    lagg(
      'ko.vantetidMedianDagar',
      'vantetid_median_max',
      `Medianväntetiden (${ko.vantetidMedianDagar} dagar) kan inte vara längre än den längsta (${ko.vantetidMaxDagar} dagar).`,
    );
  }
  return fel;
}

/** One part of klienter.perKommun / perStadsdelsomrade: totalt, nya, …, alder, kontaktorsaker (G each). */
export type OmradeDel = object;

/** The figures in the order and with the words of the form ("Klienter under året", …). */
const OMRADE_FIGURER: ReadonlyArray<[string, string]> = [
  ['totalt', 'Klienter under året'],
  ['nya', 'Nya klienter'],
  ['avslutade', 'Avslutade ärenden'],
  ['avslutadeKlienter', 'Klienter med avslutat ärende'],
  ['medBarn', 'Med hemmavarande barn'],
  ...ALDERSGRUPPER.map((a): [string, string] => [
    `alder.${a}`,
    a === '65+' ? '65 år och äldre' : `${a.replace('-', '–')} år`,
  ]),
  ...KONTAKTORSAKER.map((o): [string, string] => [`kontaktorsaker.${o}`, KONTAKTORSAK_ETIKETT[o].sv]),
];

const hamta = (x: unknown, path: string): G | undefined =>
  path.split('.').reduce<unknown>((y, k) => (y && typeof y === 'object' ? (y as never)[k] : undefined), x) as
    | G
    | undefined;

/**
 * The per-kommun (or per-stadsdelsområde) figures must add up to the verksamhet's own, figure by figure and
 * gender by gender: they are the same clients split by where they live (raknare.ts). A figure a part
 * leaves out (an optional one) is not checked. `helhet` holds the verksamhet's klienter block and contact
 * reasons; one finding per figure, at the list's path.
 */
export function valideraOmraden(
  path: 'klienter.perKommun' | 'klienter.perStadsdelsomrade',
  delar: readonly OmradeDel[],
  helhet: { klienter: KlientSiffror; kontaktorsaker: object },
): ValideringsFel[] {
  const fel: ValideringsFel[] = [];
  const hela = { ...helhet.klienter, kontaktorsaker: helhet.kontaktorsaker };
  for (const [figur, namn] of OMRADE_FIGURER) {
    const total = hamta(hela, figur);
    const bitar = delar.map((d) => hamta(d, figur));
    if (!total || bitar.some((b) => b === undefined)) continue;
    for (const d of DELAR) {
      const summa = bitar.reduce((s, b) => s + ((b as G)[d] ?? 0), 0);
      if (summa !== total[d]) {
        fel.push({
          path,
          rule: 'per_kommun_summa',
          message:
            path === 'klienter.perKommun'
              ? `${namn} per kommun, ${DEL_NAMN[d]} (${tal(summa)}), ska bli verksamhetens antal (${tal(total[d])}).`
              : `${namn} per stadsdelsområde, ${DEL_NAMN[d]} (${tal(summa)}), ska bli verksamhetens antal (${tal(total[d])}).`,
        });
        break;
      }
    }
  }
  return fel;
}

/**
 * Last year's submitted (or approved) report, as far as the checks across years need it. A report typed
 * in before avslutadeKlienter existed lacks it (null).
 */
export interface ForraArSiffror {
  ar: number;
  klienterTotalt: number;
  avslutade: number;
  avslutadeKlienter: number | null;
  antalIKo3112: number;
}

/**
 * Checks against last year's submitted report (issue 15 item 8), on the totals (not per gender: a
 * client's recorded gender may have changed since last year's report was frozen). Continuing clients are
 * the clients of the year who are not new (totalt − nya: by the counting rules, clients who also had
 * support last year).
 *
 * - fortsatta_max (an ERROR, blocks submission): continuing clients cannot outnumber last year's clients,
 *   since every continuing client was one of them. It points at nya (too few new ones is the usual slip).
 * - fortsatta_avslutade (a WARNING): continuing clients should not outnumber last year's clients whose
 *   case was not closed (last year's totalt − the clients with a closed ärende; the ärenden closed when an
 *   older report lacks the clients). It is only a warning because it can be right: a client whose ärende
 *   was closed last year may have come back this year (then the client is not new), and a client may have
 *   had one ärende closed while another went on.
 * - ko_forra_aret (a WARNING): everyone waiting on 31 December last year has, a year later, either got an
 *   ombud (a new client this year), still waits (in this year's queue), or left the queue without a start
 *   (withdrew, moved, found not to be in the target group). The figures do not hold the last group, so
 *   only a queue larger than this year's new clients and this year's queue together is flagged: then at
 *   least that many must have left the queue without an ombud, which is worth a look (or a word in the
 *   narrative) but no error.
 */
export function jamforForraAret(
  r: Pick<RedovisningSiffror, 'klienter' | 'ko'>,
  forra: ForraArSiffror,
): { fel: ValideringsFel[]; varningar: ValideringsFel[] } {
  const fel: ValideringsFel[] = [];
  const varningar: ValideringsFel[] = [];
  const k = r.klienter;
  if (![k.totalt.totalt, k.nya.totalt, r.ko.antalIKo3112].every(arHeltal)) return { fel, varningar };
  const fortsatta = k.totalt.totalt - k.nya.totalt;
  const fy = forra.ar;
  if (fortsatta > forra.klienterTotalt) {
    fel.push({
      path: 'klienter.nya.totalt',
      rule: 'fortsatta_max',
      message: `Fortsatta klienter (klienter under året ${tal(k.totalt.totalt)} − nya klienter ${tal(k.nya.totalt)} = ${tal(fortsatta)}) kan inte vara fler än klienterna under ${fy} (${tal(forra.klienterTotalt)}).`,
    });
  } else {
    const stangda = forra.avslutadeKlienter ?? forra.avslutade;
    const kvar = Math.max(0, forra.klienterTotalt - stangda);
    if (fortsatta > kvar) {
      varningar.push({
        path: 'klienter.nya.totalt',
        rule: 'fortsatta_avslutade',
        message: `Fortsatta klienter (${tal(fortsatta)}) är fler än klienterna under ${fy} som inte avslutades (${tal(forra.klienterTotalt)} − ${tal(stangda)} = ${tal(kvar)}). Det stämmer bara om klienter som avslutades ${fy} har kommit tillbaka eller hade ett ärende till.`,
      });
    }
  }
  const ko = r.ko.antalIKo3112;
  if (forra.antalIKo3112 > k.nya.totalt + ko) {
    varningar.push({
      path: 'ko.antalIKo3112',
      rule: 'ko_forra_aret',
      message: `I kö 31 december ${fy} (${tal(forra.antalIKo3112)}) är fler än nya klienter och kön nu tillsammans (${tal(k.nya.totalt)} + ${tal(ko)}). Minst ${tal(forra.antalIKo3112 - k.nya.totalt - ko)} lämnade då kön utan att få ombud; stämmer det?`,
    });
  }
  return { fel, varningar };
}
