// Errors in the caller's language (issue 9): Swedish by default, English when Accept-Language prefers it —
// framework errors, validation, and the services' own sentences with their field labels.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { klientUrl, skapaKlient } from './modules/cases/test-helpers.ts';
import { type Client, loginAs, makeApp } from './testing/app.ts';
import { createTestDb, type TestDatabase } from './testing/db.ts';
import { makeUser, makeVerksamhet } from './testing/factories.ts';

let database: TestDatabase;
let app: FastifyInstance;
let V: string;
let ombud: Client;

const SWEDISH = /[åäöÅÄÖ]|\b(och|inte|eller|ska|måste|finns|kan|har|är|för|av|med|redan)\b/;
const en = { 'accept-language': 'en-GB,en;q=0.9,sv;q=0.5' };

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  V = (await makeVerksamhet(database.db, { kommuner: ['0180'] })).id;
  const u = await makeUser(database.db, [{ organisationId: V, roll: 'ombud' }]);
  ombud = await loginAs(app, u.username);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('problem+json in the language asked for', () => {
  it('an unknown address: Swedish without a header, English with one, and says which', async () => {
    const sv = await app.inject({ method: 'GET', url: '/api/v1/finns-inte' });
    expect(sv.statusCode).toBe(404);
    expect(sv.headers['content-language']).toBe('sv');
    expect(sv.json()).toMatchObject({ title: 'Hittades inte' });
    const res = await app.inject({ method: 'GET', url: '/api/v1/finns-inte', headers: en });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-language']).toBe('en');
    expect(res.headers.vary).toMatch(/Accept-Language/i);
    const body = res.json();
    expect(body.title).toBe('Not found');
    expect(body.detail).not.toMatch(SWEDISH);
  });

  it('a failed login, in English', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { ...en, origin: 'http://localhost:3000' },
      payload: { username: 'ingen-sadan', password: 'fel-losenord-123' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).not.toMatch(SWEDISH);
  });

  it("a service's conflict with its field: message and label in English", async () => {
    const k = await skapaKlient(ombud, V);
    const body = { alias: k.alias, fodelsear: 1980, kon: 'kvinna', kommunKod: '0180', barnUnder18: 'nej' };
    const sv = await ombud.post(klientUrl(V), body);
    expect(sv.statusCode).toBe(409);
    expect(sv.json().errors[0]).toMatchObject({
      field: 'alias',
      label: 'Alias',
      message: 'Aliaset används redan.',
    });
    const res = await ombud.request({ method: 'POST', url: klientUrl(V), headers: en, payload: body });
    expect(res.statusCode).toBe(409);
    const p = res.json();
    expect(p.title).toBe('Conflict');
    expect(p.detail).not.toMatch(SWEDISH);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0].field).toBe('alias');
    expect(p.errors[0].message).not.toMatch(SWEDISH);
    expect(p.errors[0].message).toMatch(/alias/i);
  });

  it('a domain rule with a kommun code: the code stays, the words are English', async () => {
    const res = await ombud.request({
      method: 'POST',
      url: klientUrl(V),
      headers: en,
      payload: { alias: 'Utanför', fodelsear: 1980, kon: 'kvinna', kommunKod: '1280', barnUnder18: 'nej' },
    });
    expect(res.statusCode).toBe(400);
    const e = res.json().errors.find((x: { field: string }) => x.field === 'kommunKod');
    expect(e.message).toContain('1280');
    expect(e.message).not.toMatch(SWEDISH);
    expect(e.label).not.toMatch(SWEDISH);
  });

  it('validation of a body in English: English labels and sentences, same fields as in Swedish', async () => {
    const sv = await ombud.post(klientUrl(V), {});
    const res = await ombud.request({ method: 'POST', url: klientUrl(V), headers: en, payload: {} });
    expect(res.statusCode).toBe(400);
    const fields = (b: { errors: Array<{ field: string }> }) => b.errors.map((e) => e.field);
    expect(fields(res.json())).toEqual(fields(sv.json()));
    expect(res.json().detail).toMatch(/^\d+ fields need correcting: /);
    for (const e of res.json().errors) {
      expect(e.message).not.toMatch(SWEDISH);
      expect(e.label).not.toMatch(SWEDISH);
    }
  });
});
