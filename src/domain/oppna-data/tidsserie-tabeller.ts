/**
 * Tabell 3, Tabell 4 and the contact reasons of one year per area (Riket and each län) for the time series
 * GET /api/v1/oppna-data/tidsserie (issue 10, item 2; docs/open-data.md). Pure.
 *
 * - **Riket** is read from the year's published tables (tabeller.ts): the age groups are Tabell 3's totalt
 *   row, clients with children Tabell 4's row of the year. So a point equals GET /oppna-data/{ar}: the same
 *   numbers and the same hidden cells.
 * - **A län** counts its verksamheter (`verksamhet.lanKod`), as klienter-per-lan and the Länsstyrelse's
 *   compilation do. The age groups are kvinnor + män, as Tabell 3's totalt row. They are suppressed in one
 *   grid with the clients of klienter-per-lan (län and Riket × kvinna, man, annan, totalt, the four age
 *   groups, age totalt), whose cells, and the Riket row of Tabell 3, are fixed as those tables publish
 *   them: hidden ones hidden from the start, shown ones never chosen as partners. The grid's sums are the
 *   rows (age groups add up to the age totalt; kvinna + man is the age totalt; the age totalt + annan is all
 *   clients) and the columns (the län add up to Riket), so a hidden "annan" of a län cannot come back as
 *   all clients less the age total, nor a hidden woman count as the age total less the men.
 * - Clients with children: a column of län with Riket (Tabell 4's published total) as its total.
 * - Contact reasons are published as shares of all clients in per cent, one decimal, as the national
 *   report gives them. With the base (all clients) published, a share gives its count back (below 1 000
 *   clients exactly), so each reason's counts are suppressed as a column of län with Riket as the total,
 *   and a share is shown only when its count and its base are shown.
 */
import { ALDERSGRUPPER, type Aldersgrupp, KONTAKTORSAKER, type Kontaktorsak } from '../codes.ts';
import {
  enPerVerksamhet,
  type NationellRedovisning,
  type Referens,
  tabell3 as raknaTabell3,
  tabell4 as raknaTabell4,
} from '../nationellt/tabeller.ts';
import { andelIProcent } from '../tal.ts';
import { type RojCell, roja, type Summa } from './roja.ts';
import { cell, klienterPerLan, lanUnderlag, tabell3, tabell4 } from './tabeller.ts';

export type AlderKod = Aldersgrupp | 'totalt';
export const ALDER_KOLUMNER: readonly AlderKod[] = [...ALDERSGRUPPER, 'totalt'];

export interface TabellPunkt {
  /** Tabell 3's age groups, kvinnor + män (annan könsidentitet outside, as in Tabell 3). */
  alder: Record<AlderKod, RojCell>;
  /** Tabell 4: clients living with children under 18, and their share of all clients (per cent). */
  medBarn: { antal: RojCell; andel: number | null };
  /** Share of all clients with each contact reason, per cent with one decimal; null where hidden. */
  kontaktorsaker: Record<Kontaktorsak, number | null>;
}

export interface TabellPunkter {
  riket: TabellPunkt;
  perLan: Map<string, TabellPunkt>;
}

type Pos = readonly [number, number];

/** The cells of a grid fixed as another table publishes them: hidden (null) or shown. */
function fasta(celler: ReadonlyArray<{ pos: Pos; varde: RojCell }>) {
  return {
    dolda: celler.filter((c) => c.varde === null).map((c) => c.pos),
    offentliga: celler.filter((c) => c.varde !== null).map((c) => c.pos),
  };
}

/** A column of län with Riket as its total (the last row); Riket fixed when given. */
function kolumn(varden: number[], riket?: RojCell): RojCell[] {
  const r = varden.length - 1;
  const f = riket === undefined ? { dolda: [], offentliga: [] } : fasta([{ pos: [r, 0], varde: riket }]);
  return roja({
    varden: varden.map((v) => [v]),
    omPersoner: [true],
    summor: [{ total: [r, 0], delar: [...Array(r).keys()].map((i) => [i, 0] as const) }],
    ...f,
  }).map((x) => x[0]!);
}

const andel = (del: RojCell, helhet: RojCell) =>
  del === null || helhet === null ? null : andelIProcent(del, helhet, 1);

export function tabellPunkter(
  ar: number,
  docs: readonly NationellRedovisning[],
  ref: Referens,
): TabellPunkter {
  const aret = enPerVerksamhet(docs.filter((d) => d.year === ar));
  const t3 = tabell3({ tabell3: raknaTabell3(aret) });
  const t4 = tabell4({ tabell4: raknaTabell4(ar, aret, []) });
  const arRad = String(ar);
  const lan = lanUnderlag(aret, ref);
  const kl = klienterPerLan(lan);
  const R = lan.length; // the Riket row of every grid below
  const iLan = lan.map((l) => aret.filter((d) => d.verksamhet.lanKod === l.lan.kod));
  const summa = (v: number[]) => v.reduce((s, x) => s + x, 0);
  const medRiket = (v: number[]) => [...v, summa(v)];

  // ---- Tabell 3 per län, in one grid with klienter-per-lan (columns below).
  const [KV, MAN, ANNAN, ALLA, A0, ATOT] = [0, 1, 2, 3, 4, 8];
  const alderLan = iLan.map((ds) => {
    const a = ALDERSGRUPPER.map((g) =>
      summa(ds.map((d) => d.klienter.alder[g].kvinna + d.klienter.alder[g].man)),
    );
    return [...a, summa(a)];
  });
  const alderRader = [
    ...alderLan,
    alderLan[0] ? alderLan[0].map((_, c) => summa(alderLan.map((r) => r[c]!))) : [],
  ];
  const varden = alderRader.map((a, r) => {
    const k = lan[r]?.klienter ?? {
      kvinna: summa(lan.map((l) => l.klienter.kvinna)),
      man: summa(lan.map((l) => l.klienter.man)),
      annan: summa(lan.map((l) => l.klienter.annan)),
    };
    return [k.kvinna, k.man, k.annan, k.kvinna + k.man + k.annan, ...a];
  });
  const kolumner = ATOT + 1;
  const summor: Summa[] = [];
  for (let r = 0; r <= R; r++) {
    summor.push(
      { total: [r, ALLA], delar: [KV, MAN, ANNAN].map((c) => [r, c] as const) },
      { total: [r, ATOT], delar: ALDERSGRUPPER.map((_, i) => [r, A0 + i] as const) },
      { total: [r, ATOT], delar: [KV, MAN].map((c) => [r, c] as const) },
      { total: [r, ALLA], delar: [ATOT, ANNAN].map((c) => [r, c] as const) },
    );
  }
  for (let c = 0; c < kolumner; c++)
    summor.push({ total: [R, c], delar: [...Array(R).keys()].map((r) => [r, c] as const) });
  const fast = fasta([
    ...varden.flatMap((_, r) =>
      [KV, MAN, ANNAN, ALLA].map((c) => ({ pos: [r, c] as const, varde: kl.varden[r]![c]! })),
    ),
    ...ALDER_KOLUMNER.map((a, i) => ({ pos: [R, A0 + i] as const, varde: cell(t3, 'totalt', a) })),
  ]);
  const alder = R ? roja({ varden, omPersoner: varden[0]!.map(() => true), summor, ...fast }) : [];

  // ---- Tabell 4 per län: clients with children, a column with Tabell 4's total as Riket.
  const riketBarn = t4.rader.length ? cell(t4, arRad, 'totalt') : null;
  const barn = R
    ? kolumn(medRiket(iLan.map((ds) => summa(ds.map((d) => d.klienter.medBarn.totalt)))), riketBarn)
    : [];

  // ---- Contact reasons: each reason's counts a column; the shares of the shown counts.
  const riketKlienter = t4.rader.length ? cell(t4, arRad, 'klienter') : null;
  const orsaker = KONTAKTORSAKER.map((k) =>
    R ? kolumn(medRiket(iLan.map((ds) => summa(ds.map((d) => d.kontaktorsaker[k].totalt))))) : [null],
  );
  const kontakt = (r: number, bas: RojCell) =>
    Object.fromEntries(KONTAKTORSAKER.map((k, i) => [k, andel(orsaker[i]![r] ?? null, bas)])) as Record<
      Kontaktorsak,
      number | null
    >;

  const riket: TabellPunkt = {
    alder: Object.fromEntries(ALDER_KOLUMNER.map((a) => [a, cell(t3, 'totalt', a)])) as Record<
      AlderKod,
      RojCell
    >,
    medBarn: {
      antal: riketBarn,
      andel: t4.rader.length ? cell(t4, arRad, 'andel') : null,
    },
    kontaktorsaker: kontakt(R, riketKlienter),
  };
  const perLan = new Map(
    lan.map((l, r): [string, TabellPunkt] => {
      const bas = kl.varden[r]![ALLA]!;
      return [
        l.lan.kod,
        {
          alder: Object.fromEntries(ALDER_KOLUMNER.map((a, i) => [a, alder[r]![A0 + i]!])) as Record<
            AlderKod,
            RojCell
          >,
          medBarn: { antal: barn[r]!, andel: andel(barn[r]!, bas) },
          kontaktorsaker: kontakt(r, bas),
        },
      ];
    }),
  );
  return { riket, perLan };
}
