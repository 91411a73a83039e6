// The Länsstyrelse's grant decisions as documents (issue 11 item 2): the län's workbook and one
// verksamhet's letter (docx, pdf). 2025: 130 000 000 kr / 331,42 FTE = 392 251 kr per FTE, as in seed 003.

import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dokument, gv } from '../../../domain/nationellt/testdata.ts';
import { formatKr, formatTal } from '../../../domain/tal.ts';
import { query } from '../../db/client.ts';
import { loadExcelJs } from '../../platform/documents/libraries.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, orgId } from '../../testing/factories.ts';
import { readZipEntry } from '../ledningsgrupp/zip.test-helper.ts';
import { importera, verksamhetId } from '../national/testing.ts';
import { beslutsdatum } from './beslut-dokument.ts';

let database: TestDatabase;
let app: FastifyInstance;
let ss: Client;
let ls01: Client;
let ls03: Client;
let chefA: Client;
let chefC: Client;
let admin: Client;
let a: string;
let b: string;
let c: string;

const BESLUTSFATTARE = 'Lena Länsson';
let ls01Username: string;

const doc = (kod: string, lanKod: string, kommun: string, ansokanFte: number) =>
  dokument({ ar: 2024, kod, lanKod, kommuner: [kommun], alder: { '30-49': gv(5, 5) }, ansokanFte });

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  // 300,00 FTE in län 01 (three verksamheter) and 31,42 in län 03: 331,42 in all, as in 2025.
  await importera(db, [doc('d-a', '01', '0114', 120.5), doc('d-b', '01', '0180', 177.5)], { godkand: true });
  await importera(db, [doc('d-e', '01', '0127', 2), doc('d-c', '03', '0380', 31.42)], { godkand: false });
  a = await verksamhetId(db, 'd-a');
  b = await verksamhetId(db, 'd-b');
  c = await verksamhetId(db, 'd-c');
  const user = async (typ: 'socialstyrelsen' | 'lansstyrelse', kod: string) =>
    loginAs(app, (await makeUser(db, [{ organisationId: await orgId(db, typ, kod), roll: typ }])).username);
  ss = await user('socialstyrelsen', 'socialstyrelsen');
  // The Länsstyrelse in län 01 decides as a person with a name, not as a username.
  const l1 = await makeUser(db, [
    { organisationId: await orgId(db, 'lansstyrelse', '01'), roll: 'lansstyrelse' },
  ]);
  await query(db, sql`update app_user set display_name = ${BESLUTSFATTARE} where id = ${l1.id}`);
  ls01 = await loginAs(app, l1.username);
  ls01Username = l1.username;
  ls03 = await user('lansstyrelse', '03');
  chefA = await loginAs(app, (await makeUser(db, [{ organisationId: a, roll: 'chef' }])).username);
  chefC = await loginAs(app, (await makeUser(db, [{ organisationId: c, roll: 'chef' }])).username);
  admin = await loginAs(
    app,
    (
      await makeUser(db, [
        { organisationId: await orgId(db, 'socialstyrelsen', 'socialstyrelsen'), roll: 'admin' },
      ])
    ).username,
  );
  const fixed = await ss.put('/api/v1/statsbidrag/2025/budget', {
    totalBudgetKr: 131_500_000,
    administrationKr: 1_500_000,
  });
  expect(fixed.json().beloppPerArsarbetareKr).toBe(392_251);
  // Two decisions in län 01 (d-e has applied and is not decided yet), one in län 03.
  expect((await ls01.put(`/api/v1/statsbidrag/2025/beslut/${a}`, { arsarbetare: 1.5 })).statusCode).toBe(200);
  expect(
    (
      await ls01.put(`/api/v1/statsbidrag/2025/beslut/${b}`, {
        arsarbetare: 177.5,
        kommentar: 'Enligt ansökan.',
      })
    ).statusCode,
  ).toBe(200);
  expect((await ls03.put(`/api/v1/statsbidrag/2025/beslut/${c}`, { arsarbetare: 31.42 })).statusCode).toBe(
    200,
  );
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function auditCount(action: string): Promise<number> {
  const [r] = await query<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from audit_log where action = ${action}`,
  );
  return r!.n;
}

describe('the län view for the page', () => {
  it('gives the amount, the län frame (its FTE × the amount) and the names for the decisions', async () => {
    const v = (await ls01.get('/api/v1/statsbidrag/2025/lan/01')).json();
    expect(v).toMatchObject({
      lanNamn: 'Stockholms län',
      faststalld: true,
      beloppPerArsarbetareKr: 392_251,
      avrundning: 'narmast',
      ramArsarbetare: 300,
      ramKr: 117_675_300,
      summaBeslutKr: 588_377 + 69_624_553, // 1,5 × 392 251 = 588 376,5 → 588 377; 177,5 × 392 251
    });
    expect(v.lansstyrelseNamn).toMatch(/Länsstyrelsen/);
    expect(v.beslut.map((x: { beloppKr: number }) => x.beloppKr)).toEqual([588_377, 69_624_553]);
    // Who decided, by name (the account's display name), not by username.
    expect(v.beslut.map((x: { beslutatAvNamn: string }) => x.beslutatAvNamn)).toEqual([
      BESLUTSFATTARE,
      BESLUTSFATTARE,
    ]);
    // A year Socialstyrelsen has not fixed: no frame.
    expect((await ls01.get('/api/v1/statsbidrag/2026/lan/01')).json()).toMatchObject({
      faststalld: false,
      ramKr: null,
    });
  });
});

describe('the län workbook', () => {
  it('holds exactly the decisions of the län, values as the API gives them, numbers as numbers', async () => {
    const api = (await ls01.get('/api/v1/statsbidrag/2025/lan/01')).json();
    const before = await auditCount('statsbidrag.beslut_lan_exporterade');
    const res = await ls01.get('/api/v1/statsbidrag/2025/lan/01/beslut.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('statsbidrag-beslut-2025-lan-01.xlsx');
    expect(await auditCount('statsbidrag.beslut_lan_exporterade')).toBe(before + 1);

    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Beslut 2025')!;
    expect(ws.getRow(2).getCell(2).value).toBe(392_251);
    expect(ws.getRow(3).getCell(2).value).toBe(117_675_300);
    const rows: unknown[][] = [];
    const rowNumbers: number[] = [];
    ws.eachRow((r, n) => {
      rows.push((r.values as unknown[]).slice(1));
      rowNumbers.push(n);
    });
    const head = rows.findIndex((r) => r[0] === 'Verksamhet');
    expect(rows[head]).toEqual([
      'Verksamhet',
      'Ansökta årsarbetare',
      'Beviljade årsarbetare',
      'Belopp (kr)',
      'Beslutsdatum',
      'Beslutat av',
      'Kommentar',
    ]);
    const data = rows.slice(head + 1, head + 4);
    // Three verksamheter applied in län 01; two are decided. Nothing of län 03.
    expect(data.map((r) => r[0])).toEqual(['PO d-a', 'PO d-b', 'PO d-e']);
    for (const bes of api.beslut) {
      const r = data.find((x) => x[0] === bes.verksamhetNamn)!;
      const ans = api.ansokningar.find((x: { verksamhetId: string }) => x.verksamhetId === bes.verksamhetId);
      expect(r[1]).toBe(ans.arsarbetare);
      expect(r[2]).toBe(bes.arsarbetare);
      expect(r[3]).toBe(bes.beloppKr);
      expect((r[4] as Date).toISOString().slice(0, 10)).toBe(beslutsdatum(bes.beslutatAt));
      expect(r[5]).toBe(bes.beslutatAvNamn);
      expect(r[5]).toBe(BESLUTSFATTARE);
      expect(r[6] ?? null).toBe(bes.kommentar);
    }
    expect(data[2]!.slice(0, 3)).toEqual(['PO d-e', 2]);
    expect(data[2]![3] ?? null).toBeNull();
    expect(rows[head + 4]!.slice(0, 4)).toEqual(['Summa', 300, 179, api.summaBeslutKr]);
    // Swedish-readable number formats on the figures.
    const first = ws.getRow(rowNumbers[head + 1]!);
    expect(first.getCell(3).numFmt).toBe('#,##0.00');
    expect(first.getCell(4).numFmt).toBe('#,##0');
  });

  it('Socialstyrelsen may fetch it; another län, a verksamhet and nobody may not', async () => {
    expect((await ss.get('/api/v1/statsbidrag/2025/lan/01/beslut.xlsx')).statusCode).toBe(200);
    expect((await ls03.get('/api/v1/statsbidrag/2025/lan/01/beslut.xlsx')).statusCode).toBe(404);
    // as the län view: a verksamhet has no right on any län (the route gate)
    expect((await chefA.get('/api/v1/statsbidrag/2025/lan/01/beslut.xlsx')).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/statsbidrag/2025/lan/01/beslut.xlsx' })).statusCode).toBe(401);
  });
});

describe("one verksamhet's decision as a letter", () => {
  it('docx: the letter names the Länsstyrelse, the verksamhet, FTE and amounts in Swedish form, and the förordning', async () => {
    const before = await auditCount('statsbidrag.beslut_exporterat');
    const res = await ls01.get(`/api/v1/statsbidrag/2025/beslut/${a}.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('statsbidrag-beslut-2025-po-d-a.docx');
    const xml = readZipEntry(res.rawPayload, 'word/document.xml');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Beslut om statsbidrag till personligt ombud 2025');
    expect(text).toContain('Länsstyrelsen');
    expect(text).toContain('PO d-a');
    expect(text).toContain(formatKr(588_377)); // "588 377 kr" with a no-break space
    expect(text).toContain(formatKr(392_251));
    expect(text).toContain(formatTal(1.5, 2)); // granted and applied FTE: 1,50 and 120,50
    expect(text).toContain(formatTal(120.5, 2));
    expect(text).toContain('förordningen (2013:522) om statsbidrag till kommuner');
    const beslut = (await ls01.get('/api/v1/statsbidrag/2025/lan/01'))
      .json()
      .beslut.find((x: { verksamhetId: string }) => x.verksamhetId === a);
    expect(text).toContain(beslutsdatum(beslut.beslutatAt));
    expect(text).toContain(beslut.beslutatAvNamn);
    expect(text).toContain(`av ${BESLUTSFATTARE}, `);
    expect(text).not.toContain(ls01Username);
    expect(await auditCount('statsbidrag.beslut_exporterat')).toBe(before + 1);
  });

  it('pdf: a pdf with pages', async () => {
    const res = await ls01.get(`/api/v1/statsbidrag/2025/beslut/${b}.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Type \/Pages/);
    expect(pdf.toString('latin1')).toMatch(/\/Count [1-9]/);
  });

  it('Socialstyrelsen may fetch it; another län 404, the administrator 403; no decision 404', async () => {
    expect((await ss.get(`/api/v1/statsbidrag/2025/beslut/${c}.pdf`)).statusCode).toBe(200);
    expect((await ls03.get(`/api/v1/statsbidrag/2025/beslut/${a}.docx`)).statusCode).toBe(404);
    expect((await ls01.get(`/api/v1/statsbidrag/2025/beslut/${c}.docx`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/statsbidrag/2025/beslut/${a}.docx`)).statusCode).toBe(403);
    const e = await verksamhetId(database.db, 'd-e');
    expect((await ls01.get(`/api/v1/statsbidrag/2025/beslut/${e}.docx`)).statusCode).toBe(404);
    expect((await ls01.get(`/api/v1/statsbidrag/2024/beslut/${a}.pdf`)).statusCode).toBe(404);
  });
});

describe('the verksamhet fetches its own decision (issue 11)', () => {
  it('its chef sees FTE and amount granted, the date and who decided by name', async () => {
    const res = await chefA.get(`/api/v1/verksamheter/${a}/statsbidrag/2025`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ ar: 2025, verksamhetId: a, ansoktArsarbetare: 120.5 });
    expect(v.lansstyrelseNamn).toMatch(/Länsstyrelsen/);
    expect(v.beslut).toMatchObject({
      verksamhetId: a,
      arsarbetare: 1.5,
      beloppKr: 588_377,
      beloppPerArsarbetareKr: 392_251,
      beslutatAvNamn: BESLUTSFATTARE,
    });
    // Nothing decided for the year: said so, not an error.
    expect((await chefA.get(`/api/v1/verksamheter/${a}/statsbidrag/2026`)).json()).toMatchObject({
      ar: 2026,
      beslut: null,
    });
  });

  it('its chef downloads its own letter (docx and pdf), audited as a download on the verksamhet', async () => {
    const count = async () =>
      (
        await query<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from audit_log where action = 'statsbidrag.beslut_exporterat' and organisation_id = ${a}`,
        )
      )[0]!.n;
    const before = await count();
    const docx = await chefA.get(`/api/v1/statsbidrag/2025/beslut/${a}.docx`);
    expect(docx.statusCode, docx.body).toBe(200);
    const text = readZipEntry(docx.rawPayload, 'word/document.xml').replace(/<[^>]+>/g, '');
    expect(text).toContain('PO d-a');
    expect(text).toContain(formatKr(588_377));
    expect(text).toContain(BESLUTSFATTARE);
    const pdf = await chefA.get(`/api/v1/statsbidrag/2025/beslut/${a}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await count()).toBe(before + 2);
  });

  it('nothing of any other verksamhet: a chef elsewhere gets 404, the administrator 403', async () => {
    const before = await auditCount('statsbidrag.beslut_exporterat');
    expect((await chefC.get(`/api/v1/verksamheter/${a}/statsbidrag/2025`)).statusCode).toBe(404);
    expect((await chefC.get(`/api/v1/statsbidrag/2025/beslut/${a}.docx`)).statusCode).toBe(404);
    expect((await chefC.get(`/api/v1/statsbidrag/2025/beslut/${a}.pdf`)).statusCode).toBe(404);
    expect((await chefA.get(`/api/v1/verksamheter/${c}/statsbidrag/2025`)).statusCode).toBe(404);
    expect((await chefA.get(`/api/v1/statsbidrag/2025/beslut/${c}.pdf`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/verksamheter/${a}/statsbidrag/2025`)).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/verksamheter/${a}/statsbidrag/2025` })).statusCode).toBe(401);
    // A refused download leaves no download in the log.
    expect(await auditCount('statsbidrag.beslut_exporterat')).toBe(before);
    // Its own Länsstyrelse and Socialstyrelsen read it too; another län does not.
    expect((await ls01.get(`/api/v1/verksamheter/${a}/statsbidrag/2025`)).statusCode).toBe(200);
    expect((await ss.get(`/api/v1/verksamheter/${a}/statsbidrag/2025`)).statusCode).toBe(200);
    expect((await ls03.get(`/api/v1/verksamheter/${a}/statsbidrag/2025`)).statusCode).toBe(404);
  });
});
