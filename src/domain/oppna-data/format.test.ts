// The file formats of a published table (docs/open-data.md): the Swedish Excel CSV, RFC 4180 and JSON-stat.
import { describe, expect, it } from 'vitest';
import { somCsv, somJsonStat } from './format.ts';
import type { PubliceradTabell } from './tabeller.ts';

const t: PubliceradTabell = {
  id: 'prov',
  titel: 'Prov',
  radDimension: { kod: 'lan', etikett: 'Län' },
  kolumnDimension: { kod: 'uppgift', etikett: 'Uppgift' },
  rader: [
    { kod: '01', etikett: 'Stockholms län' },
    { kod: 'x', etikett: 'Med "citat"; och semikolon, och komma' },
  ],
  kolumner: [
    { kod: 'ombud', etikett: 'Ombud', omPersoner: true },
    { kod: 'fte', etikett: 'Årsarbetare', omPersoner: false, decimaler: 2 },
  ],
  varden: [
    [12, 2.5],
    [null, 10561.75],
  ],
};

describe('somCsv', () => {
  it('Excel variant: BOM, semicolons, decimal comma, .. for hidden, quoting only where needed', () => {
    expect(somCsv(t, 'excel')).toBe(
      '\uFEFFLän;Ombud;Årsarbetare\r\nStockholms län;12;2,5\r\n"Med ""citat""; och semikolon, och komma";..;10561,75\r\n',
    );
  });
  it('RFC 4180 variant: commas, no BOM, decimal point', () => {
    expect(somCsv(t, 'rfc')).toBe(
      'Län,Ombud,Årsarbetare\r\nStockholms län,12,2.5\r\n"Med ""citat""; och semikolon, och komma",..,10561.75\r\n',
    );
  });
});

describe('somJsonStat', () => {
  it('is a two-dimensional JSON-stat 2.0 dataset, values row by row, status .. where hidden', () => {
    const d = somJsonStat(t, 2025, 'Små tal är dolda.');
    expect(d).toMatchObject({
      version: '2.0',
      class: 'dataset',
      label: 'Prov, 2025',
      id: ['lan', 'uppgift'],
      size: [2, 2],
      value: [12, 2.5, null, 10561.75],
      status: { '2': '..' },
      note: ['Små tal är dolda.'],
      extension: { ar: 2025, tabell: 'prov' },
    });
    expect(d.dimension.lan).toEqual({
      label: 'Län',
      category: {
        index: { '01': 0, x: 1 },
        label: { '01': 'Stockholms län', x: 'Med "citat"; och semikolon, och komma' },
      },
    });
  });
});
