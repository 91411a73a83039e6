import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/client.ts';
import { createApiToken } from '../../platform/auth/service.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';

/**
 * What the CLI does for a user's login (API tokens, TOTP reset, OIDC link), from the web while the server
 * runs: an administrator only (a chef of the user's own verksamhet gets 403), 404 for an unknown user or a
 * token of someone else, every change audited with the acting admin's id and address.
 */
let database: TestDatabase;
let app: FastifyInstance;
let admin: { id: string; username: string };
let adminClient: Client;
let chefClient: Client;
let ombudClient: Client;
let verksamhetId: string;

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db, { loginRateLimit: 100_000 });
  const v = await makeVerksamhet(database.db);
  verksamhetId = v.id;
  const ss = await orgId(database.db, 'socialstyrelsen', 'socialstyrelsen');
  admin = await makeUser(database.db, [{ organisationId: ss, roll: 'admin' }]);
  const chef = await makeUser(database.db, [{ organisationId: v.id, roll: 'chef' }]);
  const ombud = await makeUser(database.db, [{ organisationId: v.id, roll: 'ombud' }]);
  adminClient = await loginAs(app, admin.username);
  chefClient = await loginAs(app, chef.username);
  ombudClient = await loginAs(app, ombud.username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const target = () => makeUser(database.db, [{ organisationId: verksamhetId, roll: 'ombud' }]);
const bearer = (token: string) =>
  app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
const tokenId = async (userId: string, namn: string) =>
  (
    await query<{ id: string }>(
      database.db,
      sql`select id from api_token where user_id = ${userId} and namn = ${namn}`,
    )
  )[0]!.id;
const auditOf = (action: string, resourceId: string) =>
  query<{ user_id: string | null; username: string; ip: string | null; detail: unknown }>(
    database.db,
    sql`select user_id, username, ip, detail from audit_log
        where action = ${action} and resource_id = ${resourceId} order by id`,
  );

describe('API tokens of a user', () => {
  it('an admin lists them (never the secret) and revokes one: it stops working at once, audited', async () => {
    const u = await target();
    const token = await createApiToken(database.db, u.id, 'integration', 'cli:test');
    await createApiToken(database.db, u.id, 'annan', 'cli:test');
    const list = await adminClient.get(`/api/v1/users/${u.id}/tokens`);
    expect(list.statusCode).toBe(200);
    expect(list.json().map((t: { namn: string }) => t.namn)).toEqual(['integration', 'annan']);
    expect(Object.keys(list.json()[0]).sort()).toEqual(
      ['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'namn', 'revokedAt'].sort(),
    );
    expect(list.body).not.toContain(token);

    expect((await bearer(token)).statusCode).toBe(200);
    const id = await tokenId(u.id, 'integration');
    const revoked = await adminClient.post(`/api/v1/users/${u.id}/tokens/${id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect((await bearer(token)).statusCode).toBe(401);
    const after = await adminClient.get(`/api/v1/users/${u.id}/tokens`);
    expect(after.json().find((t: { id: string }) => t.id === id).revokedAt).not.toBeNull();
    const [entry] = await auditOf('token.revoked', id);
    expect(entry).toMatchObject({ user_id: admin.id, username: admin.username, detail: { forUser: u.id } });
    expect(entry!.ip).toBeTruthy();

    // Once only; and a token is revoked only through its own user's path.
    expect((await adminClient.post(`/api/v1/users/${u.id}/tokens/${id}/revoke`)).statusCode).toBe(404);
    const other = await target();
    const otherToken = await createApiToken(database.db, other.id, 'annan', 'cli:test');
    const otherId = await tokenId(other.id, 'annan');
    expect((await adminClient.post(`/api/v1/users/${u.id}/tokens/${otherId}/revoke`)).statusCode).toBe(404);
    expect((await bearer(otherToken)).statusCode).toBe(200);
  });
});

describe('TOTP reset', () => {
  it("ends the user's sessions and removes the second factor, audited; not for oneself", async () => {
    const u = await target();
    await database.db.execute(
      sql`update app_user set totp_enabled = true, totp_last_step = 1 where id = ${u.id}`,
    );
    const session = await loginAs(app, u.username);
    const res = await adminClient.post(`/api/v1/users/${u.id}/totp-reset`);
    expect(res.statusCode).toBe(200);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    const [row] = await query<{ totp_enabled: boolean }>(
      database.db,
      sql`select totp_enabled from app_user where id = ${u.id}`,
    );
    expect(row!.totp_enabled).toBe(false);
    expect(await auditOf('user.totp_reset', u.id)).toEqual([
      expect.objectContaining({ user_id: admin.id, username: admin.username }),
    ]);

    const self = await adminClient.post(`/api/v1/users/${admin.id}/totp-reset`);
    expect(self.statusCode).toBe(400);
    expect(self.json().detail).toContain('egen tvåstegsverifiering');
    expect((await adminClient.get('/api/v1/me')).statusCode).toBe(200);
  });
});

describe('OIDC link', () => {
  it('an admin links, reads and unlinks the subject (unlinking ends sessions); a taken subject is 409', async () => {
    const u = await target();
    const sub = `sub-${u.id}`;
    expect((await adminClient.get(`/api/v1/users/${u.id}/oidc`)).json()).toEqual({ subject: null });
    expect((await adminClient.put(`/api/v1/users/${u.id}/oidc`, { subject: sub })).statusCode).toBe(200);
    expect((await adminClient.get(`/api/v1/users/${u.id}/oidc`)).json()).toEqual({ subject: sub });
    expect(await auditOf('user.oidc_linked', u.id)).toEqual([
      expect.objectContaining({ user_id: admin.id, username: admin.username }),
    ]);

    const other = await target();
    const taken = await adminClient.put(`/api/v1/users/${other.id}/oidc`, { subject: sub });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().detail).toContain(u.username);
    const extra = await adminClient.put(`/api/v1/users/${other.id}/oidc`, { subject: 'x', roll: 'admin' });
    expect(extra.statusCode).toBe(400);
    expect((await adminClient.put(`/api/v1/users/${other.id}/oidc`, { subject: '  ' })).statusCode).toBe(400);

    const session = await loginAs(app, u.username);
    expect((await adminClient.delete(`/api/v1/users/${u.id}/oidc`)).statusCode).toBe(200);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    expect((await adminClient.get(`/api/v1/users/${u.id}/oidc`)).json()).toEqual({ subject: null });
    expect(await auditOf('user.oidc_unlinked', u.id)).toEqual([
      expect.objectContaining({ user_id: admin.id, username: admin.username }),
    ]);
  });
});

describe('who may', () => {
  it("only an admin: the user's own chef gets 403, an ombud is refused, an unknown user is 404", async () => {
    const u = await target();
    const token = await createApiToken(database.db, u.id, 'kvar', 'cli:test');
    const id = await tokenId(u.id, 'kvar');
    const calls: Array<(c: Client) => ReturnType<Client['get']>> = [
      (c) => c.get(`/api/v1/users/${u.id}/tokens`),
      (c) => c.post(`/api/v1/users/${u.id}/tokens/${id}/revoke`),
      (c) => c.post(`/api/v1/users/${u.id}/totp-reset`),
      (c) => c.get(`/api/v1/users/${u.id}/oidc`),
      (c) => c.put(`/api/v1/users/${u.id}/oidc`, { subject: `sub-${u.id}` }),
      (c) => c.delete(`/api/v1/users/${u.id}/oidc`),
    ];
    for (const call of calls) {
      const chef = await call(chefClient);
      expect(chef.statusCode).toBe(403);
      expect(chef.json().detail).toContain('Bara en administratör');
      expect((await call(ombudClient)).statusCode).toBeGreaterThanOrEqual(403);
    }
    expect((await bearer(token)).statusCode).toBe(200);
    const [row] = await query<{ oidc_subject: string | null }>(
      database.db,
      sql`select oidc_subject from app_user where id = ${u.id}`,
    );
    expect(row!.oidc_subject).toBeNull();

    const unknown = '00000000-0000-4000-8000-000000000001';
    expect((await adminClient.get(`/api/v1/users/${unknown}/tokens`)).statusCode).toBe(404);
    expect((await adminClient.post(`/api/v1/users/${unknown}/totp-reset`)).statusCode).toBe(404);
    expect((await adminClient.put(`/api/v1/users/${unknown}/oidc`, { subject: 'x' })).statusCode).toBe(404);
  });
});
