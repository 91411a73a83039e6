// The audit log's list (issue 10, lists that scale): each filter and the keyset paging agree with SQL
// written by hand on the same entries; the export holds exactly the filtered entries; bad values are
// refused in words; a chef sees the own verksamhet's log only.
import { parse as parseCsv } from 'csv-parse/sync';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditList } from '../../../contracts/audit.ts';
import { query } from '../../db/client.ts';
import { loadExcelJs } from '../../platform/documents/libraries.ts';
import { Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet } from '../../testing/factories.ts';

let database: TestDatabase;
let app: FastifyInstance;
let V: string;
let W: string;
let chef: Client;
let admin: Client;
let ombud: Client;
let chefW: Client;
const anv: Record<'ombud' | 'chef', string> = { ombud: '', chef: '' };

const HANDELSER = ['klient.read', 'arende.list', 'login.ok', 'klient.updated', 'brist.created'] as const;
const OBJEKT: Record<string, string | null> = {
  'klient.read': 'klient',
  'arende.list': 'arende',
  'login.ok': null,
  'klient.updated': 'klient',
  'brist.created': 'brist',
};

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  V = (await makeVerksamhet(db, { kod: 'po-logg' })).id;
  W = (await makeVerksamhet(db, {})).id;
  const [adminOrg] = await query<{ id: string }>(
    db,
    sql`select id from organisation where typ = 'socialstyrelsen' limit 1`,
  );
  const o = await makeUser(db, [{ organisationId: V, roll: 'ombud' }]);
  const c = await makeUser(db, [{ organisationId: V, roll: 'chef' }]);
  const a = await makeUser(db, [{ organisationId: adminOrg!.id, roll: 'admin' }]);
  const cw = await makeUser(db, [{ organisationId: W, roll: 'chef' }]);
  anv.ombud = o.id;
  anv.chef = c.id;
  // 240 entries over 40 days around the spring clock change (2025-03-30), two an hour apart at each
  // Swedish midnight, so the day bounds are tested where UTC and Swedish dates differ.
  const anvandare = [o, c, null] as const;
  const orgs = [V, V, W, null] as const;
  const rader: SQL[] = [];
  for (let i = 0; i < 240; i++) {
    const dag = Math.floor(i / 6);
    const timme = [21, 22, 23, 6, 12, 18][i % 6]!; // UTC: 21–23 is after midnight in Sweden
    const at = new Date(Date.UTC(2025, 2, 10 + dag, timme, i % 60, 0)).toISOString();
    const h = HANDELSER[i % HANDELSER.length]!;
    const u = anvandare[i % 3];
    const org = orgs[i % 4];
    rader.push(
      sql`(${at}::timestamptz, ${u?.id ?? null}::uuid, ${u?.username ?? null}, ${h}, ${org}::uuid,
           ${OBJEKT[h]}, ${OBJEKT[h] ? `id-${i}` : null}, 'x', 'x')`,
    );
  }
  await query(
    db,
    sql`insert into audit_log (at, user_id, username, action, organisation_id, resource_type, resource_id,
                               prev_hash, hash) values ${sql.join(rader, sql`, `)}`,
  );
  ombud = await loginAs(app, o.username);
  chef = await loginAs(app, c.username);
  admin = await loginAs(app, a.username);
  chefW = await loginAs(app, cw.username);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

interface Urval {
  organisationId?: string;
  userId?: string;
  handelse?: string;
  objekt?: string;
  fran?: string;
  till?: string;
}

/** The same selection by hand: which entries, newest first ('alla' = the administrator's whole log). */
async function forvantat(u: Urval, orgs: readonly string[] | 'alla'): Promise<number[]> {
  const c: SQL[] = [sql`true`];
  if (u.organisationId) c.push(sql`a.organisation_id = ${u.organisationId}`);
  else if (orgs !== 'alla')
    c.push(
      sql`a.organisation_id in (${sql.join(
        orgs.map((o) => sql`${o}`),
        sql`, `,
      )})`,
    );
  if (u.userId) c.push(sql`a.user_id = ${u.userId}`);
  if (u.handelse) c.push(sql`a.action = ${u.handelse}`);
  if (u.objekt) c.push(sql`a.resource_type = ${u.objekt}`);
  // Written another way than the repo: the entry's day in Sweden, compared as a date.
  if (u.fran) c.push(sql`(a.at at time zone 'Europe/Stockholm')::date >= ${u.fran}::date`);
  if (u.till) c.push(sql`(a.at at time zone 'Europe/Stockholm')::date <= ${u.till}::date`);
  const rows = await query<{ id: number }>(
    database.db,
    sql`select a.id::int as id from audit_log a where ${sql.join(c, sql` and `)} order by a.id desc`,
  );
  return rows.map((r) => r.id);
}

const qs = (u: object) =>
  new URLSearchParams(
    Object.entries(u)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

async function lista(c: Client, u: Urval & Record<string, unknown>): Promise<AuditList> {
  const res = await c.get(`/api/v1/audit?${qs(u)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AuditList;
}

const URVAL: Urval[] = [
  {},
  { handelse: 'klient.read' },
  { objekt: 'klient' },
  { fran: '2025-03-30' },
  { till: '2025-03-12' },
  { fran: '2025-03-30', till: '2025-03-30' },
  { fran: '2025-03-31', till: '2025-04-01' },
  { handelse: 'arende.list', fran: '2025-03-20', till: '2025-04-05' },
  { handelse: 'atkomst.nekad' },
];

describe('the audit log list', () => {
  it.each(URVAL.map((u) => [JSON.stringify(u), u] as const))(
    'filter %s: items, total and nyare agree with SQL, for the chef and the administrator',
    async (_namn, u) => {
      for (const [c, orgs] of [
        [chef, [V]],
        [admin, 'alla'],
      ] as const) {
        // The list logs its own read after counting: the expectation is taken before the call.
        const ids = await forvantat(u, orgs);
        const svar = await lista(c, { ...u, limit: 500 });
        expect(svar.total).toBe(ids.length);
        expect(svar.items.map((e) => e.id)).toEqual(ids.slice(0, 500));
        expect(svar.nyare).toBe(0);
      }
    },
  );

  it('user and object filters, and every entry in the answer in words-ready codes', async () => {
    for (const userId of [anv.ombud, anv.chef]) {
      const ids = await forvantat({ userId }, [V]);
      expect(ids.length).toBeGreaterThan(5);
      const svar = await lista(chef, { userId, limit: 500 });
      expect(svar.items.map((e) => e.id)).toEqual(ids);
    }
    const brist = await lista(admin, { objekt: 'brist', handelse: 'brist.created', limit: 500 });
    expect(brist.items.length).toBeGreaterThan(5);
    expect(brist.items.every((e) => e.action === 'brist.created' && e.resourceType === 'brist')).toBe(true);
  });

  it('a chef sees the own verksamhet only; another verksamhet’s id is 404', async () => {
    const svar = await lista(chef, { limit: 500 });
    expect(svar.items.every((e) => e.organisationId === V)).toBe(true);
    const res = await chef.get(`/api/v1/audit?organisationId=${W}`);
    expect(res.statusCode).toBe(404);
    expect((await chefW.get(`/api/v1/audit/export?organisationId=${V}`)).statusCode).toBe(404);
    expect((await ombud.get('/api/v1/audit')).statusCode).toBe(404);
  });

  it('keyset paging: pages of 17 walk the log back (before) and forth (after) without gaps or overlap', async () => {
    // A closed period: the entries the reads themselves write (today) are not in it.
    const u: Urval = { organisationId: V, fran: '2025-03-15', till: '2025-04-30' };
    const ids = await forvantat(u, [V]);
    expect(ids.length).toBeGreaterThan(60);
    const sidor: number[][] = [];
    let before: number | undefined;
    for (let n = 0; n < 20; n++) {
      const sida = await lista(chef, { ...u, limit: 17, before });
      expect(sida.total).toBe(ids.length);
      expect(sida.nyare).toBe(Math.min(n * 17, ids.length));
      if (sida.items.length === 0) break;
      expect(sida.items.map((e) => e.id)).toEqual(ids.slice(n * 17, n * 17 + 17));
      sidor.push(sida.items.map((e) => e.id));
      before = sida.items.at(-1)!.id;
    }
    expect(sidor.flat()).toEqual(ids);
    // And back up: after = the page before, the same entries as on the way down.
    for (let i = sidor.length - 1; i > 0; i--) {
      const upp = await lista(chef, { ...u, limit: 17, after: sidor[i]![0]! });
      expect(upp.items.map((e) => e.id)).toEqual(sidor[i - 1]);
      expect(upp.nyare).toBe((i - 1) * 17);
    }
  });

  it('the read is logged with the filters and the count', async () => {
    const svar = await lista(chef, { organisationId: V, handelse: 'klient.read', limit: 3 });
    const [e] = await query<{ action: string; detail: Record<string, unknown> }>(
      database.db,
      sql`select action, detail from audit_log order by id desc limit 1`,
    );
    expect(e).toEqual({
      action: 'audit.read',
      detail: { urval: { handelse: 'klient.read' }, antal: svar.total, visade: 3 },
    });
  });
});

describe('the export', () => {
  it.each(URVAL.map((u) => [JSON.stringify(u), u] as const))(
    'CSV %s: exactly the filtered entries, newest first, in words',
    async (_namn, u) => {
      const ids = await forvantat(u, 'alla');
      const res = await admin.get(`/api/v1/audit/export?${qs(u)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="logg-\d{4}-\d\d-\d\d\.csv"; filename\*=UTF-8''logg-\d{4}-\d\d-\d\d\.csv$/,
      );
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      const rader = parseCsv(res.body, { bom: true, delimiter: ';' }) as string[][];
      expect(rader[0]).toEqual([
        'Nr',
        'Tid',
        'Användarnamn',
        'Namn',
        'Händelse',
        'Objekt',
        'Objektets id',
        'Organisation',
      ]);
      expect(rader.slice(1).map((r) => Number(r[0]))).toEqual(ids);
      if (u.handelse === 'klient.read') {
        expect(new Set(rader.slice(1).map((r) => r[4]))).toEqual(new Set(['Klient läst']));
        expect(new Set(rader.slice(1).map((r) => r[5]))).toEqual(new Set(['Klient']));
      }
    },
  );

  it('the time is Swedish time; xlsx holds the same rows', async () => {
    const u = { fran: '2025-03-31', till: '2025-03-31' };
    const ids = await forvantat(u, [V]);
    const csv = await chef.get(`/api/v1/audit/export?${qs(u)}`);
    const rader = parseCsv(csv.body, { bom: true, delimiter: ';' }) as string[][];
    expect(rader.slice(1).map((r) => Number(r[0]))).toEqual(ids);
    expect(rader.slice(1).every((r) => r[1]!.startsWith('2025-03-31 '))).toBe(true);
    const res = await chef.get(`/api/v1/audit/export?${qs({ ...u, format: 'xlsx' })}`);
    expect(res.statusCode).toBe(200);
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Logg')!;
    expect(ws.rowCount).toBe(ids.length + 1);
    expect(ws.getRow(2).getCell(1).value).toBe(ids[0]);
    const [e] = await query<{ action: string; detail: Record<string, unknown> }>(
      database.db,
      sql`select action, detail from audit_log order by id desc limit 1`,
    );
    expect(e).toEqual({
      action: 'audit.exported',
      detail: { format: 'xlsx', urval: u, antal: ids.length },
    });
  });
});

describe('bad values', () => {
  const fall: Array<[string, string, string]> = [
    ['userId=x', 'userId', 'Användare'],
    ['handelse=finns.inte', 'handelse', 'Händelse'],
    ['objekt=sak', 'objekt', 'Objekt'],
    ['fran=2025-13-01', 'fran', 'Från och med'],
    ['till=igar', 'till', 'Till och med'],
    ['fran=2025-05-01&till=2025-04-30', 'till', 'Till och med'],
    ['organisationId=x', 'organisationId', 'Organisation'],
  ];
  it.each([
    ...fall,
    ['before=0', 'before', 'Före'],
    ['after=x', 'after', 'Efter'],
    ['before=5&after=3', 'after', 'Efter'],
    ['limit=0', 'limit', 'Antal per sida'],
    ['limit=501', 'limit', 'Antal per sida'],
  ] as Array<[string, string, string]>)('list ?%s: 400 problem+json naming %s', async (q, field, label) => {
    const res = await admin.get(`/api/v1/audit?${q}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json();
    expect(p.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect(p.errors[0].label).toBe(label);
    expect(p.errors[0].message).toMatch(/^[A-ZÅÄÖ].*\.$/);
    expect(p.detail).toContain(label);
  });

  it.each([...fall, ['format=pdf', 'format', 'Format'] as [string, string, string]])(
    'export ?%s: 400 naming %s',
    async (q, field, label) => {
      const res = await admin.get(`/api/v1/audit/export?${q}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string; label: string }) => [e.field, e.label])).toEqual([
        [field, label],
      ]);
    },
  );

  it('without a session: 401', async () => {
    expect((await new Client(app).get('/api/v1/audit/export')).statusCode).toBe(401);
  });
});
