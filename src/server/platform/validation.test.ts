import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../db/client.ts';
import { type Client, loginAs, makeApp, ORIGIN } from '../testing/app.ts';
import { createTestDb, type TestDatabase } from '../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../testing/factories.ts';

/** Bad input is refused with 400 problem+json naming the field, and nothing is written. */
let database: TestDatabase;
let app: FastifyInstance;
let admin: Client;
let verksamhetId: string;

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const ss = await orgId(database.db, 'socialstyrelsen', 'socialstyrelsen');
  const a = await makeUser(database.db, [{ organisationId: ss, roll: 'admin' }]);
  admin = await loginAs(app, a.username);
  verksamhetId = (await makeVerksamhet(database.db)).id;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function counts() {
  const [r] = await query<{ org: number; users: number; ms: number; audit: number }>(
    database.db,
    sql`select (select count(*)::int from organisation) as org, (select count(*)::int from app_user) as users,
               (select count(*)::int from membership) as ms, (select count(*)::int from audit_log) as audit`,
  );
  return r!;
}

const verksamhet = (o: Record<string, unknown> = {}) => ({
  kod: 'po-validering',
  namn: 'PO Validering',
  lanKod: '01',
  kommunKoder: ['0180'],
  ...o,
});

// Validation runs before the service looks anything up, so the faulty bodies need no real organisation.
const someOrg = randomUUID();
const user = (o: Record<string, unknown> = {}, organisationId: string = someOrg) => ({
  username: 'ny.anvandare',
  displayName: 'Ny Användare',
  password: 'ett-langt-losenord',
  medlemskap: [{ organisationId, roll: 'ombud' }],
  ...o,
});

function expectProblem(res: Awaited<ReturnType<Client['post']>>, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json() as {
    title: string;
    status: number;
    detail: string;
    errors: { field: string; label: string }[];
  };
  expect(body.status).toBe(400);
  expect(body.errors.map((e) => e.field)).toContain(field);
  // The detail never holds a machine path (issue 9): the fields by label, or one error's own sentence.
  const own = body.errors.find((e) => e.field === field)! as { label: string; message?: string };
  if (/^\d+ uppgifte?r? behöver rättas: /.test(body.detail)) expect(body.detail).toContain(own.label);
  else expect(body.errors.map((e) => (e as { message?: string }).message)).toEqual([body.detail]);
  return body;
}

describe('bad input', () => {
  it('malformed JSON → 400 naming the body', async () => {
    const before = await counts();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/verksamheter',
      headers: { cookie: admin.cookie!, origin: ORIGIN, 'content-type': 'application/json' },
      payload: '{"kod": "po-x", "namn": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.title).toBe('Ogiltig JSON');
    expect(body.errors).toEqual([{ field: 'body', message: 'Inte giltig JSON.' }]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an unknown field', verksamhet({ hemlig: true }), 'hemlig'],
    ['a wrong-typed field', verksamhet({ kommunKoder: '0180' }), 'kommunKoder'],
    ['a number as text', verksamhet({ giltigFranAr: 'tjugotjugo' }), 'giltigFranAr'],
    ['an over-long string', verksamhet({ namn: 'x'.repeat(201) }), 'namn'],
    ['a bad list element', verksamhet({ kommunKoder: ['0180', '18'] }), 'kommunKoder.1'],
    ['a missing field', { kod: 'po-x', namn: 'X', lanKod: '01' }, 'kommunKoder'],
    ['a bad code', verksamhet({ lanKod: '1' }), 'lanKod'],
  ])('POST /verksamheter with %s → 400, nothing written', async (_name, payload, field) => {
    const before = await counts();
    const res = await admin.post('/api/v1/verksamheter', payload);
    expectProblem(res, field);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an unknown field', user({ isAdmin: true }), 'isAdmin'],
    [
      'an unknown nested field',
      user({ medlemskap: [{ organisationId: someOrg, roll: 'ombud', extra: 1 }] }),
      'medlemskap.0.extra',
    ],
    [
      'an unknown role',
      user({ medlemskap: [{ organisationId: someOrg, roll: 'kung' }] }),
      'medlemskap.0.roll',
    ],
    [
      'a wrong-typed id',
      user({ medlemskap: [{ organisationId: 42, roll: 'ombud' }] }),
      'medlemskap.0.organisationId',
    ],
    ['an over-long name', user({ displayName: 'å'.repeat(201) }), 'displayName'],
    ['a too short password', user({ password: 'kort' }), 'password'],
    ['a common password', user({ password: 'Qwerty123456' }), 'password'],
    ['the username as password', user({ password: 'Ny.Anvandare' }), 'password'],
    ['a bad username', user({ username: 'Stora Bokstäver' }), 'username'],
    ['a wrong-typed email', user({ email: ['a@b.se'] }), 'email'],
  ])('POST /users with %s → 400, nothing written', async (_name, payload, field) => {
    const before = await counts();
    const res = await admin.post('/api/v1/users', payload);
    expectProblem(res, field);
    expect(await counts()).toEqual(before);
  });

  it('PUT /users/:id/password refuses the user’s own username (any case) → 400 naming the password', async () => {
    const u = await makeUser(database.db, [{ organisationId: verksamhetId, roll: 'ombud' }], {
      username: `karin.lindqvist.${Date.now()}`,
    });
    const before = await counts();
    const res = await admin.put(`/api/v1/users/${u.id}/password`, { password: u.username.toUpperCase() });
    expect(expectProblem(res, 'password').errors).toEqual([
      { field: 'password', label: 'Lösenord', message: 'Lösenordet får inte vara samma som användarnamnet.' },
    ]);
    expect(await counts()).toEqual(before);
    expect(
      (await admin.put(`/api/v1/users/${u.id}/password`, { password: 'ett helt annat lösenord' })).statusCode,
    ).toBe(200);
  });

  it('names every unknown field, also several at once', async () => {
    const res = await admin.post('/api/v1/verksamheter', verksamhet({ a: 1, b: 2 }));
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field)).toEqual(['a', 'b']);
    expect(errors[0]!.message).toBe('Uppgiften känns inte igen och ska tas bort.');
  });

  it('messages are Swedish', async () => {
    const res = await admin.post('/api/v1/users', user({ password: 'kort' }));
    const body = res.json() as { title: string; errors: { field: string; message: string }[] };
    expect(body.title).toBe('Ogiltiga uppgifter');
    expect(body.errors.find((e) => e.field === 'password')?.message).toBe(
      'Lösenordet ska ha minst 12 tecken.',
    );
    const common = await admin.post('/api/v1/users', user({ password: 'PASSWORD1234' }));
    expect(common.json().errors).toEqual([
      {
        field: 'password',
        label: 'Lösenord',
        message: 'Lösenordet är för vanligt. Välj ett längre eller ovanligare.',
      },
    ]);
    const long = await admin.post('/api/v1/verksamheter', verksamhet({ namn: 'x'.repeat(201) }));
    expect(long.json().errors[0].message).toMatch(/[Ff]ör (stor|lång)|högst|maximalt|tecken/);
  });

  it('the same bodies without the fault are accepted (the tests above fail on the fault alone)', async () => {
    const before = await counts();
    expect((await admin.post('/api/v1/verksamheter', verksamhet())).statusCode).toBe(201);
    expect((await admin.post('/api/v1/users', user({}, verksamhetId))).statusCode).toBe(201);
    const after = await counts();
    expect(after.org).toBe(before.org + 1);
    expect(after.users).toBe(before.users + 1);
  });
});
