import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { Client, testConfig } from '../testing/app.ts';
import { createTestDb, type TestDatabase } from '../testing/db.ts';
import { makeUser, makeVerksamhet } from '../testing/factories.ts';
import { maskPersonalData, safeError } from './logging.ts';

/**
 * No personal data in the server log: a database error while writing a client (whose driver message
 * carries the query's parameters) and a client search in the query string leave none of the client's
 * fields in any log line — on PGlite and on PostgreSQL.
 */
let database: TestDatabase;
let app: FastifyInstance;
let log = '';
let verksamhetId: string;
let chef: Client;

const KLIENT = {
  alias: 'Loggtest-Alias',
  namn: 'Greta Loggsson',
  personnummer: '19121212-1212',
  telefon: '070-123 45 67',
  adress: 'Loggatan 12, 111 22 Stockholm',
};
const LEAKS = [
  KLIENT.alias,
  KLIENT.namn,
  'Loggsson',
  KLIENT.personnummer,
  '191212121212',
  '121212-1212',
  KLIENT.telefon,
  '0701234567',
  'Loggatan',
];

beforeAll(async () => {
  database = await createTestDb();
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  app = await buildApp({
    db: database.db,
    config: testConfig({ loginRateLimit: 1000 }),
    serveWeb: false,
    logger: true,
    logStream: stream,
  });
  await app.ready();
  const v = await makeVerksamhet(database.db, { lanKod: '01', kommuner: ['0180'] });
  verksamhetId = v.id;
  const u = await makeUser(database.db, [{ organisationId: v.id, roll: 'chef' }]);
  chef = await new Client(app).login(u.username);
  // A constraint the service does not know about: the insert fails inside the database.
  await database.db.execute(
    sql.raw(`alter table klient_identitet add constraint loggtest_stopp check (alias <> '${KLIENT.alias}')`),
  );
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('server log without personal data', () => {
  it('a database error while writing a client is logged by SQLSTATE and constraint only', async () => {
    log = '';
    const res = await chef.post(`/api/v1/verksamheter/${verksamhetId}/klienter`, {
      ...KLIENT,
      fodelsear: 1912,
      kon: 'kvinna',
      kommunKod: '0180',
      barnUnder18: 'nej',
    });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const lines = log
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const failed = lines.find((l) => l.msg === 'unhandled error');
    expect(failed, log).toBeDefined();
    expect(failed!.err).toMatchObject({ sqlState: '23514', constraint: 'loggtest_stopp' });
    for (const value of LEAKS) expect(log).not.toContain(value);
    expect(log).not.toMatch(/params:/);
  });

  it('a client search is logged without its search term', async () => {
    log = '';
    const res = await chef.post(`/api/v1/verksamheter/${verksamhetId}/klienter/sok`, { q: 'Hemligsokning' });
    expect(res.statusCode).toBe(200);
    // And should someone still put it in the address, the log line carries the path only.
    await chef.get(`/api/v1/verksamheter/${verksamhetId}/klienter?limit=5&q=Hemligsokning`);
    expect(log).toContain('/klienter');
    expect(log).not.toContain('Hemligsokning');
  });
});

describe('safeError', () => {
  it('drops the message of a database error wrapped by the driver layer', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (alias)=(Anna) already exists.',
      constraint: 'klient_identitet_alias',
      table: 'klient_identitet',
    });
    const err = new Error('Failed query: insert into "klient_identitet" …\nparams: Anna,19121212-1212', {
      cause,
    });
    const out = JSON.stringify(safeError(err));
    expect(out).toContain('23505');
    expect(out).toContain('klient_identitet_alias');
    expect(out).not.toContain('Anna');
    expect(out).not.toContain('19121212');
  });

  it('masks personal data in other messages and keeps the stack frames', () => {
    const out = safeError(new Error('kunde inte läsa 19121212-1212 eller anna@example.se'));
    expect(out.message).toBe('kunde inte läsa [personnummer] eller [epost]');
    expect(String(out.stack)).toMatch(/^\s+at /);
    expect(maskPersonalData('ring 070-123 45 67')).toBe('ring [telefon]');
  });
});
