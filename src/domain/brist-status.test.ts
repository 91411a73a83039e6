// The brist workflow (domain brief "System deficiencies": to the ledningsgrupp, to the actor, feedback
// tracked; seed 003: most brister are "redan kända och återkommande", hence kvarstår).
import { describe, expect, it } from 'vitest';
import { arSlutlage, assertOvergang, BRIST_STATUS, kanOvergaTill } from './brist-status.ts';

const TILLATNA = new Set([
  'registrerad>lyft_i_ledningsgrupp',
  // Straight to the actor, besides through the ledningsgrupp (seed 001).
  'registrerad>skickad_till_aktor',
  'lyft_i_ledningsgrupp>skickad_till_aktor',
  'skickad_till_aktor>aterkoppling_mottagen',
  'aterkoppling_mottagen>avslutad',
  'registrerad>kvarstar',
  'lyft_i_ledningsgrupp>kvarstar',
  'skickad_till_aktor>kvarstar',
  'aterkoppling_mottagen>kvarstar',
  'kvarstar>lyft_i_ledningsgrupp',
  'kvarstar>skickad_till_aktor',
  'kvarstar>avslutad',
]);

describe('brist transitions', () => {
  const alla = BRIST_STATUS.flatMap((fran) => BRIST_STATUS.map((till) => [fran, till] as const));

  it.each(alla)('%s → %s follows the table', (fran, till) => {
    const tillaten = TILLATNA.has(`${fran}>${till}`);
    expect(kanOvergaTill(fran, till)).toBe(tillaten);
    expect(assertOvergang(fran, till) === null).toBe(tillaten);
  });

  it('kvarstår is reachable from every state that is not final', () => {
    for (const s of BRIST_STATUS) {
      if (s === 'kvarstar') continue;
      expect(kanOvergaTill(s, 'kvarstar')).toBe(!arSlutlage(s));
    }
  });

  it('avslutad is the only final state', () => {
    expect(BRIST_STATUS.filter(arSlutlage)).toEqual(['avslutad']);
  });

  it('explains a refused step in Swedish', () => {
    expect(assertOvergang('registrerad', 'avslutad')).toBe(
      'Bristen kan inte gå från ”Registrerad” till ”Avslutad”. Möjligt nästa steg: ”Lyft i ledningsgruppen”, ”Skickad till aktör”, ”Kvarstår”.',
    );
  });
});
