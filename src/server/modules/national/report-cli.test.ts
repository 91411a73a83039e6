// `ombud report national|lan` after importing many reports through `ombud import redovisning`: one
// verksamhet per län (21) whose figures split seed 003's published Tabell 3 for 2025 (män 1 019 / 1 995 /
// 1 128 / 605 = 4 747; kvinnor 1 166 / 2 796 / 1 560 / 292 = 5 814; totalt 10 561) and Tabell 4
// (437 men and 1 093 women living with children = 1 530).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportNational } from '../../../cli/report.ts';
import { ALDERSGRUPPER } from '../../../domain/codes.ts';
import { dokument, gv } from '../../../domain/nationellt/testdata.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { importera, operatorCtx } from './testing.ts';
import { lasArbetsbok } from './xlsx.ts';

let database: TestDatabase;
const LAN = [
  '01',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '12',
  '13',
  '14',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
];
const MAN = { '18-29': 1019, '30-49': 1995, '50-64': 1128, '65+': 605 } as const;
const KVINNOR = { '18-29': 1166, '30-49': 2796, '50-64': 1560, '65+': 292 } as const;
const dela = (n: number, i: number) => Math.floor(n / 21) + (i < n % 21 ? 1 : 0);

beforeAll(async () => {
  database = await createTestDb();
  const docs = LAN.map((l, i) =>
    dokument({
      ar: 2025,
      kod: `po-${l}`,
      namn: `PO län ${l}`,
      lanKod: l,
      kommuner: [`${l}80`], // every län's residence city has code XX80
      alder: Object.fromEntries(
        ALDERSGRUPPER.map((a) => [a, gv(dela(KVINNOR[a], i), dela(MAN[a], i))]),
      ) as never,
      medBarn: gv(dela(1093, i), dela(437, i)),
      harKo: i % 3 !== 0,
      median: 20 + i * 5,
      personal: { ombud: 3, arsarbetare: 2.5, kvinnor: 2, man: 1 },
      utforare: l === '07' ? 'region' : 'kommun',
    }),
  );
  await importera(database.db, docs, { godkand: true });
});
afterAll(async () => {
  await database.close();
});

describe('ombud report national --year 2025 --format json', () => {
  it('gives the documented shape and reproduces the published Tabell 3', async () => {
    const ctx = await operatorCtx(database.db);
    const r = await reportNational(ctx, { year: 2025, format: 'json' });
    expect(r.filnamn).toBe('lagesrapport-2025.json');
    const s = JSON.parse(String(r.body));
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining([
        'ar',
        'tabell1',
        'tabell2',
        'tabell3',
        'tabell4',
        'kontaktorsaker',
        'ko',
        'utforare',
        'ledningsgrupp',
        'personal',
        'brister',
      ]),
    );
    expect(Object.keys(s.tabell3)).toEqual(['kvinna', 'man', 'annan', 'totalt']);
    expect(Object.keys(s.tabell3.totalt)).toEqual(['18-29', '30-49', '50-64', '65+', 'totalt']);
    expect(Object.keys(s.tabell2.rader[0])).toEqual(
      expect.arrayContaining([
        'lanKod',
        'kommuner',
        'kommunerMedPoForegaendeAr',
        'kommunerMedPo',
        'forandring',
        'verksamheter',
      ]),
    );
    expect(Object.keys(s.kontaktorsaker.ekonomi)).toEqual(['kvinna', 'man', 'totalt']);
    expect(Object.keys(s.ko)).toEqual(expect.arrayContaining(['antal', 'andel']));
    expect(Object.keys(s.ledningsgrupp)).toEqual(expect.arrayContaining(['saknarRoll', 'andel']));
    expect(s.tabell3.man).toEqual({ '18-29': 1019, '30-49': 1995, '50-64': 1128, '65+': 605, totalt: 4747 });
    expect(s.tabell3.kvinna).toEqual({
      '18-29': 1166,
      '30-49': 2796,
      '50-64': 1560,
      '65+': 292,
      totalt: 5814,
    });
    expect(s.tabell3.totalt).toEqual({
      '18-29': 2185,
      '30-49': 4791,
      '50-64': 2688,
      '65+': 897,
      totalt: 10_561,
    });
    expect(s.tabell4).toEqual([
      { ar: 2025, kvinna: 1093, man: 437, annan: 0, totalt: 1530, andel: 14.5, klienter: 10_561 },
    ]);
    expect(s.tabell2.totalt).toMatchObject({ kommuner: 290, kommunerMedPo: 21, verksamheter: 21 });
    // Only 2025 is imported: last year and the change are unknown ('..'), not "+21".
    expect(s.tabell2.totalt).toMatchObject({ kommunerMedPoForegaendeAr: null, forandring: null });
    expect(s.ko).toMatchObject({ verksamheter: 21, antal: 14, andel: 66.7 });
    expect(s.personal).toEqual({ ombud: 63, arsarbetare: 52.5, kvinnor: 42, man: 21, andelKvinnor: 66.7 });
    expect(s.utforare).toHaveLength(1);
  });

  it('xlsx, pdf and docx; and `report lan` for one län', async () => {
    const ctx = await operatorCtx(database.db);
    const x = await reportNational(ctx, { year: 2025, format: 'xlsx' });
    const blad = await lasArbetsbok(x.body as Buffer);
    expect(blad['Tabell 3']!.find((r) => r[0] === 'Totalt')).toEqual([
      'Totalt',
      2185,
      4791,
      2688,
      897,
      10_561,
    ]);
    expect(
      ((await reportNational(ctx, { year: 2025, format: 'pdf' })).body as Buffer).subarray(0, 5).toString(),
    ).toBe('%PDF-');
    expect(
      ((await reportNational(ctx, { year: 2025, format: 'docx' })).body as Buffer).subarray(0, 2).toString(),
    ).toBe('PK');
    const lan = JSON.parse(
      String((await reportNational(ctx, { year: 2025, format: 'json', lanKod: '01' })).body),
    );
    expect(lan.lanKod).toBe('01');
    // län 01 (index 0) gets ⌈n/21⌉ of each cell: women 56 + 134 + 75 + 14, men 49 + 95 + 54 + 29
    expect(lan.tabell3.totalt.totalt).toBe(506);
    expect(lan.tabell2.rader).toEqual([
      expect.objectContaining({ lanKod: '01', kommuner: 26, kommunerMedPo: 1, verksamheter: 1 }),
    ]);
    expect(lan.perKommun.find((k: { kommunKod: string }) => k.kommunKod === '0180').verksamheter).toEqual([
      'po-01',
    ]);
  });
});
