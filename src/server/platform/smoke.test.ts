import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loginAs, makeApp } from '../testing/app.ts';
import { createTestDb, type TestDatabase } from '../testing/db.ts';
import { makeUser, makeVerksamhet } from '../testing/factories.ts';

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

describe('smoke', () => {
  it('health, login, me', async () => {
    const h = await app.inject({ method: 'GET', url: '/api/health' });
    expect(h.statusCode).toBe(200);
    const v = await makeVerksamhet(database.db);
    const u = await makeUser(database.db, [{ organisationId: v.id, roll: 'chef' }]);
    const c = await loginAs(app, u.username);
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().medlemskap[0].roll).toBe('chef');
    const anon = await new Client(app).get('/api/v1/me');
    expect(anon.statusCode).toBe(401);
  });
});
