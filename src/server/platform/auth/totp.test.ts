import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { generate, generateSecret } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/client.ts';
import { Client, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, TEST_PASSWORD } from '../../testing/factories.ts';
import { decryptField, isEncrypted } from '../field-crypto.ts';
import { resetTotp } from './service.ts';

let database: TestDatabase;
let app: FastifyInstance;
let verksamhetId: string;
beforeAll(async () => {
  database = await createTestDb();
  // chef must use TOTP; ombud may choose to
  app = await makeApp(database.db, { totpRequiredRoles: ['chef'], lockoutThreshold: 3 });
  verksamhetId = (await makeVerksamhet(database.db)).id;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function withTotp(roll: 'ombud' | 'chef' = 'ombud') {
  const u = await makeUser(database.db, [{ organisationId: verksamhetId, roll }]);
  const secret = generateSecret();
  await database.db.execute(
    sql`update app_user set totp_secret = ${secret}, totp_enabled = true where id = ${u.id}`,
  );
  return { ...u, secret };
}

async function login(username: string) {
  const c = new Client(app);
  const res = await c.post('/api/v1/auth/login', { username, password: TEST_PASSWORD });
  expect(res.statusCode).toBe(200);
  return { c, mfa: res.json().mfa as string };
}

/** A code that is certainly wrong now (not one of the codes in the accepted window). */
async function wrongCode(secret: string) {
  const near = new Set<string>();
  for (const dt of [-60, -30, 0, 30, 60])
    near.add(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + dt }));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

describe('TOTP', () => {
  it('a user with TOTP gets mfa "verify" and reaches nothing but session routes until a valid code', async () => {
    const u = await withTotp();
    const { c, mfa } = await login(u.username);
    expect(mfa).toBe('verify');
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().mfaDone).toBe(false);
    const blocked = await c.get('/api/v1/verksamheter');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.headers['content-type']).toContain('application/problem+json');

    const bad = await c.post('/api/v1/auth/totp/verify', { code: await wrongCode(u.secret) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('code');
    expect((await c.get('/api/v1/verksamheter')).statusCode).toBe(401);

    const malformed = await c.post('/api/v1/auth/totp/verify', { code: '12ab' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('code');

    const good = await c.post('/api/v1/auth/totp/verify', { code: await generate({ secret: u.secret }) });
    expect(good.statusCode).toBe(200);
    expect((await c.get('/api/v1/verksamheter')).statusCode).toBe(200);
    expect((await c.get('/api/v1/me')).json().mfaDone).toBe(true);

    const actions = await query<{ action: string }>(
      database.db,
      sql`select action from audit_log where username = ${u.username} order by id`,
    );
    // the malformed code never reached the check (the schema refused it)
    expect(actions.map((a) => a.action)).toEqual(['login.ok', 'login.totp_failed', 'login.totp_ok']);
  });

  it('cannot start a new enrolment while the existing factor is owed', async () => {
    const u = await withTotp();
    const { c } = await login(u.username);
    const res = await c.post('/api/v1/auth/totp/setup');
    expect(res.statusCode).toBe(401);
    const [row] = await query<{ totp_secret: string; totp_enabled: boolean }>(
      database.db,
      sql`select totp_secret, totp_enabled from app_user where id = ${u.id}`,
    );
    expect(row).toEqual({ totp_secret: u.secret, totp_enabled: true });
  });

  it('a role in totpRequiredRoles forces enrolment ("enroll") before anything else', async () => {
    const u = await makeUser(database.db, [{ organisationId: verksamhetId, roll: 'chef' }]);
    const { c, mfa } = await login(u.username);
    expect(mfa).toBe('enroll');
    expect((await c.get('/api/v1/users')).statusCode).toBe(401);
    const setup = await c.post('/api/v1/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, uri } = setup.json() as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\/Ombud:/);
    expect(uri).toContain(`secret=${secret}`);
    expect((await c.post('/api/v1/auth/totp/verify', { code: await generate({ secret }) })).statusCode).toBe(
      200,
    );
    expect((await c.get('/api/v1/users')).statusCode).toBe(200);
    expect((await c.get('/api/v1/me')).json().totpEnabled).toBe(true);
    // from now on a code is asked for at every login
    expect((await login(u.username)).mfa).toBe('verify');
  });

  it('a code is accepted once: replaying it at a second login is refused', async () => {
    const u = await withTotp();
    const code = await generate({ secret: u.secret });
    const first = await login(u.username);
    expect((await first.c.post('/api/v1/auth/totp/verify', { code })).statusCode).toBe(200);
    const second = await login(u.username);
    const replay = await second.c.post('/api/v1/auth/totp/verify', { code });
    expect(replay.statusCode).toBe(400);
    expect((await second.c.get('/api/v1/verksamheter')).statusCode).toBe(401);
  });

  it('a new enrolment leaves the working factor in force until a code from the new secret is verified', async () => {
    const u = await withTotp();
    const { c } = await login(u.username);
    expect(
      (await c.post('/api/v1/auth/totp/verify', { code: await generate({ secret: u.secret }) })).statusCode,
    ).toBe(200);
    const setup = await c.post('/api/v1/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const fresh = (setup.json() as { secret: string }).secret;
    const [before] = await query<{ totp_secret: string; totp_enabled: boolean }>(
      database.db,
      sql`select totp_secret, totp_enabled from app_user where id = ${u.id}`,
    );
    expect({ ...before, totp_secret: decryptField(before!.totp_secret) }).toEqual({
      totp_secret: u.secret,
      totp_enabled: true,
    });
    // The new secret takes over only once proven.
    const next = await login(u.username);
    expect(next.mfa).toBe('verify');
    expect(
      (await next.c.post('/api/v1/auth/totp/verify', { code: await generate({ secret: fresh }) })).statusCode,
    ).toBe(200);
    const [after] = await query<{ totp_secret: string; totp_pending_secret: string | null }>(
      database.db,
      sql`select totp_secret, totp_pending_secret from app_user where id = ${u.id}`,
    );
    expect(after!.totp_pending_secret).toBeNull();
    // Stored encrypted (a copied database yields no working second factor), read back with the key.
    expect(isEncrypted(after!.totp_secret)).toBe(true);
    expect(after!.totp_secret).not.toContain(fresh);
    expect(decryptField(after!.totp_secret)).toBe(fresh);
  });

  it('other roles are not forced', async () => {
    const u = await makeUser(database.db, [{ organisationId: verksamhetId, roll: 'ombud' }]);
    expect((await login(u.username)).mfa).toBe('none');
  });

  it('guessing codes locks the second factor and ends the session at the lockout threshold', async () => {
    const u = await withTotp();
    const { c } = await login(u.username);
    const wrong = await wrongCode(u.secret);
    expect((await c.post('/api/v1/auth/totp/verify', { code: wrong })).statusCode).toBe(400);
    expect((await c.post('/api/v1/auth/totp/verify', { code: wrong })).statusCode).toBe(400);
    const third = await c.post('/api/v1/auth/totp/verify', { code: wrong });
    expect(third.statusCode).toBe(429);
    // the session is gone: not even the right code helps now
    const late = await c.post('/api/v1/auth/totp/verify', { code: await generate({ secret: u.secret }) });
    expect(late.statusCode).toBe(401);
    // A new login with the password gets as far as the code (the lock is no password lock that anyone could
    // set off), but while the lock lasts not even the right code is accepted, and that session ends too.
    const again = await login(u.username);
    expect(again.mfa).toBe('verify');
    const locked = await again.c.post('/api/v1/auth/totp/verify', {
      code: await generate({ secret: u.secret }),
    });
    expect(locked.statusCode).toBe(429);
    expect((await again.c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('an operator can reset a lost authenticator: sessions end, a required role enrols again', async () => {
    const u = await withTotp('chef');
    const { c } = await login(u.username);
    await resetTotp(database.db, u.id, 'cli:test');
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(u.username)).mfa).toBe('enroll');
    const o = await withTotp('ombud');
    await resetTotp(database.db, o.id, 'cli:test');
    expect((await login(o.username)).mfa).toBe('none');
  });
});
