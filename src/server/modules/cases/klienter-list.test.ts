// The client list (issue 10, lists that scale): every filter, their combinations, every sort order and the
// paging agree with SQL written by hand on the same rows; the search term stays out of addresses and the
// log; the export holds exactly the filtered rows; bad filters are refused in words; the read is logged as
// one entry with the filters and the count.
import { parse as parseCsv } from 'csv-parse/sync';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KLIENT_SORT,
  type KlientItem,
  type KlientSort,
  type KlientStatus,
} from '../../../contracts/cases.ts';
import type { Kon } from '../../../domain/codes.ts';
import { query } from '../../db/client.ts';
import { loadExcelJs } from '../../platform/documents/libraries.ts';
import { Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet } from '../../testing/factories.ts';
import { plusDagar } from './service.ts';
import { arendeUrl, klientUrl, overga, skapaArende, skapaKlient } from './test-helpers.ts';

let database: TestDatabase;
let app: FastifyInstance;
let V: string;
let W: string;
let ombudA: Client;
let chef: Client;
let utomstaende: Client;
let ledamot: Client;
const anv: Record<'a' | 'b' | 'chef', string> = { a: '', b: '', chef: '' };

const KOMMUNER = ['0180', '0114', '0115'] as const;
const KON: Kon[] = ['kvinna', 'man', 'annan', 'kvinna', 'man'];

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  V = (await makeVerksamhet(db, { kommuner: [...KOMMUNER], kod: 'po-klientlista' })).id;
  W = (await makeVerksamhet(db, { kommuner: ['0180'] })).id;
  const a = await makeUser(db, [{ organisationId: V, roll: 'ombud' }]);
  const b = await makeUser(db, [{ organisationId: V, roll: 'ombud' }]);
  const c = await makeUser(db, [{ organisationId: V, roll: 'chef' }]);
  const l = await makeUser(db, [{ organisationId: V, roll: 'ledamot' }]);
  const w = await makeUser(db, [{ organisationId: W, roll: 'chef' }]);
  anv.a = a.id;
  anv.b = b.id;
  anv.chef = c.id;
  ombudA = await loginAs(app, a.username);
  chef = await loginAs(app, c.username);
  ledamot = await loginAs(app, l.username);
  utomstaende = await loginAs(app, w.username);

  // 36 clients: three kommuner, three genders, birth years with ties, first contacts over two years (some
  // on the same day), every kind of status (in progress, closed, no ärende, purged) and of latest ombud.
  const ombudCykel = [anv.a, anv.b, anv.chef, null] as const;
  for (let i = 0; i < 36; i++) {
    const alias = i === 3 ? '=SUMMA(A1)' : i === 4 ? 'ärlig' : `Kl ${String.fromCharCode(90 - (i % 26))}${i}`;
    const k = await skapaKlient(chef, V, {
      alias,
      kon: KON[i % KON.length],
      kommunKod: KOMMUNER[i % 3],
      fodelsear: 1950 + (i % 6) * 7,
    });
    if (i % 6 === 5) continue; // no ärende
    const forfragan = i % 5 === 0 ? '2025-02-03' : plusDagar('2024-01-01', (i * 41) % 640);
    const arende = await skapaArende(chef, V, k.id, { forfraganDatum: forfragan });
    const ombud = ombudCykel[Math.floor(i / 4) % 4]!;
    const steg = i % 4; // 0 förfrågan, 1 aktiv, 2 avslutad, 3 ej aktuell
    if (steg >= 1 && steg <= 2) {
      await overga(chef, V, arende.id, { status: 'aktiv', datum: forfragan, ombudUserId: ombud ?? anv.chef });
      if (ombud === null) await chef.patch(arendeUrl(V, arende.id), { ombudUserId: null });
    }
    if (steg === 2)
      await overga(chef, V, arende.id, {
        status: 'avslutad',
        datum: plusDagar(forfragan, 30),
        avslutOrsak: 'mal_uppnatt',
      });
    if (steg === 3) await overga(chef, V, arende.id, { status: 'ej_aktuell', datum: forfragan });
    // Some closed clients come back: a second, later request (the latest ärende is then the new one).
    if (steg === 2 && i % 3 === 0) {
      const ny = await skapaArende(chef, V, k.id, { forfraganDatum: '2025-09-01' });
      if (i % 2 === 0)
        await overga(chef, V, ny.id, { status: 'aktiv', datum: '2025-09-02', ombudUserId: anv.b });
    }
  }
  // Two purged clients (no alias any more).
  const g = await query<{ klient_id: string }>(
    db,
    sql`select a.klient_id from arende a where a.verksamhet_id = ${V} and a.status = 'avslutad'
        group by a.klient_id having count(*) = 1 order by a.klient_id limit 2`,
  );
  for (const r of g) {
    await query(db, sql`delete from klient_identitet where klient_id = ${r.klient_id}`);
    await query(db, sql`update klient set gallrad_at = now() where id = ${r.klient_id}`);
  }
  // Another verksamhet's clients, which must never show.
  for (let i = 0; i < 3; i++) await skapaKlient(utomstaende, W);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

// ---------------------------------------------------------------- the expectation, in SQL by hand

interface Urval {
  q?: string;
  status?: KlientStatus[];
  gallrad?: 'ja' | 'nej' | 'alla';
  ombud?: string;
  kommunKod?: string;
  kon?: Kon;
  fran?: string;
  till?: string;
}

const SENASTE = (kol: string) =>
  sql.raw(`(select a.${kol} from arende a where a.verksamhet_id = k.verksamhet_id and a.klient_id = k.id
            order by a.forfragan_datum desc, a.created_at desc, a.id desc limit 1)`);
const FORSTA = sql`(select min(a.forfragan_datum) from arende a where a.klient_id = k.id)`;
const HAR_ARENDE = sql`exists (select 1 from arende a where a.klient_id = k.id)`;
const PAGAR = sql`exists (select 1 from arende a where a.klient_id = k.id and a.status in ('forfragan', 'ko', 'aktiv'))`;

/** The same selection written independently of the repo: which clients, in which order. */
async function forvantat(u: Urval, som: string, sort: KlientSort = 'klient'): Promise<string[]> {
  const c: SQL[] = [sql`k.verksamhet_id = ${V}`];
  if (u.q) c.push(sql`i.alias ilike ${`%${u.q}%`}`);
  if (u.gallrad === 'ja') c.push(sql`k.gallrad_at is not null`);
  if (u.gallrad === 'nej') c.push(sql`k.gallrad_at is null`);
  if (u.status) {
    const delar = u.status.map((s) =>
      s === 'gallrad'
        ? sql`k.gallrad_at is not null`
        : s === 'pagaende'
          ? sql`(k.gallrad_at is null and ${PAGAR})`
          : s === 'avslutad'
            ? sql`(k.gallrad_at is null and ${HAR_ARENDE} and not ${PAGAR})`
            : sql`(k.gallrad_at is null and not ${HAR_ARENDE})`,
    );
    c.push(sql`(${sql.join(delar, sql` or `)})`);
  }
  if (u.ombud === 'jag') c.push(sql`${SENASTE('ombud_user_id')} = ${som}`);
  else if (u.ombud === 'ingen') c.push(sql`${SENASTE('ombud_user_id')} is null`);
  else if (u.ombud) c.push(sql`${SENASTE('ombud_user_id')} = ${u.ombud}`);
  if (u.kommunKod) c.push(sql`k.kommun_kod = ${u.kommunKod}`);
  if (u.kon) c.push(sql`k.kon = ${u.kon}`);
  if (u.fran) c.push(sql`${FORSTA} >= ${u.fran}::date`);
  if (u.till) c.push(sql`${FORSTA} <= ${u.till}::date`);
  const desc = sort.startsWith('-');
  const nyckel: Record<string, SQL> = {
    klient: sql`lower(i.alias)`,
    kon: sql`case k.kon when 'kvinna' then 1 when 'man' then 2 when 'annan' then 3 end`,
    fodelsear: sql`k.fodelsear`,
    kommun: sql`lower((select coalesce(s.namn, km.namn) from kommun km
                       left join stadsdelsomrade s on s.kod = k.stadsdelsomrade_kod where km.kod = k.kommun_kod))`,
    forstaKontakt: FORSTA,
    status: sql`case ${SENASTE('status')} when 'forfragan' then 1 when 'ko' then 2 when 'aktiv' then 3
                 when 'avslutad' then 4 when 'ej_aktuell' then 5 end`,
    ombud: sql`lower((select u.display_name from app_user u where u.id = ${SENASTE('ombud_user_id')}))`,
  };
  const dir = desc ? sql.raw('desc') : sql.raw('asc');
  const rows = await query<{ id: string }>(
    database.db,
    sql`select k.id from klient k
        left join klient_identitet i on i.klient_id = k.id
        where ${sql.join(c, sql` and `)}
        order by ${nyckel[desc ? sort.slice(1) : sort]!} ${dir} nulls last, k.id ${dir}`,
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

type Svar = { total: number; gallrade: number; items: KlientItem[] };

/** The list as GET (no search term) or as the search POST (with one). */
async function lista(c: Client, u: Urval & Record<string, unknown>): Promise<Svar> {
  const res = u.q ? await c.post(`${klientUrl(V)}/sok`, u) : await c.get(`${klientUrl(V)}?${qs(u)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Svar;
}

const URVAL: Urval[] = [
  {},
  { status: ['pagaende'] },
  { status: ['avslutad'] },
  { status: ['utan_arende'] },
  { status: ['gallrad'] },
  { status: ['pagaende', 'utan_arende'] },
  { gallrad: 'nej' },
  { gallrad: 'ja' },
  { ombud: 'jag' },
  { ombud: 'ingen' },
  { kommunKod: '0114' },
  { kon: 'annan' },
  { fran: '2025-01-01' },
  { till: '2024-06-30' },
  { fran: '2025-02-03', till: '2025-02-03' },
  { q: 'kl z' },
  { q: 'ÄRL' },
  {
    status: ['pagaende', 'avslutad'],
    ombud: 'jag',
    kommunKod: '0180',
    fran: '2024-01-01',
    till: '2025-12-31',
  },
  { kon: 'kvinna', status: ['avslutad'], q: 'Kl' },
  { fran: '2030-01-01' },
];

describe('the client list', () => {
  it('the world has what the filters need: every status, kind of ombud, kommun and gender', async () => {
    expect((await forvantat({}, anv.a)).length).toBe(36);
    for (const s of ['pagaende', 'avslutad', 'utan_arende', 'gallrad'] as const)
      expect((await forvantat({ status: [s] }, anv.a)).length, s).toBeGreaterThan(1);
    // The four statuses split the clients: each one in exactly one.
    const delar = await Promise.all(
      (['pagaende', 'avslutad', 'utan_arende', 'gallrad'] as const).map((s) =>
        forvantat({ status: [s] }, anv.a),
      ),
    );
    expect(delar.flat().sort()).toEqual((await forvantat({}, anv.a)).sort());
    expect((await forvantat({ ombud: 'ingen' }, anv.a)).length).toBeGreaterThan(1);
    expect((await forvantat({ ombud: 'jag' }, anv.a)).length).toBeGreaterThan(1);
    expect((await forvantat({ fran: '2025-02-03', till: '2025-02-03' }, anv.a)).length).toBeGreaterThan(3);
  });

  it.each(URVAL.map((u) => [JSON.stringify(u), u] as const))(
    'filter %s: items and total agree with SQL, for the ombud and for the chef',
    async (_namn, u) => {
      for (const [c, som] of [
        [ombudA, anv.a],
        [chef, anv.chef],
      ] as const) {
        const svar = await lista(c, { ...u, limit: 500 });
        const ids = await forvantat(u, som);
        expect(svar.items.map((k) => k.id)).toEqual(ids);
        // The SQL reads verksamhet V only: equal lists also mean nothing of W came along.
        expect(svar.total).toBe(ids.length);
        expect(svar.gallrade).toBe(svar.items.filter((k) => k.gallrad).length);
      }
    },
  );

  it('ombud by id: the latest ärende’s ombud, the same for whoever asks', async () => {
    for (const id of [anv.a, anv.b, anv.chef]) {
      const ids = await forvantat({ ombud: id }, anv.a);
      expect(ids.length).toBeGreaterThan(0);
      for (const c of [ombudA, chef]) {
        const svar = await lista(c, { ombud: id, limit: 500 });
        expect(svar.items.map((k) => k.id)).toEqual(ids);
        expect(svar.items.every((k) => k.senasteArende?.ombud?.id === id)).toBe(true);
      }
    }
    expect((await lista(ombudA, { ombud: 'jag', limit: 500 })).items).toEqual(
      (await lista(chef, { ombud: anv.a, limit: 500 })).items,
    );
  });

  it('the count describes the filtered result, not the verksamhet (no “0 klienter, varav 2 gallrade”)', async () => {
    const inga = await lista(chef, { q: 'finns-inte', limit: 500 });
    expect(inga).toEqual({ total: 0, gallrade: 0, items: [] });
    const gallrade = await lista(chef, { status: ['gallrad'], limit: 500 });
    expect(gallrade.total).toBe(2);
    expect(gallrade.items.every((k) => k.gallrad && k.alias === null)).toBe(true);
  });

  it('first contact is the earliest request, and bounds are inclusive', async () => {
    const svar = await lista(chef, { fran: '2025-02-03', till: '2025-02-03', limit: 500 });
    expect(svar.items.length).toBeGreaterThan(3);
    expect(new Set(svar.items.map((k) => k.forstaKontakt))).toEqual(new Set(['2025-02-03']));
    const utan = await lista(chef, { status: ['utan_arende'], limit: 500 });
    expect(utan.items.every((k) => k.forstaKontakt === null && k.senasteArende === null)).toBe(true);
  });

  it.each([...KLIENT_SORT])('sort %s: the SQL order, ties broken by id, empty values last', async (sort) => {
    for (const u of [
      {},
      { status: ['pagaende', 'avslutad'] as KlientStatus[] },
      { ombud: 'ingen' },
      { q: 'kl' },
    ]) {
      const svar = await lista(chef, { ...u, sort, limit: 500 });
      expect(svar.items.map((k) => k.id)).toEqual(await forvantat(u, anv.chef, sort));
    }
    // A second check, in JS on the answer itself, for the orders that compare numbers and dates.
    const svar = await lista(chef, { sort, limit: 500 });
    const desc = sort.startsWith('-');
    const falt = desc ? sort.slice(1) : sort;
    const varde = (k: KlientItem): string | number | null =>
      falt === 'fodelsear' ? k.fodelsear : falt === 'forstaKontakt' ? k.forstaKontakt : null;
    if (falt !== 'fodelsear' && falt !== 'forstaKontakt') return;
    const v = svar.items.map(varde);
    const forstaTomma = v.indexOf(null);
    if (forstaTomma >= 0) expect(v.slice(forstaTomma).every((x) => x === null)).toBe(true);
    const fyllda = v.filter((x) => x !== null);
    for (let i = 1; i < fyllda.length; i++) {
      const [x, y] = [fyllda[i - 1]!, fyllda[i]!];
      if (desc) expect(x >= y, `${x} före ${y}`).toBe(true);
      else expect(x <= y, `${x} före ${y}`).toBe(true);
    }
  });

  it('the default order is the alias, purged clients last', async () => {
    const utan = await lista(chef, { limit: 500 });
    expect(utan.items.map((k) => k.id)).toEqual(await forvantat({}, anv.chef, 'klient'));
    expect(utan.items.slice(-2).every((k) => k.gallrad)).toBe(true);
  });

  it('paging: pages of 7 walk the whole order without overlap or gaps, the total the same on each', async () => {
    for (const [u, sort] of [
      [{}, 'klient'],
      [{}, '-fodelsear'],
      [{ status: ['pagaende', 'avslutad'] as KlientStatus[] }, 'status'],
      [{ till: '2025-06-30' }, '-forstaKontakt'],
      [{ q: 'Kl' }, 'ombud'],
    ] as const) {
      const ids = await forvantat(u, anv.chef, sort);
      const sett: string[] = [];
      for (let offset = 0; offset < ids.length + 7; offset += 7) {
        const sida = await lista(chef, { ...u, sort, limit: 7, offset });
        expect(sida.total).toBe(ids.length);
        expect(sida.items.map((k) => k.id)).toEqual(ids.slice(offset, offset + 7));
        sett.push(...sida.items.map((k) => k.id));
      }
      expect(sett).toEqual(ids);
    }
  });

  it('existing callers keep working: gallrad=ja&limit=1 for a count, a search with only q', async () => {
    const res = await chef.get(`${klientUrl(V)}?limit=1&gallrad=ja`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
    const sok = await chef.post(`${klientUrl(V)}/sok`, { q: 'ärlig' });
    expect(sok.statusCode).toBe(200);
    expect(sok.json().items.map((k: KlientItem) => k.alias)).toEqual(['ärlig']);
  });

  it('the read is one audit entry: filters, order, page and count — no ids, no search term', async () => {
    const svar = await lista(chef, { q: 'Kl', status: ['pagaende'], kon: 'man', sort: '-kommun', limit: 5 });
    const [e] = await query<{ action: string; detail: Record<string, unknown>; n: number }>(
      database.db,
      sql`select action, detail from audit_log where organisation_id = ${V} order by id desc limit 1`,
    );
    expect(e!.action).toBe('klient.list');
    expect(e!.detail).toEqual({
      urval: { status: ['pagaende'], kon: 'man', sort: '-kommun', sok: true },
      offset: 0,
      antal: svar.total,
      visade: svar.items.length,
    });
    expect(JSON.stringify(e!.detail)).not.toContain('Kl');
  });
});

// ---------------------------------------------------------------- export

const RUBRIK = [
  'Alias',
  'Kön',
  'Födelseår',
  'Hemkommun',
  'Första kontakt',
  'Senaste ärende',
  'Senaste förfrågan',
  'Ombud',
  'Ärenden',
];

describe('the export', () => {
  it.each(URVAL.map((u) => [JSON.stringify(u), u] as const))(
    'CSV %s: exactly the filtered clients, in the list’s order, Excel’s Swedish dialect',
    async (_namn, u) => {
      const res = await chef.post(`${klientUrl(V)}/export`, { ...u, sort: '-forstaKontakt' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="klienter-po-klientlista-/);
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      expect(res.body).toContain('\r\n');
      const rader = parseCsv(res.body, { bom: true, delimiter: ';' }) as string[][];
      expect(rader[0]).toEqual(RUBRIK);
      const lista_ = await lista(chef, { ...u, sort: '-forstaKontakt', limit: 500 });
      expect(lista_.items.map((k) => k.id)).toEqual(await forvantat(u, anv.chef, '-forstaKontakt'));
      expect(rader.slice(1).map((r) => [r[0], r[4]])).toEqual(
        // The formula-like alias is written with a quote before it (see below).
        lista_.items.map((k) => [
          k.alias === null ? 'Gallrad klient' : k.alias.startsWith('=') ? `'${k.alias}` : k.alias,
          k.forstaKontakt ?? '',
        ]),
      );
      const [e] = await query<{ action: string; detail: { antal: number; klientIds: string[] } }>(
        database.db,
        sql`select action, detail from audit_log where organisation_id = ${V} and action = 'klient.exported'
            order by id desc limit 1`,
      );
      expect(e!.action).toBe('klient.exported');
      expect(e!.detail.antal).toBe(lista_.total);
      expect(e!.detail.klientIds).toEqual(lista_.items.map((k) => k.id));
    },
  );

  it('values in words; an alias that looks like a formula is not a formula', async () => {
    const res = await chef.post(`${klientUrl(V)}/export`, { kommunKod: '0180' });
    const rader = parseCsv(res.body, { bom: true, delimiter: ';' }) as string[][];
    expect(rader.find((r) => r[0]?.includes('SUMMA'))![0]).toBe("'=SUMMA(A1)");
    expect(new Set(rader.slice(1).map((r) => r[1]))).toEqual(
      new Set(['Kvinna', 'Man', 'Annan könsidentitet']),
    );
    expect(rader.slice(1).every((r) => r[3] === 'Stockholm')).toBe(true);
  });

  it('xlsx: the same rows in one sheet, numbers as numbers', async () => {
    const u: Urval = { status: ['pagaende', 'avslutad'] };
    const res = await chef.post(`${klientUrl(V)}/export`, { ...u, format: 'xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Klienter')!;
    const ids = await forvantat(u, anv.chef);
    expect(ws.rowCount).toBe(ids.length + 1);
    expect(typeof ws.getRow(2).getCell(3).value).toBe('number');
  });

  it('an empty selection is a file with the heading only', async () => {
    const res = await chef.post(`${klientUrl(V)}/export`, { fran: '2030-01-01' });
    expect(parseCsv(res.body, { bom: true, delimiter: ';' })).toEqual([RUBRIK]);
  });
});

// ---------------------------------------------------------------- refusals

describe('bad filters and outsiders', () => {
  const fall: Array<[string, string, string]> = [
    ['status=okand', 'status', 'Status'],
    ['status=pagaende&status=okand', 'status', 'Status'],
    ['ombud=nagon', 'ombud', 'Ombud'],
    ['kommunKod=Stockholm', 'kommunKod', 'Hemkommun'],
    ['kon=x', 'kon', 'Kön'],
    ['fran=2025-13-01', 'fran', 'Från och med'],
    ['till=igar', 'till', 'Till och med'],
    ['fran=2025-05-01&till=2025-04-30', 'till', 'Till och med'],
    ['sort=namn', 'sort', 'Sortering'],
    ['sort=--klient', 'sort', 'Sortering'],
    ['gallrad=kanske', 'gallrad', 'Gallrade'],
    ['limit=0', 'limit', 'Antal per sida'],
    ['limit=501', 'limit', 'Antal per sida'],
    ['offset=-1', 'offset', 'Från post'],
  ];
  it.each(fall)('list ?%s: 400 problem+json naming %s', async (q, field, label) => {
    const res = await chef.get(`${klientUrl(V)}?${q}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json();
    expect(p.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect(p.errors[0].label).toBe(label);
    expect(p.errors[0].message).toMatch(/^[A-ZÅÄÖ].*\.$/);
    expect(p.detail).toContain(label);
  });

  it.each([
    ...fall.filter(([q]) => !q.startsWith('limit') && !q.startsWith('offset')),
    ['format=pdf', 'format', 'Format'] as [string, string, string],
  ])('export %s: 400 naming %s', async (q, field, label) => {
    const body: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(q))
      body[k] = k === 'status' ? [...((body[k] as string[]) ?? []), v] : v;
    const res = await chef.post(`${klientUrl(V)}/export`, body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string; label: string }) => [e.field, e.label])).toEqual([
      [field, label],
    ]);
  });

  it('a search term in the address is refused; the messages say what is wrong in words', async () => {
    const q = await chef.get(`${klientUrl(V)}?q=Kl`);
    expect(q.statusCode).toBe(400);
    const msg = async (s: string) => (await chef.get(`${klientUrl(V)}?${s}`)).json().errors[0].message;
    expect(await msg('status=okand')).toBe(
      'Status ska vara pågående ärende, avslutad, utan ärende eller gallrad.',
    );
    expect(await msg('fran=2025-05-01&till=2025-04-30')).toBe(
      'Periodens slut får inte ligga före dess början.',
    );
  });

  it('another verksamhet’s chef gets 404, a ledamot what the list answers; for the export too', async () => {
    expect((await utomstaende.get(klientUrl(V))).statusCode).toBe(404);
    expect((await utomstaende.post(`${klientUrl(V)}/sok`, {})).statusCode).toBe(404);
    expect((await utomstaende.post(`${klientUrl(V)}/export`, {})).statusCode).toBe(404);
    const listan = (await ledamot.get(klientUrl(V))).statusCode;
    expect([403, 404]).toContain(listan);
    expect((await ledamot.post(`${klientUrl(V)}/export`, {})).statusCode).toBe(listan);
    expect((await utomstaende.get(`${klientUrl(W)}?limit=500`)).json().total).toBe(3);
  });

  it('without a session: 401', async () => {
    const anonym = new Client(app);
    expect((await anonym.post(`${klientUrl(V)}/export`, {})).statusCode).toBe(401);
    expect((await anonym.post(`${klientUrl(V)}/sok`, {})).statusCode).toBe(401);
    expect((await anonym.get(klientUrl(V))).statusCode).toBe(401);
  });
});
