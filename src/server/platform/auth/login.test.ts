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
      { action: 'login.failed', detail: { reason: 'password', failures: 1 } },
    ]);
    expect(await audit('finns-inte')).toEqual([
      { action: 'login.failed', detail: { reason: 'unknown_user', failures: 1 } },
    ]);
  });

  it('a user without a password (OIDC only) is refused like anyone else, after the same hash check', async () => {
    const u = await newUser();
    await database.db.execute(sql`update app_user set password_hash = null where id = ${u.id}`);
    const wrong = await new Client(app).post('/api/v1/auth/login', { username: u.username, password: 'x' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toBe('Fel användarnamn eller lösenord.');
  });
});

describe('throttling of password guesses (no account lock)', () => {
  const LOGIN = '/api/v1/auth/login';
  /** A login attempt from the given client address. */
  const attempt = (a: FastifyInstance, username: string, password: string, ip = '198.51.100.1') =>
    a.inject({
      method: 'POST',
      url: LOGIN,
      headers: { origin: ORIGIN },
      payload: { username, password },
      remoteAddress: ip,
    });
  /** Lets the current wait pass (instead of sleeping in the test). */
  const waitOut = (username: string) =>
    database.db.execute(
      sql`update login_throttle set blocked_until = now() - interval '1 second' where username = ${username}`,
    );
  const throttleRows = (username: string) =>
    query<{ ip: string; failures: number; wait: number | null }>(
      database.db,
      sql`select ip, failures, extract(epoch from blocked_until - last_failure_at)::float8 as wait
          from login_throttle where username = ${username} order by ip`,
    );

  it('an unknown and a known account name get identical answers through the whole sequence', async () => {
    const throttled = await makeApp(database.db, {
      lockoutThreshold: 3,
      lockoutMinutes: 15,
      loginRateLimit: 100_000,
    });
    try {
      const u = await newUser();
      const sequence = async (username: string) => {
        const out: unknown[] = [];
        for (let i = 0; i < 9; i++) {
          const res = await attempt(throttled, username, 'fel-lösenord');
          out.push({
            status: res.statusCode,
            type: res.headers['content-type'],
            body: res.json(),
            retryAfter: res.headers['retry-after'],
            cookies: res.cookies.length,
          });
          if (res.statusCode === 429) await waitOut(username);
        }
        return out;
      };
      const known = await sequence(u.username);
      const unknown = await sequence(`finns-inte-${u.username}`);
      expect(unknown).toEqual(known);
      const wrong = { status: 401, detail: 'Fel användarnamn eller lösenord.' };
      const wait = {
        status: 429,
        detail: 'För många misslyckade inloggningar. Vänta en stund och försök igen.',
      };
      expect(
        known.map((r) => [(r as { body: object }).body, (r as { retryAfter?: string }).retryAfter]),
      ).toEqual([
        [expect.objectContaining(wrong), undefined],
        [expect.objectContaining(wrong), undefined],
        [expect.objectContaining(wrong), undefined], // the third failure: now wait 1 s
        [expect.objectContaining(wait), '1'],
        [expect.objectContaining(wrong), undefined], // the fourth: 2 s
        [expect.objectContaining(wait), '2'],
        [expect.objectContaining(wrong), undefined], // the fifth: 4 s
        [expect.objectContaining(wait), '4'],
        [expect.objectContaining(wrong), undefined],
      ]);
      // Every attempt is in the log, the throttled ones too.
      expect((await audit(u.username)).map((a) => a.detail?.reason)).toEqual([
        'password',
        'password',
        'password',
        'throttled',
        'password',
        'throttled',
        'password',
        'throttled',
        'password',
      ]);
    } finally {
      await throttled.close();
    }
  });

  it('failures from address A do not stop a correct login from address B; A itself has to wait', async () => {
    const throttled = await makeApp(database.db, {
      lockoutThreshold: 3,
      lockoutMinutes: 15,
      loginRateLimit: 100_000,
    });
    try {
      const u = await newUser();
      const A = '203.0.113.66';
      const B = '198.51.100.20';
      for (let i = 0; i < 3; i++) await attempt(throttled, u.username, `gissning-${i}`, A);
      // The third failure started a 1 s wait; stretch it so a slow machine cannot outrun it mid-test.
      await database.db.execute(
        sql`update login_throttle set blocked_until = now() + interval '1 minute' where username = ${u.username}`,
      );
      expect((await attempt(throttled, u.username, 'gissning-x', A)).statusCode).toBe(429);
      // The owner, elsewhere, is not locked out.
      const owner = await attempt(throttled, u.username, TEST_PASSWORD, B);
      expect(owner.statusCode).toBe(200);
      expect(owner.json()).toEqual({ mfa: 'none' });
      // The attacker's address waits even with the right password (a guess is not checked while waiting).
      expect((await attempt(throttled, u.username, TEST_PASSWORD, A)).statusCode).toBe(429);
      expect((await throttleRows(u.username)).map((r) => [r.ip, r.failures])).toEqual([[A, 3]]);
      // Once the wait is over the right password works from A too, and A's count starts again.
      await waitOut(u.username);
      expect((await attempt(throttled, u.username, TEST_PASSWORD, A)).statusCode).toBe(200);
      expect(await throttleRows(u.username)).toEqual([]);
    } finally {
      await throttled.close();
    }
  });

  it('the wait grows 1, 2, 4 … seconds up to OMBUD_LOCKOUT_MINUTES, and holds for every server on the database', async () => {
    // The address rate limit is counted per database too; these tests are about the throttle.
    const policy = { lockoutThreshold: 2, lockoutMinutes: 1, loginRateLimit: 100_000 };
    const server1 = await makeApp(database.db, policy);
    const server2 = await makeApp(database.db, policy);
    try {
      const username = `ingen-${Date.now()}`;
      const waits: number[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await attempt(i % 2 ? server2 : server1, username, 'fel');
        expect(res.statusCode).toBe(401);
        const [row] = await throttleRows(username);
        waits.push(Math.round(row!.wait ?? 0));
        // The other server sees the same wait.
        if (row!.wait)
          expect((await attempt(i % 2 ? server1 : server2, username, 'fel')).statusCode).toBe(429);
        await waitOut(username);
      }
      expect(waits).toEqual([0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
    } finally {
      await server1.close();
      await server2.close();
    }
  });

  it('parallel guesses from one address are counted one after the other', async () => {
    const throttled = await makeApp(database.db, {
      lockoutThreshold: 3,
      lockoutMinutes: 15,
      loginRateLimit: 100_000,
    });
    try {
      const username = `parallell-${Date.now()}`;
      const res = await Promise.all(Array.from({ length: 8 }, () => attempt(throttled, username, 'fel')));
      expect(res.map((r) => r.statusCode).sort()).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    } finally {
      await throttled.close();
    }
  });
  it('rate-limits login attempts: 429 after the configured maximum', async () => {
    const limited = await makeApp(database.db, { loginRateLimit: 3 });
    // The count is kept in the database for every server on it: this file's earlier logins start afresh.
    await database.db.execute(sql`delete from rate_limit_hit`);
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

  it('a session’s last use is written at most once a minute (a logged-in request writes nothing more)', async () => {
    const u = await newUser();
    const c = await loginAs(app, u.username);
    const hash = sha256(cookieValue(c));
    const ageSeconds = async () =>
      Number(
        (
          await query<{ s: number }>(
            database.db,
            sql`select extract(epoch from now() - last_seen_at) as s from session where id_hash = ${hash}`,
          )
        )[0]!.s,
      );
    await database.db.execute(
      sql`update session set last_seen_at = now() - make_interval(secs => 30) where id_hash = ${hash}`,
    );
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect(await ageSeconds()).toBeGreaterThanOrEqual(29); // used 30 s ago: not written again
    await database.db.execute(
      sql`update session set last_seen_at = now() - make_interval(secs => 90) where id_hash = ${hash}`,
    );
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect(await ageSeconds()).toBeLessThan(29); // older than a minute: renewed
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
