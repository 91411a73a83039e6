/**
 * The figures of a verksamhet's annual report (domain brief "Annual report"), keyed as in
 * ombud.redovisning/v1. Every count is split by gender the way the national tables are (seed 003,
 * Tabell 3): kvinna / man / annan, and totalt.
 */
import { ALDERSGRUPPER, type Aldersgrupp, KONTAKTORSAKER, type Kon, type Kontaktorsak } from '../codes.ts';

export interface G {
  kvinna: number;
  man: number;
  annan: number;
  totalt: number;
}

export function nollG(): G {
  return { kvinna: 0, man: 0, annan: 0, totalt: 0 };
}

/** Adds one person of gender `kon` to `g` (in place: counting loops build many of these). */
export function laggTill(g: G, kon: Kon): void {
  g[kon] += 1;
  g.totalt += 1;
}

export interface KoSiffror {
  /** Whether anyone waited in Y (see raknare.ts for the exact rule). */
  harKo: boolean;
  /** Over ärenden started in Y; null when none started. */
  vantetidMedianDagar: number | null;
  vantetidMaxDagar: number | null;
  /** Ärenden waiting on 31 December of Y. */
  antalIKo3112: number;
}

export interface KlientSiffror {
  totalt: G;
  nya: G;
  /** Ärenden closed during Y (not clients: a client with two ärenden closed counts twice). */
  avslutade: G;
  /**
   * Distinct clients with an ärende closed during Y. Always computed by the engine; optional in a document,
   * since ombud.redovisning/v1 got it later and reports typed in or imported may lack it.
   */
  avslutadeKlienter?: G;
  medBarn: G;
  alder: Record<Aldersgrupp, G>;
}

/**
 * The client figures of the clients living in one kommun (and, for perStadsdelsomrade, one
 * stadsdelsområde), from each client's own kommun/stadsdel in the casework (issue 15, "figures below the
 * verksamhet"; seed 002's tables per områdeskontor). kommunKod null: no kommun recorded ("Kommun ej
 * angiven"); stadsdelsomradeKod null: none recorded. The parts add up to the verksamhet's figures.
 */
export interface OmradeSiffror {
  kommunKod: string | null;
  /** Only in perStadsdelsomrade. */
  stadsdelsomradeKod?: string | null;
  totalt: G;
  nya: G;
  avslutade: G;
  avslutadeKlienter: G;
  medBarn: G;
  alder: Record<Aldersgrupp, G>;
  kontaktorsaker: Record<Kontaktorsak, G>;
}

/** What the counting engine derives from the casework (it always counts avslutadeKlienter). */
export interface RedovisningRakning {
  klienter: KlientSiffror & { avslutadeKlienter: G };
  kontaktorsaker: Record<Kontaktorsak, G>;
  ko: KoSiffror;
  /** Per the clients' own kommun, kommunKod order (null last); only kommuner with clients. */
  perKommun: OmradeSiffror[];
  /**
   * Per kommun and stadsdelsområde (Stockholm), in code order (null last), when any client of the year has
   * a stadsdelsområde recorded; otherwise empty.
   */
  perStadsdelsomrade: OmradeSiffror[];
}

/** Staff figures, entered by the chef (not derived from casework). */
export interface Personal {
  /** People working as ombud. */
  ombud: number;
  /** Of those, women and men (the rest did not state or have another gender identity). */
  kvinnor: number;
  man: number;
  /** FTE as a decimal number, e.g. 4 or 3.5. */
  arsarbetare: number;
}

/** The figures of a report as validated: computed, typed in or imported (so avslutadeKlienter may lack). */
export interface RedovisningSiffror {
  klienter: KlientSiffror;
  kontaktorsaker: Record<Kontaktorsak, G>;
  ko: KoSiffror;
  personal: Personal;
}

export function tomAlder(): Record<Aldersgrupp, G> {
  return Object.fromEntries(ALDERSGRUPPER.map((a) => [a, nollG()])) as Record<Aldersgrupp, G>;
}

export function tomOmrade(kommunKod: string | null, stadsdelsomradeKod?: string | null): OmradeSiffror {
  return {
    kommunKod,
    ...(stadsdelsomradeKod !== undefined ? { stadsdelsomradeKod } : {}),
    totalt: nollG(),
    nya: nollG(),
    avslutade: nollG(),
    avslutadeKlienter: nollG(),
    medBarn: nollG(),
    alder: tomAlder(),
    kontaktorsaker: tommaKontaktorsaker(),
  };
}

/** Codes in order with null (not recorded) last: the order of perKommun and perStadsdelsomrade. */
export function jamforKod(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return a < b ? -1 : 1;
}

export function tommaKontaktorsaker(): Record<Kontaktorsak, G> {
  return Object.fromEntries(KONTAKTORSAKER.map((k) => [k, nollG()])) as Record<Kontaktorsak, G>;
}
