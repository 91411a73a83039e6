import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/client.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import { PrincipalCache } from './principal-cache.ts';
import { sha256 } from './tokens.ts';

/**
 * The session lookup reused for a fraction of a second (issue 16). Two apps on one database stand for two
 * server processes: each has its own cache, as each process has. A change made through one is seen by that
 * one at once and by the other within a second; the real two-process case is multi-process.test.ts.
 */
const TTL = 500;
let database: TestDatabase;
let a: FastifyInstance;
let b: FastifyInstance;
let verksamhetId: string;
let admin: Client;

beforeAll(async () => {
  database = await createTestDb();
  a = await makeApp(database.db, { principalCacheMs: TTL, loginRateLimit: 100_000 });
  b = await makeApp(database.db, { principalCacheMs: TTL, loginRateLimit: 100_000 });
  verksamhetId = (await makeVerksamhet(database.db)).id;
  const ss = await orgId(database.db, 'socialstyrelsen', 'socialstyrelsen');
  admin = await loginAs(a, (await makeUser(database.db, [{ organisationId: ss, roll: 'admin' }])).username);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await database.close();
});

const hashOf = (c: Client) => sha256(c.cookie!.split('=')[1]!);

/** Asks until the answer is not 200; the time it took (ms), or Infinity after `limitMs`. */
async function msUntilRefused(get: () => Promise<{ statusCode: number }>, limitMs = 1000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    if ((await get()).statusCode !== 200) return Date.now() - start;
  }
  return Number.POSITIVE_INFINITY;
}

describe('the principal cache between two processes', () => {
  it('a logout is seen at once by its own process and within a second by the other', async () => {
    const u = await makeUser(database.db, [{ organisationId: verksamhetId, roll: 'ombud' }]);
    const c = await loginAs(a, u.username);
    const cookie = c.cookie!;
    const me = (app: FastifyInstance) =>
      app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect((await me(b)).statusCode).toBe(200); // now in b's cache
    expect((await me(a)).statusCode).toBe(200); // and in a's
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    expect((await me(a)).statusCode).toBe(401);
    expect(await msUntilRefused(() => me(b))).toBeLessThan(1000);
  });

  it('a disabled user is refused at once where it was disabled and within a second elsewhere', async () => {
    const u = await makeUser(database.db, [{ organisationId: verksamhetId, roll: 'chef' }]);
    const onA = await loginAs(a, u.username);
    const onB = await loginAs(b, u.username);
    expect((await onA.get('/api/v1/verksamheter')).statusCode).toBe(200);
    expect((await onB.get('/api/v1/verksamheter')).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/users/${u.id}/disable`)).statusCode).toBe(200);
    expect((await onA.get('/api/v1/verksamheter')).statusCode).toBe(401);
    expect(await msUntilRefused(() => onB.get('/api/v1/verksamheter'))).toBeLessThan(1000);
  });

  it('a removed role is gone at once in its process and within a second in the other', async () => {
    const u = await makeUser(database.db, [{ organisationId: verksamhetId, roll: 'chef' }]);
    const onA = await loginAs(a, u.username);
    const onB = await loginAs(b, u.username);
    const klienter = `/api/v1/verksamheter/${verksamhetId}/klienter`;
    expect((await onA.get(klienter)).statusCode).toBe(200);
    expect((await onB.get(klienter)).statusCode).toBe(200);
    const medlemskap = await query<{ id: string }>(
      database.db,
      sql`select id from membership where user_id = ${u.id}`,
    );
    expect(medlemskap).toHaveLength(1);
    const del = await admin.delete(`/api/v1/users/${u.id}/medlemskap/${medlemskap[0]!.id}`);
    expect(del.statusCode).toBeLessThan(300);
    // Removing a role also ends the user's sessions (users/service.ts): refused either way.
    expect([401, 404]).toContain((await onA.get(klienter)).statusCode);
    expect(await msUntilRefused(() => onB.get(klienter))).toBeLessThan(1000);
  });

  it('reuses a lookup for less than a second, and never past the session’s absolute limit', async () => {
    const u = await makeUser(database.db, [{ organisationId: verksamhetId, roll: 'ombud' }]);
    const c = await loginAs(b, u.username);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    // Ended behind the app's back (as another process would): the cached answer holds only briefly.
    await database.db.execute(sql`delete from session where id_hash = ${hashOf(c)}`);
    expect(await msUntilRefused(() => c.get('/api/v1/me'))).toBeLessThan(1000);

    const cache = new PrincipalCache(60_000);
    const session = { idHash: 'x', userId: u.id, mfaDone: true, activeOrganisationId: null };
    const principal = { userId: u.id, username: u.username, medlemskap: [] };
    await cache.through('x', async () => ({ session, principal, expiresAt: Date.now() + 50 }));
    expect(cache.get('x')).not.toBeNull();
    expect(cache.get('x', Date.now() + 51)).toBeNull();
  });

  it('does not keep a lookup that was under way when a write emptied the cache', async () => {
    const cache = new PrincipalCache(60_000);
    const session = { idHash: 'y', userId: 'u', mfaDone: true, activeOrganisationId: null };
    let release: () => void = () => {};
    const loading = cache.through('y', async () => {
      await new Promise<void>((r) => {
        release = r;
      });
      return { session, principal: null, expiresAt: Date.now() + 60_000 };
    });
    cache.clear(); // a write committed while the lookup read the old state
    release();
    await loading;
    expect(cache.get('y')).toBeNull();
  });
});
