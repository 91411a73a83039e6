/**
 * The whole national (or one län's) compilation in the order of seed 003, with its stable JSON keys
 * (docs/national-report.md), and the per-kommun tables a Länsstyrelse gets, with small numbers suppressed.
 *
 * Per kommun: ombud.redovisning/v1 gives figures per verksamhet, not per kommun. A kommun's tables are
 * therefore those of the verksamheter that cover it; a verksamhet covering three kommuner shows in all
 * three (its figures are not split). Published per kommun, so every count 1–4 is '..' (smatal.ts).
 */
import { ALDERSGRUPPER } from '../codes.ts';
import type { G } from '../redovisning/typer.ts';
import { type Cell, undertryckRad } from '../smatal.ts';
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
  brister: Bristbild;
}

export interface SammanstallningInput {
  ar: number;
  lanKod?: string | null;
  docs: readonly NationellRedovisning[];
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
    brister: bristbild(docs, foregaende, { aktorer: input.aktorer, amnen: input.amnen }),
  };
}

export type Tabell3Publicerad = Record<keyof Tabell3, Record<keyof Tabell3['totalt'], Cell>>;

export interface KommunTabell {
  kommunKod: string;
  kommunNamn: string;
  /** Codes of the verksamheter covering the kommun this year. */
  verksamheter: string[];
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

/** The län's kommuner, each with the suppressed tables of the verksamheter covering it. */
export function kommunTabeller(
  lanKod: string,
  docs: readonly NationellRedovisning[],
  referens: Referens,
): KommunTabell[] {
  const en = enPerVerksamhet(docs);
  return referens.kommuner
    .filter((k) => k.lanKod === lanKod)
    .map((k) => {
      const tackande = en.filter((d) => d.verksamhet.kommunKoder.includes(k.kod));
      const barn = tackande.reduce(
        (s, d) => ({
          kvinna: s.kvinna + d.klienter.medBarn.kvinna,
          man: s.man + d.klienter.medBarn.man,
          annan: s.annan + d.klienter.medBarn.annan,
          totalt: s.totalt + d.klienter.medBarn.totalt,
        }),
        { kvinna: 0, man: 0, annan: 0, totalt: 0 },
      );
      return {
        kommunKod: k.kod,
        kommunNamn: k.namn,
        verksamheter: tackande.map((d) => d.verksamhet.kod),
        klienter: undertryckG(klienterTotalt(tackande)),
        tabell3: undertryckTabell3(tabell3(tackande)),
        medBarn: undertryckG(barn),
      };
    })
    .sort((a, b) => a.kommunNamn.localeCompare(b.kommunNamn, 'sv'));
}
