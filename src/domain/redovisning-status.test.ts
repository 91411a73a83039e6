// The redovisning workflow (domain brief "Who is who": the verksamhet reports to the Länsstyrelse, which
// reviews): utkast → inskickad → (returnerad → inskickad)* → godkänd.
import { describe, expect, it } from 'vitest';
import {
  arSlutlage,
  assertOvergang,
  kanOvergaTill,
  REDOVISNING_STATUS,
  type RedovisningStatus,
} from './redovisning-status.ts';

const TILLATNA = new Set([
  'utkast>inskickad',
  'inskickad>returnerad',
  'inskickad>godkand',
  'returnerad>inskickad',
]);

describe('redovisning transitions', () => {
  const alla = REDOVISNING_STATUS.flatMap((fran) => REDOVISNING_STATUS.map((till) => [fran, till] as const));

  it.each(alla)('%s → %s follows the table', (fran, till) => {
    const tillaten = TILLATNA.has(`${fran}>${till}`);
    expect(kanOvergaTill(fran, till)).toBe(tillaten);
    expect(assertOvergang(fran, till) === null).toBe(tillaten);
  });

  it('allows any number of returns before approval', () => {
    const vag: RedovisningStatus[] = [
      'utkast',
      'inskickad',
      'returnerad',
      'inskickad',
      'returnerad',
      'inskickad',
      'godkand',
    ];
    for (let i = 1; i < vag.length; i++) expect(kanOvergaTill(vag[i - 1]!, vag[i]!)).toBe(true);
    expect(arSlutlage('godkand')).toBe(true);
  });

  it('an approved report cannot be changed', () => {
    expect(assertOvergang('godkand', 'returnerad')).toBe(
      'Redovisningen har status ”Godkänd”, som är ett slutläge och inte kan ändras.',
    );
  });
});
