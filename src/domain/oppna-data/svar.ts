/**
 * The JSON answer of GET /api/v1/oppna-data/{ar}: the published tables under the keys of
 * /api/v1/nationellt/{ar} (docs/national-report.md), in the same shapes, with suppressed cells as null;
 * plus per-län figures. Every value is read from the published tables, so the JSON, the CSV and the
 * JSON-stat files of a year always agree.
 */
import { ALDERSGRUPPER, OBLIGATORISKA_ROLLER } from '../codes.ts';
import type { NationellSammanstallning } from '../nationellt/rapport.ts';
import { VANTETID_INTERVALL } from '../nationellt/tabeller.ts';
import { andelIProcent } from '../tal.ts';
import type { RojCell } from './roja.ts';
import {
  ANMARKNING,
  cell,
  type LanUnderlag,
  oppnaTabeller,
  type PubliceradTabell,
  radObjekt,
} from './tabeller.ts';

const num = (v: RojCell): number => {
  if (v === null) throw new Error('ett värde som inte rör personer kan inte vara dolt');
  return v;
};
const andel = (del: RojCell, helhet: RojCell) =>
  del === null || helhet === null ? null : andelIProcent(del, helhet, 1);

export function oppnaData(s: NationellSammanstallning, lan: readonly LanUnderlag[]) {
  const tabeller = oppnaTabeller(s, lan);
  const t = Object.fromEntries(tabeller.map((x) => [x.id, x])) as Record<string, PubliceradTabell>;
  const [t2, t3, t4, ko, lg, kl, pe] = [
    t.tabell2!,
    t.tabell3!,
    t.tabell4!,
    t.ko!,
    t.ledningsgrupp!,
    t['klienter-per-lan']!,
    t['personal-per-lan']!,
  ];
  const g = (x: PubliceradTabell, rad: string) => ({
    kvinna: cell(x, rad, 'kvinna'),
    man: cell(x, rad, 'man'),
    annan: cell(x, rad, 'annan'),
    totalt: cell(x, rad, 'totalt'),
  });
  const tabell2Rad = (r: number) => {
    const o = radObjekt(t2, r);
    return {
      kommuner: num(o.kommuner!),
      // null here is not suppression: last year is unknown (no report for the län that year).
      kommunerMedPoForegaendeAr: o.kommunerMedPoForegaendeAr ?? null,
      kommunerMedPo: num(o.kommunerMedPo!),
      forandring: o.forandring ?? null,
      verksamheter: num(o.verksamheter!),
    };
  };
  const ombud = (rad: string) => ({
    kvinnor: cell(pe, rad, 'kvinnor'),
    man: cell(pe, rad, 'man'),
    ovriga: cell(pe, rad, 'ovriga'),
    totalt: cell(pe, rad, 'ombud'),
  });
  const koVarden = radObjekt(ko, 0);
  const lgVarden = radObjekt(lg, 0);
  const riketOmbud = ombud('riket');
  return {
    ar: s.ar,
    anmarkning: ANMARKNING,
    underlagStatus: 'godkanda' as const,
    underlag: { verksamheter: s.underlag.verksamheter },
    klienter: g(kl, 'riket'),
    tabell2: {
      rader: t2.rader.slice(0, -1).map((r, i) => ({ lanKod: r.kod, lanNamn: r.etikett, ...tabell2Rad(i) })),
      totalt: tabell2Rad(t2.rader.length - 1),
    },
    tabell3: Object.fromEntries(
      t3.rader.map((r) => [
        r.kod,
        Object.fromEntries([...ALDERSGRUPPER, 'totalt'].map((a) => [a, cell(t3, r.kod, a)])),
      ]),
    ),
    tabell4: t4.rader.map((r, i) => ({ ar: Number(r.kod), ...radObjekt(t4, i) })),
    ko: {
      verksamheter: num(koVarden.verksamheter!),
      antal: num(koVarden.antal!),
      andel: andel(koVarden.antal!, koVarden.verksamheter!),
      vantetider: Object.fromEntries(VANTETID_INTERVALL.map((i) => [i, num(koVarden[i]!)])),
      utanMedian: num(koVarden.utanMedian!),
    },
    ledningsgrupp: {
      verksamheter: num(lgVarden.verksamheter!),
      saknarRoll: num(lgVarden.saknarRoll!),
      andel: andel(lgVarden.saknarRoll!, lgVarden.verksamheter!),
      perRoll: Object.fromEntries(OBLIGATORISKA_ROLLER.map((r) => [r, num(lgVarden[r]!)])),
    },
    personal: {
      ombud: riketOmbud.totalt,
      arsarbetare: num(cell(pe, 'riket', 'arsarbetare')),
      kvinnor: riketOmbud.kvinnor,
      man: riketOmbud.man,
      ovriga: riketOmbud.ovriga,
      andelKvinnor: andel(riketOmbud.kvinnor, riketOmbud.totalt),
    },
    perLan: lan.map((l) => ({
      lanKod: l.lan.kod,
      lanNamn: l.lan.etikett,
      verksamheter: num(cell(pe, l.lan.kod, 'verksamheter')),
      arsarbetare: num(cell(pe, l.lan.kod, 'arsarbetare')),
      ombud: ombud(l.lan.kod),
      klienter: g(kl, l.lan.kod),
    })),
    tabeller: tabeller.map((x) => ({ id: x.id, titel: x.titel })),
  };
}

export type OppnaData = ReturnType<typeof oppnaData>;
