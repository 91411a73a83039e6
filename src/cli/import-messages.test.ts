import { afterEach, describe, expect, it, vi } from 'vitest';
import { Invalid } from '../server/platform/errors.ts';
import { felrad, filformat } from './cases.ts';
import { printError } from './context.ts';

/** The CLI says where and what in words (issue 9): "Rad 8, kolumn kon: …", never `rad.8.kon`. */
describe('import errors in the terminal', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a bad client row reads as a sentence with row and column', () => {
    expect(
      felrad({
        rad: 8,
        kolumn: 'kon',
        meddelande: '”okänd” är inte ett giltigt kön (kvinna, man eller annan).',
      }),
    ).toBe('  Rad 8, kolumn kon: ”okänd” är inte ett giltigt kön (kvinna, man eller annan).');
    expect(felrad({ rad: 3, kolumn: null, meddelande: 'Raden har 3 fält men rubrikraden 11.' })).toBe(
      '  Rad 3: Raden har 3 fält men rubrikraden 11.',
    );
  });

  it('a refused request prints labels, not machine paths', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((s: unknown) => {
      lines.push(String(s));
    });
    printError(
      new Invalid([
        { field: 'rad.8.niva', message: '”regional” är ingen nivå (handläggare, lokal eller central).' },
        { field: 'titel', message: 'Rubrik måste fyllas i.' },
        { field: '[1].klienter.nya.kvinna', message: 'Fler nya kvinnor än kvinnor totalt.' },
      ]),
    );
    expect(lines).toEqual([
      'Fel: 3 uppgifter behöver rättas: Rad 8, kolumn niva, Rubrik, Dokument 2, nya klienter, kvinnor.',
      '  Rad 8, kolumn niva: ”regional” är ingen nivå (handläggare, lokal eller central).',
      '  Rubrik: Rubrik måste fyllas i.',
      '  Dokument 2, nya klienter, kvinnor: Fler nya kvinnor än kvinnor totalt.',
    ]);
  });
});

describe('ombud import clients FILE', () => {
  it('reads a .xlsx as a workbook and anything else as CSV', () => {
    expect(filformat('klienter.xlsx')).toBe('xlsx');
    expect(filformat('/tmp/KLIENTER.XLSX')).toBe('xlsx');
    expect(filformat('klienter.csv')).toBe('csv');
    expect(filformat('klienter.xlsx.csv')).toBe('csv');
  });
});
