/**
 * The open statistics of a year (issue 12, item 3): the national tables that are tables of counts, and
 * per-län figures, each as a grid (rows × columns) after röjning (roja.ts). Pure: the caller passes the
 * year's national compilation and the approved documents.
 *
 * Left out on purpose (docs/open-data.md): Tabell 1 (money, decided separately), the contact-reason shares
 * (per cent without their counts: their small numbers cannot be checked), the list of other providers and
 * the brist picture (texts and lists, not tables of counts).
 */
import { ALDERSGRUPPER, OBLIGATORISKA_ROLLER } from '../codes.ts';
import type { NationellSammanstallning } from '../nationellt/rapport.ts';
import {
  enPerVerksamhet,
  klienterTotalt,
  type NationellRedovisning,
  personal,
  type Referens,
  VANTETID_INTERVALL,
} from '../nationellt/tabeller.ts';
import { andelIProcent } from '../tal.ts';
import { type RojCell, roja, summorForGrid } from './roja.ts';

export interface Kategori {
  kod: string;
  etikett: string;
}
export interface Kolumn extends Kategori {
  /** A count of people: suppressed when small. Other columns are published as they are. */
  omPersoner: boolean;
  /** Decimals when printed (årsarbetare, per cent); 0 when absent. */
  decimaler?: number;
}

export interface PubliceradTabell {
  id: string;
  titel: string;
  /** What the rows and the columns are (JSON-stat dimensions). */
  radDimension: Kategori;
  kolumnDimension: Kategori;
  rader: Kategori[];
  kolumner: Kolumn[];
  varden: RojCell[][];
}

export const ANMARKNING =
  'Små tal är dolda: antal personer från 1 till 4 visas som null (”..” i CSV), och ytterligare ett ' +
  'värde döljs där en summa annars skulle avslöja det dolda talet. Bara godkända redovisningar räknas.';

interface Grid {
  rader: Kategori[];
  kolumner: Kolumn[];
  varden: number[][];
  radTotal: boolean;
  kolumnTotal: boolean;
  offentliga?: ReadonlyArray<readonly [number, number]>;
}

function rojd(id: string, titel: string, dim: [Kategori, Kategori], g: Grid): PubliceradTabell {
  const omPersoner = g.kolumner.map((k) => k.omPersoner);
  const varden = roja({
    varden: g.varden,
    omPersoner,
    summor: summorForGrid(g.varden.length, omPersoner, g),
    ...(g.offentliga ? { offentliga: g.offentliga } : {}),
  });
  return {
    id,
    titel,
    radDimension: dim[0],
    kolumnDimension: dim[1],
    rader: g.rader,
    kolumner: g.kolumner,
    varden,
  };
}

const KON: Kategori[] = [
  { kod: 'kvinna', etikett: 'Kvinnor' },
  { kod: 'man', etikett: 'Män' },
  { kod: 'annan', etikett: 'Annan könsidentitet' },
];
const TOTALT: Kategori = { kod: 'totalt', etikett: 'Totalt' };
const RIKET: Kategori = { kod: 'riket', etikett: 'Riket' };
const UPPGIFT: Kategori = { kod: 'uppgift', etikett: 'Uppgift' };
const OMRADE: Kategori = { kod: 'omrade', etikett: 'Område' };
const LAN: Kategori = { kod: 'lan', etikett: 'Län' };
const person = (k: Kategori): Kolumn => ({ ...k, omPersoner: true });
const ejPerson = (k: Kategori, decimaler = 0): Kolumn => ({ ...k, omPersoner: false, decimaler });

/** Per län: the approved documents' verksamheter, staff and clients (each verksamhet once, in its län). */
export interface LanUnderlag {
  lan: Kategori;
  verksamheter: number;
  klienter: { kvinna: number; man: number; annan: number };
  personal: { ombud: number; kvinnor: number; man: number; arsarbetare: number };
}

export function lanUnderlag(docs: readonly NationellRedovisning[], ref: Referens): LanUnderlag[] {
  const en = enPerVerksamhet(docs);
  return ref.lan.map((l) => {
    const iLan = en.filter((d) => d.verksamhet.lanKod === l.kod);
    const k = klienterTotalt(iLan);
    const p = personal(iLan);
    return {
      lan: { kod: l.kod, etikett: l.namn },
      verksamheter: iLan.length,
      klienter: { kvinna: k.kvinna, man: k.man, annan: k.annan },
      personal: { ombud: p.ombud, kvinnor: p.kvinnor, man: p.man, arsarbetare: p.arsarbetare },
    };
  });
}

const summa = (rader: number[][]) => rader[0]!.map((_, c) => rader.reduce((s, r) => s + r[c]!, 0));

/** Clients per län and gender, with the nation as the total row. */
export function klienterPerLan(lan: readonly LanUnderlag[]): PubliceradTabell {
  const delar = lan.map((l) => {
    const k = [l.klienter.kvinna, l.klienter.man, l.klienter.annan];
    return [...k, k[0]! + k[1]! + k[2]!];
  });
  return rojd('klienter-per-lan', 'Klienter per län och kön', [LAN, { kod: 'kon', etikett: 'Kön' }], {
    rader: [...lan.map((l) => l.lan), RIKET],
    kolumner: [...KON, TOTALT].map(person),
    varden: [...delar, summa(delar)],
    radTotal: true,
    kolumnTotal: true,
    offentliga: rikeKvinnorOchMan(delar.length),
  });
}

/**
 * The nation's women and men (the last row's first two cells): Tabell 3 publishes them as its row totals,
 * so a table that also has the nation's clients by gender must not hide them as partners of a small
 * "annan" (the hidden cell would be the total less two public figures).
 */
export const rikeKvinnorOchMan = (rikeRad: number) =>
  [
    [rikeRad, 0],
    [rikeRad, 1],
  ] as const;

/** Verksamheter, årsarbetare and ombud (by gender) per län, with the nation as the total row. */
function personalPerLan(lan: readonly LanUnderlag[]): PubliceradTabell {
  const delar = lan.map((l) => {
    const p = l.personal;
    // Ombud neither woman nor man (or not stated): the report allows kvinnor + män < ombud.
    return [l.verksamheter, p.arsarbetare, p.kvinnor, p.man, p.ombud - p.kvinnor - p.man, p.ombud];
  });
  const totalt = summa(delar);
  totalt[1] = Math.round(totalt[1]! * 100) / 100;
  return rojd('personal-per-lan', 'Verksamheter och personliga ombud per län', [LAN, UPPGIFT], {
    rader: [...lan.map((l) => l.lan), RIKET],
    kolumner: [
      ejPerson({ kod: 'verksamheter', etikett: 'Verksamheter' }),
      ejPerson({ kod: 'arsarbetare', etikett: 'Årsarbetare' }, 2),
      person({ kod: 'kvinnor', etikett: 'Ombud, kvinnor' }),
      person({ kod: 'man', etikett: 'Ombud, män' }),
      person({ kod: 'ovriga', etikett: 'Ombud, övriga' }),
      person({ kod: 'ombud', etikett: 'Ombud totalt' }),
    ],
    varden: [...delar, totalt],
    radTotal: true,
    kolumnTotal: true,
  });
}

function tabell2(s: NationellSammanstallning): PubliceradTabell {
  const falt = [
    ['kommuner', 'Kommuner'],
    ['kommunerMedPoForegaendeAr', `Kommuner med PO ${s.ar - 1}`],
    ['kommunerMedPo', `Kommuner med PO ${s.ar}`],
    ['forandring', 'Förändring'],
    ['verksamheter', 'Verksamheter'],
  ] as const;
  const rad = (r: Record<(typeof falt)[number][0], number | null>) => falt.map(([k]) => r[k]);
  // Counts of kommuner and verksamheter point at no person: nothing is suppressed, so no röjning. A null
  // is last year unknown (no report for the län that year: nationellt/tabeller.ts), printed '..' as well.
  return {
    id: 'tabell2',
    titel: 'Tabell 2. Kommuner med personligt ombud per län',
    radDimension: LAN,
    kolumnDimension: UPPGIFT,
    rader: [...s.tabell2.rader.map((r) => ({ kod: r.lanKod, etikett: r.lanNamn })), RIKET],
    kolumner: falt.map(([kod, etikett]) => ejPerson({ kod, etikett })),
    varden: [...s.tabell2.rader.map(rad), rad(s.tabell2.totalt)],
  };
}

export function tabell3(s: Pick<NationellSammanstallning, 'tabell3'>): PubliceradTabell {
  const rader = [...KON, TOTALT];
  const kolumner = [...ALDERSGRUPPER.map((a) => ({ kod: a, etikett: `${a.replace('-', '–')} år` })), TOTALT];
  const omPersoner = kolumner.map(() => true);
  // Every row's totalt is the sum of its age groups. The totalt ROW is kvinna + man only, as seed 003
  // publishes it (4 747 + 5 814 = 10 561): annan is a row of its own outside it (nationellt/tabeller.ts).
  const [kvinna, man, , totalt] = [0, 1, 2, 3];
  const summor = [
    ...summorForGrid(rader.length, omPersoner, { radTotal: true, kolumnTotal: false }),
    ...kolumner.map((_, c) => ({
      total: [totalt, c] as const,
      delar: [[kvinna, c] as const, [man, c] as const],
    })),
  ];
  const varden = rader.map((r) => kolumner.map((k) => s.tabell3[r.kod as 'kvinna'][k.kod as 'totalt']));
  return {
    id: 'tabell3',
    titel: 'Tabell 3. Klienter efter kön och åldersgrupp',
    radDimension: { kod: 'kon', etikett: 'Kön' },
    kolumnDimension: { kod: 'alder', etikett: 'Åldersgrupp' },
    rader,
    kolumner: kolumner.map(person),
    varden: roja({ varden, omPersoner, summor }),
  };
}

/** Clients with children under 18 per year; the share is hidden with the count it would reveal. */
export function tabell4(s: Pick<NationellSammanstallning, 'tabell4'>): PubliceradTabell {
  // Each row's kvinna + man + annan = totalt. "Alla klienter" is in no sum here (clients without children
  // are not published), so it is only primary-suppressed.
  const varden = roja({
    varden: s.tabell4.map((r) => [r.kvinna, r.man, r.annan, r.totalt, r.klienter]),
    omPersoner: [true, true, true, true, true],
    summor: s.tabell4.map((_, r) => ({
      total: [r, 3] as const,
      delar: [0, 1, 2].map((c) => [r, c] as const),
    })),
  });
  return {
    id: 'tabell4',
    titel: 'Tabell 4. Klienter med barn under 18 år',
    radDimension: { kod: 'ar', etikett: 'År' },
    kolumnDimension: UPPGIFT,
    rader: s.tabell4.map((r) => ({ kod: String(r.ar), etikett: String(r.ar) })),
    kolumner: [
      ...[...KON, TOTALT].map(person),
      person({ kod: 'klienter', etikett: 'Alla klienter' }),
      ejPerson({ kod: 'andel', etikett: 'Andel med barn (%)' }, 1),
    ],
    varden: varden.map((r) => {
      const [totalt, klienter] = [r[3]!, r[4]!];
      const andel = totalt === null || klienter === null ? null : andelIProcent(totalt, klienter, 1);
      return [...r, andel];
    }),
  };
}

function ko(s: NationellSammanstallning): PubliceradTabell {
  const kolumner: Kolumn[] = [
    ejPerson({ kod: 'verksamheter', etikett: 'Verksamheter' }),
    ejPerson({ kod: 'antal', etikett: 'Verksamheter med kö' }),
    ...VANTETID_INTERVALL.map((i) =>
      ejPerson({ kod: i, etikett: `Median väntetid ${i.replace('-', '–').replace('>', 'över ')} dagar` }),
    ),
    ejPerson({ kod: 'utanMedian', etikett: 'Med kö, utan uppgift om väntetid' }),
  ];
  return rojd('ko', 'Kö till personligt ombud', [OMRADE, UPPGIFT], {
    rader: [RIKET],
    kolumner,
    varden: [
      [s.ko.verksamheter, s.ko.antal, ...VANTETID_INTERVALL.map((i) => s.ko.vantetider[i]), s.ko.utanMedian],
    ],
    radTotal: false,
    kolumnTotal: false,
  });
}

const ROLL_ETIKETT: Record<(typeof OBLIGATORISKA_ROLLER)[number], string> = {
  kommun: 'kommunen',
  primarvard: 'primärvården',
  psykiatri: 'psykiatrin',
  arbetsformedlingen: 'Arbetsförmedlingen',
  forsakringskassan: 'Försäkringskassan',
};

function ledningsgrupp(s: NationellSammanstallning): PubliceradTabell {
  return rojd('ledningsgrupp', 'Ledningsgrupper som saknar en obligatorisk aktör', [OMRADE, UPPGIFT], {
    rader: [RIKET],
    kolumner: [
      ejPerson({ kod: 'verksamheter', etikett: 'Verksamheter' }),
      ejPerson({ kod: 'saknarRoll', etikett: 'Saknar minst en aktör' }),
      ...OBLIGATORISKA_ROLLER.map((r) => ejPerson({ kod: r, etikett: `Saknar ${ROLL_ETIKETT[r]}` })),
    ],
    varden: [
      [
        s.ledningsgrupp.verksamheter,
        s.ledningsgrupp.saknarRoll,
        ...OBLIGATORISKA_ROLLER.map((r) => s.ledningsgrupp.perRoll[r]),
      ],
    ],
    radTotal: false,
    kolumnTotal: false,
  });
}

/** Every published table of the year, in the order of the national report; per län last. */
export function oppnaTabeller(s: NationellSammanstallning, lan: readonly LanUnderlag[]): PubliceradTabell[] {
  return [
    tabell2(s),
    tabell3(s),
    tabell4(s),
    ko(s),
    ledningsgrupp(s),
    klienterPerLan(lan),
    personalPerLan(lan),
  ];
}

/** The cell of a table by row and column code (throws on a code the table lacks: a programming error). */
export function cell(t: PubliceradTabell, rad: string, kolumn: string): RojCell {
  const r = t.rader.findIndex((x) => x.kod === rad);
  const c = t.kolumner.findIndex((x) => x.kod === kolumn);
  if (r < 0 || c < 0) throw new Error(`${t.id}: ingen cell ${rad}/${kolumn}`);
  return t.varden[r]![c]!;
}

/** A row as an object of column code → value. */
export function radObjekt(t: PubliceradTabell, r: number): Record<string, RojCell> {
  return Object.fromEntries(t.kolumner.map((k, c) => [k.kod, t.varden[r]![c]!]));
}
