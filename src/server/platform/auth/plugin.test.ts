import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/client.ts';
import { loginAs, makeApp, ORIGIN } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, TEST_PASSWORD } from '../../testing/factories.ts';
import { createApiToken, revokeApiToken } from './service.ts';

let database: TestDatabase;
let app: FastifyInstance;
let verksamhetId: string;
let cookie: string;
let chef: { id: string; username: string };
beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  verksamhetId = (await makeVerksamhet(database.db)).id;
  chef = await makeUser(database.db, [{ organisationId: verksamhetId, roll: 'chef' }]);
  cookie = (await loginAs(app, chef.username)).cookie!;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** An unsafe, state-changing request authenticated by the session cookie, with only the given headers. */
function switchOrg(headers: Record<string, string>) {
  return app.inject({
    method: 'PUT',
    url: '/api/v1/me/organisation',
    headers: { cookie, ...headers },
    payload: { organisationId: verksamhetId },
  });
}

describe('CSRF defence', () => {
  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
    ['cross-site even with our Origin', { 'sec-fetch-site': 'cross-site', origin: ORIGIN }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['our host over another scheme-less trick', { origin: 'http://localhost:3000.evil.example' }],
    // The Host header is the client's to choose: an Origin equal to it proves nothing.
    [
      'an Origin equal to the Host header but not OMBUD_PUBLIC_URL',
      { origin: 'http://evil.example', host: 'evil.example' },
    ],
    ['neither Sec-Fetch-Site nor Origin', {}],
  ])('refuses a cookie request with %s (403)', async (_name, headers) => {
    const res = await switchOrg(headers);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/CSRF/);
  });

  it.each([
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['our Origin (older browsers)', { origin: ORIGIN }],
  ])('lets through a cookie request with %s', async (_name, headers) => {
    expect((await switchOrg(headers)).statusCode).toBe(200);
  });

  it('checks the login form too (no login CSRF), but not safe methods', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { username: chef.username, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    const get = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(get.statusCode).toBe(200);
  });

  it('exempts Bearer requests (a browser never adds that header by itself)', async () => {
    const token = await createApiToken(database.db, chef.id, 'csrf', 'test');
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/organisation',
      headers: { authorization: `Bearer ${token}`, 'sec-fetch-site': 'cross-site' },
      payload: { organisationId: verksamhetId },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  const bearer = (token: string, url = '/api/v1/verksamheter') =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  it('a token works as Bearer for its user, only its hash is stored, and use is recorded', async () => {
    const token = await createApiToken(database.db, chef.id, 'integration', 'cli:test');
    expect(token).toMatch(/^omb_/);
    const res = await bearer(token);
    expect(res.statusCode).toBe(200);
    expect(res.json().map((v: { id: string }) => v.id)).toContain(verksamhetId);
    const me = await bearer(token, '/api/v1/me');
    expect(me.json().username).toBe(chef.username);
    const rows = await query<{ token_hash: string; last_used_at: string | null }>(
      database.db,
      sql`select token_hash, last_used_at from api_token where user_id = ${chef.id} and namn = 'integration'`,
    );
    expect(rows[0]!.token_hash).not.toContain(token.slice(4));
    expect(rows[0]!.last_used_at).not.toBeNull();
    const audit = await query<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'token.created' and username = 'cli:test'`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('refuses an unknown, a malformed, a revoked or an expired token, and one of a disabled user (401)', async () => {
    const revoked = await createApiToken(database.db, chef.id, 'revoked', 'test');
    const [row] = await query<{ id: string }>(
      database.db,
      sql`select id from api_token where namn = 'revoked' and user_id = ${chef.id}`,
    );
    expect((await bearer(revoked)).statusCode).toBe(200);
    expect(await revokeApiToken(database.db, row!.id, 'test')).toBe(true);
    expect(await revokeApiToken(database.db, row!.id, 'test')).toBe(false);

    const expired = await createApiToken(database.db, chef.id, 'expired', 'test');
    await database.db.execute(
      sql`update api_token set expires_at = now() - interval '1 second' where namn = 'expired'`,
    );

    const v = await makeVerksamhet(database.db);
    const gone = await makeUser(database.db, [{ organisationId: v.id, roll: 'chef' }]);
    const ofDisabled = await createApiToken(database.db, gone.id, 'disabled', 'test');
    await database.db.execute(sql`update app_user set disabled_at = now() where id = ${gone.id}`);

    for (const t of [
      revoked,
      expired,
      ofDisabled,
      'omb_unknown-token-value',
      'not-even-our-prefix',
      `${revoked}x`,
    ]) {
      const res = await bearer(t);
      expect(res.statusCode, t).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('security headers', () => {
  it('sets CSP, nosniff, frame protection; no HSTS over http; no-store under /api', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['a refusal', '/api/v1/verksamheter', 401],
    ['an unknown path', '/api/v1/finns-inte', 404],
    ['the health check', '/api/health', 200],
  ])('Cache-Control: no-store also on %s', async (_name, url, status) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('over https: HSTS, and a __Host- cookie that is Secure, Path=/ and has no Domain', async () => {
    const publicUrl = 'https://ombud.example.se';
    const secure = await makeApp(database.db, { publicUrl });
    try {
      const res = await secure.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin: publicUrl },
        payload: { username: chef.username, password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      const c = res.cookies.find((k) => k.name === '__Host-ombud_session');
      expect(c).toBeDefined();
      expect(c!.secure).toBe(true);
      expect(c!.httpOnly).toBe(true);
      expect(c!.path).toBe('/');
      expect(c!.domain).toBeUndefined();
      expect(res.cookies.find((k) => k.name === 'ombud_session')).toBeUndefined();
      const me = await secure.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `__Host-ombud_session=${c!.value}` },
      });
      expect(me.statusCode).toBe(200);
      // the plain name is not honoured over https
      const plain = await secure.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `ombud_session=${c!.value}` },
      });
      expect(plain.statusCode).toBe(401);
    } finally {
      await secure.close();
    }
  });
});

describe('the permission gate', () => {
  it('a session that still owes its second factor reaches only session routes', async () => {
    const u = await makeUser(database.db, [{ organisationId: verksamhetId, roll: 'ombud' }]);
    const c = await loginAs(app, u.username);
    await database.db.execute(sql`update session set mfa_done = false where user_id = ${u.id}`);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    const blocked = await c.get('/api/v1/verksamheter');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().detail).toMatch(/autentiseringsapp/);
    expect((await c.get('/api/v1/lan')).statusCode).toBe(401); // 'authenticated' routes too
  });

  it('a role that grants nothing of the kind gets 404, not a hint that the route exists', async () => {
    const u = await makeUser(database.db, [{ organisationId: verksamhetId, roll: 'ombud' }]);
    const c = await loginAs(app, u.username);
    const res = await c.get('/api/v1/audit');
    expect(res.statusCode).toBe(404);
  });
});
