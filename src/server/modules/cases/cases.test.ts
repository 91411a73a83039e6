// Casework over the API: clients, ärenden and their workflow, the queue, caseload, notes and the PDF.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prioritetsgrund } from '../../../domain/codes.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { jamforKo } from '../../../domain/prioritet.ts';
import { query } from '../../db/client.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import { demoCasework } from './demo.ts';
import { plusDagar } from './service.ts';
import { arendeUrl, klientUrl, overga, skapaArende, skapaKlient } from './test-helpers.ts';

let database: TestDatabase;
let app: FastifyInstance;
let V: string;
let S: string; // a verksamhet covering three of Stockholm's stadsdelsområden
let ombud: Client;
let chef: Client;
let ombudId: string;
let chefId: string;
let ombud2Id: string;
let ledamotId: string;
const idag = idagISverige();

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  V = (await makeVerksamhet(db, { kommuner: ['0180', '0114'] })).id;
  S = (await makeVerksamhet(db, { kommuner: ['0180'], stadsdelsomraden: ['sodermalm', 'kungsholmen'] })).id;
  const o = await makeUser(db, [
    { organisationId: V, roll: 'ombud' },
    { organisationId: S, roll: 'ombud' },
  ]);
  const c = await makeUser(db, [{ organisationId: V, roll: 'chef' }]);
  ombud2Id = (await makeUser(db, [{ organisationId: V, roll: 'ombud' }])).id;
  ledamotId = (await makeUser(db, [{ organisationId: V, roll: 'ledamot' }])).id;
  ombudId = o.id;
  chefId = c.id;
  ombud = await loginAs(app, o.username);
  chef = await loginAs(app, c.username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('klienter', () => {
  it('registers a client with identity apart from the statistics, and reads it back', async () => {
    const res = await ombud.post(klientUrl(V), {
      alias: 'Blåklinten',
      namn: 'Anna Andersson',
      personnummer: '198112189876',
      telefon: '070-123 45 67',
      adress: 'Storgatan 1, Stockholm',
      fodelsear: 1981,
      kon: 'kvinna',
      kommunKod: '0114',
      barnUnder18: 'delvis',
    });
    expect(res.statusCode, res.body).toBe(201);
    const k = res.json();
    expect(k).toMatchObject({
      alias: 'Blåklinten',
      namn: 'Anna Andersson',
      personnummer: '19811218-9876',
      kommunNamn: 'Upplands Väsby',
      gallrad: false,
      arenden: [],
    });
    const [stat] = await query<Record<string, unknown>>(
      database.db,
      sql`select * from klient where id = ${k.id}`,
    );
    // The statistical row holds nothing that points at the person.
    expect(Object.keys(stat!).sort()).toEqual(
      [
        'barn_under_18',
        'created_at',
        'fodelsear',
        'gallrad_at',
        'id',
        'kommun_kod',
        'kon',
        'stadsdelsomrade_kod',
        'verksamhet_id',
      ].sort(),
    );
    const [id] = await query<{ alias: string }>(
      database.db,
      sql`select alias from klient_identitet where klient_id = ${k.id}`,
    );
    expect(id!.alias).toBe('Blåklinten');
    const got = await ombud.get(klientUrl(V, k.id));
    expect(got.statusCode).toBe(200);
    expect(got.json().telefon).toBe('070-123 45 67');
  });

  it('refuses a wrong personnummer, a minor, a kommun outside the coverage, a taken alias', async () => {
    const bas = { alias: 'X', fodelsear: 1980, kon: 'man', kommunKod: '0180', barnUnder18: 'nej' };
    const fel = async (body: Record<string, unknown>) => {
      const r = await ombud.post(klientUrl(V), { ...bas, ...body });
      expect(r.headers['content-type']).toContain('application/problem+json');
      return { status: r.statusCode, fields: (r.json().errors ?? []).map((e: { field: string }) => e.field) };
    };
    expect(await fel({ personnummer: '198112189875' })).toEqual({ status: 400, fields: ['personnummer'] });
    expect(await fel({ personnummer: '19811318-9876' })).toEqual({ status: 400, fields: ['personnummer'] });
    expect(await fel({ fodelsear: Number(idag.slice(0, 4)) - 10 })).toEqual({
      status: 400,
      fields: ['fodelsear'],
    });
    expect(await fel({ kommunKod: '1480' })).toEqual({ status: 400, fields: ['kommunKod'] });
    expect(await fel({ kon: 'okänd' })).toMatchObject({ status: 400, fields: ['kon'] });
    expect(await fel({ alias: '' })).toMatchObject({ status: 400, fields: ['alias'] });
    expect(await fel({ hemligt: 1 })).toMatchObject({ status: 400 });
    // personnummer and birth year must agree
    expect(await fel({ personnummer: '198112189876', fodelsear: 1980 })).toEqual({
      status: 400,
      fields: ['personnummer'],
    });
    await skapaKlient(ombud, V, { alias: 'Taken' });
    expect(await fel({ alias: 'taken' })).toEqual({ status: 409, fields: ['alias'] });
  });

  it('two requests with the same alias at once: one is created, the other gets 409', async () => {
    const body = { alias: 'Samtidig', fodelsear: 1970, kon: 'man', kommunKod: '0180', barnUnder18: 'nej' };
    const svar = await Promise.all([ombud.post(klientUrl(V), body), chef.post(klientUrl(V), body)]);
    expect(svar.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('accepts a samordningsnummer', async () => {
    // 1981-12-18 + 60 days in the day part; check digit recomputed for the samordningsnummer.
    const r = await ombud.post(klientUrl(V), {
      alias: 'Samordnad',
      personnummer: '811278-9873',
      fodelsear: 1981,
      kon: 'annan',
      kommunKod: '0180',
      barnUnder18: 'nej',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().personnummer).toBe('19811278-9873');
  });

  it('requires a covered stadsdelsområde where the verksamhet covers stadsdelsområden', async () => {
    const bas = { alias: 'Sdo', fodelsear: 1970, kon: 'man', kommunKod: '0180', barnUnder18: 'nej' };
    const saknas = await ombud.post(klientUrl(S), bas);
    expect(saknas.statusCode).toBe(400);
    expect(saknas.json().errors[0].field).toBe('stadsdelsomradeKod');
    const utanfor = await ombud.post(klientUrl(S), { ...bas, stadsdelsomradeKod: 'bromma' });
    expect(utanfor.statusCode).toBe(400);
    const ok = await ombud.post(klientUrl(S), { ...bas, stadsdelsomradeKod: 'sodermalm' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().stadsdelsomradeNamn).toBe('Södermalm');
  });

  it('updates identity and statistics; lists and searches', async () => {
    const k = await skapaKlient(ombud, V, { alias: 'Ändras' });
    const r = await ombud.patch(klientUrl(V, k.id), {
      telefon: '08-123 456',
      barnUnder18: 'helt',
      namn: null,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      telefon: '08-123 456',
      barnUnder18: 'helt',
      namn: null,
      alias: 'Ändras',
    });
    const list = await ombud.post(`${klientUrl(V)}/sok`, { q: 'ändr' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { alias: string }) => x.alias)).toEqual(['Ändras']);
    // The search term never travels in the address (logs, proxies, history).
    const inUrl = await ombud.get(`${klientUrl(V)}?q=ändr`);
    expect(inUrl.statusCode).toBe(400);
  });
});

describe('ärenden', () => {
  it('walks förfrågan → kö → aktiv → avslutad, with contact reasons, actors and SIP', async () => {
    const k = await skapaKlient(ombud, V, { fodelsear: 2000, barnUnder18: 'helt' });
    const fk = await orgId(database.db, 'aktor', 'forsakringskassan');
    const a = await skapaArende(ombud, V, k.id, { forfraganDatum: '2025-02-01', forfraganFran: 'anhorig' });
    expect(a).toMatchObject({ status: 'forfragan', mojligaStatus: ['ko', 'aktiv', 'ej_aktuell'] });
    // Suggested from the client's data: children at home, and young (25 at the request).
    expect((a as unknown as { foreslagenPrioritet: string[] }).foreslagenPrioritet).toEqual([
      'barn',
      'ung_vuxen',
    ]);
    await overga(ombud, V, a.id, { status: 'ko' });
    const p = await ombud.patch(arendeUrl(V, a.id), {
      prioritet: ['barn', 'barn', 'ung_vuxen'],
      kontaktorsaker: ['ekonomi', 'bostad'],
      aktorIds: [fk],
      sip: true,
    });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json()).toMatchObject({ prioritet: ['barn', 'ung_vuxen'], aktorIds: [fk], sip: true });
    const aktiv = await overga(ombud, V, a.id, {
      status: 'aktiv',
      datum: '2025-03-03',
      ombudUserId: ombud2Id,
    });
    expect(aktiv).toMatchObject({ status: 'aktiv', startDatum: '2025-03-03', vantedagar: 30 });
    expect(aktiv.ombud.id).toBe(ombud2Id);
    const slut = await overga(ombud, V, a.id, {
      status: 'avslutad',
      datum: '2025-09-30',
      avslutOrsak: 'mal_uppnatt',
    });
    expect(slut).toMatchObject({
      status: 'avslutad',
      avslutDatum: '2025-09-30',
      avslutOrsak: 'mal_uppnatt',
      gallrasEfter: '2025-09-30',
      mojligaStatus: [],
    });
    const d = await ombud.get(klientUrl(V, k.id));
    expect(d.json().arenden).toHaveLength(1);
    // a new ärende for the same client once the first has ended
    const b = await skapaArende(ombud, V, k.id, { forfraganDatum: '2025-10-01' });
    expect(b.status).toBe('forfragan');
  });

  it('taking a request into work assigns the caller when no ombud is named, today by default', async () => {
    const k = await skapaKlient(ombud, V);
    const a = await skapaArende(ombud, V, k.id);
    const r = await overga(ombud, V, a.id, { status: 'aktiv' });
    expect(r.ombud.id).toBe(ombudId);
    expect(r.startDatum).toBe(idag);
  });

  it('refuses illegal transitions and impossible dates, naming the field', async () => {
    const k = await skapaKlient(ombud, V);
    const a = await skapaArende(ombud, V, k.id, { forfraganDatum: '2025-05-10' });
    const post = (body: Record<string, unknown>) => ombud.post(arendeUrl(V, a.id, '/status'), body);
    const avslut = await post({ status: 'avslutad', datum: '2025-06-01', avslutOrsak: 'annan' });
    expect(avslut.statusCode).toBe(409);
    expect(avslut.headers['content-type']).toContain('application/problem+json');
    expect(avslut.json().errors[0]).toMatchObject({ field: 'status' });
    expect(avslut.json().detail).toContain('Möjligt nästa steg');

    const fore = await post({ status: 'aktiv', datum: '2025-05-09' });
    expect(fore.statusCode).toBe(400);
    expect(fore.json().errors).toEqual([
      expect.objectContaining({ field: 'datum', rule: 'start_fore_forfragan' }),
    ]);
    const framtid = await post({ status: 'aktiv', datum: plusDagar(idag, 2) });
    expect(framtid.statusCode).toBe(400);
    expect(framtid.json().errors[0]).toMatchObject({ field: 'datum', rule: 'framtida_datum' });
    const inteOmbud = await post({ status: 'aktiv', datum: '2025-05-12', ombudUserId: ledamotId });
    expect(inteOmbud.statusCode).toBe(400);
    expect(inteOmbud.json().errors[0].field).toBe('ombudUserId');

    await overga(ombud, V, a.id, { status: 'aktiv', datum: '2025-05-12' });
    const utanOrsak = await post({ status: 'avslutad', datum: '2025-06-01' });
    expect(utanOrsak.statusCode).toBe(400);
    expect(utanOrsak.json().errors.map((e: { field: string }) => e.field)).toEqual(['avslutOrsak']);
    const foreStart = await post({ status: 'avslutad', datum: '2025-05-11', avslutOrsak: 'annan' });
    expect(foreStart.statusCode).toBe(400);
    expect(foreStart.json().errors[0]).toMatchObject({ field: 'datum', rule: 'avslut_fore_start' });
    const tillbaka = await post({ status: 'ko' });
    expect(tillbaka.statusCode).toBe(409);

    const framtidaForfragan = await ombud.post(arendeUrl(V), {
      klientId: (await skapaKlient(ombud, V)).id,
      forfraganDatum: plusDagar(idag, 1),
      forfraganFran: 'personen',
    });
    expect(framtidaForfragan.statusCode).toBe(400);
    expect(framtidaForfragan.json().errors[0]).toMatchObject({
      field: 'forfraganDatum',
      rule: 'framtida_datum',
    });
    const patchFore = await ombud.patch(arendeUrl(V, a.id), { startDatum: '2025-05-01' });
    expect(patchFore.statusCode).toBe(400);
    expect(patchFore.json().errors[0]).toMatchObject({ field: 'startDatum' });
  });

  it('a request that never starts ends as ej_aktuell; a client has one ärende in progress at a time', async () => {
    const k = await skapaKlient(ombud, V);
    const a = await skapaArende(ombud, V, k.id, { forfraganDatum: '2025-04-01' });
    const andra = await ombud.post(arendeUrl(V), {
      klientId: k.id,
      forfraganDatum: '2025-04-02',
      forfraganFran: 'personen',
    });
    expect(andra.statusCode).toBe(409);
    const r = await overga(ombud, V, a.id, {
      status: 'ej_aktuell',
      datum: '2025-04-20',
      avslutOrsak: 'ej_malgrupp',
    });
    expect(r).toMatchObject({
      status: 'ej_aktuell',
      startDatum: null,
      avslutDatum: '2025-04-20',
      vantedagar: null,
    });
  });
});

describe('kö', () => {
  it('orders the queue by priority grounds, then waiting days, and reports length and waiting days', async () => {
    const W = (await makeVerksamhet(database.db)).id;
    const u = await makeUser(database.db, [{ organisationId: W, roll: 'ombud' }]);
    const c = await loginAs(app, u.username);
    const d = (dagar: number) => plusDagar(idag, -dagar);
    const spec = [
      { dagar: 10, prioritet: [] },
      { dagar: 40, prioritet: [] },
      { dagar: 5, prioritet: ['barn'] },
      { dagar: 20, prioritet: ['barn', 'vrakning_hemloshet'] },
      { dagar: 30, prioritet: ['ung_vuxen'] },
    ];
    const ids: string[] = [];
    for (const s of spec) {
      const k = await skapaKlient(c, W);
      const a = await skapaArende(c, W, k.id, { forfraganDatum: d(s.dagar), prioritet: s.prioritet });
      await overga(c, W, a.id, { status: 'ko' });
      ids.push(a.id);
    }
    // one started after 12 days: counted among the started, not in the queue
    const k = await skapaKlient(c, W);
    const started = await skapaArende(c, W, k.id, { forfraganDatum: d(20) });
    await overga(c, W, started.id, { status: 'aktiv', datum: d(8) });

    const res = await c.get(`/api/v1/verksamheter/${W}/ko`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{
      id: string;
      vantedagar: number;
      forfraganDatum: string;
      prioritet: Prioritetsgrund[];
    }>;
    expect(items.map((i) => i.vantedagar)).toEqual([20, 30, 5, 40, 10]);
    const expected = [...items]
      .map((i) => ({ id: i.id, forfraganDatum: i.forfraganDatum, prioritetsgrunder: i.prioritet }))
      .sort(jamforKo)
      .map((i) => i.id);
    expect(items.map((i) => i.id)).toEqual(expected);

    const stat = await c.get(`/api/v1/verksamheter/${W}/ko/statistik`);
    expect(stat.statusCode).toBe(200);
    expect(stat.json()).toEqual({
      datum: idag,
      iKo: { antal: 5, medianDagar: 20, maxDagar: 40 },
      startadeSenasteAret: { antal: 1, medianDagar: 12, maxDagar: 12 },
    });
  });
});

describe('caseload', () => {
  it('counts active ärenden per ombud and per FTE for the chef; the ombud gets 404', async () => {
    const W = (await makeVerksamhet(database.db)).id;
    const o1 = await makeUser(database.db, [{ organisationId: W, roll: 'ombud' }], {
      username: `a-${Date.now()}`,
    });
    const o2 = await makeUser(database.db, [{ organisationId: W, roll: 'ombud' }], {
      username: `b-${Date.now()}`,
    });
    const ch = await makeUser(database.db, [{ organisationId: W, roll: 'chef' }], {
      username: `c-${Date.now()}`,
    });
    const c1 = await loginAs(app, o1.username);
    const cc = await loginAs(app, ch.username);
    for (let i = 0; i < 9; i++) {
      const k = await skapaKlient(c1, W);
      const a = await skapaArende(c1, W, k.id);
      await overga(c1, W, a.id, { status: 'aktiv', datum: '2025-02-01', ombudUserId: i < 6 ? o1.id : o2.id });
    }
    expect(
      (await cc.put(`/api/v1/verksamheter/${W}/caseload/${o1.id}`, { arsarbetareHundradelar: 40 }))
        .statusCode,
    ).toBe(200);
    expect(
      (await cc.put(`/api/v1/verksamheter/${W}/caseload/${o2.id}`, { arsarbetareHundradelar: 100 }))
        .statusCode,
    ).toBe(200);
    const bad = await cc.put(`/api/v1/verksamheter/${W}/caseload/${o2.id}`, { arsarbetareHundradelar: 101 });
    expect(bad.statusCode).toBe(400);
    const r = await cc.get(`/api/v1/verksamheter/${W}/caseload`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    const rad = (id: string) => body.ombud.find((x: { userId: string }) => x.userId === id);
    expect(rad(o1.id)).toMatchObject({
      aktiva: 6,
      arsarbetareHundradelar: 40,
      perArsarbetare: 15,
      niva: 'inom',
    });
    expect(rad(o2.id)).toMatchObject({
      aktiva: 3,
      arsarbetareHundradelar: 100,
      perArsarbetare: 3,
      niva: 'under',
    });
    expect(rad(ch.id)).toMatchObject({
      aktiva: 0,
      arsarbetareHundradelar: null,
      perArsarbetare: null,
      roller: ['chef'],
    });
    expect(body.totalt).toMatchObject({
      aktiva: 9,
      arsarbetareHundradelar: 140,
      perArsarbetare: 6.4,
      niva: 'under',
    });
    expect(body.rekommenderat).toEqual({ min: 15, max: 21 });
    expect((await c1.get(`/api/v1/verksamheter/${W}/caseload`)).statusCode).toBe(404);
    expect(
      (await c1.put(`/api/v1/verksamheter/${W}/caseload/${o1.id}`, { arsarbetareHundradelar: 100 }))
        .statusCode,
    ).toBe(404);
  });
});

describe('anteckningar', () => {
  it('adds, lists, prints as PDF and deletes notes', async () => {
    const k = await skapaKlient(ombud, V, { alias: 'Pärla' });
    const a = await skapaArende(ombud, V, k.id);
    const url = arendeUrl(V, a.id, '/anteckningar');
    const n1 = await ombud.post(url, { text: 'Första mötet. Vill ha hjälp med Försäkringskassan.' });
    expect(n1.statusCode, n1.body).toBe(201);
    await ombud.post(url, { text: 'Andra mötet – åäö ÅÄÖ “citat”.' });
    const list = await chef.get(url);
    expect(list.json()).toHaveLength(2);
    expect(list.json()[0].createdBy.id).toBe(ombudId);
    const pdf = await ombud.get(arendeUrl(V, a.id, '/anteckningar.pdf'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);
    const del = await ombud.delete(`${url}/${n1.json().id}`);
    expect(del.statusCode).toBe(200);
    expect((await ombud.get(url)).json()).toHaveLength(1);
  });
});

describe('audit', () => {
  it('records reads and writes of client data with ids only', async () => {
    const k = await skapaKlient(ombud, V, {
      alias: 'Granskad',
      namn: 'Greta Granskad',
      telefon: '0701112233',
    });
    await ombud.get(klientUrl(V, k.id));
    const rows = await query<{
      action: string;
      resource_id: string | null;
      detail: unknown;
      user_id: string;
    }>(
      database.db,
      sql`select action, resource_id, detail, user_id from audit_log where resource_id = ${k.id} order by id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['klient.created', 'klient.read']);
    expect(rows.every((r) => r.user_id === ombudId)).toBe(true);
    const all = await query<{ t: string }>(database.db, sql`select audit_log::text as t from audit_log`);
    for (const r of all) {
      expect(r.t).not.toContain('Granskad');
      expect(r.t).not.toContain('0701112233');
    }
    void chefId;
  });
});

describe('demo', () => {
  it('gives stockholm-innerstad clients in every state, assigned to the demo ombud', async () => {
    const db = database.db;
    const D = await makeVerksamhet(db, {
      kod: 'stockholm-innerstad',
      kommuner: ['0180'],
      stadsdelsomraden: ['kungsholmen', 'norra-innerstaden', 'sodermalm'],
    });
    const o = await makeUser(db, [{ organisationId: D.id, roll: 'ombud' }], { username: 'ombud' });
    await makeUser(db, [{ organisationId: D.id, roll: 'chef' }], { username: 'chef' });
    await demoCasework(db);
    const c = await loginAs(app, 'ombud');
    const arenden = (await c.get(`${arendeUrl(D.id)}?limit=500`)).json().items as Array<{
      status: string;
      ombud: { id: string } | null;
    }>;
    expect(new Set(arenden.map((a) => a.status))).toEqual(
      new Set(['forfragan', 'ko', 'aktiv', 'avslutad', 'ej_aktuell']),
    );
    expect(arenden.filter((a) => a.status === 'aktiv').every((a) => a.ombud?.id === o.id)).toBe(true);
  });
});
