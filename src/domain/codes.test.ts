// Code lists from the domain brief (/work/shared/domain/README.md: "Casework", "Who is who") and
// Socialstyrelsen's lägesrapport 2025 (seed 003: Tabell 3 age groups, Diagram 1 contact reasons,
// "Övriga utförare", ledningsgrupp per förordning 2013:522).
import { describe, expect, it } from 'vitest';
import {
  ALDERSGRUPP_ETIKETT,
  ALDERSGRUPPER,
  ARENDE_STATUS,
  ARENDE_STATUS_ETIKETT,
  arKod,
  BARN_UNDER_18,
  BARN_UNDER_18_ETIKETT,
  BRIST_NIVA,
  BRIST_NIVA_ETIKETT,
  type Etiketter,
  etikett,
  FORFRAGAN_FRAN,
  FORFRAGAN_FRAN_ETIKETT,
  KON,
  KON_ETIKETT,
  KONTAKTORSAK_ETIKETT,
  KONTAKTORSAKER,
  LEDNINGSGRUPP_ROLL_ETIKETT,
  LEDNINGSGRUPP_ROLLER,
  OBLIGATORISKA_ROLLER,
  PRIORITETSGRUND_ETIKETT,
  PRIORITETSGRUNDER,
  saknadeRoller,
  UTFORARE,
  UTFORARE_ETIKETT,
} from './codes.ts';

const listor: Array<[string, readonly string[], Etiketter<string>]> = [
  ['KON', KON, KON_ETIKETT],
  ['KONTAKTORSAKER', KONTAKTORSAKER, KONTAKTORSAK_ETIKETT],
  ['PRIORITETSGRUNDER', PRIORITETSGRUNDER, PRIORITETSGRUND_ETIKETT],
  ['BARN_UNDER_18', BARN_UNDER_18, BARN_UNDER_18_ETIKETT],
  ['ALDERSGRUPPER', ALDERSGRUPPER, ALDERSGRUPP_ETIKETT],
  ['UTFORARE', UTFORARE, UTFORARE_ETIKETT],
  ['ARENDE_STATUS', ARENDE_STATUS, ARENDE_STATUS_ETIKETT],
  ['FORFRAGAN_FRAN', FORFRAGAN_FRAN, FORFRAGAN_FRAN_ETIKETT],
  ['BRIST_NIVA', BRIST_NIVA, BRIST_NIVA_ETIKETT],
  ['LEDNINGSGRUPP_ROLLER', LEDNINGSGRUPP_ROLLER, LEDNINGSGRUPP_ROLL_ETIKETT],
];

describe('code lists', () => {
  it.each(listor)(
    '%s: unique ASCII codes, exactly one sv and en label per code',
    (_namn, lista, etiketter) => {
      expect(new Set(lista).size).toBe(lista.length);
      for (const kod of lista) expect(kod).toMatch(/^[a-z0-9_+-]+$/);
      expect(Object.keys(etiketter).sort()).toEqual([...lista].sort());
      for (const kod of lista) {
        expect(etiketter[kod]?.sv.trim()).not.toBe('');
        expect(etiketter[kod]?.en.trim()).not.toBe('');
      }
    },
  );

  it('has the exact codes of the brief, in order', () => {
    expect(KON).toEqual(['kvinna', 'man', 'annan']);
    expect(ALDERSGRUPPER).toEqual(['18-29', '30-49', '50-64', '65+']);
    expect(ARENDE_STATUS).toEqual(['forfragan', 'ko', 'aktiv', 'avslutad', 'ej_aktuell']);
    expect(BRIST_NIVA).toEqual(['handlaggare', 'lokal', 'central']);
    expect(KONTAKTORSAKER).toHaveLength(10);
  });

  // The labels of the national list as printed in the brief ("Contact reasons (kontaktorsaker)").
  it.each([
    ['ekonomi', 'Ekonomi'],
    ['bostad', 'Bostad'],
    ['sysselsattning', 'Sysselsättning'],
    ['struktur_i_vardagen', 'Struktur i vardagen'],
    ['bryta_isolering', 'Bryta isolering'],
    ['relationsfragor', 'Relationsfrågor'],
    ['existentiella_fragor', 'Existentiella frågor'],
    ['myndighetskontakter', 'Stöd i kontakten med myndigheter'],
    ['sjukvardskontakter', 'Stöd i kontakten med sjukvården'],
    ['annan', 'Annan orsak'],
  ] as const)('kontaktorsak %s is labelled %s', (kod, sv) => {
    expect(etikett(KONTAKTORSAK_ETIKETT, kod)).toBe(sv);
  });

  it.each([
    ['kvinna', 'Kvinna', 'Woman'],
    ['man', 'Man', 'Man'],
    ['annan', 'Annan könsidentitet', 'Other gender identity'],
  ] as const)('kon %s is labelled %s / %s', (kod, sv, en) => {
    expect(etikett(KON_ETIKETT, kod, 'sv')).toBe(sv);
    expect(etikett(KON_ETIKETT, kod, 'en')).toBe(en);
  });
});

describe('arKod', () => {
  it.each([
    ['kvinna', true],
    ['man', true],
    ['Kvinna', false],
    ['', false],
    [null, false],
    [1, false],
  ] as const)('arKod(KON, %j) = %s', (varde, vantat) => {
    expect(arKod(KON, varde)).toBe(vantat);
  });
});

describe('ledningsgrupp (SFS 2013:522)', () => {
  it('requires exactly kommun, primärvård, psykiatri, Arbetsförmedlingen and Försäkringskassan', () => {
    expect(OBLIGATORISKA_ROLLER).toEqual([
      'kommun',
      'primarvard',
      'psykiatri',
      'arbetsformedlingen',
      'forsakringskassan',
    ]);
  });

  it.each([
    [[], ['kommun', 'primarvard', 'psykiatri', 'arbetsformedlingen', 'forsakringskassan']],
    // Primärvård is the member most often missing (seed 003).
    [
      ['kommun', 'psykiatri', 'arbetsformedlingen', 'forsakringskassan', 'brukarorganisation'],
      ['primarvard'],
    ],
    [['forsakringskassan', 'arbetsformedlingen', 'psykiatri', 'primarvard', 'kommun'], []],
    [
      ['kommun', 'kommun', 'ovrig'],
      ['primarvard', 'psykiatri', 'arbetsformedlingen', 'forsakringskassan'],
    ],
  ] as const)('saknadeRoller(%j) = %j', (roller, saknas) => {
    expect(saknadeRoller(roller)).toEqual(saknas);
  });
});
