/**
 * Coverage against need (issue 12, item 2): per year, for every kommun, län and the nation, whether the
 * kommun has personligt ombud, its population, the årsarbetare (FTE) serving it, inhabitants per FTE
 * against the norm of one ombud per 30 000 inhabitants (domain brief, seed 004), clients per 10 000
 * inhabitants and the queue. Pure: the caller passes the year's approved reports and the reference data
 * with population. Nothing here is suppressed yet: tackning-svar.ts publishes it.
 *
 * Choices (docs/open-data.md, "Coverage against need"):
 * - A kommun HAS PO in a year when a verksamhet with an approved report for that year lists it in
 *   verksamhet.kommunKoder (as Tabell 2 counts "kommuner med PO").
 * - A report gives its figures per verksamhet, not per kommun. A verksamhet covering several kommuner is
 *   split over them BY POPULATION SHARE: a kommun with twice the inhabitants gets twice the FTE, clients and
 *   queue. The split is the largest-remainder method on whole units (FTE in hundredths, people as whole
 *   persons), so the parts of a verksamhet always add up exactly to its figures and every län and the
 *   nation get exact sums. When none of the kommuner has a population, the split is equal. Kommuner the
 *   reference data does not know weigh nothing; a verksamhet none of whose kommuner is known counts in its
 *   own län (verksamhet.lanKod) without a kommun.
 * - A län's figures are the sum of its kommuner's shares, so they are about the people living in the län.
 *   When every verksamhet covers kommuner of its own län only (the usual case, and the whole demo), they
 *   equal the figures that count each verksamhet in its own län (open data's perLan, Tabell 2).
 * - The split is an estimate of where the FTE work; for people it is only a way to get län figures that
 *   match the population. Clients per kommun are NOT known from the reports and are not published: only
 *   FTE (labelled as split by population) is given per kommun; clients and the queue from län level up.
 * - Population is the whole kommun's, with or without PO: inhabitants per FTE of a län counts the people
 *   of the kommuner without PO too (they are the unmet need). One population year serves every report year
 *   (the reference data has one: see the caller).
 * - Verksamheter and the queue share (verksamheter with a queue in the year, ko.harKo) count each
 *   verksamhet once, in its own län (verksamhet.lanKod), as the national tables do.
 * - Waiting clients (vantande) are the report's ko.antalIKo3112: people waiting on 31 December.
 */

import { enPerVerksamhet } from '../nationellt/tabeller.ts';
import type { G } from '../redovisning/typer.ts';
import { andelIProcent } from '../tal.ts';

/** Seed 004: the need estimated at the reform, one ombud (one FTE) per 30 000 inhabitants. */
export const NORM_INVANARE_PER_ARSARBETARE = 30_000;

/** The parts of ombud.redovisning/v1 coverage reads (RedovisningV1 is assignable to it). */
export interface TackningRedovisning {
  year: number;
  verksamhet: { kod: string; lanKod: string; kommunKoder: readonly string[] };
  klienter: { totalt: G; nya: G };
  ko: { harKo: boolean; antalIKo3112: number };
  personal: { arsarbetare: number };
}

export interface KommunMedFolk {
  kod: string;
  namn: string;
  lanKod: string;
  /** Inhabitants; null when the reference data lacks it (counted as 0). */
  folkmangd: number | null;
}
export interface TackningReferens {
  lan: ReadonlyArray<{ kod: string; namn: string }>;
  kommuner: readonly KommunMedFolk[];
}

/** Figures of an area (a län or the nation). People counts are exact here; suppression comes later. */
export interface OmradeTackning {
  kommuner: number;
  kommunerMedPo: number;
  kommunerUtanPo: number;
  folkmangd: number;
  /** Inhabitants of the kommuner without PO. */
  folkmangdUtanPo: number;
  verksamheter: number;
  verksamheterMedKo: number;
  /** Per cent of the verksamheter that had a queue, one decimal; null without verksamheter. */
  koAndel: number | null;
  /** FTE, two decimals. */
  arsarbetare: number;
  /** FTE the norm asks for: folkmängd / 30 000, two decimals. */
  normArsarbetare: number;
  /** Whole inhabitants per FTE; null when there is no FTE. */
  invanarePerArsarbetare: number | null;
  klienter: G;
  nyaKlienter: number;
  vantande: number;
  /** Clients per 10 000 inhabitants, one decimal; null when the population is 0. */
  klienterPer10000: number | null;
}

export interface KommunTackning {
  kommunKod: string;
  kommunNamn: string;
  lanKod: string;
  harPo: boolean;
  folkmangd: number;
  /** Verksamheter covering the kommun. */
  verksamheter: number;
  /** FTE split by population share (an estimate, see above), two decimals. */
  arsarbetare: number;
  normArsarbetare: number;
  invanarePerArsarbetare: number | null;
}

export interface Tackning {
  ar: number;
  riket: OmradeTackning;
  perLan: Array<OmradeTackning & { lanKod: string; lanNamn: string }>;
  perKommun: KommunTackning[];
}

/**
 * `total` whole units split by weight with the largest-remainder (Hamilton) method: the parts are whole,
 * add up to `total`, and each is its exact quota rounded down or up. Ties go to the earlier weight. All
 * weights 0 (or none positive): an equal split.
 */
export function fordela(total: number, vikter: readonly number[]): number[] {
  if (vikter.length === 0) return [];
  const positiva = vikter.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const summa = positiva.reduce((s, v) => s + v, 0);
  const w = summa > 0 ? positiva : vikter.map(() => 1);
  const W = summa > 0 ? summa : vikter.length;
  const kvoter = w.map((v) => (total * v) / W);
  const delar = kvoter.map((q) => Math.floor(q));
  let kvar = total - delar.reduce((s, v) => s + v, 0);
  const ordning = kvoter
    .map((q, i) => ({ i, rest: q - Math.floor(q) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of ordning) {
    if (kvar <= 0) break;
    delar[i]! += 1;
    kvar -= 1;
  }
  return delar;
}

/** The whole units a verksamhet hands out to the kommuner it covers. */
interface Andel {
  fte: number;
  kvinna: number;
  man: number;
  annan: number;
  nya: number;
  vantande: number;
}
const tomAndel = (): Andel => ({ fte: 0, kvinna: 0, man: 0, annan: 0, nya: 0, vantande: 0 });
const ANDEL_NYCKLAR = ['fte', 'kvinna', 'man', 'annan', 'nya', 'vantande'] as const;
const laggTill = (a: Andel, b: Andel) => {
  for (const k of ANDEL_NYCKLAR) a[k] += b[k];
};

const hundradelar = (fte: number) => Math.round(fte * 100);
const norm = (folk: number) => Math.round((folk * 100) / NORM_INVANARE_PER_ARSARBETARE) / 100;
const perArsarbetare = (folk: number, fteH: number) => (fteH > 0 ? Math.round((folk * 100) / fteH) : null);
const per10000 = (klienter: number, folk: number) =>
  folk > 0 ? Math.round((klienter * 10_000 * 10) / folk) / 10 : null;

export function tackning(ar: number, docs: readonly TackningRedovisning[], ref: TackningReferens): Tackning {
  const kommunInfo = new Map(ref.kommuner.map((k) => [k.kod, k]));
  const perKommun = new Map<string, { andel: Andel; verksamheter: number }>();
  const utanKommun = new Map<string, Andel>();
  const verksamheter = enPerVerksamhet(docs.filter((d) => d.year === ar));

  for (const d of verksamheter) {
    const kanda = [...new Set(d.verksamhet.kommunKoder)].filter((k) => kommunInfo.has(k)).sort();
    const k = d.klienter.totalt;
    const hela: Andel = {
      fte: hundradelar(d.personal.arsarbetare),
      kvinna: k.kvinna,
      man: k.man,
      annan: k.annan,
      nya: d.klienter.nya.totalt,
      vantande: d.ko.antalIKo3112,
    };
    if (kanda.length === 0) {
      const lan = utanKommun.get(d.verksamhet.lanKod) ?? tomAndel();
      laggTill(lan, hela);
      utanKommun.set(d.verksamhet.lanKod, lan);
      continue;
    }
    const vikter = kanda.map((kod) => kommunInfo.get(kod)!.folkmangd ?? 0);
    const delar = Object.fromEntries(ANDEL_NYCKLAR.map((n) => [n, fordela(hela[n], vikter)])) as Record<
      keyof Andel,
      number[]
    >;
    kanda.forEach((kod, i) => {
      const p = perKommun.get(kod) ?? { andel: tomAndel(), verksamheter: 0 };
      for (const n of ANDEL_NYCKLAR) p.andel[n] += delar[n][i]!;
      p.verksamheter += 1;
      perKommun.set(kod, p);
    });
  }

  const kommuner: KommunTackning[] = ref.kommuner.map((k) => {
    const p = perKommun.get(k.kod);
    const folk = k.folkmangd ?? 0;
    const fte = p?.andel.fte ?? 0;
    return {
      kommunKod: k.kod,
      kommunNamn: k.namn,
      lanKod: k.lanKod,
      harPo: p !== undefined,
      folkmangd: folk,
      verksamheter: p?.verksamheter ?? 0,
      arsarbetare: fte / 100,
      normArsarbetare: norm(folk),
      invanarePerArsarbetare: perArsarbetare(folk, fte),
    };
  });

  const omrade = (iOmradet: (lanKod: string) => boolean): OmradeTackning => {
    const ks = ref.kommuner.filter((k) => iOmradet(k.lanKod));
    const summa = tomAndel();
    for (const k of ks) {
      const p = perKommun.get(k.kod);
      if (p) laggTill(summa, p.andel);
    }
    for (const [lanKod, a] of utanKommun) if (iOmradet(lanKod)) laggTill(summa, a);
    const folk = ks.reduce((s, k) => s + (k.folkmangd ?? 0), 0);
    const utan = ks.filter((k) => !perKommun.has(k.kod));
    const egna = verksamheter.filter((d) => iOmradet(d.verksamhet.lanKod));
    const medKo = egna.filter((d) => d.ko.harKo).length;
    const klienter = summa.kvinna + summa.man + summa.annan;
    return {
      kommuner: ks.length,
      kommunerMedPo: ks.length - utan.length,
      kommunerUtanPo: utan.length,
      folkmangd: folk,
      folkmangdUtanPo: utan.reduce((s, k) => s + (k.folkmangd ?? 0), 0),
      verksamheter: egna.length,
      verksamheterMedKo: medKo,
      koAndel: andelIProcent(medKo, egna.length, 1),
      arsarbetare: summa.fte / 100,
      normArsarbetare: norm(folk),
      invanarePerArsarbetare: perArsarbetare(folk, summa.fte),
      klienter: { kvinna: summa.kvinna, man: summa.man, annan: summa.annan, totalt: klienter },
      nyaKlienter: summa.nya,
      vantande: summa.vantande,
      klienterPer10000: per10000(klienter, folk),
    };
  };

  const lanKoder = new Set(ref.lan.map((l) => l.kod));
  return {
    ar,
    riket: omrade((kod) => lanKoder.has(kod)),
    perLan: ref.lan.map((l) => ({ lanKod: l.kod, lanNamn: l.namn, ...omrade((kod) => kod === l.kod) })),
    perKommun: kommuner,
  };
}
