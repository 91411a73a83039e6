// The brist register as a list that scales (issue 10): every filter, their combinations, every sort order
// and the paging agree with SQL written by hand on the same rows; the export holds exactly the filtered
// rows in the list's order; bad filters are refused in words; another verksamhet sees nothing.
import { parse as parseCsv } from 'csv-parse/sync';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIST_SORT, type BristItem, type BristSort } from '../../../contracts/brister.ts';
import { BRIST_STATUS, type BristStatus } from '../../../domain/brist-status.ts';
import { BRIST_NIVA, type BristNiva } from '../../../domain/codes.ts';
import { query } from '../../db/client.ts';
import { loadExcelJs } from '../../platform/documents/libraries.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';

let database: TestDatabase;
let app: FastifyInstance;
let V: string;
let W: string;
let ombud: Client;
let ledamot: Client;
let utomstaende: Client;
const aktor: Record<'fk' | 'af' | 'sk', string> = { fk: '', af: '', sk: '' };

const AMNEN = ['fk-kommunikation', 'fk-fullmakter', 'af-arbetsmarknadsinsatser', 'hs-vantetider'] as const;
const TITLAR = ['Väntetider', 'ärlig brist', 'Bostad saknas', '=SUMMA(A1)', 'Kontakt med FK', 'akut läge'];

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  V = (await makeVerksamhet(db, { kommuner: ['0180'], kod: 'po-bristlista' })).id;
  W = (await makeVerksamhet(db, { kommuner: ['0180'] })).id;
  aktor.fk = await orgId(db, 'aktor', 'forsakringskassan');
  aktor.af = await orgId(db, 'aktor', 'arbetsformedlingen');
  aktor.sk = await orgId(db, 'aktor', 'skatteverket');
  ombud = await loginAs(app, (await makeUser(db, [{ organisationId: V, roll: 'ombud' }])).username);
  ledamot = await loginAs(app, (await makeUser(db, [{ organisationId: V, roll: 'ledamot' }])).username);
  const w = await makeUser(db, [{ organisationId: W, roll: 'chef' }]);
  utomstaende = await loginAs(app, w.username);

  // 33 brister: every level and status, three actor sets, four subjects, observed dates with shared days
  // (ties the creation time and the id must break), titles of mixed case.
  const aktorSet = [[aktor.fk], [aktor.af, aktor.sk], [aktor.fk, aktor.af]];
  for (let i = 0; i < 33; i++) {
    const res = await ombud.post(`/api/v1/verksamheter/${V}/brister`, {
      titel: `${TITLAR[i % TITLAR.length]} ${i}`,
      beskrivning: 'Klienter får vänta länge på besked.',
      niva: BRIST_NIVA[i % 3],
      aktorIds: aktorSet[i % 3],
      amneKod: AMNEN[i % 4],
      observeradDatum:
        i % 5 === 0 ? '2025-05-05' : `202${4 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 9}`,
      antalKlienter: i,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const status = BRIST_STATUS[i % BRIST_STATUS.length]!;
    await query(db, sql`update brist set status = ${status} where id = ${id}`);
    // Sent long ago and never answered: overdue (every fourth sent brist).
    if (status !== 'registrerad' && status !== 'lyft_i_ledningsgrupp')
      await query(
        db,
        sql`update brist_aktor set skickad_at = now() - make_interval(days => ${i % 4 === 0 ? 90 : 3}::int)
            where brist_id = ${id}`,
      );
  }
  // Another verksamhet's brister, which must never show.
  for (let i = 0; i < 2; i++) {
    const res = await utomstaende.post(`/api/v1/verksamheter/${W}/brister`, {
      titel: `Väntetider i W ${i}`,
      beskrivning: 'Klienter får vänta.',
      niva: 'lokal',
      aktorIds: [aktor.fk],
      amneKod: 'fk-kommunikation',
      observeradDatum: '2025-05-05',
      antalKlienter: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

// ---------------------------------------------------------------- the expectation, in SQL by hand

interface Urval {
  status?: BristStatus[];
  niva?: BristNiva[];
  aktor?: string;
  amne?: string;
  fran?: string;
  till?: string;
  forsenad?: 'true' | 'false';
  q?: string;
}

const overdue = sql`exists (select 1 from brist_aktor ba where ba.brist_id = b.id and ba.skickad_at is not null
    and ba.skickad_at < now() - interval '60 days'
    and not exists (select 1 from brist_aterkoppling a where a.brist_id = b.id and a.aktor_id = ba.aktor_id
      and a.at >= ba.skickad_at))`;

/** The same selection written independently of the repo: which rows, in which order. */
async function forvantat(u: Urval, sort: BristSort = '-observeradDatum'): Promise<string[]> {
  const c: SQL[] = [sql`b.verksamhet_id = ${V}`];
  if (u.status) c.push(sql`b.status = any(${sql.param(u.status)}::text[])`);
  if (u.niva) c.push(sql`b.niva = any(${sql.param(u.niva)}::text[])`);
  if (u.aktor) c.push(sql`b.id in (select brist_id from brist_aktor where aktor_id = ${u.aktor})`);
  if (u.amne) c.push(sql`(b.amne_kod = ${u.amne} or am.grupp = ${u.amne})`);
  if (u.fran) c.push(sql`b.observerad_datum >= ${u.fran}::date`);
  if (u.till) c.push(sql`b.observerad_datum <= ${u.till}::date`);
  if (u.q) c.push(sql`position(lower(${u.q}) in lower(b.titel)) > 0`);
  if (u.forsenad) c.push(u.forsenad === 'true' ? overdue : sql`not ${overdue}`);
  const desc = sort.startsWith('-');
  const nyckel: Record<string, SQL> = {
    observeradDatum: sql`b.observerad_datum`,
    titel: sql`lower(b.titel)`,
    status: sql`case b.status when 'registrerad' then 1 when 'lyft_i_ledningsgrupp' then 2
        when 'skickad_till_aktor' then 3 when 'aterkoppling_mottagen' then 4 when 'kvarstar' then 5
        when 'avslutad' then 6 end`,
    niva: sql`case b.niva when 'handlaggare' then 1 when 'lokal' then 2 when 'central' then 3 end`,
    aktor: sql`(select lower(o.namn) from brist_aktor ba join organisation o on o.id = ba.aktor_id
        where ba.brist_id = b.id order by lower(o.namn) limit 1)`,
    amne: sql`lower(am.namn)`,
  };
  const dir = sql.raw(desc ? 'desc' : 'asc');
  const rows = await query<{ id: string }>(
    database.db,
    sql`select b.id from brist b join brist_amne am on am.kod = b.amne_kod
        where ${sql.join(c, sql` and `)}
        order by ${nyckel[desc ? sort.slice(1) : sort]!} ${dir} nulls last, b.created_at ${dir}, b.id ${dir}`,
  );
  return rows.map((r) => r.id);
}

function qs(u: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(u)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) p.append(k, String(x));
    else p.set(k, String(v));
  }
  return p.toString();
}

const url = (v = V) => `/api/v1/verksamheter/${v}/brister`;

async function lista(c: Client, q: string) {
  const res = await c.get(`${url()}?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: BristItem[] };
}

const URVAL: Urval[] = [
  {},
  { status: ['registrerad'] },
  { status: ['skickad_till_aktor', 'kvarstar'] },
  { niva: ['central'] },
  { niva: ['lokal', 'handlaggare'], status: ['avslutad', 'registrerad'] },
  { aktor: '' },
  { amne: 'fk-fullmakter' },
  { amne: 'forsakringskassan' },
  { fran: '2025-01-01' },
  { till: '2024-06-30' },
  { fran: '2025-05-05', till: '2025-05-05' },
  { forsenad: 'true' },
  { forsenad: 'false' },
  { q: 'ÄRLIG' },
  { q: 'väntetider', niva: ['lokal', 'central'], fran: '2024-01-01', till: '2025-12-31' },
  { fran: '2030-01-01' },
];

describe('the brist list', () => {
  it('the world has what the filters need', async () => {
    expect((await forvantat({})).length).toBe(33);
    expect((await forvantat({ forsenad: 'true' })).length).toBeGreaterThan(1);
    expect((await forvantat({ fran: '2025-05-05', till: '2025-05-05' })).length).toBeGreaterThan(3);
    expect((await forvantat({ amne: 'forsakringskassan' })).length).toBeGreaterThan(
      (await forvantat({ amne: 'fk-fullmakter' })).length,
    );
  });

  it.each(URVAL.map((u) => [JSON.stringify(u), u] as const))(
    'filter %s: items and total agree with SQL, for the ombud and a ledamot',
    async (_namn, u0) => {
      const u = u0.aktor === '' ? { ...u0, aktor: aktor.sk } : u0;
      const ids = await forvantat(u);
      for (const c of [ombud, ledamot]) {
        const svar = await lista(c, qs({ ...u, limit: 500 }));
        expect(svar.items.map((b) => b.id)).toEqual(ids);
        expect(svar.total).toBe(ids.length);
      }
    },
  );

  it.each([...BRIST_SORT])('sort %s: the SQL order, ties broken by creation and id', async (sort) => {
    for (const u of [{}, { status: ['skickad_till_aktor', 'avslutad'] as BristStatus[] }, { q: 'a' }]) {
      const svar = await lista(ombud, qs({ ...u, sort, limit: 500 }));
      expect(svar.items.map((b) => b.id)).toEqual(await forvantat(u, sort));
    }
  });

  it('pages: consecutive pages make up the whole selection, the total stays', async () => {
    for (const sort of ['-observeradDatum', 'aktor', '-niva'] as const) {
      const alla = await forvantat({}, sort);
      const sidor: string[] = [];
      for (let offset = 0; offset < alla.length; offset += 7) {
        const svar = await lista(ombud, qs({ sort, limit: 7, offset }));
        expect(svar.total).toBe(33);
        expect(svar.items.length).toBe(Math.min(7, alla.length - offset));
        sidor.push(...svar.items.map((b) => b.id));
      }
      expect(sidor).toEqual(alla);
      expect((await lista(ombud, qs({ sort, offset: 40 }))).items).toEqual([]);
    }
  });

  it('the export holds exactly the filtered rows, in order, as CSV and xlsx', async () => {
    const u: Urval = { niva: ['lokal', 'central'], fran: '2024-03-01' };
    const ids = await forvantat(u, 'titel');
    const items = (await lista(ombud, qs({ ...u, sort: 'titel', limit: 500 }))).items;
    expect(items.map((b) => b.id)).toEqual(ids);

    const csv = await ombud.get(`${url()}/export?${qs({ ...u, sort: 'titel' })}`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(String(csv.headers['content-disposition'])).toMatch(
      /brister-po-bristlista-\d{4}-\d{2}-\d{2}\.csv/,
    );
    const rader = parseCsv(csv.body.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    expect(rader[0]).toEqual([
      'Brist',
      'Nivå',
      'Ämne',
      'Aktörer',
      'Status',
      'Återkoppling försenad',
      'Observerad',
      'Klienter',
    ]);
    expect(rader.length - 1).toBe(ids.length);
    // A title typed as a formula is written so Excel shows it as text.
    expect(rader.slice(1).map((r) => r[0]!.replace(/^'/, ''))).toEqual(items.map((b) => b.titel));
    expect(rader.slice(1).every((r) => ['Lokal nivå', 'Central nivå'].includes(r[1]!))).toBe(true);

    const xlsx = await ombud.get(`${url()}/export?${qs({ ...u, sort: 'titel', format: 'xlsx' })}`);
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Brister')!;
    expect(ws.rowCount - 1).toBe(ids.length);
    expect(ws.getRow(2).getCell(8).value).toBe(items[0]!.antalKlienter);
  });

  it('refuses bad filters in words, naming the field (problem+json, never a 500)', async () => {
    for (const [q, falt, text] of [
      ['niva=regional', 'niva', /^Nivå ska vara handläggarnivå, lokal nivå eller central nivå\.$/],
      ['status=klar', 'status', /^Status ska vara /],
      ['sort=datum', 'sort', /Sortering/],
      ['fran=2025-02-01&till=2025-01-01', 'till', /^Periodens slut får inte ligga före dess början\.$/],
      ['limit=0', 'limit', /Antal per sida/],
      ['aktor=fk', 'aktor', /./],
      ['forsenad=kanske', 'forsenad', /./],
    ] as const) {
      for (const sokvag of [url(), `${url()}/export`]) {
        if (falt === 'limit' && sokvag.endsWith('export')) continue;
        const res = await ombud.get(`${sokvag}?${q}`);
        expect(res.statusCode, `${sokvag}?${q}`).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const fel = res.json().errors as Array<{ field: string; message: string }>;
        expect(fel.map((e) => e.field)).toContain(falt);
        expect(fel.find((e) => e.field === falt)!.message).toMatch(text);
      }
    }
  });

  it('another verksamhet sees nothing: 404 for the list and the export', async () => {
    expect((await utomstaende.get(url())).statusCode).toBe(404);
    expect((await utomstaende.get(`${url()}/export`)).statusCode).toBe(404);
    const egen = await utomstaende.get(url(W));
    expect(egen.json().total).toBe(2);
  });
});
