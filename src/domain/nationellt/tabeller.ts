/**
 * The national tables of Socialstyrelsen's lägesrapport (seed 003), computed from the verksamheters'
 * frozen annual reports (ombud.redovisning/v1). Pure: the caller passes the documents of the year, the
 * documents of the previous year and the reference data (län, kommuner).
 *
 * Choices where the brief and the seed are silent (documented in docs/national-report.md):
 * - A kommun "offers PO" in Y when at least one verksamhet with a redovisning for Y lists it in
 *   verksamhet.kommunKoder; it counts once however many verksamheter cover it, and in the län the
 *   REFERENCE data places it in (fallback: the first two digits of the SCB code, which are the län code).
 * - Verksamheter are counted per län by verksamhet.lanKod, once per verksamhet.kod (a duplicate document
 *   for the same verksamhet and year is counted once: the last one wins).
 * - Tabell 2, a län with reports for Y but none for Y−1 (a report "for the län": its verksamhet.lanKod is
 *   the län, or it covers one of the län's kommuner): last year's count and the change are null, printed
 *   '..' (no data) — 0 and "+N" would be false, the kommuner may well have offered PO. A län with no report
 *   in either year keeps 0, 0 and change 0, as seed 003 prints Gotland (1 kommun, 0, 0, 0). The Totalt
 *   row's last-year count and change are null when any län row's are.
 * - Tabell 3's "totalt" column is the sum of the four age groups, so the table adds up as the published
 *   one does (10 561 = 2 185 + 4 791 + 2 688 + 897).
 * - Tabell 3's "totalt" ROW is män + kvinnor, as published (seed 003: 4 747 + 5 814 = 10 561). Annan
 *   könsidentitet is a row of its own that changes neither; published, its counts 1–4 are '..'
 *   (rapport.ts tabell3Publicerad). All clients of the year, annan included, are klienterTotalt.
 * - Tabell 4's share and the contact-reason shares use all clients of the year (klienter.totalt) as the
 *   denominator, per gender for the gender columns; one decimal, half up; null when the denominator is 0.
 * - Queue: "antal" verksamheter with harKo, "andel" of all verksamheter; waiting-time ranges are counted
 *   over the verksamheter that had a queue and reported a median.
 * - Ledningsgrupp: a verksamhet "saknarRoll" when any of the five roles of SFS 2013:522 is false.
 */
import {
  ALDERSGRUPPER,
  type Aldersgrupp,
  KONTAKTORSAKER,
  type Kontaktorsak,
  OBLIGATORISKA_ROLLER,
  type ObligatoriskRoll,
  type Utforare,
} from '../codes.ts';
import type { G } from '../redovisning/typer.ts';
import { andelIProcent } from '../tal.ts';

/** The parts of ombud.redovisning/v1 the national tables read (RedovisningV1 is assignable to it). */
export interface NationellRedovisning {
  year: number;
  verksamhet: {
    kod: string;
    namn: string;
    lanKod: string;
    kommunKoder: readonly string[];
    utforare: Utforare;
  };
  klienter: {
    totalt: G;
    medBarn: G;
    alder: Record<Aldersgrupp, G>;
    /** Per the clients' own kommun, when the report was computed from casework (kommunKod null: not recorded). */
    perKommun?: ReadonlyArray<{
      kommunKod: string | null;
      totalt: G;
      medBarn: G;
      alder: Record<Aldersgrupp, G>;
    }>;
  };
  kontaktorsaker: Record<Kontaktorsak, G>;
  ko: { harKo: boolean; vantetidMedianDagar: number | null };
  personal: { ombud: number; arsarbetare: number; kvinnor: number; man: number };
  ledningsgrupp: { roller: Record<ObligatoriskRoll, boolean> };
  brister: ReadonlyArray<{
    niva: 'handlaggare' | 'lokal' | 'central';
    aktorer: readonly string[];
    amne: string;
    titel: string;
    beskrivning: string;
    atgarder: readonly string[];
  }>;
  ansokan: { ar: number; arsarbetare: number };
}

export interface LanRef {
  kod: string;
  namn: string;
}
export interface KommunRef {
  kod: string;
  namn: string;
  lanKod: string;
}
export interface Referens {
  lan: readonly LanRef[];
  kommuner: readonly KommunRef[];
}

/** One document per verksamhet (the last one wins), in a stable order. */
export function enPerVerksamhet<T extends { verksamhet: { kod: string } }>(docs: readonly T[]): T[] {
  const m = new Map<string, T>();
  for (const d of docs) m.set(d.verksamhet.kod, d);
  return [...m.values()].sort((a, b) => a.verksamhet.kod.localeCompare(b.verksamhet.kod, 'sv'));
}

/** Each kommun's län, looked up once per table (a search per kommun per län was a quarter of the CPU). */
function lanPerKommun(ref: Referens): (kod: string) => string {
  const lan = new Map(ref.kommuner.map((k) => [k.kod, k.lanKod]));
  return (kod) => lan.get(kod) ?? kod.slice(0, 2);
}

/** The kommuner covered by at least one document (each once). */
export function kommunerMedPo(docs: readonly NationellRedovisning[]): Set<string> {
  return new Set(docs.flatMap((d) => d.verksamhet.kommunKoder));
}

// ---------------------------------------------------------------- Tabell 2
export interface Tabell2Rad {
  lanKod: string;
  lanNamn: string;
  kommuner: number;
  /** null ('..'): the län has reports this year but none last year, so last year is not known. */
  kommunerMedPoForegaendeAr: number | null;
  kommunerMedPo: number;
  /** kommunerMedPo − kommunerMedPoForegaendeAr; null when last year is not known. */
  forandring: number | null;
  verksamheter: number;
}
export interface Tabell2 {
  rader: Tabell2Rad[];
  totalt: Omit<Tabell2Rad, 'lanKod' | 'lanNamn'>;
}

export function tabell2(
  docs: readonly NationellRedovisning[],
  foregaende: readonly NationellRedovisning[],
  ref: Referens,
): Tabell2 {
  const nu = kommunerMedPo(docs);
  const fore = kommunerMedPo(foregaende);
  const kommunensLan = lanPerKommun(ref);
  const perLan = (koder: Set<string>, lanKod: string) =>
    [...koder].filter((k) => kommunensLan(k) === lanKod).length;
  // The län each year's reports are for: the verksamhet's own and those of the kommuner it covers.
  const lanMedRapport = (ds: readonly NationellRedovisning[]) =>
    new Set(ds.flatMap((d) => [d.verksamhet.lanKod, ...d.verksamhet.kommunKoder.map(kommunensLan)]));
  const [rapportNu, rapportFore] = [lanMedRapport(docs), lanMedRapport(foregaende)];
  const verksamheter = enPerVerksamhet(docs);
  const rader = ref.lan.map((l): Tabell2Rad => {
    const kommunerMedPoNu = perLan(nu, l.kod);
    const kand = rapportFore.has(l.kod) || !rapportNu.has(l.kod);
    const kommunerMedPoFore = kand ? perLan(fore, l.kod) : null;
    return {
      lanKod: l.kod,
      lanNamn: l.namn,
      kommuner: ref.kommuner.filter((k) => k.lanKod === l.kod).length,
      kommunerMedPoForegaendeAr: kommunerMedPoFore,
      kommunerMedPo: kommunerMedPoNu,
      forandring: kommunerMedPoFore === null ? null : kommunerMedPoNu - kommunerMedPoFore,
      verksamheter: verksamheter.filter((v) => v.verksamhet.lanKod === l.kod).length,
    };
  });
  const summa = (f: (r: Tabell2Rad) => number) => rader.reduce((s, r) => s + f(r), 0);
  // A national change over only some län would be a false figure: unknown when any län's is.
  const kandSumma = (f: (r: Tabell2Rad) => number | null) =>
    rader.some((r) => f(r) === null) ? null : summa((r) => f(r) as number);
  return {
    rader,
    totalt: {
      kommuner: summa((r) => r.kommuner),
      kommunerMedPoForegaendeAr: kandSumma((r) => r.kommunerMedPoForegaendeAr),
      kommunerMedPo: summa((r) => r.kommunerMedPo),
      forandring: kandSumma((r) => r.forandring),
      verksamheter: summa((r) => r.verksamheter),
    },
  };
}

// ---------------------------------------------------------------- Tabell 3
export type AlderKolumn = Aldersgrupp | 'totalt';
export type Tabell3Rad = Record<AlderKolumn, number>;
export type Tabell3 = Record<'kvinna' | 'man' | 'annan' | 'totalt', Tabell3Rad>;

const TABELL3_RADER = ['kvinna', 'man', 'annan', 'totalt'] as const;

/** Totalt = kvinna + man as published (seed 003); annan is its own row, outside the total. */
export function tabell3(docs: readonly NationellRedovisning[]): Tabell3 {
  const tom = (): Tabell3Rad => ({ '18-29': 0, '30-49': 0, '50-64': 0, '65+': 0, totalt: 0 });
  const t: Tabell3 = { kvinna: tom(), man: tom(), annan: tom(), totalt: tom() };
  for (const d of enPerVerksamhet(docs)) {
    for (const a of ALDERSGRUPPER) {
      const g = d.klienter.alder[a];
      for (const rad of TABELL3_RADER) {
        const n = rad === 'totalt' ? g.kvinna + g.man : g[rad];
        t[rad][a] += n;
        t[rad].totalt += n;
      }
    }
  }
  return t;
}

// ---------------------------------------------------------------- Tabell 4
export interface Tabell4Rad {
  ar: number;
  kvinna: number;
  man: number;
  annan: number;
  totalt: number;
  /** Per cent of all clients of the year, one decimal; null when there were no clients. */
  andel: number | null;
  klienter: number;
}

export function summaG(gs: readonly G[]): G {
  return gs.reduce(
    (s, g) => ({
      kvinna: s.kvinna + g.kvinna,
      man: s.man + g.man,
      annan: s.annan + g.annan,
      totalt: s.totalt + g.totalt,
    }),
    { kvinna: 0, man: 0, annan: 0, totalt: 0 },
  );
}

export function klienterTotalt(docs: readonly NationellRedovisning[]): G {
  return summaG(enPerVerksamhet(docs).map((d) => d.klienter.totalt));
}

function tabell4Rad(ar: number, docs: readonly NationellRedovisning[]): Tabell4Rad {
  const en = enPerVerksamhet(docs);
  const barn = summaG(en.map((d) => d.klienter.medBarn));
  const alla = summaG(en.map((d) => d.klienter.totalt));
  return { ar, ...barn, andel: andelIProcent(barn.totalt, alla.totalt, 1), klienter: alla.totalt };
}

/** The previous year first (as in seed 003: 2024, 2025); a year without documents is left out. */
export function tabell4(
  ar: number,
  docs: readonly NationellRedovisning[],
  foregaende: readonly NationellRedovisning[],
): Tabell4Rad[] {
  const rader: Tabell4Rad[] = [];
  if (foregaende.length) rader.push(tabell4Rad(ar - 1, foregaende));
  if (docs.length) rader.push(tabell4Rad(ar, docs));
  return rader;
}

// ---------------------------------------------------------------- Diagram 1: kontaktorsaker
export interface KontaktorsakAndel {
  kvinna: number | null;
  man: number | null;
  totalt: number | null;
}
export type Kontaktorsaker = Record<Kontaktorsak, KontaktorsakAndel>;

export function kontaktorsaker(docs: readonly NationellRedovisning[]): Kontaktorsaker {
  const en = enPerVerksamhet(docs);
  const alla = summaG(en.map((d) => d.klienter.totalt));
  return Object.fromEntries(
    KONTAKTORSAKER.map((k) => {
      const s = summaG(en.map((d) => d.kontaktorsaker[k]));
      return [
        k,
        {
          kvinna: andelIProcent(s.kvinna, alla.kvinna, 1),
          man: andelIProcent(s.man, alla.man, 1),
          totalt: andelIProcent(s.totalt, alla.totalt, 1),
        },
      ];
    }),
  ) as Kontaktorsaker;
}

// ---------------------------------------------------------------- Kö
export const VANTETID_INTERVALL = ['0-30', '31-60', '61-90', '>90'] as const;
export type VantetidIntervall = (typeof VANTETID_INTERVALL)[number];

export function vantetidIntervall(dagar: number): VantetidIntervall {
  if (dagar <= 30) return '0-30';
  if (dagar <= 60) return '31-60';
  if (dagar <= 90) return '61-90';
  return '>90';
}

export interface Ko {
  verksamheter: number;
  antal: number;
  andel: number | null;
  /** Verksamheter with a queue by the range of their median waiting time. */
  vantetider: Record<VantetidIntervall, number>;
  /** With a queue but no median reported. */
  utanMedian: number;
  foregaendeAr: { verksamheter: number; antal: number; andel: number | null } | null;
}

function koAntal(docs: readonly NationellRedovisning[]) {
  const en = enPerVerksamhet(docs);
  const antal = en.filter((d) => d.ko.harKo).length;
  return { verksamheter: en.length, antal, andel: andelIProcent(antal, en.length, 1) };
}

export function ko(docs: readonly NationellRedovisning[], foregaende: readonly NationellRedovisning[]): Ko {
  const vantetider = Object.fromEntries(VANTETID_INTERVALL.map((i) => [i, 0])) as Record<
    VantetidIntervall,
    number
  >;
  let utanMedian = 0;
  for (const d of enPerVerksamhet(docs)) {
    if (!d.ko.harKo) continue;
    if (d.ko.vantetidMedianDagar === null) utanMedian += 1;
    else vantetider[vantetidIntervall(d.ko.vantetidMedianDagar)] += 1;
  }
  return {
    ...koAntal(docs),
    vantetider,
    utanMedian,
    foregaendeAr: foregaende.length ? koAntal(foregaende) : null,
  };
}

// ---------------------------------------------------------------- Övriga utförare
export interface UtforareRad {
  kod: string;
  namn: string;
  utforare: Utforare;
  lanKod: string;
  lanNamn: string;
}

export function utforare(docs: readonly NationellRedovisning[], ref: Referens): UtforareRad[] {
  return enPerVerksamhet(docs)
    .filter((d) => d.verksamhet.utforare !== 'kommun')
    .map((d) => ({
      kod: d.verksamhet.kod,
      namn: d.verksamhet.namn,
      utforare: d.verksamhet.utforare,
      lanKod: d.verksamhet.lanKod,
      lanNamn: ref.lan.find((l) => l.kod === d.verksamhet.lanKod)?.namn ?? d.verksamhet.lanKod,
    }))
    .sort((a, b) => a.namn.localeCompare(b.namn, 'sv'));
}

// ---------------------------------------------------------------- Ledningsgrupp
export interface Ledningsgrupp {
  verksamheter: number;
  saknarRoll: number;
  andel: number | null;
  /** Verksamheter lacking each required role. */
  perRoll: Record<ObligatoriskRoll, number>;
  /** The role(s) missing most often (all tied at the top); empty when none is missing. */
  vanligastSaknad: ObligatoriskRoll[];
}

export function ledningsgrupp(docs: readonly NationellRedovisning[]): Ledningsgrupp {
  const en = enPerVerksamhet(docs);
  const perRoll = Object.fromEntries(OBLIGATORISKA_ROLLER.map((r) => [r, 0])) as Record<
    ObligatoriskRoll,
    number
  >;
  let saknarRoll = 0;
  for (const d of en) {
    const saknas = OBLIGATORISKA_ROLLER.filter((r) => !d.ledningsgrupp.roller[r]);
    if (saknas.length) saknarRoll += 1;
    for (const r of saknas) perRoll[r] += 1;
  }
  const max = Math.max(0, ...Object.values(perRoll));
  return {
    verksamheter: en.length,
    saknarRoll,
    andel: andelIProcent(saknarRoll, en.length, 1),
    perRoll,
    vanligastSaknad: max === 0 ? [] : OBLIGATORISKA_ROLLER.filter((r) => perRoll[r] === max),
  };
}

// ---------------------------------------------------------------- Personal
export interface PersonalSumma {
  ombud: number;
  /** FTE, summed exactly in hundredths, as a number with at most two decimals. */
  arsarbetare: number;
  kvinnor: number;
  man: number;
  /** Women's share of the ombud, per cent with one decimal. */
  andelKvinnor: number | null;
}

export const tillHundradelar = (fte: number) => Math.round(fte * 100);

export function personal(docs: readonly NationellRedovisning[]): PersonalSumma {
  const en = enPerVerksamhet(docs);
  const ombud = en.reduce((s, d) => s + d.personal.ombud, 0);
  const kvinnor = en.reduce((s, d) => s + d.personal.kvinnor, 0);
  const fte = en.reduce((s, d) => s + tillHundradelar(d.personal.arsarbetare), 0);
  return {
    ombud,
    arsarbetare: fte / 100,
    kvinnor,
    man: en.reduce((s, d) => s + d.personal.man, 0),
    andelKvinnor: andelIProcent(kvinnor, ombud, 1),
  };
}
