// Properties of the counting engine over random casework (domain brief "Annual report"): whatever the
// casework, the figures it produces pass the redovisning's own consistency checks, and they do not depend
// on the order the ärenden come in (the SQL engine reads rows in no particular order).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARENDE_STATUS, BARN_UNDER_18, KON, KONTAKTORSAKER } from '../codes.ts';
import { type ArendePost, type KlientPost, raknaRedovisning } from './raknare.ts';
import type { G, OmradeSiffror } from './typer.ts';
import { valideraOmraden, valideraRedovisning } from './validering.ts';

/** Every G of a part, by its path (totalt.kvinna, alder.18-29.man, kontaktorsaker.ekonomi.totalt, …). */
function lov(d: Omit<OmradeSiffror, 'kommunKod' | 'stadsdelsomradeKod'>): Map<string, number> {
  const ut = new Map<string, number>();
  const lagg = (p: string, x: G) => {
    for (const [k, n] of Object.entries(x)) ut.set(`${p}.${k}`, n);
  };
  for (const f of ['totalt', 'nya', 'avslutade', 'avslutadeKlienter', 'medBarn'] as const) lagg(f, d[f]);
  for (const [a, x] of Object.entries(d.alder)) lagg(`alder.${a}`, x);
  for (const [o, x] of Object.entries(d.kontaktorsaker)) lagg(`kontaktorsaker.${o}`, x);
  return ut;
}

const plusDagar = (iso: string, dagar: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + dagar * 86_400_000).toISOString().slice(0, 10);

const klientArb = fc.record({
  kon: fc.constantFrom(...KON),
  // Three kommuner, one with stadsdelsområden, and clients with none recorded.
  kommunKod: fc.constantFrom('0180', '0182', '0183', null),
  stadsdelsomradeKod: fc.constantFrom('sdo-a', 'sdo-b', null),
  fodelsear: fc.integer({ min: 1930, max: 2010 }),
  barnUnder18: fc.constantFrom(...BARN_UNDER_18),
});

const arendeArb = fc.record({
  klient: fc.nat(),
  status: fc.constantFrom(...ARENDE_STATUS),
  forfragan: fc.integer({ min: 0, max: 4 * 365 }),
  vantan: fc.option(fc.integer({ min: 0, max: 400 })),
  langd: fc.option(fc.integer({ min: 0, max: 500 })),
  orsaker: fc.subarray([...KONTAKTORSAKER]),
});

const caseworkArb = fc
  .tuple(fc.array(klientArb, { minLength: 1, maxLength: 12 }), fc.array(arendeArb, { maxLength: 30 }))
  .map(([ks, as]) => {
    const klienter: KlientPost[] = ks.map(({ stadsdelsomradeKod, ...k }, i) => ({
      id: `k${i}`,
      ...k,
      stadsdelsomradeKod: k.kommunKod === '0180' ? stadsdelsomradeKod : null,
    }));
    const arenden: ArendePost[] = as.map((a, i) => {
      const forfraganDatum = plusDagar('2023-01-01', a.forfragan);
      const startDatum = a.vantan === null ? null : plusDagar(forfraganDatum, a.vantan);
      const avslutDatum = a.langd === null ? null : plusDagar(startDatum ?? forfraganDatum, a.langd);
      return {
        id: `a${i}`,
        klientId: `k${a.klient % klienter.length}`,
        status: a.status,
        forfraganDatum,
        startDatum,
        avslutDatum,
        kontaktorsaker: a.orsaker,
      };
    });
    return { klienter, arenden };
  });

const PERSONAL = { ombud: 3, kvinnor: 2, man: 1, arsarbetare: 2.5 };

describe('raknaRedovisning properties', () => {
  it('always produces figures that pass valideraRedovisning', () => {
    fc.assert(
      fc.property(caseworkArb, fc.integer({ min: 2022, max: 2028 }), ({ klienter, arenden }, ar) => {
        const r = raknaRedovisning({ klienter, arenden, ar });
        expect(valideraRedovisning({ ...r, personal: PERSONAL })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('per kommun and per stadsdelsområde: the parts add up to the totals, figure by figure', () => {
    fc.assert(
      fc.property(caseworkArb, fc.integer({ min: 2022, max: 2028 }), ({ klienter, arenden }, ar) => {
        const r = raknaRedovisning({ klienter, arenden, ar });
        const hela = lov({ ...r.klienter, kontaktorsaker: r.kontaktorsaker });
        for (const delar of [r.perKommun, r.perStadsdelsomrade]) {
          if (delar === r.perStadsdelsomrade && delar.length === 0) continue;
          const summa = new Map<string, number>([...hela.keys()].map((k) => [k, 0]));
          for (const d of delar) for (const [p, n] of lov(d)) summa.set(p, (summa.get(p) ?? 0) + n);
          expect(summa).toEqual(hela);
          // Only areas with clients, each once, in code order with "not recorded" last.
          expect(delar.every((d) => d.totalt.totalt > 0)).toBe(true);
        }
        expect(new Set(r.perKommun.map((d) => d.kommunKod)).size).toBe(r.perKommun.length);
        const helhet = { klienter: r.klienter, kontaktorsaker: r.kontaktorsaker };
        expect(valideraOmraden('klienter.perKommun', r.perKommun, helhet)).toEqual([]);
        if (r.perStadsdelsomrade.length)
          expect(valideraOmraden('klienter.perStadsdelsomrade', r.perStadsdelsomrade, helhet)).toEqual([]);
        // Each kommun's part is counted from its own clients alone.
        for (const d of r.perKommun) {
          const egna = raknaRedovisning({
            klienter: klienter.filter((k) => (k.kommunKod ?? null) === d.kommunKod),
            arenden: arenden.filter((a) =>
              klienter.some((k) => k.id === a.klientId && (k.kommunKod ?? null) === d.kommunKod),
            ),
            ar,
          });
          expect(d.totalt).toEqual(egna.klienter.totalt);
          expect(d.nya).toEqual(egna.klienter.nya);
          expect(d.alder).toEqual(egna.klienter.alder);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of ärenden or klienter', () => {
    fc.assert(
      fc.property(caseworkArb, fc.integer({ min: 2022, max: 2028 }), ({ klienter, arenden }, ar) => {
        const framat = raknaRedovisning({ klienter, arenden, ar });
        const bakat = raknaRedovisning({
          klienter: [...klienter].reverse(),
          arenden: [...arenden].reverse(),
          ar,
        });
        expect(bakat).toEqual(framat);
      }),
      { numRuns: 200 },
    );
  });
});
