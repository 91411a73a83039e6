// The section "Verksamhetens arbetssätt" (issue 15 item 6; seed 003 reports how many verksamheter have a
// prioriteringsordning, a routine for reporting brister, handledning, …): what warns and what blocks.
import { describe, expect, it } from 'vitest';
import type { RedovisningV1 } from '../../contracts/redovisning-v1.ts';
import { dokument, gv } from '../nationellt/testdata.ts';
import { type Arbetssatt, tomtArbetssatt, valideraArbetssatt } from './arbetssatt.ts';
import { personuppgiftsFel, valideraDokument, varningar } from './dokumentregler.ts';

const besvarat = (): Arbetssatt => ({
  ...tomtArbetssatt(),
  prioriteringsordning: true,
  rutinBrister: true,
  handledning: true,
  introduktionsutbildning: false,
  natverk: true,
});
const regler = (a: Partial<Arbetssatt> | undefined) => {
  const r = valideraArbetssatt(a);
  return { fel: r.fel.map((f) => [f.path, f.rule]), varningar: r.varningar.map((f) => [f.path, f.rule]) };
};

describe('valideraArbetssatt', () => {
  it('a document without the section (older v1 documents, imports) has no findings', () => {
    expect(regler(undefined)).toEqual({ fel: [], varningar: [] });
  });

  it('every question answered, no activities: nothing to say', () => {
    expect(regler(besvarat())).toEqual({ fel: [], varningar: [] });
  });

  it('an unanswered question is a warning (the form starts unanswered), not an error', () => {
    expect(regler({ ...besvarat(), handledning: null })).toEqual({
      fel: [],
      varningar: [['arbetssatt.handledning', 'arbetssatt_obesvarad']],
    });
    expect(regler(tomtArbetssatt()).varningar).toHaveLength(5);
  });

  it.each([
    [
      'a count without its text warns at the text',
      { antal: 3, text: '  ' },
      [],
      [['arbetssatt.uppsokande.text', 'aktivitet_text_saknas']],
    ],
    [
      'a text with the count 0 warns at the count',
      { antal: 0, text: 'Besök på härbärgen.' },
      [],
      [['arbetssatt.uppsokande.antal', 'aktivitet_antal_saknas']],
    ],
    ['a count with its text is fine', { antal: 3, text: 'Besök på härbärgen.' }, [], []],
    [
      'a count that is not a whole number blocks',
      { antal: 2.5, text: 'x' },
      [['arbetssatt.uppsokande.antal', 'heltal']],
      [],
    ],
    ['a count below 0 blocks', { antal: -1, text: '' }, [['arbetssatt.uppsokande.antal', 'heltal']], []],
    [
      'a count the form could not read (NaN) blocks',
      { antal: Number.NaN, text: '' },
      [['arbetssatt.uppsokande.antal', 'heltal']],
      [],
    ],
  ])('%s', (_namn, uppsokande, fel, varn) => {
    expect(regler({ ...besvarat(), uppsokande })).toEqual({ fel, varningar: varn });
  });
});

describe('in the document rules', () => {
  const d = (): RedovisningV1 =>
    ({
      ...dokument({ ar: 2025, kod: 'v', lanKod: '01', kommuner: ['0180'], alder: { '30-49': gv(3, 2) } }),
      arbetssatt: besvarat(),
    }) as RedovisningV1;

  it('warnings come with varningar, errors with valideraDokument', () => {
    const x: RedovisningV1 = {
      ...d(),
      arbetssatt: { ...besvarat(), natverk: null, information: { antal: 1.5, text: '' } },
    };
    expect(varningar(x, null).map((f) => f.rule)).toEqual(['arbetssatt_obesvarad']);
    expect(valideraDokument(x, { kravText: false }).map((f) => [f.path, f.rule])).toEqual([
      ['arbetssatt.information.antal', 'heltal'],
    ]);
  });

  it('the texts pass the personal-data guard like every other free text', () => {
    const x: RedovisningV1 = {
      ...d(),
      arbetssatt: { ...besvarat(), information: { antal: 1, text: 'Ring 070-123 45 67.' } },
    };
    expect(personuppgiftsFel(x).map((f) => f.path)).toEqual(['arbetssatt.information.text']);
    expect(valideraDokument(x, { kravText: false }).map((f) => f.rule)).toEqual(['personuppgift']);
  });
});
