// The user list as a list that scales (issue 10): filters, sort orders and paging agree with SQL written by
// hand; a chef sees only the users of the own verksamheter, whatever the filters say; the export holds
// exactly the filtered users and is audited; bad filters are refused in words.
import { parse as parseCsv } from 'csv-parse/sync';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_SORT, type UserItem, type UserSort } from '../../../contracts/users.ts';
import type { Roll } from '../../../domain/access.ts';
import { query } from '../../db/client.ts';
import { loadExcelJs } from '../../platform/documents/libraries.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';

let database: TestDatabase;
let app: FastifyInstance;
let A: string;
let B: string;
let SS: string;
let admin: Client;
let chefA: Client;

const NAMN = ['Åsa Öberg', 'anna Berg', 'Bertil Ek', 'Örjan Al', 'Cecilia Dahl', 'david Berg', 'Eva Lund'];

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  A = (await makeVerksamhet(db, { kommuner: ['0180'], namn: 'PO Alfa' })).id;
  B = (await makeVerksamhet(db, { kommuner: ['0184'], namn: 'PO Beta' })).id;
  SS = await orgId(db, 'socialstyrelsen', 'socialstyrelsen');
  admin = await loginAs(app, (await makeUser(db, [{ organisationId: SS, roll: 'admin' }])).username);
  const c = await makeUser(db, [{ organisationId: A, roll: 'chef' }]);
  chefA = await loginAs(app, c.username);
  await query(db, sql`update app_user set display_name = 'Chef Alfa' where id = ${c.id}`);

  // 28 users: ombud, ledamöter and chefs in A, in B, in both; every third disabled; names of mixed case.
  const roller: Array<Array<{ organisationId: string; roll: Roll }>> = [
    [{ organisationId: A, roll: 'ombud' }],
    [{ organisationId: B, roll: 'ombud' }],
    [
      { organisationId: A, roll: 'ledamot' },
      { organisationId: B, roll: 'chef' },
    ],
    [{ organisationId: B, roll: 'ledamot' }],
  ];
  for (let i = 0; i < 28; i++) {
    const u = await makeUser(db, roller[i % 4]!, { username: `anv${String(i).padStart(2, '0')}x${i % 3}` });
    await query(
      db,
      sql`update app_user set display_name = ${`${NAMN[i % NAMN.length]} ${i % 5}`},
          disabled_at = ${i % 3 === 0 ? sql`now()` : sql`null`} where id = ${u.id}`,
    );
  }
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

interface Urval {
  organisationId?: string;
  roll?: Roll;
  status?: 'aktiv' | 'avstangd';
  q?: string;
}

/** The same selection by hand: which users, in which order, for a caller who sees `scope` (null = all). */
async function forvantat(u: Urval, scope: string[] | null, sort: UserSort = 'namn'): Promise<string[]> {
  const iScope = scope ? sql` and m.organisation_id = any(${sql.param(scope)}::uuid[])` : sql``;
  const c: SQL[] = [sql`true`];
  if (scope) c.push(sql`exists (select 1 from membership m where m.user_id = u.id${iScope})`);
  if (u.organisationId || u.roll)
    c.push(sql`exists (select 1 from membership m where m.user_id = u.id${iScope}
        ${u.organisationId ? sql` and m.organisation_id = ${u.organisationId}` : sql``}
        ${u.roll ? sql` and m.roll = ${u.roll}` : sql``})`);
  if (u.status) c.push(u.status === 'aktiv' ? sql`u.disabled_at is null` : sql`u.disabled_at is not null`);
  if (u.q)
    c.push(
      sql`(position(lower(${u.q}) in lower(u.display_name)) > 0 or position(lower(${u.q}) in lower(u.username)) > 0)`,
    );
  const desc = sort.startsWith('-');
  const falt = desc ? sort.slice(1) : sort;
  const nyckel =
    falt === 'namn'
      ? sql`lower(u.display_name)`
      : falt === 'username'
        ? sql`u.username`
        : sql`(select lower(o.namn) from membership m join organisation o on o.id = m.organisation_id
              where m.user_id = u.id${iScope} order by lower(o.namn) limit 1)`;
  const dir = sql.raw(desc ? 'desc' : 'asc');
  const rows = await query<{ id: string }>(
    database.db,
    sql`select u.id from app_user u where ${sql.join(c, sql` and `)}
        order by ${nyckel} ${dir} nulls last, u.id ${dir}`,
  );
  return rows.map((r) => r.id);
}

function qs(u: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(u)) if (v !== undefined) p.set(k, String(v));
  return p.toString();
}

async function lista(c: Client, q: string) {
  const res = await c.get(`/api/v1/users?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: UserItem[] };
}

const URVAL = (): Urval[] => [
  {},
  { organisationId: A },
  { organisationId: B },
  { roll: 'ledamot' },
  { organisationId: A, roll: 'ledamot' },
  { organisationId: B, roll: 'chef' },
  { status: 'aktiv' },
  { status: 'avstangd', organisationId: B },
  { q: 'BERG' },
  { q: 'anv0', status: 'aktiv' },
  { q: 'ingen sådan' },
];

describe('the user list', () => {
  it('the world has what the filters need', async () => {
    expect((await forvantat({}, null)).length).toBeGreaterThanOrEqual(30);
    expect((await forvantat({}, [A])).length).toBeLessThan((await forvantat({}, null)).length);
    expect((await forvantat({ status: 'avstangd' }, [A])).length).toBeGreaterThan(1);
  });

  it('filters: items and total agree with SQL, for the admin (all) and a chef (own verksamhet only)', async () => {
    for (const u of URVAL()) {
      for (const [c, scope] of [
        [admin, null],
        [chefA, [A]],
      ] as const) {
        const ids = await forvantat(u, scope ? [...scope] : null);
        const svar = await lista(c, qs({ ...u, limit: 500 }));
        expect(
          svar.items.map((x) => x.id),
          JSON.stringify(u),
        ).toEqual(ids);
        expect(svar.total).toBe(ids.length);
      }
    }
    // A chef asking for another verksamhet's users gets none of them.
    expect((await lista(chefA, qs({ organisationId: B }))).items.every((x) => x.medlemskap.length > 0)).toBe(
      true,
    );
    expect((await lista(chefA, qs({ organisationId: B, roll: 'ombud' }))).total).toBe(0);
  });

  it.each([...USER_SORT])('sort %s: the SQL order, ties broken by id', async (sort) => {
    for (const [c, scope] of [
      [admin, null],
      [chefA, [A]],
    ] as const) {
      const svar = await lista(c, qs({ sort, limit: 500 }));
      expect(svar.items.map((x) => x.id)).toEqual(await forvantat({}, scope ? [...scope] : null, sort));
    }
  });

  it('pages make up the whole selection', async () => {
    const alla = await forvantat({}, null, '-organisation');
    const sidor: string[] = [];
    for (let offset = 0; offset < alla.length; offset += 6) {
      const svar = await lista(admin, qs({ sort: '-organisation', limit: 6, offset }));
      expect(svar.total).toBe(alla.length);
      sidor.push(...svar.items.map((x) => x.id));
    }
    expect(sidor).toEqual(alla);
  });

  it('the export holds the filtered users in order, as CSV and xlsx, and is audited', async () => {
    const u: Urval = { organisationId: B, status: 'aktiv' };
    const items = (await lista(admin, qs({ ...u, sort: 'username', limit: 500 }))).items;
    expect(items.map((x) => x.id)).toEqual(await forvantat(u, null, 'username'));
    const csv = await admin.get(`/api/v1/users/export?${qs({ ...u, sort: 'username' })}`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(String(csv.headers['content-disposition'])).toMatch(/filename="anvandare-\d{4}-\d{2}-\d{2}\.csv"/);
    const rader = parseCsv(csv.body.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rader[0]).toEqual(['Namn', 'Användarnamn', 'E-post', 'Roller', 'Status', 'Tvåstegsverifiering']);
    expect(rader.slice(1).map((r) => r[1])).toEqual(items.map((x) => x.username));
    expect(rader.slice(1).every((r) => r[4] === 'Aktiv' && r[3]!.includes('(PO Beta)'))).toBe(true);

    const [logg] = await query<{ detail: { antal: number; urval: Record<string, unknown> } }>(
      database.db,
      sql`select detail from audit_log where action = 'user.exported' order by id desc limit 1`,
    );
    expect(logg?.detail.antal).toBe(items.length);
    expect(logg?.detail.urval).toMatchObject({ organisationId: B, status: 'aktiv', sort: 'username' });

    const xlsx = await chefA.get(`/api/v1/users/export?${qs({ format: 'xlsx' })}`);
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Användare')!.rowCount - 1).toBe((await forvantat({}, [A])).length);
  });

  it('refuses bad filters in words, naming the field', async () => {
    for (const [q, falt] of [
      ['status=borta', 'status'],
      ['roll=kung', 'roll'],
      ['sort=alder', 'sort'],
      ['organisationId=A', 'organisationId'],
      ['limit=501', 'limit'],
    ] as const) {
      const res = await admin.get(`/api/v1/users?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const fel = res.json().errors as Array<{ field: string; message: string }>;
      expect(fel.map((e) => e.field)).toContain(falt);
      expect(fel.find((e) => e.field === falt)!.message).toMatch(/[a-zåäö]/);
    }
  });
});
