// Properties of the counting engine over random casework (domain brief "Annual report"): whatever the
// casework, the figures it produces pass the redovisning's own consistency checks, and they do not depend
// on the order the ärenden come in (the SQL engine reads rows in no particular order).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARENDE_STATUS, BARN_UNDER_18, KON, KONTAKTORSAKER } from '../codes.ts';
import { type ArendePost, type KlientPost, raknaRedovisning } from './raknare.ts';
import { valideraRedovisning } from './validering.ts';

const plusDagar = (iso: string, dagar: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + dagar * 86_400_000).toISOString().slice(0, 10);

const klientArb = fc.record({
  kon: fc.constantFrom(...KON),
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
    const klienter: KlientPost[] = ks.map((k, i) => ({ id: `k${i}`, ...k }));
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
