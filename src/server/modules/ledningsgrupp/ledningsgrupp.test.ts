import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import { readZipEntry } from './zip.test-helper.ts';

let database: TestDatabase;
let app: FastifyInstance;
let fk: string;

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  fk = await orgId(database.db, 'aktor', 'forsakringskassan');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function setup() {
  const v = await makeVerksamhet(database.db);
  const chef = await loginAs(
    app,
    (await makeUser(database.db, [{ organisationId: v.id, roll: 'chef' }])).username,
  );
  return { v, chef, lg: `/api/v1/verksamheter/${v.id}/ledningsgrupp` };
}

async function bristAt(chef: Client, verksamhetId: string, titel: string, createdAt: string) {
  const res = await chef.post(`/api/v1/verksamheter/${verksamhetId}/brister`, {
    titel,
    beskrivning: 'Beskrivning av bristen.',
    niva: 'lokal',
    aktorIds: [fk],
    amneKod: 'fk-handlaggningstider',
    observeradDatum: '2025-11-01',
    antalKlienter: 1,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await database.db.execute(sql`update brist set created_at = ${createdAt}::timestamptz where id = ${id}`);
  return id;
}

describe('the förordning check (SFS 2013:522)', () => {
  it('lists the missing required roles and whether a user organisation was offered a seat', async () => {
    const { chef, lg } = await setup();
    const empty = (await chef.get(lg)).json();
    expect(empty).toMatchObject({
      saknadeRoller: ['kommun', 'primarvard', 'psykiatri', 'arbetsformedlingen', 'forsakringskassan'],
      brukarorganisationErbjuden: false,
      harBrukarorganisation: false,
      uppfyllerForordningen: false,
      ledamoter: [],
      moten: [],
    });
    const add = (rollkategori: string, organisation: string, namn: string) =>
      chef.post(`${lg}/ledamoter`, { rollkategori, organisation, namn });
    await add('kommun', 'Stockholms stad', 'Karin K');
    await add('psykiatri', 'Region Stockholm', 'Per P');
    await add('arbetsformedlingen', 'Arbetsförmedlingen', 'Anna A');
    const fkRes = await add('forsakringskassan', 'Försäkringskassan', 'Fia F');
    expect(fkRes.statusCode).toBe(201);
    expect(fkRes.json()).toMatchObject({ saknadeRoller: ['primarvard'], uppfyllerForordningen: false });
    await add('primarvard', 'Region Stockholm', 'Pia P');
    expect((await chef.get(lg)).json()).toMatchObject({ saknadeRoller: [], uppfyllerForordningen: false });
    // Offering the seat is enough; the organisation need not take it.
    const offered = await chef.put(lg, { brukarorganisationErbjuden: true });
    expect(offered.json()).toMatchObject({ brukarorganisationErbjuden: true, uppfyllerForordningen: true });
    await chef.put(lg, { brukarorganisationErbjuden: false });
    const brukare = (await add('brukarorganisation', 'RSMH Stockholm', 'Bo B')).json();
    expect(brukare).toMatchObject({ harBrukarorganisation: true, uppfyllerForordningen: true });
    // Members leave; the check follows.
    const kommun = brukare.ledamoter.find((l: { rollkategori: string }) => l.rollkategori === 'kommun');
    const left = await chef.delete(`${lg}/ledamoter/${kommun.id}`);
    expect(left.json()).toMatchObject({ saknadeRoller: ['kommun'], uppfyllerForordningen: false });
    expect((await chef.delete(`${lg}/ledamoter/${kommun.id}`)).statusCode).toBe(404);
  });

  it('links a member to a login only when that user belongs to the verksamhet', async () => {
    const { v, chef, lg } = await setup();
    const own = await makeUser(database.db, [{ organisationId: v.id, roll: 'ledamot' }]);
    const other = await makeUser(database.db, [
      { organisationId: (await makeVerksamhet(database.db)).id, roll: 'ledamot' },
    ]);
    const ok = await chef.post(`${lg}/ledamoter`, {
      rollkategori: 'kommun',
      organisation: 'K',
      namn: 'N',
      userId: own.id,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().ledamoter[0].userId).toBe(own.id);
    const bad = await chef.post(`${lg}/ledamoter`, {
      rollkategori: 'kommun',
      organisation: 'K',
      namn: 'N',
      userId: other.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('userId');
    const badRole = await chef.post(`${lg}/ledamoter`, {
      rollkategori: 'region',
      organisation: 'K',
      namn: 'N',
    });
    expect(badRole.statusCode).toBe(400);
  });
});

describe('meetings', () => {
  it('builds the agenda from the brister registered since the last meeting plus the open ones', async () => {
    const { v, chef, lg } = await setup();
    const b1 = await bristAt(chef, v.id, 'Före första mötet, skickas', '2025-12-01T10:00:00Z');
    const b2 = await bristAt(chef, v.id, 'Före första mötet, kvarstår', '2025-12-01T10:00:00Z');
    const b4 = await bristAt(chef, v.id, 'Före första mötet, stängd', '2025-12-05T10:00:00Z');

    const m1 = (await chef.post(`${lg}/moten`, { datum: '2026-01-10' })).json();
    expect(m1.dagordning.map((p: { bristId: string }) => p.bristId).sort()).toEqual([b1, b2, b4].sort());
    expect(m1.dagordning.every((p: { ny: boolean }) => p.ny)).toBe(true);

    // Decisions: b1 lifted and sent, b2 persists, b4 closed through kvarstår.
    const beslut = (bristId: string, text: string, status?: string) =>
      chef.post(`${lg}/moten/${m1.id}/beslut`, { bristId, beslut: text, ...(status ? { status } : {}) });
    expect((await beslut(b1, 'Skickas till Försäkringskassan.', 'skickad_till_aktor')).statusCode).toBe(200);
    expect((await beslut(b2, 'Bevakas.', 'kvarstar')).statusCode).toBe(200);
    expect((await beslut(b4, 'Kvarstår.', 'kvarstar')).statusCode).toBe(200);
    expect((await chef.post(`/api/v1/brister/${b4}/status`, { status: 'avslutad' })).statusCode).toBe(200);
    const h1 = (await chef.get(`/api/v1/brister/${b1}`)).json().handelser;
    expect(h1.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'registrerad',
      'lyft_i_ledningsgrupp',
      'skickad_till_aktor',
    ]);
    expect(h1[2].kommentar).toBe('Ledningsgruppens möte 2026-01-10: Skickas till Försäkringskassan.');

    // After the first meeting: one new open, one new already closed.
    const b3 = await bristAt(chef, v.id, 'Efter första mötet', '2026-02-01T10:00:00Z');
    const b5 = await bristAt(chef, v.id, 'Efter första mötet, redan stängd', '2026-02-02T10:00:00Z');
    await chef.post(`/api/v1/brister/${b5}/status`, { status: 'kvarstar' });
    await chef.post(`/api/v1/brister/${b5}/status`, { status: 'avslutad' });

    const m2 = (await chef.post(`${lg}/moten`, { datum: '2026-06-01' })).json();
    const punkter = m2.dagordning as Array<{ bristId: string; ny: boolean; status: string }>;
    expect(punkter.map((p) => p.bristId).sort()).toEqual([b1, b2, b3, b5].sort());
    expect(
      punkter
        .filter((p) => p.ny)
        .map((p) => p.bristId)
        .sort(),
    ).toEqual([b3, b5].sort());
    // New ones first.
    expect(punkter.slice(0, 2).every((p) => p.ny)).toBe(true);

    // A persisting brist taken up again is lifted again.
    const again = await chef.post(`${lg}/moten/${m2.id}/beslut`, { bristId: b2, beslut: 'Tas upp igen.' });
    expect(again.json().dagordning.find((p: { bristId: string }) => p.bristId === b2).status).toBe(
      'lyft_i_ledningsgrupp',
    );

    // A decision the state machine refuses leaves nothing behind.
    const refused = await chef.post(`${lg}/moten/${m2.id}/beslut`, {
      bristId: b5,
      beslut: 'Öppnas igen.',
      status: 'lyft_i_ledningsgrupp',
    });
    expect(refused.statusCode).toBe(409);
    const m2now = (await chef.get(`${lg}/moten/${m2.id}`)).json();
    expect(m2now.dagordning.find((p: { bristId: string }) => p.bristId === b5).beslut).toBeNull();

    // A decision on a closed brist without a status is noted without a change.
    const noted = await chef.post(`${lg}/moten/${m2.id}/beslut`, { bristId: b5, beslut: 'Noteras.' });
    expect(noted.statusCode).toBe(200);
    expect(noted.json().dagordning.find((p: { bristId: string }) => p.bristId === b5)).toMatchObject({
      status: 'avslutad',
      beslut: 'Noteras.',
    });

    const list = (await chef.get(`${lg}/moten`)).json();
    expect(list.map((m: { datum: string; punkter: number }) => [m.datum, m.punkter])).toEqual([
      ['2026-06-01', 4],
      ['2026-01-10', 3],
    ]);
    expect(list[1]).toMatchObject({ beslutade: 3, harProtokoll: false });
  });

  it('records attendance from current members only, and keeps it when a member leaves', async () => {
    const { v, chef, lg } = await setup();
    const g = (
      await chef.post(`${lg}/ledamoter`, { rollkategori: 'kommun', organisation: 'K', namn: 'Kim' })
    ).json();
    const kim = g.ledamoter[0].id;
    const other = await setup();
    const stranger = (
      await other.chef.post(`${other.lg}/ledamoter`, {
        rollkategori: 'kommun',
        organisation: 'K',
        namn: 'Sam',
      })
    ).json().ledamoter[0].id;
    expect((await chef.post(`${lg}/moten`, { datum: '2026-03-01', narvaro: [stranger] })).statusCode).toBe(
      400,
    );
    const m = (await chef.post(`${lg}/moten`, { datum: '2026-03-01', narvaro: [kim] })).json();
    expect(m.narvaro.map((l: { namn: string }) => l.namn)).toEqual(['Kim']);
    await chef.delete(`${lg}/ledamoter/${kim}`);
    expect(
      (await chef.get(`${lg}/moten/${m.id}`)).json().narvaro.map((l: { namn: string }) => l.namn),
    ).toEqual(['Kim']);
    expect((await chef.patch(`${lg}/moten/${m.id}`, { narvaro: [kim] })).statusCode).toBe(400);
    // Another verksamhet's meeting through this one's address: 404.
    const theirs = (await other.chef.post(`${other.lg}/moten`, { datum: '2026-03-02' })).json();
    expect((await chef.get(`${lg}/moten/${theirs.id}`)).statusCode).toBe(404);
    expect((await chef.get(`${lg}/moten/${theirs.id}/protokoll.pdf`)).statusCode).toBe(404);
    expect(v.id).not.toBe(other.v.id);
  });

  it('writes agenda and minutes with members, agenda items, attendance, notes and decisions', async () => {
    const { v, chef, lg } = await setup();
    await chef.post(`${lg}/ledamoter`, {
      rollkategori: 'psykiatri',
      organisation: 'Region Stockholm',
      namn: 'Per Psykiatri',
    });
    const b = await bristAt(chef, v.id, 'Brist på fast läkarkontakt', '2026-01-01T10:00:00Z');
    const m = (await chef.post(`${lg}/moten`, { datum: '2026-04-15' })).json();
    await chef.post(`${lg}/moten/${m.id}/beslut`, { bristId: b, beslut: 'Regionen utreder bemanningen.' });
    await chef.patch(`${lg}/moten/${m.id}`, { protokoll: 'Första stycket.\n\nAndra stycket.' });

    const dagordning = readZipEntry(
      (await chef.get(`${lg}/moten/${m.id}/dagordning.docx`)).rawPayload,
      'word/document.xml',
    );
    for (const s of [
      'Dagordning',
      '2026-04-15',
      'Kallade ledamöter',
      'Per Psykiatri',
      'Brist på fast läkarkontakt',
      'Försäkringskassan',
    ])
      expect(dagordning).toContain(s);
    const protokoll = readZipEntry(
      (await chef.get(`${lg}/moten/${m.id}/protokoll.docx`)).rawPayload,
      'word/document.xml',
    );
    for (const s of [
      'Protokoll',
      '2026-04-15',
      'Första stycket.',
      'Andra stycket.',
      'Regionen utreder bemanningen.',
      'Lyft i ledningsgruppen',
    ])
      expect(protokoll).toContain(s);
    const pdf = await chef.get(`${lg}/moten/${m.id}/protokoll.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="protokoll-2026-04-15.pdf"');
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);
  });
});

describe('the meetings as a list (issue 10): one year or all, and the same selection as a file', () => {
  it('?ar= keeps the meetings dated that year; the export holds exactly those rows', async () => {
    const { chef, lg, v } = await setup();
    for (const datum of ['2024-03-01', '2024-10-01', '2025-05-20', '2026-02-02'])
      expect((await chef.post(`${lg}/moten`, { datum })).statusCode).toBe(201);
    const datum = (r: { json: () => unknown }) => (r.json() as Array<{ datum: string }>).map((m) => m.datum);
    expect(datum(await chef.get(`${lg}/moten`))).toHaveLength(4);
    expect(datum(await chef.get(`${lg}/moten?ar=2024`)).sort()).toEqual(['2024-03-01', '2024-10-01']);
    expect(datum(await chef.get(`${lg}/moten?ar=2023`))).toEqual([]);

    const csv = await chef.get(`${lg}/moten/export?ar=2024`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`moten-${v.kod}-2024.csv`);
    const rader = csv.body
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(rader[0]).toBe('Datum;Närvarande;Punkter på dagordningen;Beslutade;Protokoll');
    expect(
      rader
        .slice(1)
        .map((r) => r.split(';')[0])
        .sort(),
    ).toEqual(['2024-03-01', '2024-10-01']);
    expect(rader.slice(1).every((r) => r.endsWith(';Nej'))).toBe(true);

    const alla = await chef.get(`${lg}/moten/export?format=xlsx`);
    expect(alla.statusCode).toBe(200);
    expect(alla.headers['content-disposition']).toContain(`moten-${v.kod}-alla.xlsx`);

    const fel = await chef.get(`${lg}/moten?ar=tjugo`);
    expect(fel.statusCode).toBe(400);
    expect(fel.headers['content-type']).toContain('application/problem+json');
  });

  it('another verksamhet’s chef gets neither the list nor the file', async () => {
    const { lg } = await setup();
    const { chef: annan } = await setup();
    expect((await annan.get(`${lg}/moten?ar=2024`)).statusCode).toBe(404);
    expect((await annan.get(`${lg}/moten/export`)).statusCode).toBe(404);
  });
});
