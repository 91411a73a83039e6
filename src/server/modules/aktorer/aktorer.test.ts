// The national actor register (issue 15, item 4): all 21 regions, the socialtjänst of all 290 kommuner and
// the national agencies as reference data with valid-from/to; a brist goes straight to an actor as well as
// through the ledningsgrupp (seed 001: "lyfta utmaningar direkt med den myndighet eller instans som
// berörs"); "A brist from a verksamhet in Skåne reaches Region Skåne's inbox" — and no other region's.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idagISverige } from '../../../domain/datum.ts';
import { loadReferenceData } from '../../db/reference/load.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';

let database: TestDatabase;
let app: FastifyInstance;
let skane: { id: string };
let regionSkane: string;
let regionStockholm: string;
let ombud: Client;
let chef: Client;
let userSkane: Client;
let userStockholm: Client;
let admin: Client;

const igar = () => {
  const d = new Date(`${idagISverige()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

const brist = (aktorIds: string[]) => ({
  titel: 'Lång väntan på bedömning i psykiatrin',
  beskrivning: 'Remisser från primärvården väntar i månader på en första bedömning.',
  niva: 'lokal',
  aktorIds,
  amneKod: 'hs-vantetider',
  observeradDatum: '2026-01-05',
  antalKlienter: 3,
});

type Val = { id: string; kod: string; namn: string; grupp: string };

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  // A verksamhet in Skåne (län 12) covering Malmö (1280) and Lund (1281).
  skane = await makeVerksamhet(db, { lanKod: '12', kommuner: ['1280', '1281'] });
  regionSkane = await orgId(db, 'aktor', 'region-skane');
  regionStockholm = await orgId(db, 'aktor', 'region-stockholm');
  ombud = await loginAs(app, (await makeUser(db, [{ organisationId: skane.id, roll: 'ombud' }])).username);
  chef = await loginAs(app, (await makeUser(db, [{ organisationId: skane.id, roll: 'chef' }])).username);
  userSkane = await loginAs(
    app,
    (await makeUser(db, [{ organisationId: regionSkane, roll: 'aktor' }])).username,
  );
  userStockholm = await loginAs(
    app,
    (await makeUser(db, [{ organisationId: regionStockholm, roll: 'aktor' }])).username,
  );
  const ss = await orgId(db, 'socialstyrelsen', 'socialstyrelsen');
  admin = await loginAs(app, (await makeUser(db, [{ organisationId: ss, roll: 'admin' }])).username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the register as reference data', () => {
  it('holds the 21 regions, the socialtjänst of all 290 kommuner and the national agencies', async () => {
    const res = await admin.get('/api/v1/aktorsregister');
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json() as Array<{
      kod: string;
      namn: string;
      kategori: string;
      lanKod: string | null;
      kommunKod: string | null;
      giltig: boolean;
    }>;
    const regioner = rows.filter((r) => r.kategori === 'region');
    expect(regioner).toHaveLength(21);
    expect(new Set(regioner.map((r) => r.lanKod)).size).toBe(21);
    expect(regioner.find((r) => r.lanKod === '12')?.namn).toBe('Region Skåne');
    expect(regioner.find((r) => r.lanKod === '14')?.namn).toBe('Västra Götalandsregionen');
    const socialtjanst = rows.filter(
      (r) => r.kategori === 'socialtjanst' && r.kod.startsWith('socialtjanst-'),
    );
    expect(socialtjanst).toHaveLength(290);
    expect(socialtjanst.find((r) => r.kommunKod === '1280')).toMatchObject({
      namn: 'Socialtjänsten i Malmö',
      lanKod: '12',
    });
    for (const kod of [
      'forsakringskassan',
      'arbetsformedlingen',
      'kronofogden',
      'csn',
      'skatteverket',
      'pensionsmyndigheten',
      'migrationsverket',
      'ivo',
    ])
      expect(rows.find((r) => r.kod === kod)).toMatchObject({ lanKod: null, kommunKod: null, giltig: true });
    // The codes the demo and older data use still work.
    for (const kod of ['region-stockholm-psykiatri', 'stockholm-socialtjanst-ekonomiskt-bistand'])
      expect(rows.some((r) => r.kod === kod)).toBe(true);
  });

  it('offers a verksamhet in Skåne its own region and kommuner first, then the national agencies', async () => {
    const res = await ombud.get(`/api/v1/verksamheter/${skane.id}/brist-aktorer`);
    expect(res.statusCode, res.body).toBe(200);
    const val = res.json() as Val[];
    const grupp = (kod: string) => val.find((a) => a.kod === kod)?.grupp;
    expect(grupp('region-skane')).toBe('lan');
    expect(grupp('forvaltningsratten-malmo')).toBe('lan');
    expect(grupp('socialtjanst-1280')).toBe('kommun');
    expect(grupp('socialtjanst-1281')).toBe('kommun');
    expect(grupp('forsakringskassan')).toBe('nationell');
    expect(grupp('region-stockholm')).toBe('ovrig');
    expect(grupp('socialtjanst-1283')).toBe('ovrig'); // Helsingborg: in Skåne, not covered
    const ordning = ['lan', 'kommun', 'nationell', 'ovrig'];
    const index = val.map((a) => ordning.indexOf(a.grupp));
    expect(index).toEqual([...index].sort((a, b) => a - b));
    expect(val[0]?.namn).toBeDefined();
  });

  it('is not offered to another verksamhet’s people', async () => {
    const other = await makeVerksamhet(database.db);
    expect((await ombud.get(`/api/v1/verksamheter/${other.id}/brist-aktorer`)).statusCode).toBe(404);
  });
});

describe('a brist straight to an actor', () => {
  it('reaches Region Skåne’s inbox from a verksamhet in Skåne, and no other region’s', async () => {
    const created = await ombud.post(`/api/v1/verksamheter/${skane.id}/brister`, brist([regionSkane]));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await userSkane.get('/api/v1/aktor/inbox')).json()).toEqual([]);
    // Straight from registrerad, without the ledningsgrupp.
    const sent = await ombud.post(`/api/v1/brister/${id}/status`, {
      status: 'skickad_till_aktor',
      kommentar: 'Skickad direkt till regionen.',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().handelser.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'registrerad',
      'skickad_till_aktor',
    ]);

    const inbox = await userSkane.get('/api/v1/aktor/inbox');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json()).toEqual([
      expect.objectContaining({
        id,
        aktor: expect.objectContaining({ kod: 'region-skane', namn: 'Region Skåne' }),
        verksamhet: expect.objectContaining({ id: skane.id, lanNamn: 'Skåne län' }),
        titel: 'Lång väntan på bedömning i psykiatrin',
        besvarad: false,
      }),
    ]);
    expect((await userSkane.get(`/api/v1/aktor/inbox/${id}`)).statusCode).toBe(200);

    // Privacy: another region sees nothing of it.
    expect((await userStockholm.get('/api/v1/aktor/inbox')).json()).toEqual([]);
    expect((await userStockholm.get(`/api/v1/aktor/inbox/${id}`)).statusCode).toBe(404);
    const svar = await userStockholm.post(`/api/v1/brister/${id}/aterkoppling`, {
      typ: 'ingen_atgard',
      text: 'Inte vår fråga.',
    });
    expect(svar.statusCode).toBe(404);

    // Region Skåne answers; the verksamhet sees the answer.
    const ok = await userSkane.post(`/api/v1/brister/${id}/aterkoppling`, {
      typ: 'atgard_planerad',
      text: 'Vi ser över flödet för remisser.',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await chef.get(`/api/v1/brister/${id}`)).json()).toMatchObject({
      status: 'aterkoppling_mottagen',
    });
  });

  it('is sent when it is registered (skickaDirekt), in one request', async () => {
    const res = await ombud.post(`/api/v1/verksamheter/${skane.id}/brister`, {
      ...brist([regionSkane]),
      titel: 'Ingen fast läkarkontakt',
      skickaDirekt: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'skickad_till_aktor' });
    expect(res.json().aktorer[0].skickadAt).not.toBeNull();
    const titlar = (await userSkane.get('/api/v1/aktor/inbox')).json().map((i: { titel: string }) => i.titel);
    expect(titlar).toContain('Ingen fast läkarkontakt');
    expect((await userStockholm.get('/api/v1/aktor/inbox')).json()).toEqual([]);
  });

  it('still goes through the ledningsgrupp when the verksamhet wants', async () => {
    const created = await ombud.post(`/api/v1/verksamheter/${skane.id}/brister`, brist([regionSkane]));
    const id = created.json().id as string;
    for (const status of ['lyft_i_ledningsgrupp', 'skickad_till_aktor'])
      expect((await chef.post(`/api/v1/brister/${id}/status`, { status })).statusCode).toBe(200);
    const ids = (await userSkane.get('/api/v1/aktor/inbox')).json().map((i: { id: string }) => i.id);
    expect(ids).toContain(id);
  });
});

describe('the administrator keeps the register', () => {
  it('adds an actor (a kommun alone gives its län), refuses a used code, and only for the administrator', async () => {
    const nytt = {
      kod: 'malmo-overformyndare',
      namn: 'Överförmyndarnämnden i Malmö',
      kategori: 'overformyndare',
      kommun: '1280',
      giltigFran: '2020-01-01',
    };
    expect([403, 404]).toContain((await ombud.post('/api/v1/aktorsregister', nytt)).statusCode);
    const res = await admin.post('/api/v1/aktorsregister', nytt);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kod: 'malmo-overformyndare',
      lanKod: '12',
      lanNamn: 'Skåne län',
      kommunKod: '1280',
      kommunNamn: 'Malmö',
      giltig: true,
      andradAvAdmin: true,
    });
    const val = (await ombud.get(`/api/v1/verksamheter/${skane.id}/brist-aktorer`)).json() as Val[];
    expect(val.find((a) => a.kod === 'malmo-overformyndare')?.grupp).toBe('kommun');

    const igen = await admin.post('/api/v1/aktorsregister', { ...nytt, kod: 'MALMO-overformyndare' });
    expect(igen.statusCode).toBe(400); // the code's form: lower case only
    const dubbel = await admin.post('/api/v1/aktorsregister', nytt);
    expect(dubbel.statusCode).toBe(409);
    expect(dubbel.json().errors[0]).toMatchObject({ field: 'kod', label: 'Kod' });
  });

  it('says which field is wrong, by its label, in plain Swedish', async () => {
    const res = await admin.post('/api/v1/aktorsregister', {
      kod: 'fel-plats',
      namn: 'Fel plats',
      kategori: 'annan',
      lanKod: '01',
      kommun: '1280',
      giltigFran: '2026-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: 'kommun',
        label: 'Kommun',
        message: 'Malmö ligger inte i det valda länet.',
      }),
    ]);
    const datum = await admin.patch(`/api/v1/aktorsregister/${regionSkane}`, {
      giltigFran: '2026-01-01',
      giltigTill: '2025-01-01',
    });
    expect(datum.statusCode).toBe(400);
    expect(datum.json().errors[0]).toMatchObject({
      field: 'giltigTill',
      label: 'Gäller till och med',
      message: 'Sista dagen får inte ligga före första dagen.',
    });
  });

  it('ends an actor: not offered for new brister, old brister keep it and its name, a reload does not revive it', async () => {
    const made = await admin.post('/api/v1/aktorsregister', {
      kod: 'lund-boendestod',
      namn: 'Lunds kommun – boendestöd',
      kategori: 'socialtjanst',
      kommun: '1281',
    });
    const aktorId = made.json().id as string;
    const gammal = await ombud.post(`/api/v1/verksamheter/${skane.id}/brister`, brist([aktorId]));
    expect(gammal.statusCode, gammal.body).toBe(201);

    const ended = await admin.patch(`/api/v1/aktorsregister/${aktorId}`, { giltigTill: igar() });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ giltig: false, giltigTill: igar() });

    const val = (await ombud.get(`/api/v1/verksamheter/${skane.id}/brist-aktorer`)).json() as Val[];
    expect(val.some((a) => a.id === aktorId)).toBe(false);
    const ny = await ombud.post(`/api/v1/verksamheter/${skane.id}/brister`, brist([aktorId]));
    expect(ny.statusCode).toBe(400);
    expect(ny.json().errors[0]).toMatchObject({
      field: 'aktorIds',
      label: 'Berörda aktörer',
      message:
        'Lunds kommun – boendestöd finns inte längre i aktörsregistret och kan inte väljas för nya brister.',
    });
    // The old brist keeps the actor, its name, and may still be edited with it.
    const old = await ombud.get(`/api/v1/brister/${gammal.json().id}`);
    expect(old.json().aktorer).toEqual([
      expect.objectContaining({ id: aktorId, namn: 'Lunds kommun – boendestöd' }),
    ]);
    const edit = await ombud.patch(`/api/v1/brister/${gammal.json().id}`, {
      titel: 'Ny rubrik',
      aktorIds: [aktorId, regionSkane],
    });
    expect(edit.statusCode, edit.body).toBe(200);

    // An ended reference actor stays ended when the reference files are loaded again (a restart).
    const csn = await orgId(database.db, 'aktor', 'csn');
    expect(
      (await admin.patch(`/api/v1/aktorsregister/${csn}`, { giltigTill: igar(), namn: 'CSN (gammal)' }))
        .statusCode,
    ).toBe(200);
    await loadReferenceData(database.db);
    const rows = (await admin.get('/api/v1/aktorsregister')).json() as Array<{
      id: string;
      namn: string;
      giltig: boolean;
    }>;
    expect(rows.find((r) => r.id === csn)).toMatchObject({ namn: 'CSN (gammal)', giltig: false });

    const log = await admin.get('/api/v1/audit?handelse=aktor.ended');
    expect(log.statusCode, log.body).toBe(200);
    expect(JSON.stringify(log.json())).toContain(aktorId);
  });

  it('lets the administrator add a brist subject', async () => {
    const res = await admin.post('/api/v1/brist-amnen', {
      kod: 'region-remisser',
      namn: 'Remisser mellan primärvård och psykiatri',
      grupp: 'halso-sjukvard',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (await ombud.post('/api/v1/brist-amnen', { kod: 'x-y', namn: 'X' })).statusCode,
    ).toBeGreaterThanOrEqual(403);
  });
});
