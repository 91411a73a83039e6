import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from './testing/app.ts';
import { createTestDb, type TestDatabase } from './testing/db.ts';

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

describe('OpenAPI description', () => {
  it('is served at /api/docs/json, generated from the zod schemas, and covers every /api/v1 route', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    const login = doc.paths['/api/v1/auth/login']?.post as {
      requestBody?: { content: Record<string, { schema: { required?: string[] } }> };
    };
    expect(login.requestBody?.content['application/json']?.schema.required).toEqual(['username', 'password']);
    const routes = app.printRoutes({ commonPrefix: false });
    for (const path of ['/api/v1/me', '/api/v1/verksamheter', '/api/v1/users', '/api/v1/audit']) {
      expect(routes).toContain(path);
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('the API description page itself is public', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(res.statusCode);
  });
});
