// Imports that take what people have (issue 11): the same casework as a comma-separated UTF-8 CSV, a
// semicolon CSV with BOM, a semicolon CSV in Windows-1252 and an xlsx gives the same clients, ärenden and
// redovisning figures; codes typed in any case; the template downloads and imports as it is.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_KOLUMNER } from '../../../contracts/cases.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { query, withTx } from '../../db/client.ts';
import { systemPrincipal } from '../../platform/context.ts';
import { type Client, loginAs, makeApp, testConfig } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet } from '../../testing/factories.ts';
import { raknaVerksamhetAr } from '../redovisning/engine.ts';
import { importKlienterSomSystem } from './import.ts';
import { avgransare, avkoda, XLSX_MIME } from './import-format.ts';

let database: TestDatabase;
let app: FastifyInstance;
let ombud: Client;
let ombudNamn: string;
const V: Array<{ id: string; kod: string }> = [];
const AR = Number(idagISverige().slice(0, 4)) - 1;
const d = (md: string) => `${AR}-${md}`;

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  for (let i = 0; i < 8; i++) V.push(await makeVerksamhet(database.db, { kommuner: ['0180', '0114'] }));
  const u = await makeUser(
    database.db,
    V.map((v) => ({ organisationId: v.id, roll: 'ombud' as const })),
  );
  ombudNamn = u.username;
  ombud = await loginAs(app, u.username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** The casework, one array per ärende in IMPORT_KOLUMNER order, as a tidy CSV writer would have it. */
const fall = () => [
  [
    'Åsa Öberg',
    '1980',
    'kvinna',
    '0180',
    'helt',
    d('01-10'),
    d('02-01'),
    d('11-30'),
    'ekonomi;bostad',
    'barn',
    ombudNamn,
  ],
  [
    'Åsa Öberg',
    '1980',
    'kvinna',
    '0180',
    'helt',
    d('12-05'),
    d('12-20'),
    '',
    'myndighetskontakter',
    '',
    ombudNamn,
  ],
  [
    'Räven, den röda',
    '1990',
    'man',
    '0114',
    'nej',
    d('03-01'),
    '',
    '',
    '',
    'ung_vuxen;ingen_annan_kontakt',
    '',
  ],
  [
    'Ugglan',
    '1955',
    'annan',
    '0180',
    'delvis',
    d('02-01'),
    d('02-02'),
    '',
    'sjukvardskontakter;annan',
    '',
    '',
  ],
  [
    'Ärlan',
    '2001',
    'kvinna',
    '0114',
    'nej',
    d('04-11'),
    d('05-02'),
    d('09-30'),
    'bryta_isolering',
    'ung_vuxen',
    '',
  ],
];

/** The same casework as people type it: labels and codes in any case, a kommun by its name. */
const somManSkriver = () =>
  fall().map((r) => [
    r[0]!,
    r[1]!,
    r[2] === 'kvinna' ? 'Kvinna' : r[2] === 'man' ? 'MAN' : 'Annan könsidentitet',
    r[3] === '0114' ? 'Upplands Väsby' : r[3]!,
    r[4] === 'helt' ? 'Ja, helt' : r[4] === 'delvis' ? 'DELVIS' : 'Nej',
    r[5]!,
    r[6]!,
    r[7]!,
    r[8]!
      .split(';')
      .map((k) => (k === 'bryta_isolering' ? 'Bryta isolering' : k.toUpperCase()))
      .join(';'),
    r[9]!.replace('ung_vuxen', 'Ung vuxen'),
    r[10]!.toUpperCase(),
  ]);

const csv = (rader: string[][], delimiter: ',' | ';', bom = false) =>
  stringify([[...IMPORT_KOLUMNER], ...rader], {
    delimiter,
    bom,
    record_delimiter: delimiter === ';' ? 'windows' : 'unix',
  });

async function xlsx(rader: string[][], blad = 'Blad1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Instruktioner').addRow(['Det här bladet läses inte.']);
  const ws = wb.addWorksheet(blad);
  ws.addRow([...IMPORT_KOLUMNER]);
  for (const r of rader) {
    // As Excel keeps them: years as numbers, dates as dates, 0114 typed into a number cell (114).
    ws.addRow(
      r.map((c, i) => {
        const k = IMPORT_KOLUMNER[i];
        if (c === '') return null;
        if (k === 'fodelsear') return Number(c);
        if (k === 'kommun_kod' && c === '0114') return 114;
        if (k?.endsWith('_datum')) return new Date(`${c}T00:00:00Z`);
        return c;
      }),
    );
  }
  ws.addRow([]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (verksamhetId: string, body: Buffer, contentType: string, q = '') =>
  ombud.request({
    method: 'POST',
    url: `/api/v1/verksamheter/${verksamhetId}/import/klienter${q}`,
    payload: body,
    headers: { 'content-type': contentType },
  });

async function data(verksamhetId: string) {
  return withTx(database.db, { verksamhetIds: [verksamhetId] }, async (tx) => ({
    rader: await query<Record<string, unknown>>(
      tx,
      sql`select i.alias, k.kon, k.fodelsear, k.kommun_kod, k.stadsdelsomrade_kod, k.barn_under_18, a.status,
                 a.forfragan_datum::text as f, a.start_datum::text as s, a.avslut_datum::text as av,
                 a.kontaktorsaker, a.prioritet, a.ombud_user_id, a.gallras_efter::text as g
          from arende a join klient k on k.id = a.klient_id join klient_identitet i on i.klient_id = k.id
          order by i.alias, a.forfragan_datum`,
    ),
    redovisning: await raknaVerksamhetAr(tx, verksamhetId, AR),
  }));
}

describe('the same casework in every format', () => {
  it('comma UTF-8, semicolon UTF-8 with BOM, semicolon Windows-1252 and xlsx give identical data and figures', async () => {
    const cp1252 = csv(somManSkriver(), ';');
    expect([...cp1252].every((c) => c.charCodeAt(0) < 0x100)).toBe(true);
    const filer: Array<[string, Buffer, string]> = [
      ['komma, UTF-8', Buffer.from(csv(fall(), ',')), 'text/csv'],
      ['semikolon, UTF-8 med BOM', Buffer.from(csv(somManSkriver(), ';', true)), 'text/csv'],
      ['semikolon, Windows-1252', Buffer.from(cp1252, 'latin1'), 'text/csv'],
      ['xlsx', await xlsx(fall()), XLSX_MIME],
    ];
    const resultat = [];
    for (const [i, [namn, body, typ]] of filer.entries()) {
      const res = await upload(V[i]!.id, body, typ, typ === XLSX_MIME ? '?blad=Blad1' : '');
      expect(res.statusCode, `${namn}: ${res.body}`).toBe(200);
      expect(res.json(), namn).toEqual({
        skrivet: true,
        rader: 5,
        klienter: 4,
        arenden: 5,
        hoppadeOver: 0,
        fel: [],
      });
      resultat.push(await data(V[i]!.id));
    }
    const [forst, ...ovriga] = resultat;
    expect(forst!.rader).toHaveLength(5);
    expect(forst!.rader[0]).toMatchObject({
      alias: 'Räven, den röda',
      kon: 'man',
      kommun_kod: '0114',
      barn_under_18: 'nej',
      status: 'ko',
      prioritet: ['ung_vuxen', 'ingen_annan_kontakt'],
    });
    expect(forst!.rader.find((r) => r.alias === 'Ugglan')).toMatchObject({
      kon: 'annan',
      barn_under_18: 'delvis',
    });
    expect(forst!.rader.filter((r) => r.alias === 'Åsa Öberg').map((r) => r.status)).toEqual([
      'avslutad',
      'aktiv',
    ]);
    expect(forst!.redovisning).toBeTruthy();
    for (const [i, r] of ovriga.entries()) {
      expect(r.rader, filer[i + 1]![0]).toEqual(forst!.rader);
      expect(r.redovisning, filer[i + 1]![0]).toEqual(forst!.redovisning);
    }
  });

  it('an unknown code is still refused, naming what was typed', async () => {
    const rad = [...fall()[2]!];
    rad[2] = 'Okänd';
    rad[8] = 'Ekonomi;Pengar';
    const res = await upload(V[4]!.id, Buffer.from(csv([rad], ';', true)), 'text/csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message])).toEqual([
      ['rad.2.kon', '”Okänd” är inte ett giltigt kön (kvinna, man eller annan).'],
      ['rad.2.kontaktorsaker', expect.stringContaining('”Pengar”')],
    ]);
  });
});

describe('detection', () => {
  const text = async (...delar: Buffer[]) => {
    let s = '';
    for await (const t of avkoda(Readable.from(delar))) s += t;
    return s;
  };

  it('UTF-8 with or without BOM, otherwise Windows-1252, also when a character is split between chunks', async () => {
    const utf8 = Buffer.from('alias;kon\nÅsa;kvinna\n');
    expect(await text(utf8)).toBe('alias;kon\nÅsa;kvinna\n');
    expect(await text(Buffer.from([0xef, 0xbb, 0xbf]), utf8)).toBe('alias;kon\nÅsa;kvinna\n');
    const delad = utf8.indexOf(0xc3) + 1;
    expect(await text(utf8.subarray(0, delad), utf8.subarray(delad))).toBe('alias;kon\nÅsa;kvinna\n');
    expect(await text(Buffer.from('alias;kon\nÅsa €;kvinna\n', 'latin1').fill(0x80, 14, 15))).toBe(
      'alias;kon\nÅsa €;kvinna\n',
    );
    expect(avgransare('alias;fodelsear;kon')).toBe(';');
    expect(avgransare('alias,fodelsear,kon')).toBe(',');
    expect(avgransare('"a;b",c')).toBe(',');
  });
});

describe('xlsx from the CLI (importKlienterSomSystem, as `ombud import clients FILE.xlsx --sheet NAME`)', () => {
  const ctx = () => ({
    db: database.db,
    config: testConfig(),
    principal: systemPrincipal('cli:test'),
    ip: 'cli',
  });

  it('reads the named sheet, and refuses a missing sheet or a file that is not a workbook', async () => {
    const fil = await xlsx(fall(), 'Ärenden');
    const fel = await importKlienterSomSystem(ctx(), V[5]!.kod, Readable.from([fil]), {
      format: 'xlsx',
      blad: 'Finns inte',
    });
    expect(fel).toMatchObject({ skrivet: false, fel: [{ rad: 1, kolumn: null }] });
    expect(fel.fel[0]!.meddelande).toContain('Ärenden');
    // The first sheet is the instructions: its one cell is not a header.
    const forsta = await importKlienterSomSystem(ctx(), V[5]!.kod, Readable.from([fil]), { format: 'xlsx' });
    expect(forsta.skrivet).toBe(false);
    const trasig = await importKlienterSomSystem(ctx(), V[5]!.kod, Readable.from([Buffer.from('PK nej')]), {
      format: 'xlsx',
    });
    expect(trasig.fel[0]!.meddelande).toContain('xlsx');
    const ok = await importKlienterSomSystem(ctx(), V[5]!.kod, Readable.from([fil]), {
      format: 'xlsx',
      blad: 'Ärenden',
    });
    expect(ok).toMatchObject({ skrivet: true, klienter: 4, arenden: 5, fel: [] });
    expect((await data(V[5]!.id)).rader).toEqual((await data(V[0]!.id)).rader);
  });
});

describe('the template', () => {
  const mall = (verksamhetId: string, format: string) =>
    ombud.get(`/api/v1/verksamheter/${verksamhetId}/import/klienter/mall?format=${format}`);

  it('CSV: semicolons with BOM, the header is IMPORT_KOLUMNER, and it imports as it is', async () => {
    const res = await mall(V[6]!.id, 'csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const body = res.rawPayload;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rubrik = body.subarray(3).toString('utf8').split('\r\n')[0]!;
    expect(rubrik.split(';')).toEqual([...IMPORT_KOLUMNER]);
    const imp = await upload(V[6]!.id, body, 'text/csv');
    expect(imp.statusCode, imp.body).toBe(200);
    expect(imp.json()).toMatchObject({ skrivet: true, rader: 1, klienter: 1, arenden: 1, fel: [] });
  });

  it('xlsx: the header, an example row that imports, and a sheet Koder with every code and its label', async () => {
    const res = await mall(V[7]!.id, 'xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Klienter', 'Koder']);
    expect((wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([...IMPORT_KOLUMNER]);
    const koder = wb
      .getWorksheet('Koder')!
      .getSheetValues()
      .map((r) => (r as unknown[] | undefined)?.slice(1));
    expect(koder).toContainEqual(['kon', 'kvinna', 'Kvinna']);
    expect(koder).toContainEqual(['kommun_kod', '0114', 'Upplands Väsby']);
    expect(koder).toContainEqual(['barn_under_18', 'helt', 'Ja, helt']);
    expect(koder).toContainEqual(['kontaktorsaker', 'bryta_isolering', 'Bryta isolering']);
    expect(koder).toContainEqual(['prioritet', 'ung_vuxen', 'Ung vuxen']);
    const imp = await upload(V[7]!.id, res.rawPayload, XLSX_MIME);
    expect(imp.statusCode, imp.body).toBe(200);
    expect(imp.json()).toMatchObject({ skrivet: true, klienter: 1, fel: [] });
  });

  it('is for those who may import: another verksamhet answers 404, a bad format 400', async () => {
    const annan = await makeVerksamhet(database.db);
    expect((await mall(annan.id, 'csv')).statusCode).toBe(404);
    expect((await mall(V[6]!.id, 'pdf')).statusCode).toBe(400);
  });
});
