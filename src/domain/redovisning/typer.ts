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

/** What the counting engine derives from the casework (it always counts avslutadeKlienter). */
export interface RedovisningRakning {
  klienter: KlientSiffror & { avslutadeKlienter: G };
  kontaktorsaker: Record<Kontaktorsak, G>;
  ko: KoSiffror;
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

export function tommaKontaktorsaker(): Record<Kontaktorsak, G> {
  return Object.fromEntries(KONTAKTORSAKER.map((k) => [k, nollG()])) as Record<Kontaktorsak, G>;
}
