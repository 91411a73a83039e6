import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, makeApp, ORIGIN } from '../testing/app.ts';
import { createTestDb, type TestDatabase } from '../testing/db.ts';
import { makeUser, makeVerksamhet } from '../testing/factories.ts';
import { forstaOgiltigaText } from './input-guard.ts';

/**
 * Input PostgreSQL cannot store (NUL, lone surrogates, invalid UTF-8) answers 400 naming the field, and
 * every error Fastify or Node raise before a route runs is problem+json in Swedish without echoing input.
 */
let database: TestDatabase;
let app: FastifyInstance;
let chef: Client;
let verksamhetId: string;

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db, { loginRateLimit: 1000 });
  const v = await makeVerksamhet(database.db);
  verksamhetId = v.id;
  const u = await makeUser(database.db, [{ organisationId: v.id, roll: 'chef' }]);
  chef = await new Client(app).login(u.username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const problem = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  return res.json() as { status: number; detail: string; errors?: Array<{ field: string; message: string }> };
};

describe('text that cannot be stored', () => {
  it('finds NUL and lone surrogates in values and keys, with their path', () => {
    expect(forstaOgiltigaText({ a: 'ok', b: ['x', 'y\u0000'] })).toBe('b.1');
    expect(forstaOgiltigaText({ n: { 'k\u0000': 1 } })).toBe('n.k\u0000');
    expect(forstaOgiltigaText({ s: 'a\ud800b' })).toBe('s');
    expect(forstaOgiltigaText({ s: 'emoji 😀 ok' })).toBeUndefined();
    expect(forstaOgiltigaText('\udc00')).toBe('');
  });

  it('a NUL in the login name answers 400 naming the field (was 500)', async () => {
    const res = await new Client(app).post('/api/v1/auth/login', { username: 'a\u0000b', password: 'x' });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors).toEqual([
      {
        field: 'username',
        label: 'Användarnamn',
        message: expect.stringMatching(/tecken som inte kan sparas/),
      },
    ]);
  });

  it('a NUL in a client alias, a lone surrogate in a brist title: 400, nothing written', async () => {
    const klient = await chef.post(`/api/v1/verksamheter/${verksamhetId}/klienter`, {
      alias: 'K\u0000',
      fodelsear: 1980,
      kon: 'kvinna',
      kommunKod: '0180',
      barnUnder18: 'nej',
    });
    expect(klient.statusCode).toBe(400);
    expect(problem(klient).errors?.[0]?.field).toBe('alias');
    const list = await chef.get(`/api/v1/verksamheter/${verksamhetId}/klienter`);
    expect(list.json().total).toBe(0);
    const brist = await chef.post(`/api/v1/verksamheter/${verksamhetId}/brister`, { titel: 'x\ud800' });
    expect(brist.statusCode).toBe(400);
    expect(problem(brist).errors?.[0]?.field).toBe('titel');
  });

  it('a NUL in the query string or an uploaded file: 400', async () => {
    const q = await chef.get(`/api/v1/verksamheter/${verksamhetId}/klienter?gallrad=a%00b`);
    expect(q.statusCode).toBe(400);
    expect(problem(q).errors?.[0]?.field).toBe('gallrad');
    const csv = await chef.request({
      method: 'POST',
      url: `/api/v1/verksamheter/${verksamhetId}/import/klienter`,
      payload: Buffer.from('alias;kon\nA\u0000;kvinna\n', 'utf8'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.statusCode).toBe(400);
    expect(problem(csv).detail).toMatch(/UTF-8/);
  });

  it('a body that is not valid UTF-8 answers 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      payload: Buffer.from([0x7b, 0x22, 0x75, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).detail).toBe('Begärans innehåll är inte giltig UTF-8.');
  });
});

describe("Fastify's and Node's own errors", () => {
  it('a malformed address: 400 problem+json, the address not echoed', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('%E0');
  });

  it('an over-long path parameter: 414 problem+json, not echoed', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/verksamheter/${'a'.repeat(200)}` });
    expect(res.statusCode).toBe(414);
    expect(problem(res).detail).toBe('Adressen är för lång.');
    expect(res.body).not.toContain('aaaa');
  });

  it('an unknown address: 404 problem+json without the address', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/finns-inte<script>' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toMatch(/script/i);
  });

  it('too large headers on a real socket: 431 problem+json', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (d) => {
        data += d.toString();
      });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
      socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    expect(answer).toContain('application/problem+json');
    expect(answer).toContain('"status":431');
  });
});
