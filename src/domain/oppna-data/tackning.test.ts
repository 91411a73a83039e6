// Coverage against need (issue 12, item 2): the norm of one ombud per 30 000 inhabitants (domain brief,
// seed 004), a verksamhet's figures split over its kommuner by population, kommuner without PO per län, and
// the suppression of people counts when published.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { G } from '../redovisning/typer.ts';
import {
  fordela,
  NORM_INVANARE_PER_ARSARBETARE,
  type TackningRedovisning,
  type TackningReferens,
  tackning,
} from './tackning.ts';
import { publiceraTackning, tidsserie } from './tackning-svar.ts';
import type { TabellPunkt } from './tidsserie-tabeller.ts';

const g = (kvinna: number, man: number, annan = 0): G => ({
  kvinna,
  man,
  annan,
  totalt: kvinna + man + annan,
});

function doc(o: {
  ar?: number;
  kod: string;
  lanKod: string;
  kommuner: string[];
  fte: number;
  klienter?: G;
  nya?: number;
  harKo?: boolean;
  vantande?: number;
}): TackningRedovisning {
  return {
    year: o.ar ?? 2025,
    verksamhet: { kod: o.kod, lanKod: o.lanKod, kommunKoder: o.kommuner },
    klienter: { totalt: o.klienter ?? g(0, 0), nya: g(o.nya ?? 0, 0) },
    ko: { harKo: o.harKo ?? false, antalIKo3112: o.vantande ?? 0 },
    personal: { arsarbetare: o.fte },
  };
}

// Two län: 01 with three kommuner (one without PO), 03 with one.
const REF: TackningReferens = {
  lan: [
    { kod: '01', namn: 'Stockholms län' },
    { kod: '03', namn: 'Uppsala län' },
  ],
  kommuner: [
    { kod: '0114', namn: 'Upplands Väsby', lanKod: '01', folkmangd: 45_000 },
    { kod: '0115', namn: 'Vallentuna', lanKod: '01', folkmangd: 15_000 },
    { kod: '0117', namn: 'Österåker', lanKod: '01', folkmangd: 40_000 },
    { kod: '0380', namn: 'Uppsala', lanKod: '03', folkmangd: 240_000 },
  ],
};

describe('fordela (largest remainder)', () => {
  it.each([
    { total: 200, vikter: [45_000, 15_000], ut: [150, 50] },
    { total: 10, vikter: [1, 1, 1], ut: [4, 3, 3] }, // a tie goes to the earlier
    { total: 7, vikter: [0, 0], ut: [4, 3] }, // no population: equal
    { total: 5, vikter: [3, 0], ut: [5, 0] },
    { total: 0, vikter: [2, 5], ut: [0, 0] },
    { total: 3, vikter: [], ut: [] },
  ])('$total over $vikter → $ut', ({ total, vikter, ut }) => {
    expect(fordela(total, vikter)).toEqual(ut);
  });

  it('gives whole parts that add up to the total, each its quota rounded down or up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 }),
        (total, vikter) => {
          const delar = fordela(total, vikter);
          expect(delar.reduce((s, v) => s + v, 0)).toBe(total);
          const W = vikter.reduce((s, v) => s + v, 0);
          delar.forEach((d, i) => {
            expect(Number.isInteger(d)).toBe(true);
            const kvot = W > 0 ? (total * vikter[i]!) / W : total / vikter.length;
            expect(d).toBeGreaterThanOrEqual(Math.floor(kvot));
            expect(d).toBeLessThanOrEqual(Math.ceil(kvot));
          });
        },
      ),
    );
  });
});

describe('tackning (worked by hand)', () => {
  // A covers Upplands Väsby (45 000) and Vallentuna (15 000): 3/4 and 1/4 of everything. Österåker has no
  // PO. C covers Uppsala alone.
  const A = doc({
    kod: 'a',
    lanKod: '01',
    kommuner: ['0114', '0115'],
    fte: 2,
    klienter: g(40, 20),
    nya: 8,
    harKo: true,
    vantande: 6,
  });
  const C = doc({ kod: 'c', lanKod: '03', kommuner: ['0380'], fte: 4.5, klienter: g(60, 39, 1), nya: 30 });
  const t = tackning(2025, [A, C], REF);

  it('splits FTE by population share and compares with the norm of 30 000 inhabitants per ombud', () => {
    expect(NORM_INVANARE_PER_ARSARBETARE).toBe(30_000);
    const k = (kod: string) => t.perKommun.find((x) => x.kommunKod === kod)!;
    expect(k('0114')).toEqual({
      kommunKod: '0114',
      kommunNamn: 'Upplands Väsby',
      lanKod: '01',
      harPo: true,
      folkmangd: 45_000,
      verksamheter: 1,
      arsarbetare: 1.5,
      normArsarbetare: 1.5,
      invanarePerArsarbetare: 30_000,
    });
    expect(k('0115')).toMatchObject({
      arsarbetare: 0.5,
      normArsarbetare: 0.5,
      invanarePerArsarbetare: 30_000,
    });
    expect(k('0117')).toMatchObject({
      harPo: false,
      verksamheter: 0,
      arsarbetare: 0,
      invanarePerArsarbetare: null,
    });
    expect(k('0117').normArsarbetare).toBe(1.33);
    expect(k('0380')).toMatchObject({ arsarbetare: 4.5, normArsarbetare: 8, invanarePerArsarbetare: 53_333 });
  });

  it('sums the län from its kommuner, counting the people of kommuner without PO in the need', () => {
    const sthlm = t.perLan.find((l) => l.lanKod === '01')!;
    expect(sthlm).toEqual({
      lanKod: '01',
      lanNamn: 'Stockholms län',
      kommuner: 3,
      kommunerMedPo: 2,
      kommunerUtanPo: 1,
      folkmangd: 100_000,
      folkmangdUtanPo: 40_000,
      verksamheter: 1,
      verksamheterMedKo: 1,
      koAndel: 100,
      arsarbetare: 2,
      normArsarbetare: 3.33,
      invanarePerArsarbetare: 50_000,
      klienter: g(40, 20),
      nyaKlienter: 8,
      vantande: 6,
      klienterPer10000: 6,
    });
    expect(t.riket).toMatchObject({
      kommuner: 4,
      kommunerUtanPo: 1,
      folkmangd: 340_000,
      verksamheter: 2,
      verksamheterMedKo: 1,
      koAndel: 50,
      arsarbetare: 6.5,
      normArsarbetare: 11.33,
      invanarePerArsarbetare: 52_308,
      klienter: g(100, 59, 1),
      nyaKlienter: 38,
      vantande: 6,
      klienterPer10000: 4.7,
    });
  });

  it('counts a kommun covered by two verksamheter once, with both shares of FTE', () => {
    const B = doc({ kod: 'b', lanKod: '01', kommuner: ['0115'], fte: 1 });
    const t2 = tackning(2025, [A, B], REF);
    expect(t2.perKommun.find((k) => k.kommunKod === '0115')).toMatchObject({
      harPo: true,
      verksamheter: 2,
      arsarbetare: 1.5,
      invanarePerArsarbetare: 10_000,
    });
    expect(t2.perLan[0]).toMatchObject({ kommunerMedPo: 2, verksamheter: 2, arsarbetare: 3 });
  });

  it('reads only the year asked for, and a verksamhet once (the last document wins)', () => {
    const fjol = doc({ ar: 2024, kod: 'x', lanKod: '01', kommuner: ['0117'], fte: 9 });
    const igen = { ...A, personal: { arsarbetare: 3 } };
    const t3 = tackning(2025, [A, fjol, igen], REF);
    expect(t3.riket.verksamheter).toBe(1);
    expect(t3.riket.arsarbetare).toBe(3);
    expect(t3.perLan[0]!.kommunerUtanPo).toBe(1);
  });

  it('keeps a verksamhet with no known kommun in its own län, with no kommun', () => {
    const okand = doc({ kod: 'o', lanKod: '03', kommuner: ['9999'], fte: 1, klienter: g(5, 5) });
    const t4 = tackning(2025, [okand], REF);
    expect(t4.perLan[1]).toMatchObject({
      arsarbetare: 1,
      klienter: g(5, 5),
      kommunerMedPo: 0,
      verksamheter: 1,
    });
    expect(t4.perKommun.every((k) => !k.harPo)).toBe(true);
  });

  it('has no ratio where there is nothing to divide by', () => {
    const tom = tackning(2025, [], {
      lan: [{ kod: '01', namn: 'L' }],
      kommuner: [{ kod: '0114', namn: 'K', lanKod: '01', folkmangd: null }],
    });
    expect(tom.riket).toMatchObject({
      folkmangd: 0,
      arsarbetare: 0,
      invanarePerArsarbetare: null,
      klienterPer10000: null,
      koAndel: null,
      kommunerUtanPo: 1,
    });
  });
});

// Random reports over a small country: the splits lose nothing and the län add up to the nation.
const LAND: TackningReferens = {
  lan: [
    { kod: '01', namn: 'A' },
    { kod: '03', namn: 'B' },
    { kod: '04', namn: 'C' },
  ],
  kommuner: [
    { kod: '0101', namn: 'a1', lanKod: '01', folkmangd: 12_000 },
    { kod: '0102', namn: 'a2', lanKod: '01', folkmangd: 90_000 },
    { kod: '0103', namn: 'a3', lanKod: '01', folkmangd: 3_100 },
    { kod: '0301', namn: 'b1', lanKod: '03', folkmangd: 240_000 },
    { kod: '0302', namn: 'b2', lanKod: '03', folkmangd: null },
    { kod: '0401', namn: 'c1', lanKod: '04', folkmangd: 55_555 },
  ],
};
const rapporter = fc
  .array(
    fc.record({
      lan: fc.constantFrom('01', '03', '04'),
      antal: fc.integer({ min: 1, max: 3 }),
      fte: fc.integer({ min: 0, max: 1_000 }),
      kvinna: fc.integer({ min: 0, max: 300 }),
      man: fc.integer({ min: 0, max: 300 }),
      annan: fc.integer({ min: 0, max: 5 }),
      nya: fc.integer({ min: 0, max: 100 }),
      vantande: fc.integer({ min: 0, max: 40 }),
      harKo: fc.boolean(),
      // Sometimes a kommun of another län too.
      granne: fc.boolean(),
    }),
    { maxLength: 6 },
  )
  .map((rs) =>
    rs.map((r, i) => {
      const egna = LAND.kommuner
        .filter((k) => k.lanKod === r.lan)
        .slice(0, r.antal)
        .map((k) => k.kod);
      return doc({
        kod: `v${i}`,
        lanKod: r.lan,
        kommuner: r.granne ? [...egna, '0401'] : egna,
        fte: r.fte / 100,
        klienter: g(r.kvinna, r.man, r.annan),
        nya: r.nya,
        harKo: r.harKo,
        vantande: r.vantande,
      });
    }),
  );

describe('tackning (properties)', () => {
  it('loses nothing in the split: the nation has every report’s FTE, clients and queue', () => {
    fc.assert(
      fc.property(rapporter, (docs) => {
        const t = tackning(2025, docs, LAND);
        const summa = (f: (d: TackningRedovisning) => number) => docs.reduce((s, d) => s + f(d), 0);
        expect(Math.round(t.riket.arsarbetare * 100)).toBe(
          summa((d) => Math.round(d.personal.arsarbetare * 100)),
        );
        expect(t.riket.klienter.totalt).toBe(summa((d) => d.klienter.totalt.totalt));
        expect(t.riket.nyaKlienter).toBe(summa((d) => d.klienter.nya.totalt));
        expect(t.riket.vantande).toBe(summa((d) => d.ko.antalIKo3112));
        expect(t.riket.verksamheter).toBe(docs.length);
        // The kommuner's FTE add up to the nation's.
        expect(t.perKommun.reduce((s, k) => s + Math.round(k.arsarbetare * 100), 0)).toBe(
          Math.round(t.riket.arsarbetare * 100),
        );
      }),
    );
  });

  it('adds the län up to the nation, and kommuner with and without PO to all kommuner', () => {
    fc.assert(
      fc.property(rapporter, (docs) => {
        const t = tackning(2025, docs, LAND);
        const lan = (f: (o: (typeof t.perLan)[number]) => number) => t.perLan.reduce((s, l) => s + f(l), 0);
        expect(lan((l) => l.klienter.totalt)).toBe(t.riket.klienter.totalt);
        expect(lan((l) => Math.round(l.arsarbetare * 100))).toBe(Math.round(t.riket.arsarbetare * 100));
        expect(lan((l) => l.kommunerUtanPo)).toBe(t.riket.kommunerUtanPo);
        for (const o of [...t.perLan, t.riket]) {
          expect(o.kommunerMedPo + o.kommunerUtanPo).toBe(o.kommuner);
          expect(o.klienter.totalt).toBe(o.klienter.kvinna + o.klienter.man + o.klienter.annan);
        }
        const medPo = new Set(docs.flatMap((d) => d.verksamhet.kommunKoder));
        expect(t.perKommun.filter((k) => k.harPo).map((k) => k.kommunKod)).toEqual(
          LAND.kommuner.filter((k) => medPo.has(k.kod)).map((k) => k.kod),
        );
      }),
    );
  });

  it('equals counting each verksamhet in its own län when no verksamhet reaches into another', () => {
    fc.assert(
      fc.property(rapporter, (docs) => {
        const inom = docs.filter(
          (d) => !d.verksamhet.kommunKoder.includes('0401') || d.verksamhet.lanKod === '04',
        );
        const t = tackning(2025, inom, LAND);
        for (const l of t.perLan) {
          const egna = inom.filter((d) => d.verksamhet.lanKod === l.lanKod);
          expect(l.klienter.kvinna).toBe(egna.reduce((s, d) => s + d.klienter.totalt.kvinna, 0));
          expect(Math.round(l.arsarbetare * 100)).toBe(
            egna.reduce((s, d) => s + Math.round(d.personal.arsarbetare * 100), 0),
          );
        }
      }),
    );
  });
});

describe('publiceraTackning (suppression of people counts)', () => {
  it('hides 1–4 people per län with a partner, and the rate that would give the count back', () => {
    const A = doc({
      kod: 'a',
      lanKod: '01',
      kommuner: ['0114'],
      fte: 1,
      klienter: g(3, 30),
      nya: 2,
      vantande: 7,
    });
    const C = doc({
      kod: 'c',
      lanKod: '03',
      kommuner: ['0380'],
      fte: 2,
      klienter: g(50, 40),
      nya: 20,
      vantande: 0,
    });
    const p = publiceraTackning(tackning(2025, [A, C], REF), 2024);
    expect(p.folkmangdAr).toBe(2024);
    expect(p.norm).toEqual({ invanarePerArsarbetare: 30_000 });
    const sthlm = p.perLan.find((l) => l.lanKod === '01')!;
    // 3 women hidden; its row then has one hidden cell, so the smallest other non-zero part (30 men) goes
    // too; the women's and men's columns then have one hidden cell each, so Uppsala's women and men go as
    // well (the smallest shown in each column). Riket stays: two unknowns in every row and column.
    expect(sthlm.klienter).toEqual({ kvinna: null, man: null, annan: 0, totalt: 33 });
    expect(p.perLan[1]!.klienter).toEqual({ kvinna: null, man: null, annan: 0, totalt: 90 });
    expect(sthlm.klienterPer10000).toBe(3.3);
    expect(p.riket.klienter).toEqual({ kvinna: 53, man: 70, annan: 0, totalt: 123 });
    // New clients: 2 hidden, and Uppsala's 20 with it (else Riket − Uppsala gives it).
    expect(sthlm.nyaKlienter).toBeNull();
    expect(p.perLan[1]!.nyaKlienter).toBeNull();
    expect(p.riket.nyaKlienter).toBe(22);
    expect(sthlm.vantande).toBe(7);
    // Not about people: never hidden.
    expect(sthlm).toMatchObject({ arsarbetare: 1, verksamheter: 1, kommunerUtanPo: 2 });
  });

  it('hides clients per 10 000 inhabitants when the client count is hidden', () => {
    const A = doc({ kod: 'a', lanKod: '01', kommuner: ['0114'], fte: 1, klienter: g(2, 0) });
    const C = doc({ kod: 'c', lanKod: '03', kommuner: ['0380'], fte: 2, klienter: g(50, 40) });
    const p = publiceraTackning(tackning(2025, [A, C], REF), 2024);
    expect(p.perLan[0]!.klienter.totalt).toBeNull();
    expect(p.perLan[0]!.klienterPer10000).toBeNull();
    expect(p.perLan[0]!.invanarePerArsarbetare).toBe(100_000);
  });

  it('never shows 1–4 people in any published count (random reports)', () => {
    fc.assert(
      fc.property(rapporter, (docs) => {
        const p = publiceraTackning(tackning(2025, docs, LAND), 2024);
        for (const o of [...p.perLan, p.riket])
          for (const v of [...Object.values(o.klienter), o.nyaKlienter, o.vantande])
            if (v !== null) expect(v === 0 || v >= 5).toBe(true);
      }),
    );
  });
});

/** Tabell 3, 4 and the contact reasons have tests of their own (tidsserie-tabeller.test.ts). */
const TOM_PUNKT: TabellPunkt = {
  alder: { '18-29': 0, '30-49': 0, '50-64': 0, '65+': 0, totalt: 0 },
  medBarn: { antal: 0, andel: null },
  kontaktorsaker: {} as TabellPunkt['kontaktorsaker'],
};

describe('tidsserie', () => {
  it('lists every year oldest first, with the nation and each län, as each year publishes them', () => {
    const aren = [2025, 2024].map((ar) => {
      const docs = [
        doc({ ar, kod: 'a', lanKod: '01', kommuner: ['0114'], fte: ar - 2023, klienter: g(20, 20) }),
      ];
      return {
        ar,
        tackning: publiceraTackning(tackning(ar, docs, REF), 2024),
        tabeller: { riket: TOM_PUNKT, perLan: new Map(REF.lan.map((l) => [l.kod, TOM_PUNKT])) },
      };
    });
    const s = tidsserie(aren, 2024);
    expect(s.ar).toEqual([2024, 2025]);
    expect(s.riket.map((p) => p.arsarbetare)).toEqual([1, 2]);
    expect(s.riket.map((p) => p.invanarePerArsarbetare)).toEqual([340_000, 170_000]);
    expect(s.riket[0]).toMatchObject({
      ar: 2024,
      verksamheter: 1,
      klienter: g(20, 20),
      nyaKlienter: 0,
      arsarbetare: 1,
      invanarePerArsarbetare: 340_000,
      klienterPer10000: 1.2,
      kommunerUtanPo: 3,
      koAndel: 0,
      vantande: 0,
    });
    expect(s.perLan.map((l) => l.lanKod)).toEqual(['01', '03']);
    expect(s.perLan[1]!.serie.map((p) => p.kommunerUtanPo)).toEqual([1, 1]);
    expect(tidsserie([], 2024)).toMatchObject({ ar: [], riket: [], perLan: [] });
  });
});
