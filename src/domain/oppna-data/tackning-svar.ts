/**
 * Coverage (tackning.ts) as open statistics: the key `tackning` of GET /api/v1/oppna-data/{ar} and the
 * time series of GET /api/v1/oppna-data/tidsserie (docs/open-data.md). Counts of people (clients, new
 * clients, waiting) are published from län level up only, and suppressed as the other open tables are
 * (roja.ts): the clients by gender in exactly the grid of the table klienter-per-lan (län and Riket ×
 * kvinna, man, annan, totalt), so equal figures give equal suppression; new clients and waiting each as a
 * column of their own with Riket as its total. A rate that would give a hidden count back (clients per
 * 10 000 inhabitants, with the population published) is hidden with it. Per kommun nothing about people is
 * published (tackning.ts says why), so there is nothing to suppress there.
 */

import { formatTal } from '../tal.ts';
import type { RojCell } from './roja.ts';
import { roja, summorForGrid } from './roja.ts';
import { rikeKvinnorOchMan } from './tabeller.ts';
import {
  type KommunTackning,
  NORM_INVANARE_PER_ARSARBETARE,
  type OmradeTackning,
  type Tackning,
} from './tackning.ts';
import type { TabellPunkt, TabellPunkter } from './tidsserie-tabeller.ts';

export interface PubliceratOmrade
  extends Omit<OmradeTackning, 'klienter' | 'nyaKlienter' | 'vantande' | 'klienterPer10000'> {
  klienter: { kvinna: RojCell; man: RojCell; annan: RojCell; totalt: RojCell };
  nyaKlienter: RojCell;
  vantande: RojCell;
  klienterPer10000: number | null;
}

export interface PubliceradTackning {
  /** The year of the population figures (one for every report year). */
  folkmangdAr: number;
  norm: { invanarePerArsarbetare: number };
  riket: PubliceratOmrade;
  perLan: Array<PubliceratOmrade & { lanKod: string; lanNamn: string }>;
  perKommun: KommunTackning[];
}

/** The note the time series carries beside the suppression note (the year's JSON has it in the docs). */
export const ANMARKNING_TACKNING = (folkmangdAr: number) =>
  `Årsarbetare, klienter och kö för en verksamhet som täcker flera kommuner fördelas efter kommunernas ` +
  `folkmängd; klienter publiceras inte per kommun. Folkmängd den 31 december ${folkmangdAr} för alla år. ` +
  `Normen är ett ombud per ${formatTal(NORM_INVANARE_PER_ARSARBETARE)} invånare.`;

/** One column of people per area (the län, then Riket as their total), suppressed. */
function kolumn(varden: number[]): RojCell[] {
  const rojd = roja({
    varden: varden.map((v) => [v]),
    omPersoner: [true],
    summor: summorForGrid(varden.length, [true], { radTotal: false, kolumnTotal: true }),
  });
  return rojd.map((r) => r[0]!);
}

export function publiceraTackning(t: Tackning, folkmangdAr: number): PubliceradTackning {
  const omraden = [...t.perLan, t.riket];
  // As klienter-per-lan (tabeller.ts): totalt is kvinna + man + annan, the Riket row the sum of the län.
  const klienter = roja({
    varden: omraden.map((o) => [o.klienter.kvinna, o.klienter.man, o.klienter.annan, o.klienter.totalt]),
    omPersoner: [true, true, true, true],
    summor: summorForGrid(omraden.length, [true, true, true, true], { radTotal: true, kolumnTotal: true }),
    offentliga: rikeKvinnorOchMan(omraden.length - 1),
  });
  const nya = kolumn(omraden.map((o) => o.nyaKlienter));
  const vantande = kolumn(omraden.map((o) => o.vantande));
  const publicerad = omraden.map((o, i): PubliceratOmrade => {
    const [kvinna, man, annan, totalt] = klienter[i]!;
    return {
      kommuner: o.kommuner,
      kommunerMedPo: o.kommunerMedPo,
      kommunerUtanPo: o.kommunerUtanPo,
      folkmangd: o.folkmangd,
      folkmangdUtanPo: o.folkmangdUtanPo,
      verksamheter: o.verksamheter,
      verksamheterMedKo: o.verksamheterMedKo,
      koAndel: o.koAndel,
      arsarbetare: o.arsarbetare,
      normArsarbetare: o.normArsarbetare,
      invanarePerArsarbetare: o.invanarePerArsarbetare,
      klienter: { kvinna: kvinna!, man: man!, annan: annan!, totalt: totalt! },
      nyaKlienter: nya[i]!,
      vantande: vantande[i]!,
      klienterPer10000: totalt === null ? null : o.klienterPer10000,
    };
  });
  return {
    folkmangdAr,
    norm: { invanarePerArsarbetare: NORM_INVANARE_PER_ARSARBETARE },
    riket: publicerad.at(-1)!,
    perLan: t.perLan.map((l, i) => ({ lanKod: l.lanKod, lanNamn: l.lanNamn, ...publicerad[i]! })),
    perKommun: t.perKommun,
  };
}

/** A year's key figures of an area in the time series, with Tabell 3, 4 and the contact reasons. */
export interface Tidpunkt extends TabellPunkt {
  ar: number;
  verksamheter: number;
  klienter: PubliceratOmrade['klienter'];
  nyaKlienter: RojCell;
  arsarbetare: number;
  invanarePerArsarbetare: number | null;
  klienterPer10000: number | null;
  kommunerUtanPo: number;
  koAndel: number | null;
  vantande: RojCell;
}

export interface Tidsserie {
  folkmangdAr: number;
  norm: { invanarePerArsarbetare: number };
  ar: number[];
  riket: Tidpunkt[];
  perLan: Array<{ lanKod: string; lanNamn: string; serie: Tidpunkt[] }>;
}

const punkt = (ar: number, o: PubliceratOmrade, t: TabellPunkt): Tidpunkt => ({
  ar,
  verksamheter: o.verksamheter,
  klienter: o.klienter,
  nyaKlienter: o.nyaKlienter,
  arsarbetare: o.arsarbetare,
  invanarePerArsarbetare: o.invanarePerArsarbetare,
  klienterPer10000: o.klienterPer10000,
  kommunerUtanPo: o.kommunerUtanPo,
  koAndel: o.koAndel,
  vantande: o.vantande,
  alder: t.alder,
  medBarn: t.medBarn,
  kontaktorsaker: t.kontaktorsaker,
});

/**
 * The published coverage of every year, oldest first, as series: each year is the year's own publication
 * (the same numbers, and the same hidden cells, as GET /oppna-data/{ar} gives in `tackning`, `tabell3` and
 * `tabell4`); `tabeller` is the year's Tabell 3, 4 and contact reasons per area (tidsserie-tabeller.ts).
 */
export function tidsserie(
  aren: ReadonlyArray<{ ar: number; tackning: PubliceradTackning; tabeller: TabellPunkter }>,
  folkmangdAr: number,
): Tidsserie {
  const sorterade = [...aren].sort((a, b) => a.ar - b.ar);
  const lan = sorterade[0]?.tackning.perLan ?? [];
  return {
    folkmangdAr,
    norm: { invanarePerArsarbetare: NORM_INVANARE_PER_ARSARBETARE },
    ar: sorterade.map((a) => a.ar),
    riket: sorterade.map((a) => punkt(a.ar, a.tackning.riket, a.tabeller.riket)),
    perLan: lan.map((l) => ({
      lanKod: l.lanKod,
      lanNamn: l.lanNamn,
      serie: sorterade.map((a) => {
        const x = a.tackning.perLan.find((y) => y.lanKod === l.lanKod);
        const t = a.tabeller.perLan.get(l.lanKod);
        if (!x || !t) throw new Error(`${a.ar}: inget län ${l.lanKod}`);
        return punkt(a.ar, x, t);
      }),
    })),
  };
}
