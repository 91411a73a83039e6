import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, makeApp } from './testing/app.ts';
import { createTestDb, type TestDatabase } from './testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from './testing/factories.ts';

/**
 * What the fuzzer (fuzz.test.ts) found, kept as plain tests that name each case: each used to answer 500
 * or to take minutes.
 */
let database: TestDatabase;
let app: FastifyInstance;
let admin: Client;
let chef: Client;
let verksamhetId: string;

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db, { loginRateLimit: 100_000 });
  const v = await makeVerksamhet(database.db, { lanKod: '01', kommuner: ['0180'] });
  verksamhetId = v.id;
  const ss = await orgId(database.db, 'socialstyrelsen', 'socialstyrelsen');
  admin = await loginAs(app, (await makeUser(database.db, [{ organisationId: ss, roll: 'admin' }])).username);
  chef = await loginAs(app, (await makeUser(database.db, [{ organisationId: v.id, roll: 'chef' }])).username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const problem = (body: string) => JSON.parse(body) as { errors?: Array<{ field: string; message: string }> };

describe('fuzz findings', () => {
  it('a verksamhet with the same kommun listed twice is created once with that kommun', async () => {
    const res = await admin.post('/api/v1/verksamheter', {
      kod: 'fuzz-dubbel',
      namn: 'PO Dubbel',
      lanKod: '01',
      utforare: 'kommun',
      kommunKoder: ['0114', '0114'],
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('a role in an organisation that does not exist, or of the wrong kind, is refused naming the field', async () => {
    const u = await makeUser(database.db, [{ organisationId: verksamhetId, roll: 'ombud' }]);
    const missing = await admin.post(`/api/v1/users/${u.id}/medlemskap`, {
      organisationId: '00000000-0000-4000-8000-000000000001',
      roll: 'ombud',
    });
    expect(missing.statusCode, missing.body).toBe(400);
    expect(problem(missing.body).errors?.[0]?.field).toBe('organisationId');
    const lansstyrelse = await orgId(database.db, 'lansstyrelse', '01');
    const misfit = await admin.post(`/api/v1/users/${u.id}/medlemskap`, {
      organisationId: lansstyrelse,
      roll: 'ombud',
    });
    expect(misfit.statusCode, misfit.body).toBe(400);
    expect(problem(misfit.body).errors?.[0]).toMatchObject({ field: 'roll' });
  });

  it('a NUL in a path parameter is refused before the access check (which audits the path)', async () => {
    const res = await admin.get('/api/v1/verksamheter/%00/klienter');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('a JSON body nested 5 000 levels deep is refused with 400, not a stack overflow', async () => {
    const res = await chef.request({
      method: 'POST',
      url: `/api/v1/verksamheter/${verksamhetId}/brister`,
      headers: { 'content-type': 'application/json' },
      payload: `${'['.repeat(5000)}${']'.repeat(5000)}`,
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res.body).errors?.[0]?.field).toBe('body');
  });

  it('an error that quotes the input (an unknown field name) carries it JSON-escaped, never as raw markup', async () => {
    const res = await chef.post(`/api/v1/verksamheter/${verksamhetId}/brister`, { '<script>x</script>': 1 });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('<script>');
    expect(JSON.stringify(JSON.parse(res.body))).toContain('<script>'); // the same text, once parsed
  });
});
