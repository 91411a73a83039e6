/**
 * The national picture of brister (domain brief "System deficiencies": "nobody can say how many
 * verksamheter or which kommuner report a given brist — the product must make that answerable"; seed 003,
 * bilaga 1 says exactly that it cannot). From the brister in the verksamheters' frozen reports:
 * per subject (amne) and per actor (by actor code, and by the actor's kategori), how many verksamheter
 * reported it, in which län, how many kommuner those verksamheter cover, this year and the previous year,
 * and by level. A verksamhet counts once per subject/actor however many brister it wrote about it.
 * Drill-down (bristTexter) gives the texts; brister never carry personal data (checked on entry).
 */
import { BRIST_NIVA, type BristNiva } from '../codes.ts';
import { enPerVerksamhet, type NationellRedovisning } from './tabeller.ts';

export interface AktorRef {
  kod: string;
  namn: string;
  kategori: string;
}
export interface AmneRef {
  kod: string;
  namn: string;
  grupp: string | null;
}

export interface BristFilter {
  lanKod?: string | undefined;
  /** An actor code, or a kategori (matches every actor of it). */
  aktor?: string | undefined;
  kategori?: string | undefined;
  niva?: BristNiva | undefined;
  amne?: string | undefined;
}

export interface Spridning {
  verksamheter: number;
  lan: string[];
  kommuner: number;
}

export interface BristRad {
  kod: string;
  namn: string;
  /** amne: the taxonomy group; aktor: its kategori. */
  grupp: string | null;
  /** Verksamheter reporting it at each level (a verksamhet may count at several levels). */
  nivaer: Record<BristNiva, number>;
  antalBrister: number;
  iAr: Spridning;
  foregaendeAr: Spridning;
}

export interface Bristbild {
  amnen: BristRad[];
  aktorer: BristRad[];
  kategorier: BristRad[];
}

interface Post {
  verksamhet: NationellRedovisning['verksamhet'];
  brist: NationellRedovisning['brister'][number];
  kategorier: string[];
}

function poster(docs: readonly NationellRedovisning[], aktorer: readonly AktorRef[], f: BristFilter): Post[] {
  const kategori = (kod: string) => aktorer.find((a) => a.kod === kod)?.kategori ?? 'okand';
  return enPerVerksamhet(docs)
    .filter((d) => !f.lanKod || d.verksamhet.lanKod === f.lanKod)
    .flatMap((d) =>
      d.brister.map((brist) => ({
        verksamhet: d.verksamhet,
        brist,
        kategorier: [...new Set(brist.aktorer.map(kategori))],
      })),
    )
    .filter(
      (p) =>
        (!f.niva || p.brist.niva === f.niva) &&
        (!f.amne || p.brist.amne === f.amne) &&
        (!f.aktor || p.brist.aktorer.includes(f.aktor)) &&
        (!f.kategori || p.kategorier.includes(f.kategori)),
    );
}

function spridning(ps: readonly Post[]): Spridning {
  const verksamheter = new Map(ps.map((p) => [p.verksamhet.kod, p.verksamhet]));
  return {
    verksamheter: verksamheter.size,
    lan: [...new Set([...verksamheter.values()].map((v) => v.lanKod))].sort(),
    kommuner: new Set([...verksamheter.values()].flatMap((v) => v.kommunKoder)).size,
  };
}

function rader(
  nu: readonly Post[],
  fore: readonly Post[],
  nycklar: (p: Post) => string[],
  namn: (kod: string) => { namn: string; grupp: string | null },
): BristRad[] {
  const koder = new Set([...nu, ...fore].flatMap(nycklar));
  return [...koder]
    .map((kod) => {
      const n = nu.filter((p) => nycklar(p).includes(kod));
      const f = fore.filter((p) => nycklar(p).includes(kod));
      const nivaer = Object.fromEntries(
        BRIST_NIVA.map((niva) => [
          niva,
          new Set(n.filter((p) => p.brist.niva === niva).map((p) => p.verksamhet.kod)).size,
        ]),
      ) as Record<BristNiva, number>;
      return {
        kod,
        ...namn(kod),
        nivaer,
        antalBrister: n.length,
        iAr: spridning(n),
        foregaendeAr: spridning(f),
      };
    })
    .sort(
      (a, b) =>
        b.iAr.verksamheter - a.iAr.verksamheter ||
        b.foregaendeAr.verksamheter - a.foregaendeAr.verksamheter ||
        a.kod.localeCompare(b.kod, 'sv'),
    );
}

/** Most reported first (by verksamheter this year, then last year, then code). */
export function bristbild(
  docs: readonly NationellRedovisning[],
  foregaende: readonly NationellRedovisning[],
  ref: { aktorer: readonly AktorRef[]; amnen: readonly AmneRef[] },
  filter: BristFilter = {},
): Bristbild {
  const nu = poster(docs, ref.aktorer, filter);
  const fore = poster(foregaende, ref.aktorer, filter);
  return {
    amnen: rader(
      nu,
      fore,
      (p) => [p.brist.amne],
      (kod) => {
        const a = ref.amnen.find((x) => x.kod === kod);
        return { namn: a?.namn ?? kod, grupp: a?.grupp ?? null };
      },
    ),
    aktorer: rader(
      nu,
      fore,
      (p) => [...new Set(p.brist.aktorer)],
      (kod) => {
        const a = ref.aktorer.find((x) => x.kod === kod);
        return { namn: a?.namn ?? kod, grupp: a?.kategori ?? 'okand' };
      },
    ),
    kategorier: rader(
      nu,
      fore,
      (p) => p.kategorier,
      (kod) => ({ namn: kod, grupp: null }),
    ),
  };
}

export interface BristText {
  verksamhetKod: string;
  verksamhetNamn: string;
  lanKod: string;
  niva: BristNiva;
  amne: string;
  aktorer: string[];
  titel: string;
  beskrivning: string;
  atgarder: string[];
}

/** The texts behind a row of the picture (drill-down), ordered by län, verksamhet and title. */
export function bristTexter(
  docs: readonly NationellRedovisning[],
  aktorer: readonly AktorRef[],
  filter: BristFilter = {},
): BristText[] {
  return poster(docs, aktorer, filter)
    .map((p) => ({
      verksamhetKod: p.verksamhet.kod,
      verksamhetNamn: p.verksamhet.namn,
      lanKod: p.verksamhet.lanKod,
      niva: p.brist.niva,
      amne: p.brist.amne,
      aktorer: [...p.brist.aktorer],
      titel: p.brist.titel,
      beskrivning: p.brist.beskrivning,
      atgarder: [...p.brist.atgarder],
    }))
    .sort(
      (a, b) =>
        a.lanKod.localeCompare(b.lanKod) ||
        a.verksamhetKod.localeCompare(b.verksamhetKod, 'sv') ||
        a.titel.localeCompare(b.titel, 'sv'),
    );
}
