import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOA3 as CONFIG_LOA3, loadConfig } from '../../config.ts';
import { query } from '../../db/client.ts';
import { oidcFlow, session } from '../../db/schema/index.ts';
import { Client, makeApp, ORIGIN } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet } from '../../testing/factories.ts';
import { IdpBrowser, LOA2, LOA3, startTestIdp, type TestIdp } from '../../testing/oidc-provider.ts';
import { subjectFingerprint } from './oidc.ts';
import { linkOidcSubject } from './service.ts';

const REDIRECT = `${ORIGIN}/api/v1/auth/oidc/callback`;

let idp: TestIdp;
let database: TestDatabase;
let app: FastifyInstance;
let linked: { id: string; username: string };
const SUB = 'idp-subject-anna';

beforeAll(async () => {
  idp = await startTestIdp(REDIRECT);
  database = await createTestDb();
  app = await makeApp(database.db, {
    oidc: {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      redirectUri: REDIRECT,
      acrValues: [LOA3],
      allowInsecure: true,
    },
    // A role that needs TOTP after a password login; OIDC logins must not ask for it.
    totpRequiredRoles: ['chef'],
  });
  const v = await makeVerksamhet(database.db);
  linked = await makeUser(database.db, [{ organisationId: v.id, roll: 'chef' }]);
  await linkOidcSubject(database.db, linked.id, SUB, 'test');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  await idp?.close();
});

async function auditRows(action: string) {
  return query<{ username: string | null; user_id: string | null; detail: Record<string, unknown> }>(
    database.db,
    sql`select username, user_id, detail from audit_log where action = ${action} order by id`,
  );
}

/** The browser's round trip: Ombud → IdP (login as sub with acr, consent) → back to Ombud's callback. */
async function throughIdp(sub: string, acr: string) {
  const start = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
  expect(start.statusCode).toBe(302);
  const flowCookie = start.cookies.find((c) => c.name === 'ombud_oidc');
  expect(flowCookie?.httpOnly).toBe(true);
  const authUrl = new URL(start.headers.location as string);
  const back = await new IdpBrowser().authenticate(authUrl.href, sub, acr, REDIRECT);
  return { authUrl, back, cookie: `ombud_oidc=${flowCookie!.value}` };
}

function callback(back: URL, cookie: string | undefined) {
  return app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    headers: cookie ? { cookie } : {},
  });
}

describe('OIDC login against a real provider', () => {
  it('redirects to the provider with PKCE S256, state, nonce and the required acr', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expect(res.statusCode).toBe(302);
    const url = new URL(res.headers.location as string);
    expect(url.origin).toBe(idp.issuer);
    const q = url.searchParams;
    expect(q.get('client_id')).toBe(idp.clientId);
    expect(q.get('redirect_uri')).toBe(REDIRECT);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('acr_values')).toBe(LOA3);
    expect(q.get('nonce')).toBeTruthy();
    // state, nonce and the PKCE verifier are kept on the server, not in the browser
    const [flow] = await database.db
      .select()
      .from(oidcFlow)
      .where(eq(oidcFlow.state, q.get('state')!));
    expect(flow?.nonce).toBe(q.get('nonce'));
    expect(flow?.codeVerifier).not.toContain(q.get('code_challenge'));
  });

  it('a good login gives a session for the linked user, without TOTP, audited with method oidc', async () => {
    const { back, cookie } = await throughIdp(SUB, LOA3);
    expect(back.searchParams.get('code')).toBeTruthy();
    const res = await callback(back, cookie);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/');
    const sid = res.cookies.find((c) => c.name === 'ombud_session');
    expect(sid?.value).toBeTruthy();
    expect(sid?.httpOnly).toBe(true);

    const c = new Client(app);
    c.cookie = `ombud_session=${sid!.value}`;
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ userId: linked.id, username: linked.username, mfaDone: true });
    // chef requires TOTP after a password login, but the IdP already did the second factor
    expect((await c.get('/api/v1/verksamheter')).statusCode).toBe(200);

    const ok = (await auditRows('login.ok')).filter((r) => r.detail.method === 'oidc');
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({ user_id: linked.id, username: linked.username });
    expect(ok[0]!.detail.acr).toBe(LOA3);

    // The flow is single use: the same answer cannot log in twice.
    const again = await callback(back, cookie);
    expect(again.statusCode).toBe(401);
  });

  it('refuses a login whose acr is below the required level, and audits it', async () => {
    const before = (await database.db.select().from(session)).length;
    const { back, cookie } = await throughIdp(SUB, LOA2);
    const res = await callback(back, cookie);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/tillitsnivå/);
    expect(res.cookies.find((c) => c.name === 'ombud_session')).toBeUndefined();
    expect((await database.db.select().from(session)).length).toBe(before);
    const failed = (await auditRows('login.failed')).filter((r) => r.detail.reason === 'acr');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.detail).toMatchObject({ method: 'oidc', acr: LOA2, subHash: subjectFingerprint(SUB) });
    expect(JSON.stringify(failed[0])).not.toContain(SUB);
  });

  it('refuses a tampered state, and a callback in a browser that did not start the login', async () => {
    const { back, cookie } = await throughIdp(SUB, LOA3);
    const tampered = new URL(back);
    tampered.searchParams.set('state', `${back.searchParams.get('state')}x`);
    const res = await callback(tampered, cookie);
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.cookies.find((c) => c.name === 'ombud_session')).toBeUndefined();

    const { back: back2 } = await throughIdp(SUB, LOA3);
    const foreign = await callback(back2, undefined);
    expect(foreign.statusCode).toBe(401);

    const { back: back3 } = await throughIdp(SUB, LOA3);
    const swapped = await callback(back3, cookie); // the cookie of another flow
    expect(swapped.statusCode).toBe(401);

    const failed = (await auditRows('login.failed')).filter((r) => r.detail.reason === 'state');
    expect(failed.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an unknown subject with a clear message (no automatic accounts)', async () => {
    const users = await query<{ n: number }>(database.db, sql`select count(*)::int as n from app_user`);
    const { back, cookie } = await throughIdp('someone-not-in-ombud', LOA3);
    const res = await callback(back, cookie);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/inte kopplad till någon användare/);
    expect(res.json().detail).toContain('someone-not-in-ombud'); // so the user can tell the administrator
    const after = await query<{ n: number }>(database.db, sql`select count(*)::int as n from app_user`);
    expect(after[0]!.n).toBe(users[0]!.n);
    const failed = (await auditRows('login.failed')).filter((r) => r.detail.reason === 'unknown_subject');
    expect(failed[0]!.detail.subHash).toBe(subjectFingerprint('someone-not-in-ombud'));
    const log = await query<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where detail::text like '%someone-not-in-ombud%'`,
    );
    expect(log[0]!.n).toBe(0);
  });

  it('refuses a disabled user', async () => {
    const v = await makeVerksamhet(database.db);
    const u = await makeUser(database.db, [{ organisationId: v.id, roll: 'ombud' }]);
    await linkOidcSubject(database.db, u.id, 'idp-subject-disabled', 'test');
    await database.db.execute(sql`update app_user set disabled_at = now() where id = ${u.id}`);
    const { back, cookie } = await throughIdp('idp-subject-disabled', LOA3);
    const res = await callback(back, cookie);
    expect(res.statusCode).toBe(403);
    expect(res.cookies.find((c) => c.name === 'ombud_session')).toBeUndefined();
  });
});

describe('OIDC configuration', () => {
  it('requires LoA 3 unless told otherwise, and is off without an issuer', async () => {
    const cfg = loadConfig({ OIDC_ISSUER: 'https://idp.example.se', OIDC_CLIENT_ID: 'ombud' });
    expect(cfg.oidc?.acrValues).toEqual([CONFIG_LOA3]);
    expect(CONFIG_LOA3).toBe(LOA3);
    expect(cfg.oidc?.allowInsecure).toBe(false);
    expect(loadConfig({}).oidc).toBeUndefined();

    // An unreachable IdP, or an http:// issuer without allowInsecure: 503, nothing half-done.
    const oidc = {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      redirectUri: REDIRECT,
      acrValues: [LOA3],
      allowInsecure: false,
    };
    for (const broken of [oidc, { ...oidc, issuer: 'http://127.0.0.1:9', allowInsecure: true }]) {
      const b = await makeApp(database.db, { oidc: broken });
      try {
        const res = await b.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
        expect(res.statusCode).toBe(503);
        expect(res.headers['content-type']).toContain('application/problem+json');
      } finally {
        await b.close();
      }
    }

    const plain = await makeApp(database.db);
    try {
      const res = await plain.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    } finally {
      await plain.close();
    }
  });
});
