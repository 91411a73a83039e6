// "Verksamhetens arbetssätt" (issue 15 item 6) end to end: the verksamhet saves and submits the section,
// its warnings never block, personal data in its texts is refused, and the submitted answers reach the
// Länsstyrelse's and Socialstyrelsen's table "Verksamheternas arbetssätt" (seed 003: "Av landets 116
// verksamheter har 113 någon form av systematiserade rutiner för att rapportera till sin ledningsgrupp").
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import { giltigRedovisning } from '../../testing/redovisning-fixture.ts';

let database: TestDatabase;
let app: FastifyInstance;
let chefA: Client;
let chefB: Client;
let ls01: Client;
let ss: Client;
let A = '';
let B = '';
const url = (v: string) => `/api/v1/verksamheter/${v}/redovisningar/2025`;

const arbetssatt = {
  prioriteringsordning: true,
  rutinBrister: true,
  handledning: false,
  introduktionsutbildning: true,
  natverk: null,
  uppsokande: { antal: 4, text: 'Besök på härbärgen tillsammans med socialpsykiatrin.' },
  information: { antal: 12, text: '' },
  undervisning: { antal: 0, text: '' },
  brukarorganisationer: { antal: 3, text: 'Träffar med RSMH.' },
};

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  A = (await makeVerksamhet(db, { namn: 'PO Arbetssätt A' })).id;
  B = (await makeVerksamhet(db, { namn: 'PO Arbetssätt B' })).id;
  const login = async (organisationId: string, roll: 'chef' | 'lansstyrelse' | 'socialstyrelsen') =>
    loginAs(app, (await makeUser(db, [{ organisationId, roll }])).username);
  chefA = await login(A, 'chef');
  chefB = await login(B, 'chef');
  ls01 = await login(await orgId(db, 'lansstyrelse', '01'), 'lansstyrelse');
  ss = await login(await orgId(db, 'socialstyrelsen', 'socialstyrelsen'), 'socialstyrelsen');
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('Verksamhetens arbetssätt', () => {
  it('is saved with the draft; an unanswered question and a count without text warn, never block', async () => {
    const res = await chefA.put(url(A), { ...giltigRedovisning(2025), arbetssatt });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.dokument.arbetssatt).toEqual(arbetssatt);
    expect(v.validering).toEqual([]);
    expect(v.varningar.map((f: { path: string; rule: string }) => [f.path, f.rule])).toEqual([
      ['arbetssatt.natverk', 'arbetssatt_obesvarad'],
      ['arbetssatt.information.text', 'aktivitet_text_saknas'],
    ]);
  });

  it('refuses personal data in an activity text, naming the field as the form does', async () => {
    const res = await chefA.put(url(A), {
      arbetssatt: { ...arbetssatt, uppsokande: { antal: 1, text: 'Ring 070-123 45 67.' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({
        field: 'arbetssatt.uppsokande.text',
        label: 'Uppsökande verksamhet, beskrivning',
      }),
    );
  });

  it('refuses a count that is not a whole number', async () => {
    const res = await chefA.put(url(A), {
      arbetssatt: { ...arbetssatt, information: { antal: 2.5, text: 'x' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({ field: 'arbetssatt.information.antal' }),
    );
  });

  it('a report without the section still saves and submits (the section is optional)', async () => {
    const res = await chefB.put(url(B), giltigRedovisning(2025));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dokument.arbetssatt).toBeUndefined();
    expect((await chefB.post(`${url(B)}/inskickning`)).statusCode).toBe(200);
  });

  it('the submitted answers reach the län and national table "Verksamheternas arbetssätt"', async () => {
    const sub = await chefA.post(`${url(A)}/inskickning`);
    expect(sub.statusCode, sub.body).toBe(200);
    for (const [klient, sokvag] of [
      [ss, '/api/v1/nationellt/2025?forhandsvisning=true'],
      [ls01, '/api/v1/lan/01/sammanstallning/2025?forhandsvisning=true'],
    ] as const) {
      const res = await klient.get(sokvag);
      expect(res.statusCode, res.body).toBe(200);
      const a = res.json().arbetssatt;
      // A answered, B (no section) counts as not answered; nothing suppressed (counts of verksamheter).
      expect(a.verksamheter).toBe(2);
      expect(a.medAvsnitt).toBe(1);
      expect(a.fragor.rutinBrister).toEqual({ ja: 1, nej: 0, ejBesvarat: 1 });
      expect(a.fragor.handledning).toEqual({ ja: 0, nej: 1, ejBesvarat: 1 });
      expect(a.fragor.natverk).toEqual({ ja: 0, nej: 0, ejBesvarat: 2 });
      expect(a.aktiviteter.information).toEqual({ verksamheter: 1, tillfallen: 12 });
      expect(a.aktiviteter.undervisning).toEqual({ verksamheter: 0, tillfallen: 0 });
    }
    // Approved reports only (the default): nothing approved yet, so every answer is missing.
    const godkanda = (await ss.get('/api/v1/nationellt/2025')).json().arbetssatt;
    expect(godkanda.fragor.rutinBrister.ja).toBe(0);
  });

  it('the documents carry the section (xlsx sheets Arbetssätt and Aktiviteter)', async () => {
    const res = await chefA.get(`${url(A)}/dokument/xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Aktiviteter')!;
    const rader = [];
    for (let i = 1; i <= ws.rowCount; i++) rader.push((ws.getRow(i).values as unknown[]).slice(1, 3));
    expect(rader).toContainEqual(['Informationsinsatser', 12]);
    expect(wb.getWorksheet('Arbetssätt')).toBeDefined();
    for (const f of ['pdf', 'docx'] as const)
      expect((await chefA.get(`${url(A)}/dokument/${f}`)).statusCode).toBe(200);
  });
});
