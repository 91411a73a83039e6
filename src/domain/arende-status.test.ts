// The ärende workflow (domain brief "Casework": förfrågan → kö → start of work → avslutat; requests that
// are not for PO end as ej aktuell).
import { describe, expect, it } from 'vitest';
import { arSlutlage, assertOvergang, kanOvergaTill } from './arende-status.ts';
import { ARENDE_STATUS } from './codes.ts';

const TILLATNA = new Set([
  'forfragan>ko',
  'forfragan>aktiv',
  'forfragan>ej_aktuell',
  'ko>aktiv',
  'ko>ej_aktuell',
  'aktiv>avslutad',
]);

describe('ärende transitions', () => {
  const alla = ARENDE_STATUS.flatMap((fran) => ARENDE_STATUS.map((till) => [fran, till] as const));

  it.each(alla)('%s → %s follows the table', (fran, till) => {
    const tillaten = TILLATNA.has(`${fran}>${till}`);
    expect(kanOvergaTill(fran, till)).toBe(tillaten);
    expect(assertOvergang(fran, till) === null).toBe(tillaten);
  });

  it('has exactly two final states', () => {
    expect(ARENDE_STATUS.filter(arSlutlage)).toEqual(['avslutad', 'ej_aktuell']);
  });

  it.each([
    ['aktiv', 'ko', 'Ärendet kan inte gå från ”Aktiv” till ”I kö”. Möjligt nästa steg: ”Avslutad”.'],
    [
      'ko',
      'avslutad',
      'Ärendet kan inte gå från ”I kö” till ”Avslutad”. Möjligt nästa steg: ”Aktiv”, ”Ej aktuell”.',
    ],
    ['aktiv', 'aktiv', 'Ärendet har redan status ”Aktiv”.'],
    ['avslutad', 'aktiv', 'Ärendet har status ”Avslutad”, som är ett slutläge och inte kan ändras.'],
    ['ej_aktuell', 'ko', 'Ärendet har status ”Ej aktuell”, som är ett slutläge och inte kan ändras.'],
  ] as const)('assertOvergang(%s, %s) explains in Swedish', (fran, till, meddelande) => {
    expect(assertOvergang(fran, till)).toBe(meddelande);
  });

  it('refuses a status from outside the list instead of crashing', () => {
    const okand = 'pausad' as never;
    expect(kanOvergaTill(okand, 'aktiv')).toBe(false);
    expect(assertOvergang(okand, 'aktiv')).toBe('Okänd status ”pausad”.');
    expect(kanOvergaTill('aktiv', okand)).toBe(false);
    expect(kanOvergaTill('toString' as never, 'aktiv')).toBe(false);
  });
});
