// The figures inside the redovisning's messages are written as Swedes write them (issue 9: "Årsarbetarna
// (2.5)" with a decimal point).
import { describe, expect, it } from 'vitest';
import { nollG, tomAlder, tommaKontaktorsaker } from './typer.ts';
import { valideraRedovisning } from './validering.ts';

function tom() {
  return {
    klienter: { totalt: nollG(), nya: nollG(), avslutade: nollG(), medBarn: nollG(), alder: tomAlder() },
    kontaktorsaker: tommaKontaktorsaker(),
    ko: { harKo: false, vantetidMedianDagar: null, vantetidMaxDagar: null, antalIKo3112: 0 },
    personal: { ombud: 2, kvinnor: 1, man: 1, arsarbetare: 2.5 },
  };
}

describe('numbers in the validation messages', () => {
  it('writes decimals with a comma', () => {
    const fel = valideraRedovisning(tom());
    expect(fel.map((f) => f.message)).toEqual([
      'Årsarbetarna (2,5) kan inte vara fler än antalet ombud (2).',
    ]);
  });

  it('writes a non-integer count with a comma too', () => {
    const r = tom();
    r.personal.arsarbetare = 1;
    r.ko.antalIKo3112 = 1.25;
    expect(valideraRedovisning(r).map((f) => f.message)).toEqual([
      'Värdet måste vara ett heltal som är 0 eller större (är 1,25).',
    ]);
  });
});
