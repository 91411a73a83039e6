// The brister import takes the file as people have it (issue 11), as the client import does: the same rows
// as CSV with commas, CSV with semicolons and a BOM, CSV in Windows-1252 and an xlsx (first sheet or a
// named one) give the same brister; codes and names in any case; the template downloads, fills in and
// imports as it is (CSV and xlsx).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBristerFile } from '../../../cli/brister.ts';
import type { Principal } from '../../../domain/access.ts';
import { query } from '../../db/client.ts';
import { type Client, loginAs, makeApp, testConfig } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let database: TestDatabase;
let app: FastifyInstance;
let chef: Client;
let dir: string;

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  dir = mkdtempSync(join(tmpdir(), 'ombud-brister-format-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await app.close();
  await database.close();
});

/** A fresh verksamhet (Stockholm and Solna) with its chef: each file imports into an empty one. */
async function ny() {
  const v = await makeVerksamhet(database.db, { kommuner: ['0180', '0184'] });
  chef = await loginAs(app, (await makeUser(database.db, [{ organisationId: v.id, roll: 'chef' }])).username);
  return v;
}

const RADER = [
  ['Titel', 'Beskrivning', 'Nivå', 'Aktörer', 'Ämne', 'Datum', 'Antal klienter', 'Kommuner'],
  [
    'Långa handläggningstider',
    'Beslut dröjer; ibland ”månader”.',
    'Central nivå',
    'FÖRSÄKRINGSKASSAN',
    'FK-Handlaggningstider',
    '2025-11-03',
    '12',
    'Solna',
  ],
  [
    'Glapp',
    'Bollas mellan AF och FK, utan ansvar.',
    'LOKAL',
    'Försäkringskassan; arbetsformedlingen',
    'sgi-regler',
    '2025-12-01',
    '5',
    '180',
  ],
];

function csv(delim: string): string {
  const q = (s: string) => (/[",;\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return `${RADER.map((r) => r.map(q).join(delim)).join('\r\n')}\r\n`;
}
function cp1252(s: string): Buffer {
  // Every character used above is in Latin-1 but ” (0x94 in Windows-1252).
  return Buffer.from([...s].map((c) => (c === '”' ? 0x94 : c.charCodeAt(0))));
}
async function xlsx(blad: string[] = ['Brister']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const namn of blad) {
    const ws = wb.addWorksheet(namn);
    if (namn !== blad.at(-1)) ws.addRow(['inte', 'det här']);
    else for (const r of RADER) ws.addRow(r.map((c, i) => (i === 6 && /^\d+$/.test(c) ? Number(c) : c)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function brister(vid: string) {
  return query<{
    titel: string;
    beskrivning: string;
    niva: string;
    amne: string;
    antal: number;
    aktorer: string;
    kommuner: string;
  }>(
    database.db,
    sql`select b.titel, b.beskrivning, b.niva, b.amne_kod as amne, b.antal_klienter as antal,
          (select string_agg(o.kod, ',' order by o.kod) from brist_aktor ba join organisation o on o.id = ba.aktor_id
            where ba.brist_id = b.id) as aktorer,
          (select string_agg(k.kommun_kod, ',' order by k.kommun_kod) from brist_kommun k where k.brist_id = b.id) as kommuner
        from brist b where b.verksamhet_id = ${vid} order by b.titel`,
  );
}

const upload = (vid: string, body: string | Buffer, type: string, q = '') =>
  chef.request({
    method: 'POST',
    url: `/api/v1/verksamheter/${vid}/import/brister${q}`,
    headers: { 'content-type': type },
    payload: body,
  });

describe('brister from CSV and xlsx as people have them', () => {
  it('comma CSV, semicolon CSV with BOM, Windows-1252 CSV and xlsx give the same brister', async () => {
    const filer: Array<[string, string | Buffer, string, string?]> = [
      ['komma', csv(','), 'text/csv'],
      ['semikolon+BOM', `\uFEFF${csv(';')}`, 'text/csv'],
      ['Windows-1252', cp1252(csv(';')), 'text/csv'],
      ['xlsx', await xlsx(), XLSX],
      ['xlsx, named sheet', await xlsx(['Instruktioner', 'Data']), XLSX, '?blad=Data'],
    ];
    const resultat = [];
    for (const [namn, body, type, q] of filer) {
      const v = await ny();
      const res = await upload(v.id, body, type, q);
      expect(res.statusCode, `${namn}: ${res.body}`).toBe(201);
      expect(res.json().importerade).toBe(2);
      resultat.push(await brister(v.id));
    }
    expect(resultat[0]).toEqual([
      {
        titel: 'Glapp',
        beskrivning: 'Bollas mellan AF och FK, utan ansvar.',
        niva: 'lokal',
        amne: 'sgi-regler',
        antal: 5,
        aktorer: 'arbetsformedlingen,forsakringskassan',
        kommuner: '0180',
      },
      {
        titel: 'Långa handläggningstider',
        beskrivning: 'Beslut dröjer; ibland ”månader”.',
        niva: 'central',
        amne: 'fk-handlaggningstider',
        antal: 12,
        aktorer: 'forsakringskassan',
        kommuner: '0184',
      },
    ]);
    for (const r of resultat.slice(1)) expect(r).toEqual(resultat[0]);
  });

  it('an unknown sheet or a broken workbook is an error in words, and nothing is written', async () => {
    const v = await ny();
    const fel = await upload(v.id, await xlsx(), XLSX, '?blad=Saknas');
    expect(fel.statusCode).toBe(400);
    expect(fel.json().errors[0]).toMatchObject({ field: 'rad.1', label: 'Rad 1' });
    expect(fel.json().errors[0].message).toContain('Saknas');
    const trasig = await upload(v.id, Buffer.from('PK\u0003\u0004inte en zip'), XLSX);
    expect(trasig.statusCode).toBe(400);
    expect(trasig.json().errors[0].message).toBe('Filen kan inte läsas som en Excel-arbetsbok (.xlsx).');
    expect(await brister(v.id)).toEqual([]);
  });

  it('errors per row read "Rad 3, kolumn niva" with the reason', async () => {
    const v = await ny();
    const res = await upload(
      v.id,
      'titel;beskrivning;niva;aktorer;amne;datum;antal_klienter\nA;B;lokal;forsakringskassan;ovrigt;2025-01-01;1\nC;D;regional;forsakringskassan;ovrigt;2025-01-01;1\n',
      'text/csv',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: 'rad.3.niva',
        label: 'Rad 3, kolumn niva',
        message: 'Okänd nivå "regional"; ange handlaggare, lokal, central.',
      },
    ]);
  });

  it.each(['csv', 'xlsx'] as const)(
    'the %s template downloads, fills in and imports as it is',
    async (format) => {
      const v = await ny();
      const mall = await chef.get(`/api/v1/verksamheter/${v.id}/import/brister/mall?format=${format}`);
      expect(mall.statusCode, mall.body).toBe(200);
      expect(mall.headers['content-disposition']).toContain(`importmall-brister.${format}`);
      if (format === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(mall.rawPayload as unknown as ArrayBuffer);
        expect(wb.worksheets.map((w) => w.name)).toEqual(['Brister', 'Koder']);
        const koder = wb
          .getWorksheet('Koder')!
          .getSheetValues()
          .map((r) => (r as unknown[])?.slice(1, 3).join(':'));
        expect(koder).toEqual(
          expect.arrayContaining([
            'niva:lokal',
            'aktorer:forsakringskassan',
            'amne:fk-handlaggningstider',
            'kommuner:0180',
          ]),
        );
      } else {
        expect(mall.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        expect(mall.body).toContain('titel;beskrivning;niva;aktorer;amne;datum;antal_klienter;kommuner');
      }
      const res = await upload(v.id, mall.rawPayload, format === 'xlsx' ? XLSX : 'text/csv');
      expect(res.statusCode, res.body).toBe(201);
      expect(await brister(v.id)).toEqual([
        expect.objectContaining({
          titel: 'Exempel: långa handläggningstider',
          niva: 'central',
          kommuner: '0180',
        }),
      ]);
    },
  );

  it('the template and the import are for the verksamhet’s own chef and ombud', async () => {
    const v = await ny();
    const annan = await makeVerksamhet(database.db);
    expect((await chef.get(`/api/v1/verksamheter/${annan.id}/import/brister/mall`)).statusCode).toBe(404);
    expect((await chef.get(`/api/v1/verksamheter/${v.id}/import/brister/mall`)).statusCode).toBe(200);
  });

  it('the CLI reads an xlsx by its name, the first sheet or --sheet', async () => {
    const v = await ny();
    const ss = await orgId(database.db, 'socialstyrelsen', 'socialstyrelsen');
    const operator: Principal = {
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'cli:test',
      medlemskap: [{ organisationId: ss, organisationTyp: 'socialstyrelsen', lanKod: null, roll: 'admin' }],
    };
    const ctx = { db: database.db, config: testConfig(), principal: operator, ip: 'cli' };
    const fil = join(dir, 'brister.xlsx');
    writeFileSync(fil, await xlsx(['Instruktioner', 'Data']));
    await expect(importBristerFile(ctx, fil, v.kod)).rejects.toMatchObject({ status: 400 });
    expect(await importBristerFile(ctx, fil, v.kod.toUpperCase(), { blad: 'Data' })).toBe(
      `2 brister importerades till ${v.kod.toUpperCase()}.`,
    );
    expect(await brister(v.id)).toHaveLength(2);
  });
});
