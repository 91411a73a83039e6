import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/client.ts';
import { Client, loginAs, makeApp, ORIGIN } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, TEST_PASSWORD } from '../../testing/factories.ts';
import { sha256 } from './tokens.ts';

let database: TestDatabase;
let app: FastifyInstance;
let verksamhetId: string;
beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  verksamhetId = (await makeVerksamhet(database.db)).id;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const newUser = (roll: 'ombud' | 'chef' = 'ombud') =>
  makeUser(database.db, [{ organisationId: verksamhetId, roll }]);

function audit(username: string) {
  return query<{ action: string; detail: Record<string, unknown> | null }>(
    database.db,
    sql`select action, detail from audit_log where username = ${username} order by id`,
  );
}

function sessionsOf(userId: string) {
  return query<{ id_hash: string }>(database.db, sql`select id_hash from session where user_id = ${userId}`);
}

function cookieValue(c: Client) {
  return c.cookie?.split('=')[1] ?? '';
}

describe('password login', () => {
  it('logs in: an httpOnly, SameSite cookie whose hash (not value) is stored; audited', async () => {
    const u = await newUser();
    const res = await new Client(app).post('/api/v1/auth/login', {
      username: u.username,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mfa: 'none' });
    const cookie = res.cookies.find((c) => c.name === 'ombud_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    const rows = await sessionsOf(u.id);
    expect(rows.map((r) => r.id_hash)).toEqual([sha256(cookie.value)]);
    expect(await audit(u.username)).toEqual([
      { action: 'login.ok', detail: { method: 'password', mfa: 'none' } },
    ]);
  });

  it('refuses a wrong password or an unknown user alike: 401 problem+json in Swedish, no cookie', async () => {
    const u = await newUser();
    for (const body of [
      { username: u.username, password: 'fel-lösenord' },
      { username: 'finns-inte', password: 'fel-lösenord' },
    ]) {
      const res = await new Client(app).post('/api/v1/auth/login', body);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 401, detail: 'Fel användarnamn eller lösenord.' });
      expect(res.cookies).toHaveLength(0);
    }
    expect(await audit(u.username)).toEqual([
      { action: 'login.failed', detail: { reason: 'password', locked: false } },
    ]);
    expect(await audit('finns-inte')).toEqual([
      { action: 'login.failed', detail: { reason: 'unknown_user' } },
    ]);
  });

  it('locks the account after lockoutThreshold failures; then even the right password is refused', async () => {
    const locking = await makeApp(database.db, { lockoutThreshold: 3, lockoutMinutes: 15 });
    try {
      const u = await newUser();
      const c = new Client(locking);
      for (let i = 0; i < 3; i++) {
        const res = await c.post('/api/v1/auth/login', { username: u.username, password: 'fel-lösenord' });
        expect(res.statusCode).toBe(401);
      }
      const locked = await c.post('/api/v1/auth/login', { username: u.username, password: TEST_PASSWORD });
      expect(locked.statusCode).toBe(429);
      expect(locked.headers['content-type']).toContain('application/problem+json');
      expect(locked.json().detail).toMatch(/låst/);
      expect(locked.cookies).toHaveLength(0);
      expect(await sessionsOf(u.id)).toHaveLength(0);

      // The failures were recorded although every request failed.
      expect((await audit(u.username)).map((a) => [a.action, a.detail?.reason, a.detail?.locked])).toEqual([
        ['login.failed', 'password', false],
        ['login.failed', 'password', false],
        ['login.failed', 'password', true],
        ['login.failed', 'locked', undefined],
      ]);
      const [row] = await query<{ minutes: number }>(
        database.db,
        sql`select extract(epoch from locked_until - now()) / 60 as minutes from app_user where id = ${u.id}`,
      );
      expect(Number(row!.minutes)).toBeGreaterThan(14);
      expect(Number(row!.minutes)).toBeLessThanOrEqual(15);

      // Once lockedUntil has passed, the right password works again.
      await database.db.execute(
        sql`update app_user set locked_until = now() - interval '1 second' where id = ${u.id}`,
      );
      const after = await c.post('/api/v1/auth/login', { username: u.username, password: TEST_PASSWORD });
      expect(after.statusCode).toBe(200);
    } finally {
      await locking.close();
    }
  });

  it('rate-limits login attempts: 429 after the configured maximum', async () => {
    const limited = await makeApp(database.db, { loginRateLimit: 3 });
    try {
      const c = new Client(limited);
      for (let i = 0; i < 3; i++) {
        const res = await c.post('/api/v1/auth/login', { username: `ingen${i}`, password: 'x' });
        expect(res.statusCode).toBe(401);
      }
      const res = await c.post('/api/v1/auth/login', { username: 'ingen', password: 'x' });
      expect(res.statusCode).toBe(429);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toMatch(/För många försök/);
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('gives a new session id on every login and ends the one the browser had', async () => {
    const u = await newUser();
    const c = await loginAs(app, u.username);
    const first = cookieValue(c);
    const old = new Client(app);
    old.cookie = c.cookie;
    await c.login(u.username);
    const second = cookieValue(c);
    expect(second).not.toBe(first);
    expect(second.length).toBeGreaterThanOrEqual(43);
    const other = await loginAs(app, u.username);
    expect(cookieValue(other)).not.toBe(second);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect((await old.get('/api/v1/me')).statusCode).toBe(401);
    expect(await sessionsOf(u.id)).toHaveLength(2);
  });

  it('logout ends the session on the server: the old cookie no longer works', async () => {
    const u = await newUser();
    const c = await loginAs(app, u.username);
    const stolen = new Client(app);
    stolen.cookie = c.cookie;
    const res = await c.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((k) => k.name === 'ombud_session')?.value).toBe('');
    expect(await sessionsOf(u.id)).toHaveLength(0);
    expect((await stolen.get('/api/v1/me')).statusCode).toBe(401);
    expect((await audit(u.username)).map((a) => a.action)).toContain('logout');
  });

  it('disabling a user ends all their sessions at once', async () => {
    const u = await newUser();
    const admin = await makeUser(database.db, [{ organisationId: verksamhetId, roll: 'chef' }]);
    const c1 = await loginAs(app, u.username);
    const c2 = await loginAs(app, u.username);
    const chef = await loginAs(app, admin.username);
    expect((await chef.post(`/api/v1/users/${u.id}/disable`)).statusCode).toBe(200);
    expect(await sessionsOf(u.id)).toHaveLength(0);
    expect((await c1.get('/api/v1/me')).statusCode).toBe(401);
    expect((await c2.get('/api/v1/verksamheter')).statusCode).toBe(401);
    const again = await new Client(app).post('/api/v1/auth/login', {
      username: u.username,
      password: TEST_PASSWORD,
    });
    expect(again.statusCode).toBe(401);
  });

  it('an idle session expires after sessionIdleMinutes', async () => {
    const u = await newUser();
    const c = await loginAs(app, u.username);
    const idle = 30; // testConfig's default
    const hash = sha256(cookieValue(c));
    await database.db.execute(
      sql`update session set last_seen_at = now() - make_interval(mins => ${idle - 1}) where id_hash = ${hash}`,
    );
    expect((await c.get('/api/v1/me')).statusCode).toBe(200); // still inside, and the use renews it
    await database.db.execute(
      sql`update session set last_seen_at = now() - make_interval(mins => ${idle + 1}) where id_hash = ${hash}`,
    );
    const res = await c.get('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(c.cookie).toBeUndefined(); // the stale cookie is cleared
  });

  it('a session ends at its absolute limit however active it is', async () => {
    const u = await newUser();
    const c = await loginAs(app, u.username);
    const hash = sha256(cookieValue(c));
    const [row] = await query<{ hours: number }>(
      database.db,
      sql`select extract(epoch from expires_at - created_at) / 3600 as hours from session where id_hash = ${hash}`,
    );
    expect(Math.round(Number(row!.hours))).toBe(12);
    await database.db.execute(
      sql`update session set expires_at = now() - interval '1 second', last_seen_at = now() where id_hash = ${hash}`,
    );
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('a forged or unknown cookie is not a session', async () => {
    const c = new Client(app);
    c.cookie = 'ombud_session=forged-value';
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    const anon = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { origin: ORIGIN } });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().detail).toBe('Du behöver logga in.');
  });
});
