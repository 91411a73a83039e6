import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/client.ts';
import { loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import { readZipEntry } from './zip.test-helper.ts';

let database: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('a brist from register to feedback', () => {
  it('ombud registers, chef lifts it at a meeting and sends it, Försäkringskassan answers, the ombud sees it', async () => {
    const db = database.db;
    const v = await makeVerksamhet(db);
    const fk = await orgId(db, 'aktor', 'forsakringskassan');
    const ombud = await loginAs(
      app,
      (await makeUser(db, [{ organisationId: v.id, roll: 'ombud' }])).username,
    );
    const chef = await loginAs(app, (await makeUser(db, [{ organisationId: v.id, roll: 'chef' }])).username);
    const aktor = await loginAs(app, (await makeUser(db, [{ organisationId: fk, roll: 'aktor' }])).username);
    const lg = `/api/v1/verksamheter/${v.id}/ledningsgrupp`;

    // The chef sets up the ledningsgrupp; primärvården is missing.
    for (const [rollkategori, organisation, namn] of [
      ['kommun', 'Stockholms stad', 'Karin Kommun'],
      ['psykiatri', 'Region Stockholm', 'Per Psykiatri'],
      ['arbetsformedlingen', 'Arbetsförmedlingen', 'Anna Arbete'],
      ['forsakringskassan', 'Försäkringskassan', 'Fredrik Försäkring'],
    ] as const) {
      const res = await chef.post(`${lg}/ledamoter`, { rollkategori, organisation, namn });
      expect(res.statusCode, res.body).toBe(201);
    }
    const group = (await chef.get(lg)).json();
    expect(group.saknadeRoller).toEqual(['primarvard']);
    expect(group.uppfyllerForordningen).toBe(false);

    // 1. The ombud registers the brist.
    const created = await ombud.post(`/api/v1/verksamheter/${v.id}/brister`, {
      titel: 'Långa handläggningstider för sjukersättning',
      beskrivning:
        'Beslut om sjukersättning dröjer upp till sex månader; klienter hänvisas till ekonomiskt bistånd.',
      niva: 'central',
      aktorIds: [fk],
      amneKod: 'fk-handlaggningstider',
      observeradDatum: '2026-01-15',
      antalKlienter: 7,
    });
    expect(created.statusCode, created.body).toBe(201);
    const brist = created.json();
    expect(brist).toMatchObject({ status: 'registrerad', kommuner: [{ kod: '0180', namn: 'Stockholm' }] });

    // 2. The chef holds a meeting: the new brist is on the agenda; the group lifts it.
    const mote = await chef.post(`${lg}/moten`, {
      datum: '2026-02-10',
      narvaro: group.ledamoter.slice(0, 3).map((l: { id: string }) => l.id),
    });
    expect(mote.statusCode, mote.body).toBe(201);
    const m = mote.json();
    expect(m.dagordning).toEqual([expect.objectContaining({ bristId: brist.id, ny: true, beslut: null })]);
    const beslut = await chef.post(`${lg}/moten/${m.id}/beslut`, {
      bristId: brist.id,
      beslut: 'Ledningsgruppen lyfter bristen till Försäkringskassan.',
    });
    expect(beslut.statusCode, beslut.body).toBe(200);
    expect(beslut.json().dagordning[0]).toMatchObject({ status: 'lyft_i_ledningsgrupp' });

    // 3. The chef sends it to Försäkringskassan.
    const sent = await chef.post(`/api/v1/brister/${brist.id}/status`, { status: 'skickad_till_aktor' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().aktorer[0]).toMatchObject({ kod: 'forsakringskassan', besvarad: false });
    expect(sent.json().aktorer[0].skickadAt).not.toBeNull();

    // 4. Försäkringskassan sees it in its inbox and answers.
    const inbox = (await aktor.get('/api/v1/aktor/inbox')).json();
    expect(inbox.map((i: { id: string }) => i.id)).toEqual([brist.id]);
    expect(inbox[0]).toMatchObject({ titel: brist.titel, antalKlienter: 7, besvarad: false });
    const svar = await aktor.post(`/api/v1/brister/${brist.id}/aterkoppling`, {
      typ: 'atgard_planerad',
      text: 'Vi förstärker handläggningen av sjukersättning under våren.',
    });
    expect(svar.statusCode, svar.body).toBe(201);
    expect(svar.json()).toMatchObject({ besvarad: true });

    // 5. The ombud sees the answer, and every step is dated and attributed.
    const seen = (await ombud.get(`/api/v1/brister/${brist.id}`)).json();
    expect(seen.status).toBe('aterkoppling_mottagen');
    expect(seen.aterkopplingar).toEqual([
      expect.objectContaining({
        typ: 'atgard_planerad',
        aktor: expect.objectContaining({ kod: 'forsakringskassan' }),
      }),
    ]);
    expect(seen.handelser.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'registrerad',
      'lyft_i_ledningsgrupp',
      'skickad_till_aktor',
      'aterkoppling_mottagen',
    ]);
    expect(seen.handelser[1].kommentar).toContain('Ledningsgruppens möte 2026-02-10');
    for (const h of seen.handelser) {
      expect(h.anvandare).toBeTruthy();
      expect(Number.isNaN(Date.parse(h.at))).toBe(false);
    }

    // 6. Minutes, and the agenda and minutes as pdf and Word.
    const prot = await chef.patch(`${lg}/moten/${m.id}`, {
      protokoll: 'Mötet öppnades.\n\nBristen om handläggningstider lyftes till Försäkringskassan.',
    });
    expect(prot.statusCode, prot.body).toBe(200);
    for (const kind of ['dagordning', 'protokoll']) {
      const pdf = await chef.get(`${lg}/moten/${m.id}/${kind}.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const docx = await chef.get(`${lg}/moten/${m.id}/${kind}.docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
      const xml = readZipEntry(docx.rawPayload, 'word/document.xml');
      expect(xml).toContain('2026-02-10');
      expect(xml).toContain('Långa handläggningstider för sjukersättning');
      if (kind === 'protokoll') expect(xml).toContain('lyftes till Försäkringskassan');
    }

    // Every write is in the audit log.
    const actions = (
      await query<{ action: string }>(db, sql`select action from audit_log where organisation_id = ${v.id}`)
    ).map((r) => r.action);
    for (const a of [
      'ledamot.created',
      'brist.created',
      'mote.created',
      'mote.beslut',
      'brist.status_changed',
      'brist.sent',
      'aterkoppling.created',
      'mote.updated',
    ])
      expect(actions).toContain(a);
  });
});
