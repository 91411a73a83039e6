// The table "Verksamheternas arbetssätt" (issue 15 item 6): seed 003 reports these as counts of
// verksamheter ("Av landets 116 verksamheter har 113 någon form av systematiserade rutiner för att
// rapportera till sin ledningsgrupp"; "Alla ombud har fått möjlighet till handledning …, undantaget en
// verksamhet"). One answer per verksamhet; no section or no answer counts as not answered.
import { describe, expect, it } from 'vitest';
import { tomtArbetssatt } from '../redovisning/arbetssatt.ts';
import { arbetssattTabell } from './arbetssatt.ts';
import { sammanstall } from './rapport.ts';
import { dokument, gv } from './testdata.ts';

const svar = (kod: string, o: Partial<ReturnType<typeof tomtArbetssatt>> | null) => ({
  verksamhet: { kod },
  ...(o ? { arbetssatt: { ...tomtArbetssatt(), ...o } } : {}),
});

describe('arbetssattTabell', () => {
  it('counts ja, nej and not answered per question; the three add up to the verksamheter', () => {
    const t = arbetssattTabell([
      svar('a', { rutinBrister: true, handledning: true }),
      svar('b', { rutinBrister: true, handledning: false }),
      svar('c', { rutinBrister: false }),
      svar('d', null), // an older report without the section
    ]);
    expect(t.verksamheter).toBe(4);
    expect(t.medAvsnitt).toBe(3);
    expect(t.fragor.rutinBrister).toEqual({ ja: 2, nej: 1, ejBesvarat: 1 });
    expect(t.fragor.handledning).toEqual({ ja: 1, nej: 1, ejBesvarat: 2 });
    expect(t.fragor.natverk).toEqual({ ja: 0, nej: 0, ejBesvarat: 4 });
    for (const r of Object.values(t.fragor)) expect(r.ja + r.nej + r.ejBesvarat).toBe(4);
  });

  it('seed 003: 113 of 116 with a routine for brister, all but one with handledning', () => {
    const docs = Array.from({ length: 116 }, (_, i) =>
      svar(`v${String(i).padStart(3, '0')}`, { rutinBrister: i >= 3, handledning: i !== 0 }),
    );
    const t = arbetssattTabell(docs);
    expect(t.fragor.rutinBrister.ja).toBe(113);
    expect(t.fragor.handledning).toEqual({ ja: 115, nej: 1, ejBesvarat: 0 });
  });

  it('sums the occasions and counts the verksamheter with at least one; a duplicate report counts once', () => {
    const t = arbetssattTabell([
      svar('a', { uppsokande: { antal: 4, text: 'x' }, information: { antal: 10, text: 'y' } }),
      svar('b', { uppsokande: { antal: 0, text: '' }, information: { antal: 5, text: 'z' } }),
      svar('b', { uppsokande: { antal: 2, text: 'w' }, information: { antal: 5, text: 'z' } }), // the last wins
      svar('c', null),
    ]);
    expect(t.verksamheter).toBe(3);
    expect(t.aktiviteter.uppsokande).toEqual({ verksamheter: 2, tillfallen: 6 });
    expect(t.aktiviteter.information).toEqual({ verksamheter: 2, tillfallen: 15 });
    expect(t.aktiviteter.undervisning).toEqual({ verksamheter: 0, tillfallen: 0 });
  });

  it('is part of the compilation, per län for a Länsstyrelse', () => {
    const d = (kod: string, lanKod: string, rutin: boolean) => ({
      ...dokument({ ar: 2025, kod, lanKod, kommuner: [`${lanKod}80`], alder: { '30-49': gv(3, 2) } }),
      arbetssatt: { ...tomtArbetssatt(), rutinBrister: rutin },
    });
    const input = {
      ar: 2025,
      docs: [d('a', '01', true), d('b', '01', false), d('c', '03', true)],
      foregaende: [],
      referens: {
        lan: [
          { kod: '01', namn: 'Stockholms län' },
          { kod: '03', namn: 'Uppsala län' },
        ],
        kommuner: [],
      },
      aktorer: [],
      amnen: [],
    };
    expect(sammanstall(input).arbetssatt.fragor.rutinBrister).toEqual({ ja: 2, nej: 1, ejBesvarat: 0 });
    expect(sammanstall({ ...input, lanKod: '01' }).arbetssatt.fragor.rutinBrister).toEqual({
      ja: 1,
      nej: 1,
      ejBesvarat: 0,
    });
  });
});
