// Client data never leaves its verksamhet: every client route answers 404 to everyone but the ombud and
// chef of the client's own verksamhet, and the database itself returns no rows outside the RLS context.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, withTx } from '../../db/client.ts';
import { type Client, loginAs } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import { type CollectedRoute, makeAppWithRoutes } from '../../testing/routes.ts';
import { arendeUrl, overga, skapaArende, skapaKlient } from './test-helpers.ts';

let database: TestDatabase;
let app: FastifyInstance;
let routes: CollectedRoute[];
let A: string;
let B: string;
let chefA: Client;
let ombudAId: string;
const ids: Record<string, string> = {};
const outsiders: Array<{ name: string; client: Client }> = [];

const CLIENT_TABLES = ['klient', 'klient_identitet', 'arende', 'arende_aktor', 'anteckning'];
/** The casework module's routes: everything it mounts under a verksamhet. */
const MINE =
  /^\/api\/v1\/verksamheter\/:verksamhetId\/(klienter|arenden|ko|caseload|import|gallring|ombud)(\/|$)/;

beforeAll(async () => {
  database = await createTestDb();
  ({ app, routes } = await makeAppWithRoutes(database.db));
  const db = database.db;
  A = (await makeVerksamhet(db, { lanKod: '01' })).id;
  B = (await makeVerksamhet(db, { lanKod: '01' })).id;
  const chef = await makeUser(db, [{ organisationId: A, roll: 'chef' }]);
  const ombudA = await makeUser(db, [{ organisationId: A, roll: 'ombud' }]);
  ombudAId = ombudA.id;
  chefA = await loginAs(app, chef.username);
  const people: Array<
    [string, string, 'chef' | 'ombud' | 'ledamot' | 'lansstyrelse' | 'socialstyrelsen' | 'admin' | 'aktor']
  > = [
    ['chef B', B, 'chef'],
    ['ombud B', B, 'ombud'],
    ['ledamot A', A, 'ledamot'],
    ['länsstyrelse 01 (A:s län)', await orgId(db, 'lansstyrelse', '01'), 'lansstyrelse'],
    ['socialstyrelsen', await orgId(db, 'socialstyrelsen', 'socialstyrelsen'), 'socialstyrelsen'],
    ['admin', await orgId(db, 'socialstyrelsen', 'socialstyrelsen'), 'admin'],
    ['aktör', await orgId(db, 'aktor', 'forsakringskassan'), 'aktor'],
  ];
  for (const [name, organisationId, roll] of people) {
    const u = await makeUser(db, [{ organisationId, roll }]);
    outsiders.push({ name, client: await loginAs(app, u.username) });
  }
  // Client data in A (and some in B, so "0 rows" below is about the wall, not an empty table).
  const k = await skapaKlient(chefA, A, { alias: 'Hemlig', namn: 'Hemlig Person' });
  const a = await skapaArende(chefA, A, k.id, {
    aktorIds: [await orgId(db, 'aktor', 'forsakringskassan')],
  });
  const n = await chefA.post(arendeUrl(A, a.id, '/anteckningar'), { text: 'En anteckning.' });
  ids.klientId = k.id;
  ids.utanArende = (await skapaKlient(chefA, A)).id;
  ids.arendeId = a.id;
  ids.anteckningId = n.json().id;
  ids.userId = ombudA.id;
  const chefB = await loginAs(app, (await makeUser(db, [{ organisationId: B, roll: 'chef' }])).username);
  const kb = await skapaKlient(chefB, B);
  await overga(chefB, B, (await skapaArende(chefB, B, kb.id)).id, { status: 'ko' });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** A request that WOULD succeed for the own chef: valid body, real ids, so a missing check shows. */
function request(route: CollectedRoute) {
  const url = route.url
    .replace(':verksamhetId', A)
    .replace(/:(\w+)/g, (_m, name: string) => ids[name] ?? `unknown-${name}`);
  const body: Record<string, unknown> = {
    'POST /api/v1/verksamheter/:verksamhetId/klienter': {
      alias: `Ny ${Math.random()}`,
      fodelsear: 1970,
      kon: 'man',
      kommunKod: '0180',
      barnUnder18: 'nej',
    },
    'PATCH /api/v1/verksamheter/:verksamhetId/klienter/:klientId': { telefon: '08-1' },
    'POST /api/v1/verksamheter/:verksamhetId/klienter/sok': { q: 'Hemlig' },
    'POST /api/v1/verksamheter/:verksamhetId/klienter/export': { q: 'Hemlig' },
    'POST /api/v1/verksamheter/:verksamhetId/arenden': {
      klientId: ids.utanArende,
      forfraganDatum: '2025-01-01',
      forfraganFran: 'personen',
    },
    'PATCH /api/v1/verksamheter/:verksamhetId/arenden/:arendeId': { sip: true },
    'POST /api/v1/verksamheter/:verksamhetId/arenden/:arendeId/status': { status: 'ko' },
    'POST /api/v1/verksamheter/:verksamhetId/arenden/:arendeId/anteckningar': { text: 'x' },
    'PUT /api/v1/verksamheter/:verksamhetId/caseload/:userId': { arsarbetareHundradelar: 50 },
  };
  const key = `${route.method} ${route.url}`;
  if (route.url.endsWith('/import/klienter')) {
    return {
      method: route.method,
      url,
      payload: `${'alias,fodelsear,kon,kommun_kod,barn_under_18,forfragan_datum,start_datum,avslut_datum,kontaktorsaker,prioritet,ombud'}\nImporterad ${Math.random()},1970,man,0180,nej,2025-01-01,,,,,\n`,
      headers: { 'content-type': 'text/csv' },
    };
  }
  return { method: route.method, url, ...(body[key] ? { payload: body[key] } : {}) };
}

describe('client routes', () => {
  const mine = () => routes.filter((r) => MINE.test(r.url) && r.method !== 'HEAD' && r.method !== 'OPTIONS');

  it('answer 404 to chef/ombud of another verksamhet, ledamot, Länsstyrelse, Socialstyrelsen, admin, aktör', async () => {
    expect(mine().length).toBeGreaterThanOrEqual(20);
    const wrong: string[] = [];
    for (const route of mine()) {
      for (const o of outsiders) {
        const res = await o.client.request(request(route) as never);
        if (res.statusCode !== 404) wrong.push(`${o.name}: ${route.method} ${route.url} → ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    // Nothing was changed by any of those calls.
    const [row] = await query<{ status: string; sip: boolean }>(
      database.db,
      sql`select status, sip from arende where id = ${ids.arendeId}`,
    );
    expect(row).toEqual({ status: 'forfragan', sip: false });
  });

  it('answer 404 when B’s chef points B’s own URLs at A’s clients, ärenden, notes and ombud', async () => {
    const chefB = outsiders.find((o) => o.name === 'chef B')!.client;
    const medId = mine().filter((r) => /:(klientId|arendeId|anteckningId|userId)/.test(r.url));
    expect(medId.length).toBeGreaterThanOrEqual(10);
    const wrong: string[] = [];
    for (const route of medId) {
      const req = request(route);
      const res = await chefB.request({ ...req, url: req.url.replace(A, B) } as never);
      if (res.statusCode !== 404) wrong.push(`${route.method} ${route.url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the same requests succeed for the chef of the own verksamhet (the checks above are not vacuous)', async () => {
    const failed: string[] = [];
    // The note is deleted last, so that listing and printing it run first.
    const order = [...mine()].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    for (const route of order) {
      const res = await chefA.request(request(route) as never);
      if (res.statusCode >= 300)
        failed.push(`${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(failed).toEqual([]);
    void ombudAId;
  });
});

describe('the database wall (row-level security)', () => {
  const counts = (verksamhetIds: string[]) =>
    withTx(database.db, { verksamhetIds }, async (tx) => {
      const out: Record<string, number> = {};
      for (const t of CLIENT_TABLES) {
        const [r] = await query<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(t)}`);
        out[t] = r!.n;
      }
      return out;
    });

  it('returns 0 rows of every client table with another verksamhet’s context or none', async () => {
    const own = await counts([A]);
    for (const t of CLIENT_TABLES) expect(own[t], t).toBeGreaterThan(0);
    const zero = Object.fromEntries(CLIENT_TABLES.map((t) => [t, 0]));
    const other = await counts([B]);
    expect(other.klient).toBeGreaterThan(0); // B's own rows exist…
    const onlyA = await withTx(database.db, { verksamhetIds: [B] }, (tx) =>
      query<{ n: number }>(
        tx,
        sql`select count(*)::int as n from klient_identitet where verksamhet_id = ${A} or alias = 'Hemlig'`,
      ),
    );
    expect(onlyA[0]!.n).toBe(0); // …but none of A's
    expect(await counts([])).toEqual(zero);
    // A pooled connection carries nothing into the next transaction.
    await counts([A]);
    expect(await counts([])).toEqual(zero);
  });

  it('refuses to write A’s rows under B’s context, and to attach B’s rows to A’s client', async () => {
    await expect(
      withTx(database.db, { verksamhetIds: [B] }, (tx) =>
        tx.execute(sql`update klient_identitet set alias = 'stulen' where klient_id = ${ids.klientId}`),
      ),
    ).resolves.toBeDefined();
    const [alias] = await query<{ alias: string }>(
      database.db,
      sql`select alias from klient_identitet where klient_id = ${ids.klientId}`,
    );
    expect(alias!.alias).toBe('Hemlig'); // the update saw no row
    await expect(
      withTx(database.db, { verksamhetIds: [B] }, (tx) =>
        tx.execute(
          sql`insert into klient (verksamhet_id, kon, fodelsear, kommun_kod, barn_under_18)
              values (${A}, 'man', 1970, '0180', 'nej')`,
        ),
      ),
    ).rejects.toThrow();
    await expect(
      withTx(database.db, { verksamhetIds: [B] }, (tx) =>
        tx.execute(
          sql`insert into arende (verksamhet_id, klient_id, forfragan_datum, status)
              values (${B}, ${ids.klientId}, '2025-01-01', 'forfragan')`,
        ),
      ),
    ).rejects.toThrow();
  });
});

describe('refused attempts at client data are audited', () => {
  const refusals = (userId: string) =>
    query<{
      organisation_id: string | null;
      resource_type: string;
      resource_id: string | null;
      detail: Record<string, unknown>;
    }>(
      database.db,
      sql`select organisation_id, resource_type, resource_id, detail from audit_log
          where action = 'atkomst.nekad' and user_id = ${userId} order by id`,
    );

  it('a foreign chef reading another verksamhet’s client gets 404, and one entry names who, where and what', async () => {
    const chefB = await makeUser(database.db, [{ organisationId: B, roll: 'chef' }]);
    const c = await loginAs(app, chefB.username);
    const res = await c.get(`/api/v1/verksamheter/${A}/klienter/${ids.klientId}?q=Hemlig`);
    expect(res.statusCode).toBe(404);
    expect(await refusals(chefB.id)).toEqual([
      {
        organisation_id: A,
        resource_type: 'verksamhet',
        resource_id: A,
        detail: {
          behorighet: 'klient:read',
          status: 404,
          method: 'GET',
          route: '/api/v1/verksamheter/:verksamhetId/klienter/:klientId',
          params: { verksamhetId: A, klientId: ids.klientId },
        },
      },
    ]);
    // The query string (a search may carry a client's name) is not written to the append-only log.
    expect(JSON.stringify(await refusals(chefB.id))).not.toContain('Hemlig');
  });

  it('also a refused write, and a role with no client access anywhere (refused by the route’s coarse gate)', async () => {
    const chefB = await makeUser(database.db, [{ organisationId: B, roll: 'chef' }]);
    const c = await loginAs(app, chefB.username);
    const write = await c.post(arendeUrl(A, ids.arendeId!, '/anteckningar'), { text: 'x' });
    expect(write.statusCode).toBe(404);
    expect(await refusals(chefB.id)).toEqual([
      expect.objectContaining({
        organisation_id: A,
        detail: expect.objectContaining({ behorighet: 'klient:write', status: 404, method: 'POST' }),
      }),
    ]);

    const ledamot = await makeUser(database.db, [{ organisationId: A, roll: 'ledamot' }]);
    const l = await loginAs(app, ledamot.username);
    expect((await l.get(arendeUrl(A, ids.arendeId!, '/anteckningar'))).statusCode).toBe(404);
    expect(await refusals(ledamot.id)).toEqual([
      expect.objectContaining({
        organisation_id: A,
        detail: expect.objectContaining({
          behorighet: 'klient:read',
          status: 404,
          params: { verksamhetId: A, arendeId: ids.arendeId },
        }),
      }),
    ]);
  });

  it('the own chef’s read leaves no refusal; a client that does not exist in the own verksamhet is no refusal either', async () => {
    const own = await makeUser(database.db, [{ organisationId: A, roll: 'chef' }]);
    const c = await loginAs(app, own.username);
    expect((await c.get(`/api/v1/verksamheter/${A}/klienter/${ids.klientId}`)).statusCode).toBe(200);
    expect((await c.get(`/api/v1/verksamheter/${A}/klienter/${B}`)).statusCode).toBe(404);
    expect(await refusals(own.id)).toEqual([]);
  });
});
