/**
 * The whole national (or one län's) compilation in the order of seed 003, with its stable JSON keys
 * (docs/national-report.md), and the per-kommun tables a Länsstyrelse gets, with small numbers suppressed.
 *
 * Per kommun: a report computed from casework carries its client figures per the clients' own kommun
 * (klienter.perKommun), and a kommun's row adds those up over the län's verksamheter: each client counts
 * once, in the kommun they live in, so the rows add up to the län's figures. Clients of the län's
 * verksamheter living in another län's kommun get that kommun's row (after the län's own), clients with no
 * kommun recorded a row "Kommun ej angiven" (kommunKod null). A report without the split (typed in by hand,
 * imported, or made before it existed) falls back to the old rule: its whole figures under every kommun it
 * covers, named in the row's `helaVerksamheten` so the tables can say so (those rows then overlap).
 * Published per kommun, so every count 1–4 is '..' (smatal.ts).
 */
import { ALDERSGRUPPER } from '../codes.ts';
import type { G } from '../redovisning/typer.ts';
import { type Cell, undertryckRad } from '../smatal.ts';
import { type ArbetssattDokument, type ArbetssattTabell, arbetssattTabell } from './arbetssatt.ts';
import { type AktorRef, type AmneRef, type Bristbild, bristbild } from './bristbild.ts';
import {
  enPerVerksamhet,
  type Ko,
  type Kontaktorsaker,
  klienterTotalt,
  ko,
  kontaktorsaker,
  type Ledningsgrupp,
  ledningsgrupp,
  type NationellRedovisning,
  type PersonalSumma,
  personal,
  type Referens,
  summaG,
  type Tabell2,
  type Tabell3,
  type Tabell4Rad,
  tabell2,
  tabell3,
  tabell4,
  type UtforareRad,
  utforare,
} from './tabeller.ts';

export interface NationellSammanstallning {
  ar: number;
  /** The län when this is one Länsstyrelse's compilation; null for the nation. */
  lanKod: string | null;
  underlag: { verksamheter: number; foregaendeAr: number };
  klienter: G;
  tabell2: Tabell2;
  tabell3: Tabell3;
  tabell4: Tabell4Rad[];
  kontaktorsaker: Kontaktorsaker;
  ko: Ko;
  utforare: UtforareRad[];
  ledningsgrupp: Ledningsgrupp;
  personal: PersonalSumma;
  /** "Verksamheternas arbetssätt": yes-answers per question and activities summed (arbetssatt.ts). */
  arbetssatt: ArbetssattTabell;
  brister: Bristbild;
}

export interface SammanstallningInput {
  ar: number;
  lanKod?: string | null;
  docs: readonly (NationellRedovisning & ArbetssattDokument)[];
  foregaende: readonly NationellRedovisning[];
  referens: Referens;
  aktorer: readonly AktorRef[];
  amnen: readonly AmneRef[];
}

/** For a län, the documents are those of its verksamheter and Tabell 2 has the län's row only. */
export function sammanstall(input: SammanstallningInput): NationellSammanstallning {
  const lanKod = input.lanKod ?? null;
  const iLan = (d: NationellRedovisning) => lanKod === null || d.verksamhet.lanKod === lanKod;
  const docs = input.docs.filter((d) => d.year === input.ar && iLan(d));
  const foregaende = input.foregaende.filter((d) => d.year === input.ar - 1 && iLan(d));
  const referens: Referens =
    lanKod === null
      ? input.referens
      : { ...input.referens, lan: input.referens.lan.filter((l) => l.kod === lanKod) };
  return {
    ar: input.ar,
    lanKod,
    underlag: {
      verksamheter: enPerVerksamhet(docs).length,
      foregaendeAr: enPerVerksamhet(foregaende).length,
    },
    klienter: klienterTotalt(docs),
    tabell2: tabell2(docs, foregaende, referens),
    tabell3: tabell3(docs),
    tabell4: tabell4(input.ar, docs, foregaende),
    kontaktorsaker: kontaktorsaker(docs),
    ko: ko(docs, foregaende),
    utforare: utforare(docs, input.referens),
    ledningsgrupp: ledningsgrupp(docs),
    personal: personal(docs),
    arbetssatt: arbetssattTabell(docs),
    brister: bristbild(docs, foregaende, { aktorer: input.aktorer, amnen: input.amnen }),
  };
}

export type Tabell3Publicerad = Record<keyof Tabell3, Record<keyof Tabell3['totalt'], Cell>>;

export interface KommunTabell {
  /** null: the clients with no kommun recorded. */
  kommunKod: string | null;
  kommunNamn: string;
  /** Codes of the verksamheter covering the kommun this year or with clients living there. */
  verksamheter: string[];
  /**
   * Covering verksamheter whose reports have no figures per kommun: their WHOLE figures are in this row
   * (the fallback), as in every other kommun they cover.
   */
  helaVerksamheten: string[];
  klienter: Record<keyof G, Cell>;
  tabell3: Tabell3Publicerad;
  medBarn: Record<keyof G, Cell>;
}

function undertryckG(g: G): Record<keyof G, Cell> {
  const { delar, totalt } = undertryckRad([g.kvinna, g.man, g.annan], g.totalt);
  return { kvinna: delar[0] ?? null, man: delar[1] ?? null, annan: delar[2] ?? null, totalt };
}

/** One row of Tabell 3 suppressed across its age groups (the row total is the sum of its cells). */
export function undertryckAlderRad(r: Tabell3['totalt']): Tabell3Publicerad['totalt'] {
  const { delar, totalt } = undertryckRad(
    ALDERSGRUPPER.map((a) => r[a]),
    r.totalt,
  );
  return {
    ...(Object.fromEntries(ALDERSGRUPPER.map((a, i) => [a, delar[i] ?? null])) as Record<
      (typeof ALDERSGRUPPER)[number],
      Cell
    >),
    totalt,
  };
}

/** Tabell 3 for publication: each gender row suppressed across its age groups. */
export function undertryckTabell3(t: Tabell3): Tabell3Publicerad {
  const rad = undertryckAlderRad;
  return { kvinna: rad(t.kvinna), man: rad(t.man), annan: rad(t.annan), totalt: rad(t.totalt) };
}

/**
 * The national (or län) Tabell 3 as printed, in seed 003's layout: Män, Kvinnor, Totalt (= män + kvinnor:
 * 4 747 + 5 814 = 10 561), exact. Then annan könsidentitet on a row of its own, outside the total, with its
 * counts 1–4 shown '..' (and, if one age group is hidden while the row total is shown, the smallest other
 * one too: smatal.ts). The annan row adds nothing to the others, so nothing else needs hiding.
 */
export const TABELL3_PUBLICERADE_RADER = ['man', 'kvinna', 'totalt', 'annan'] as const;
export function tabell3Publicerad(
  t: Tabell3,
): Array<{ rad: (typeof TABELL3_PUBLICERADE_RADER)[number]; celler: Tabell3Publicerad['totalt'] }> {
  return TABELL3_PUBLICERADE_RADER.map((rad) => ({
    rad,
    celler: rad === 'annan' ? undertryckAlderRad(t.annan) : { ...t[rad] },
  }));
}

/** The row of clients whose kommun is not recorded (kommunKod null). */
export const KOMMUN_EJ_ANGIVEN = 'Kommun ej angiven';

type Bidrag = Pick<NationellRedovisning, 'verksamhet' | 'klienter'>;

/**
 * The län's kommuner (then other kommuner where the län's verksamheter have clients, then "Kommun ej
 * angiven"), each with the suppressed tables of its clients: from the per-kommun figures of the reports
 * that have them, and the whole figures of the covering verksamheter whose reports do not.
 */
export function kommunTabeller(
  lanKod: string,
  docs: readonly NationellRedovisning[],
  referens: Referens,
): KommunTabell[] {
  const en = enPerVerksamhet(docs);
  const namn = new Map(referens.kommuner.map((k) => [k.kod, k]));
  const bidrag = new Map<string | null, Bidrag[]>();
  const tackande = new Map<string | null, Set<string>>();
  const hela = new Map<string | null, string[]>();
  const lagg = <T>(m: Map<string | null, T[]>, k: string | null, x: T) => m.set(k, [...(m.get(k) ?? []), x]);
  for (const d of en) {
    for (const k of d.verksamhet.kommunKoder) {
      tackande.set(k, (tackande.get(k) ?? new Set()).add(d.verksamhet.kod));
      if (!d.klienter.perKommun) {
        lagg(bidrag, k, d);
        lagg(hela, k, d.verksamhet.kod);
      }
    }
    for (const p of d.klienter.perKommun ?? []) {
      if (p.totalt.totalt === 0) continue;
      lagg(bidrag, p.kommunKod, { verksamhet: d.verksamhet, klienter: p });
      tackande.set(p.kommunKod, (tackande.get(p.kommunKod) ?? new Set()).add(d.verksamhet.kod));
    }
  }
  const rad = (kommunKod: string | null, kommunNamn: string): KommunTabell => {
    const b = bidrag.get(kommunKod) ?? [];
    return {
      kommunKod,
      kommunNamn,
      verksamheter: [...(tackande.get(kommunKod) ?? [])].sort((x, y) => x.localeCompare(y, 'sv')),
      helaVerksamheten: hela.get(kommunKod) ?? [],
      klienter: undertryckG(summaG(b.map((x) => x.klienter.totalt))),
      tabell3: undertryckTabell3(tabell3(b as NationellRedovisning[])),
      medBarn: undertryckG(summaG(b.map((x) => x.klienter.medBarn))),
    };
  };
  const avNamn = (a: KommunTabell, b: KommunTabell) => a.kommunNamn.localeCompare(b.kommunNamn, 'sv');
  const egna = referens.kommuner.filter((k) => k.lanKod === lanKod).map((k) => rad(k.kod, k.namn));
  const andra = [...bidrag.keys()]
    .filter((k): k is string => k !== null && namn.get(k)?.lanKod !== lanKod)
    .map((k) => rad(k, namn.get(k)?.namn ?? k));
  return [
    ...egna.sort(avNamn),
    ...andra.sort(avNamn),
    ...(bidrag.has(null) ? [rad(null, KOMMUN_EJ_ANGIVEN)] : []),
  ];
}
