import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, type Action, can, type Principal, type Resource } from '../domain/access.ts';
import { withTx } from './db/client.ts';
import { loadPrincipal } from './platform/auth/principal.ts';
import { createSession } from './platform/auth/sessions.ts';
import { ORIGIN, testConfig } from './testing/app.ts';
import { createTestDb, type TestDatabase } from './testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from './testing/factories.ts';
import { type CollectedRoute, makeAppWithRoutes, permissionOf } from './testing/routes.ts';

/**
 * The route walk: every /api/v1 route that exists when this runs (whoever added it) must declare a
 * permission, and no role may get a 2xx from a route pointed at verksamhet A's resources unless the access
 * policy (`can`) allows that role the route's permission on A (or on the nation/system). Anonymous callers
 * get 401 everywhere but on public routes.
 */
let database: TestDatabase;
let app: FastifyInstance;
let routes: CollectedRoute[];

interface Caller {
  name: string;
  userId?: string;
  principal?: Principal;
}
const callers: Caller[] = [];
let A: { id: string; lanKod: string };
let world: Resource[];
let resourceA: Resource;
let lanA: Resource;

const SPECIAL = new Set(['public', 'session', 'authenticated']);
const KNOWN_ACTIONS = new Set<string>(ACTIONS);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

beforeAll(async () => {
  database = await createTestDb();
  ({ app, routes } = await makeAppWithRoutes(database.db, { loginRateLimit: 100_000 }));
  const db = database.db;
  A = await makeVerksamhet(db, { lanKod: '01', kommuner: ['0180'] });
  const B = await makeVerksamhet(db, { lanKod: '03', kommuner: ['0380'] });
  const ss = await orgId(db, 'socialstyrelsen', 'socialstyrelsen');
  const aktorOrg = await orgId(db, 'aktor', 'forsakringskassan');
  const people: Array<[string, string, Parameters<typeof makeUser>[1][number]['roll']]> = [
    ['ombud A', A.id, 'ombud'],
    ['chef A', A.id, 'chef'],
    ['ledamot A', A.id, 'ledamot'],
    ['ombud B', B.id, 'ombud'],
    ['chef B', B.id, 'chef'],
    ['länsstyrelse 01 (A:s län)', await orgId(db, 'lansstyrelse', '01'), 'lansstyrelse'],
    ['länsstyrelse 03 (annat län)', await orgId(db, 'lansstyrelse', '03'), 'lansstyrelse'],
    ['socialstyrelsen', ss, 'socialstyrelsen'],
    ['aktör', aktorOrg, 'aktor'],
    ['admin', ss, 'admin'],
  ];
  for (const [name, organisationId, roll] of people) {
    const u = await makeUser(db, [{ organisationId, roll }]);
    const principal = (await withTx(db, {}, (tx) => loadPrincipal(tx, u.id)))!;
    callers.push({ name, userId: u.id, principal });
  }
  callers.push({ name: 'anonym' });
  resourceA = { typ: 'verksamhet', id: A.id, lanKod: A.lanKod };
  lanA = { typ: 'lan', lanKod: A.lanKod };
  world = [
    resourceA,
    { typ: 'verksamhet', id: B.id, lanKod: B.lanKod },
    lanA,
    { typ: 'lan', lanKod: B.lanKod },
    { typ: 'nation' },
    { typ: 'system' },
    { typ: 'aktor', id: aktorOrg },
  ];
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const apiRoutes = () => routes.filter((r) => r.url.startsWith('/api/v1'));

/**
 * The path to call and the resource it points at: verksamhet ids are A's, a län code is A's län; other ids
 * are random. A route with no pointer to A lists or acts on the caller's own scope, so any resource the
 * caller may act on counts ('any').
 */
function target(url: string): { path: string; resource: Resource | 'any' } {
  let resource: Resource | 'any' = 'any';
  const path = url.replace(/:(\w+)(\([^)]*\))?/g, (_m, name: string) => {
    if (name === 'id' || name === 'verksamhetId') {
      resource = resourceA;
      return A.id;
    }
    if (name === 'lanKod') {
      if (resource === 'any') resource = lanA;
      return A.lanKod;
    }
    if (name === 'ar' || name === 'year') return String(new Date().getFullYear() - 1);
    if (name === 'kommunKod') return '0180';
    return randomUUID();
  });
  return { path, resource };
}

/**
 * Allowed when the policy grants the route's permission on what the call points at — or on the nation or
 * the system as a whole (a national right, e.g. grant:admin, covers each län's part of it).
 */
function expectedAllowed(p: Principal, permission: string, resource: Resource | 'any'): boolean {
  if (SPECIAL.has(permission)) return true;
  const action = permission as Action;
  const scope: Resource[] = resource === 'any' ? world : [resource, { typ: 'nation' }, { typ: 'system' }];
  return scope.some((r) => can(p, action, r));
}

/** Fully authenticated sessions, renewed after every unsafe call (which might have ended them). */
const sessions = new Map<string, string>();
async function cookieFor(userId: string): Promise<string> {
  const known = sessions.get(userId);
  if (known) return known;
  const cfg = testConfig();
  const s = await withTx(database.db, {}, (tx) =>
    createSession(tx, userId, true, {
      idleMinutes: cfg.sessionIdleMinutes,
      absoluteHours: cfg.sessionAbsoluteHours,
    }),
  );
  const cookie = `ombud_session=${s.id}`;
  sessions.set(userId, cookie);
  return cookie;
}

describe('route walk', () => {
  it('every /api/v1 route declares a known permission', () => {
    const all = apiRoutes();
    expect(all.length).toBeGreaterThan(20);
    const missing = all.filter((r) => !permissionOf(r)).map((r) => `${r.method} ${r.url}`);
    expect(missing, 'routes without config.permission').toEqual([]);
    const unknown = all
      .filter((r) => !SPECIAL.has(permissionOf(r)!) && !KNOWN_ACTIONS.has(permissionOf(r)!))
      .map((r) => `${r.method} ${r.url}: ${permissionOf(r)}`);
    expect(unknown, 'permissions that are neither special nor a known Action').toEqual([]);
  });

  it('role × route × own/foreign organisation: no unexpected allow, anonymous 401 but on public routes', {
    timeout: 300_000,
  }, async () => {
    const walk = apiRoutes().filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
    const unexpected: string[] = [];
    const anonymous: string[] = [];
    const crashes: string[] = [];
    const status = new Map<string, number>();
    for (const route of walk) {
      const permission = permissionOf(route)!;
      const { path, resource } = target(route.url);
      for (const who of callers) {
        const headers: Record<string, string> = { origin: ORIGIN };
        if (who.userId) headers.cookie = await cookieFor(who.userId);
        const res = await app.inject({
          method: route.method as 'GET',
          url: path,
          headers,
          ...(UNSAFE.has(route.method) && route.method !== 'DELETE' ? { payload: {} } : {}),
        });
        if (who.userId && UNSAFE.has(route.method)) sessions.delete(who.userId);
        const line = `${who.name}: ${route.method} ${route.url} [${permission}] → ${res.statusCode}`;
        status.set(`${who.name} ${route.method} ${route.url}`, res.statusCode);
        if (res.statusCode >= 500) crashes.push(`${line} ${res.body.slice(0, 200)}`);
        const allowed = res.statusCode >= 200 && res.statusCode < 300;
        if (!who.principal) {
          if (permission !== 'public' && res.statusCode !== 401) anonymous.push(line);
        } else if (allowed && !expectedAllowed(who.principal, permission, resource)) {
          unexpected.push(line);
        }
      }
    }
    expect(unexpected, 'a role got through where the policy says no').toEqual([]);
    expect(anonymous, 'anonymous calls not answered 401').toEqual([]);
    expect(crashes, 'routes that crashed (5xx) on this input').toEqual([]);

    // The walk reaches data where the policy says yes (so the checks above are not vacuous).
    const get = (who: string, url: string) => status.get(`${who} GET /api/v1${url}`);
    expect(get('chef A', '/verksamheter/:id')).toBe(200);
    expect(get('ombud A', '/verksamheter/:id')).toBe(200);
    expect(get('länsstyrelse 01 (A:s län)', '/verksamheter/:id')).toBe(200);
    expect(get('admin', '/verksamheter/:id')).toBe(200);
    expect(get('ombud B', '/verksamheter/:id')).toBe(404);
    expect(get('länsstyrelse 03 (annat län)', '/verksamheter/:id')).toBe(404);
    expect(get('aktör', '/verksamheter/:id')).toBe(404);
    expect(get('länsstyrelse 01 (A:s län)', '/lan/:lanKod')).toBe(200);
    expect(get('länsstyrelse 03 (annat län)', '/lan/:lanKod')).not.toBe(200);
    expect(get('anonym', '/me')).toBe(401);
    const reached = [...status.values()].filter((s) => s >= 200 && s < 300).length;
    expect(reached).toBeGreaterThan(walk.length);
  });
});
