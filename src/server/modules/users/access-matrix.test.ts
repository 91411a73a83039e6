import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arSystemadmin,
  kanAdministreraAnvandare,
  type Principal,
  type Roll,
  verksamheterMed,
} from '../../../domain/access.ts';
import { withTx } from '../../db/client.ts';
import { loadPrincipal } from '../../platform/auth/principal.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import * as repo from './repo.ts';

/**
 * User administration as a matrix: every administering route × callers of every kind × target users of
 * every kind (one verksamhet only, two verksamheter in two län, admin, Socialstyrelsen, Länsstyrelse,
 * aktör). The answer must be exactly what the domain rule (kanAdministreraAnvandare) says: allowed → 2xx,
 * not visible → 404, visible but belonging elsewhere → 403. Then the account-takeover reproductions of
 * the security probe, by hand.
 */
let database: TestDatabase;
let app: FastifyInstance;
let A: { id: string };
let B: { id: string };
let ss: string;
type Roller = Array<{ organisationId: string; roll: Roll }>;
interface Person {
  name: string;
  id: string;
  username: string;
  roller: Roller;
}
const callers: Array<Person & { client: Client; principal: Principal }> = [];
const targets: Person[] = [];

async function person(name: string, roller: Roller): Promise<Person> {
  const u = await makeUser(database.db, roller);
  return { name, id: u.id, username: u.username, roller };
}

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db, { loginRateLimit: 100_000 });
  const db = database.db;
  A = await makeVerksamhet(db, { lanKod: '01', kommuner: ['0180'] });
  B = await makeVerksamhet(db, { lanKod: '03', kommuner: ['0380'] });
  ss = await orgId(db, 'socialstyrelsen', 'socialstyrelsen');
  const lst = await orgId(db, 'lansstyrelse', '01');
  const aktor = await orgId(db, 'aktor', 'forsakringskassan');
  const callerDefs: Array<[string, Roller]> = [
    ['chef A', [{ organisationId: A.id, roll: 'chef' }]],
    ['chef B', [{ organisationId: B.id, roll: 'chef' }]],
    [
      'chef A+B',
      [
        { organisationId: A.id, roll: 'chef' },
        { organisationId: B.id, roll: 'chef' },
      ],
    ],
    ['ombud A', [{ organisationId: A.id, roll: 'ombud' }]],
    ['ledamot A', [{ organisationId: A.id, roll: 'ledamot' }]],
    ['länsstyrelse 01', [{ organisationId: lst, roll: 'lansstyrelse' }]],
    ['socialstyrelsen', [{ organisationId: ss, roll: 'socialstyrelsen' }]],
    ['aktör', [{ organisationId: aktor, roll: 'aktor' }]],
    ['admin', [{ organisationId: ss, roll: 'admin' }]],
  ];
  for (const [name, roller] of callerDefs) {
    const p = await person(name, roller);
    const principal = (await withTx(db, {}, (tx) => loadPrincipal(tx, p.id)))!;
    callers.push({ ...p, principal, client: await loginAs(app, p.username) });
  }
  const targetDefs: Array<[string, Roller]> = [
    ['ombud i A', [{ organisationId: A.id, roll: 'ombud' }]],
    ['ombud i B', [{ organisationId: B.id, roll: 'ombud' }]],
    [
      'ombud i A, ledamot i B',
      [
        { organisationId: A.id, roll: 'ombud' },
        { organisationId: B.id, roll: 'ledamot' },
      ],
    ],
    [
      'chef i A och B',
      [
        { organisationId: A.id, roll: 'chef' },
        { organisationId: B.id, roll: 'chef' },
      ],
    ],
    ['admin', [{ organisationId: ss, roll: 'admin' }]],
    [
      'admin med ledamotsroll i A',
      [
        { organisationId: ss, roll: 'admin' },
        { organisationId: A.id, roll: 'ledamot' },
      ],
    ],
    ['socialstyrelsen', [{ organisationId: ss, roll: 'socialstyrelsen' }]],
    ['länsstyrelse', [{ organisationId: lst, roll: 'lansstyrelse' }]],
    [
      'aktör med ombudsroll i A',
      [
        { organisationId: aktor, roll: 'aktor' },
        { organisationId: A.id, roll: 'ombud' },
      ],
    ],
  ];
  for (const [name, roller] of targetDefs) targets.push(await person(name, roller));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const ok = (s: number) => s >= 200 && s < 300;

/**
 * What the rule says, as the status the API must answer: 404 for a user — or a role in an organisation —
 * the caller may not even see, 403 for what they see but may not change, 409 for a role already held.
 */
function expectedStatus(
  p: Principal,
  t: Person,
  atgard: 'hantera' | 'ge_roll' | 'ta_bort_roll',
  roll?: { organisationId: string; roll: Roll },
) {
  const mal = { userId: t.id, medlemskap: t.roller };
  if (!kanAdministreraAnvandare(p, 'se', mal)) return 404;
  if (kanAdministreraAnvandare(p, atgard, mal, roll)) {
    const held = t.roller.some((r) => r.organisationId === roll?.organisationId && r.roll === roll.roll);
    return atgard === 'ge_roll' && held ? 409 : 200;
  }
  if (roll && !arSystemadmin(p) && !verksamheterMed(p, 'user:admin').includes(roll.organisationId))
    return 404;
  return 403;
}

describe('user administration matrix', () => {
  it('caller × target × operation: the API answers exactly what the rule says', {
    timeout: 120_000,
  }, async () => {
    const wrong: string[] = [];
    let rows = 0;
    let allowed = 0;
    const check = (line: string, got: number, want: number) => {
      rows++;
      if (ok(got)) allowed++;
      // An allow where the rule says no is the failure that matters; a 403/404 mix-up is reported too.
      if (ok(got) !== (want === 200) || (!ok(got) && got !== want))
        wrong.push(`${line}: ${got}, expected ${want}`);
    };
    for (const c of callers) {
      const listed = await c.client.get('/api/v1/users');
      const visible = new Set<string>(
        ok(listed.statusCode) ? (listed.json().items as Array<{ id: string }>).map((u) => u.id) : [],
      );
      for (const t of targets) {
        const mal = { userId: t.id, medlemskap: t.roller };
        const who = `${c.name} → ${t.name}`;
        rows++;
        if (visible.has(t.id) !== kanAdministreraAnvandare(c.principal, 'se', mal))
          wrong.push(`${who}: listed ${visible.has(t.id)}`);

        const pw = await c.client.put(`/api/v1/users/${t.id}/password`, {
          password: 'ett långt nytt lösenord 42',
        });
        check(`${who}: PUT password`, pw.statusCode, expectedStatus(c.principal, t, 'hantera'));

        const dis = await c.client.post(`/api/v1/users/${t.id}/disable`);
        check(`${who}: disable`, dis.statusCode, expectedStatus(c.principal, t, 'hantera'));
        if (ok(dis.statusCode)) await repo.setDisabled(database.db, t.id, false);
        const en = await c.client.post(`/api/v1/users/${t.id}/enable`);
        check(`${who}: enable`, en.statusCode, expectedStatus(c.principal, t, 'hantera'));

        const give = { organisationId: A.id, roll: 'ledamot' as const };
        const add = await c.client.post(`/api/v1/users/${t.id}/medlemskap`, give);
        check(`${who}: add ledamot in A`, add.statusCode, expectedStatus(c.principal, t, 'ge_roll', give));
        if (ok(add.statusCode)) {
          const [m] = (await repo.membershipsOf(database.db, [t.id])).filter(
            (x) =>
              x.organisationId === A.id &&
              x.roll === 'ledamot' &&
              !t.roller.some((r) => r.organisationId === A.id && r.roll === 'ledamot'),
          );
          if (m) await repo.deleteMembership(database.db, m.id);
        }

        for (const r of t.roller) {
          const [m] = (await repo.membershipsOf(database.db, [t.id])).filter(
            (x) => x.organisationId === r.organisationId && x.roll === r.roll,
          );
          const del = await c.client.delete(`/api/v1/users/${t.id}/medlemskap/${m!.id}`);
          check(
            `${who}: remove ${r.roll}`,
            del.statusCode,
            expectedStatus(c.principal, t, 'ta_bort_roll', r),
          );
          if (ok(del.statusCode)) await repo.insertMembership(database.db, { userId: t.id, ...r });
        }
      }
    }
    console.log(`user administration matrix: ${rows} rows, ${allowed} allowed, ${wrong.length} unexpected`);
    expect(wrong).toEqual([]);
    // Not vacuous: the rule does allow some things (a chef managing their own ombud, the admin everything).
    expect(allowed).toBeGreaterThan(20);
  });
});

describe('the account-takeover reproductions (security probe) are refused', () => {
  const byName = (n: string) => targets.find((t) => t.name === n)!;
  const caller = (n: string) => callers.find((c) => c.name === n)!;

  it('a second chef of B cannot reset the password of a chef who is also chef of A', async () => {
    const res = await caller('chef B').client.put(`/api/v1/users/${byName('chef i A och B').id}/password`, {
      password: 'ett långt nytt lösenord 42',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/andra organisationer/);
  });

  it('a chef cannot give the admin a role, nor reset or disable the admin', async () => {
    const chef = caller('chef A').client;
    const adminId = byName('admin').id;
    expect(
      (await chef.post(`/api/v1/users/${adminId}/medlemskap`, { organisationId: A.id, roll: 'ledamot' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await chef.put(`/api/v1/users/${adminId}/password`, { password: 'ett långt nytt lösenord 42' }))
        .statusCode,
    ).toBe(404);
    expect((await chef.post(`/api/v1/users/${adminId}/disable`)).statusCode).toBe(404);
    // Even an admin who happens to sit in the ledningsgrupp of A is out of the chef's reach.
    const inA = byName('admin med ledamotsroll i A').id;
    expect(
      (await chef.put(`/api/v1/users/${inA}/password`, { password: 'ett långt nytt lösenord 42' }))
        .statusCode,
    ).toBe(403);
  });

  it('a chef cannot pull an ombud of another verksamhet in by giving them a role', async () => {
    const res = await caller('chef A').client.post(`/api/v1/users/${byName('ombud i B').id}/medlemskap`, {
      organisationId: A.id,
      roll: 'ledamot',
    });
    expect(res.statusCode).toBe(404);
    const roles = await repo.membershipsOf(database.db, [byName('ombud i B').id]);
    expect(roles.map((r) => r.organisationId)).toEqual([B.id]);
  });

  it('a chef cannot disable a Länsstyrelse user, nor give a chef role elsewhere', async () => {
    const chef = caller('chef A').client;
    expect((await chef.post(`/api/v1/users/${byName('länsstyrelse').id}/disable`)).statusCode).toBe(404);
    const res = await chef.post(`/api/v1/users/${byName('ombud i A').id}/medlemskap`, {
      organisationId: B.id,
      roll: 'chef',
    });
    expect(res.statusCode).toBe(404);
  });

  it('the user list tells a chef which accounts they may manage, and shows only their own roles', async () => {
    const list = (await caller('chef A').client.get('/api/v1/users')).json().items as Array<{
      id: string;
      kanHantera: boolean;
      medlemskap: Array<{ organisationId: string }>;
    }>;
    const row = (n: string) => list.find((u) => u.id === byName(n).id);
    expect(row('ombud i A')?.kanHantera).toBe(true);
    expect(row('ombud i A, ledamot i B')?.kanHantera).toBe(false);
    expect(row('ombud i A, ledamot i B')?.medlemskap.map((m) => m.organisationId)).toEqual([A.id]);
    expect(row('ombud i B')).toBeUndefined();
    expect(row('admin')).toBeUndefined();
  });
});
