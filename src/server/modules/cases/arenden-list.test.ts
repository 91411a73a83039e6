// The ärende list (issue 10, lists that scale): every filter, their combinations, every sort order and the
// paging agree with SQL written by hand on the same rows; the export holds exactly the filtered rows; bad
// filters are refused in words; nobody outside the verksamhet sees anything.
import { parse as parseCsv } from 'csv-parse/sync';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARENDE_SORT,
  type ArendeItem,
  type ArendeSort,
  AVSLUT_ORSAK_ETIKETT,
} from '../../../contracts/cases.ts';
import { ARENDE_STATUS_ETIKETT, type ArendeStatus } from '../../../domain/codes.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { jamforKo } from '../../../domain/prioritet.ts';
import { query } from '../../db/client.ts';
import { loadExcelJs } from '../../platform/documents/libraries.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet } from '../../testing/factories.ts';
import { plusDagar } from './service.ts';
import { arendeUrl, overga, skapaArende, skapaKlient } from './test-helpers.ts';

let database: TestDatabase;
let app: FastifyInstance;
let V: string;
let W: string;
let ombudA: Client;
let chef: Client;
let utomstaende: Client;
let ledamot: Client;
const anv: Record<'a' | 'b' | 'chef', string> = { a: '', b: '', chef: '' };
/** A client with two ärenden (a closed one and a new request). */
let tvaArenden: string;
const idag = idagISverige();

const STATUS_CYKEL: ArendeStatus[] = ['forfragan', 'ko', 'aktiv', 'aktiv', 'avslutad', 'ej_aktuell', 'aktiv'];

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  V = (await makeVerksamhet(db, { kommuner: ['0180'], kod: 'po-lista' })).id;
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

  // 42 ärenden: every status, four kinds of responsible ombud (a, b, the chef, nobody), request dates over
  // two years with some days shared by several (ties the id must break), waiting times from 0 days up.
  const ombudCykel = [anv.a, anv.b, anv.chef, null] as const;
  for (let i = 0; i < 42; i++) {
    const alias =
      i === 3 ? '=SUMMA(A1)' : i === 4 ? 'ärlig' : `Klient ${String.fromCharCode(65 + (i % 26))}${i}`;
    const k = await skapaKlient(chef, V, { alias });
    const forfragan = i % 7 === 0 ? '2025-03-03' : plusDagar('2024-01-01', (i * 37) % 600);
    // Priority grounds on every third (two on every sixth): the queue order has something to order by.
    const prioritet = i % 6 === 0 ? ['barn', 'ung_vuxen'] : i % 3 === 0 ? ['barn'] : [];
    const arende = await skapaArende(chef, V, k.id, { forfraganDatum: forfragan, prioritet });
    const status = STATUS_CYKEL[i % STATUS_CYKEL.length]!;
    const start = plusDagar(forfragan, (i % 9) * 3);
    const ombud = ombudCykel[i % 4]!;
    if (status === 'ko') await overga(chef, V, arende.id, { status: 'ko' });
    if (status === 'aktiv' || status === 'avslutad') {
      await overga(chef, V, arende.id, { status: 'aktiv', datum: start, ombudUserId: ombud ?? anv.chef });
      if (ombud === null) {
        const res = await chef.patch(arendeUrl(V, arende.id), { ombudUserId: null });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    if (status === 'avslutad')
      await overga(chef, V, arende.id, {
        status: 'avslutad',
        datum: plusDagar(start, 40 + i),
        avslutOrsak: i % 2 ? 'mal_uppnatt' : 'flyttat',
      });
    if (status === 'ej_aktuell') await overga(chef, V, arende.id, { status: 'ej_aktuell', datum: forfragan });
    // The first closed one gets a second request later, so one client has two ärenden.
    if (status === 'avslutad' && !tvaArenden) {
      tvaArenden = k.id;
      await skapaArende(chef, V, k.id, { forfraganDatum: '2025-09-01' });
    }
  }
  // One purged client (no alias any more): last in the client order either way.
  const [g] = await query<{ klient_id: string }>(
    db,
    sql`select a.klient_id from arende a where a.verksamhet_id = ${V} and a.status = 'avslutad'
        and a.klient_id <> ${tvaArenden} order by a.id limit 1`,
  );
  await query(db, sql`delete from klient_identitet where klient_id = ${g!.klient_id}`);
  await query(db, sql`update klient set gallrad_at = now() where id = ${g!.klient_id}`);
  // Another verksamhet's ärenden, which must never show.
  for (let i = 0; i < 3; i++) {
    const wk = await skapaKlient(utomstaende, W);
    await skapaArende(utomstaende, W, wk.id, { forfraganDatum: '2025-03-03' });
  }
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

// ---------------------------------------------------------------- the expectation, in SQL by hand

interface Urval {
  status?: ArendeStatus[];
  ombud?: string;
  fran?: string;
  till?: string;
  klientId?: string;
}

/** The same selection written independently of the repo: which rows, in which order. */
async function forvantat(u: Urval, som: string, sort: ArendeSort = '-forfraganDatum'): Promise<string[]> {
  const c: SQL[] = [sql`a.verksamhet_id = ${V}`];
  if (u.status) c.push(sql`a.status = any(${sql.param(u.status)}::text[])`);
  if (u.ombud === 'jag') c.push(sql`a.ombud_user_id = ${som}`);
  else if (u.ombud === 'ingen') c.push(sql`a.ombud_user_id is null`);
  else if (u.ombud) c.push(sql`a.ombud_user_id = ${u.ombud}`);
  if (u.fran) c.push(sql`a.forfragan_datum >= ${u.fran}::date`);
  if (u.till) c.push(sql`a.forfragan_datum <= ${u.till}::date`);
  if (u.klientId) c.push(sql`a.klient_id = ${u.klientId}`);
  const desc = sort.startsWith('-');
  const nyckel: Record<string, SQL> = {
    forfraganDatum: sql`a.forfragan_datum`,
    vantedagar: sql`case when a.status in ('forfragan', 'ko') then greatest(${idag}::date - a.forfragan_datum, 0)
                         else a.start_datum - a.forfragan_datum end`,
    status: sql`case a.status when 'forfragan' then 1 when 'ko' then 2 when 'aktiv' then 3
                              when 'avslutad' then 4 when 'ej_aktuell' then 5 end`,
    avslutDatum: sql`a.avslut_datum`,
    klient: sql`lower(i.alias)`,
  };
  const dir = desc ? sql.raw('desc') : sql.raw('asc');
  const motsatt = desc ? sql.raw('asc') : sql.raw('desc');
  // The queue order: more priority grounds first, then the earliest request (both turned round for -ko).
  const ordning =
    (desc ? sort.slice(1) : sort) === 'ko'
      ? sql`cardinality(a.prioritet) ${motsatt}, a.forfragan_datum ${dir}, a.id ${dir}`
      : sql`${nyckel[desc ? sort.slice(1) : sort]!} ${dir} nulls last, a.id ${dir}`;
  const rows = await query<{ id: string }>(
    database.db,
    sql`select a.id from arende a
        left join klient_identitet i on i.klient_id = a.klient_id
        where ${sql.join(c, sql` and `)}
        order by ${ordning}`,
  );
  return rows.map((r) => r.id);
}

function qs(u: Urval & Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(u)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) p.append(k, String(x));
    else p.set(k, String(v));
  }
  return p.toString();
}

async function lista(c: Client, q: string) {
  const res = await c.get(`${arendeUrl(V)}?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: ArendeItem[] };
}

const URVAL: Urval[] = [
  {},
  { status: ['aktiv'] },
  { status: ['aktiv', 'ko'] },
  { status: ['avslutad', 'ej_aktuell'] },
  { ombud: 'jag' },
  { ombud: 'ingen' },
  { status: ['aktiv'], ombud: 'ingen' },
  { fran: '2024-06-01' },
  { till: '2024-12-31' },
  { fran: '2025-03-03', till: '2025-03-03' },
  { status: ['aktiv', 'avslutad'], ombud: 'jag', fran: '2024-03-01', till: '2025-06-30' },
  { fran: '2030-01-01' },
];

describe('the ärende list', () => {
  it('the world has what the filters need: every status, each kind of ombud, shared days', async () => {
    const alla = await forvantat({}, anv.a);
    expect(alla.length).toBe(43);
    for (const s of ['forfragan', 'ko', 'aktiv', 'avslutad', 'ej_aktuell'] as const)
      expect((await forvantat({ status: [s] }, anv.a)).length, s).toBeGreaterThan(1);
    expect((await forvantat({ status: ['aktiv'], ombud: 'ingen' }, anv.a)).length).toBeGreaterThan(1);
    expect((await forvantat({ fran: '2025-03-03', till: '2025-03-03' }, anv.a)).length).toBeGreaterThan(3);
  });

  it.each(URVAL.map((u) => [JSON.stringify(u), u] as const))(
    'filter %s: items and total agree with SQL, for the ombud and for the chef',
    async (_namn, u) => {
      for (const [c, som] of [
        [ombudA, anv.a],
        [chef, anv.chef],
      ] as const) {
        const svar = await lista(c, qs({ ...u, limit: 500 }));
        const ids = await forvantat(u, som);
        expect(svar.items.map((a) => a.id)).toEqual(ids);
        // The SQL reads verksamhet V only: equal lists also mean nothing of W came along.
        expect(svar.total).toBe(ids.length);
      }
    },
  );

  it('ombud by id: the given ombud’s ärenden only, the same for whoever asks', async () => {
    for (const id of [anv.a, anv.b, anv.chef]) {
      const ids = await forvantat({ ombud: id }, anv.a);
      expect(ids.length).toBeGreaterThan(0);
      for (const c of [ombudA, chef]) {
        const svar = await lista(c, qs({ ombud: id, limit: 500 }));
        expect(svar.items.map((a) => a.id)).toEqual(ids);
        expect(svar.items.every((a) => a.ombud?.id === id)).toBe(true);
      }
    }
    // 'jag' is the caller: the ombud's own equals asking for the ombud's id.
    expect((await lista(ombudA, 'ombud=jag&limit=500')).items).toEqual(
      (await lista(chef, `ombud=${anv.a}&limit=500`)).items,
    );
  });

  it('the client filter: both of a client’s ärenden', async () => {
    const svar = await lista(chef, qs({ klientId: tvaArenden }));
    expect(svar.total).toBe(2);
    expect(svar.items.map((a) => a.id)).toEqual(await forvantat({ klientId: tvaArenden }, anv.chef));
  });

  it('period bounds are inclusive: från and till on the same day give that day', async () => {
    const svar = await lista(chef, 'fran=2025-03-03&till=2025-03-03&limit=500');
    expect(svar.items.length).toBeGreaterThan(3);
    expect(new Set(svar.items.map((a) => a.forfraganDatum))).toEqual(new Set(['2025-03-03']));
  });

  it.each([...ARENDE_SORT])('sort %s: the SQL order, ties broken by id, empty values last', async (sort) => {
    for (const u of [{}, { status: ['aktiv', 'avslutad'] as ArendeStatus[] }, { ombud: 'ingen' }]) {
      const svar = await lista(chef, qs({ ...u, sort, limit: 500 }));
      expect(svar.items.map((a) => a.id)).toEqual(await forvantat(u, anv.chef, sort));
    }
    // A second check, in JS on the answer itself, for the orders that compare numbers and dates.
    const svar = await lista(chef, qs({ sort, limit: 500 }));
    const desc = sort.startsWith('-');
    const falt = desc ? sort.slice(1) : sort;
    const varde = (a: ArendeItem): string | number | null =>
      falt === 'forfraganDatum'
        ? a.forfraganDatum
        : falt === 'vantedagar'
          ? a.vantedagar
          : falt === 'avslutDatum'
            ? a.avslutDatum
            : falt === 'status'
              ? ['forfragan', 'ko', 'aktiv', 'avslutad', 'ej_aktuell'].indexOf(a.status)
              : null;
    if (falt === 'ko') {
      // The domain's own queue comparator gives the same order.
      const poster = svar.items.map((a) => ({
        id: a.id,
        forfraganDatum: a.forfraganDatum,
        prioritetsgrunder: a.prioritet,
      }));
      const iKoOrdning = [...poster].sort(jamforKo);
      expect(poster.map((p) => p.id)).toEqual((desc ? iKoOrdning.reverse() : iKoOrdning).map((p) => p.id));
      return;
    }
    if (falt === 'klient') return;
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

  it('the default order is the newest request first', async () => {
    const utan = await lista(chef, 'limit=500');
    expect(utan.items.map((a) => a.id)).toEqual(await forvantat({}, anv.chef, '-forfraganDatum'));
    expect(utan.items.map((a) => a.id)).toEqual(
      (await lista(chef, 'limit=500&sort=-forfraganDatum')).items.map((a) => a.id),
    );
  });

  it('a purged client has no alias and comes last in the client order, both ways', async () => {
    for (const sort of ['klient', '-klient'] as const) {
      const svar = await lista(chef, qs({ sort, limit: 500 }));
      expect(svar.items.at(-1)!.gallrad).toBe(true);
      expect(svar.items.at(-1)!.klientAlias).toBeNull();
    }
  });

  it('paging: pages of 7 walk the whole order without overlap or gaps, the total the same on each', async () => {
    for (const [u, sort] of [
      [{}, '-forfraganDatum'],
      [{}, 'vantedagar'],
      [{ status: ['aktiv', 'avslutad'] as ArendeStatus[] }, '-status'],
      [{ till: '2025-03-03' }, 'klient'],
    ] as const) {
      const ids = await forvantat(u, anv.chef, sort);
      const sett: string[] = [];
      for (let offset = 0; offset < ids.length + 7; offset += 7) {
        const sida = await lista(chef, qs({ ...u, sort, limit: 7, offset }));
        expect(sida.total).toBe(ids.length);
        expect(sida.items.map((a) => a.id)).toEqual(ids.slice(offset, offset + 7));
        sett.push(...sida.items.map((a) => a.id));
      }
      expect(sett).toEqual(ids);
    }
  });

  it('existing callers keep working: one status, repeated statuses, limit=1 for a count', async () => {
    const en = await lista(chef, 'status=aktiv&ombud=ingen&limit=1');
    expect(en.items.length).toBe(1);
    expect(en.total).toBe((await forvantat({ status: ['aktiv'], ombud: 'ingen' }, anv.chef)).length);
    const tva = await lista(chef, 'status=aktiv&status=ko&limit=500');
    expect(tva.items.map((a) => a.id)).toEqual(await forvantat({ status: ['aktiv', 'ko'] }, anv.chef));
  });
});

// ---------------------------------------------------------------- export

const RUBRIK = ['Klient', 'Förfrågan', 'Status', 'Ombud', 'Väntedagar', 'Avslutad', 'Avslutsorsak'];

/** How the list's item should read in the export. */
function somRad(a: ArendeItem): string[] {
  return [
    a.klientAlias ?? 'Gallrad klient',
    a.forfraganDatum,
    ARENDE_STATUS_ETIKETT[a.status].sv,
    a.ombud?.displayName ?? '',
    a.vantedagar === null ? '' : String(a.vantedagar),
    a.avslutDatum ?? '',
    a.avslutOrsak ? AVSLUT_ORSAK_ETIKETT[a.avslutOrsak].sv : '',
  ];
}

async function senasteExport() {
  const [r] = await query<{
    detail: { arendeIds: string[]; format: string; urval: Record<string, unknown> };
  }>(
    database.db,
    sql`select detail from audit_log where action = 'arende.exported' order by id desc limit 1`,
  );
  return r!.detail;
}

describe('the export', () => {
  it.each([
    [{}, '-forfraganDatum'],
    [{ status: ['aktiv'] as ArendeStatus[], ombud: 'ingen' }, 'klient'],
    [{ fran: '2024-06-01', till: '2025-03-03' }, '-vantedagar'],
    [{ ombud: 'jag' }, 'status'],
  ] as const)('CSV of %j sorted %s: exactly the filtered rows, in order, in words', async (u, sort) => {
    const ids = await forvantat(u, anv.a, sort);
    // limit and offset are the list's: the export holds every matching row whatever they say.
    const res = await ombudA.get(
      `${arendeUrl(V)}/export?${qs({ ...u, sort, format: 'csv', limit: 5, offset: 5 })}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="arenden-po-lista-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''%C3%A4renden-po-lista-/,
    );
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rader = parseCsv(res.body, { bom: true, delimiter: ';' }) as string[][];
    expect(rader[0]).toEqual(RUBRIK);
    const lista_ = await lista(ombudA, qs({ ...u, sort, limit: 500 }));
    expect(lista_.items.map((a) => a.id)).toEqual(ids);
    // The formula guard puts a ' before a leading =; otherwise the cells are the list's, in words.
    const forvantadeRader = lista_.items
      .map(somRad)
      .map((r) => r.map((c) => (c.startsWith('=') ? `'${c}` : c)));
    expect(rader.slice(1)).toEqual(forvantadeRader);
    expect(rader.length - 1).toBe(ids.length);
    // Audited as a read of client data: every exported ärende by id, and the filters.
    const d = await senasteExport();
    expect(d.arendeIds).toEqual(ids);
    expect(d.format).toBe('csv');
    expect(d.urval.sort).toBe(sort);
  });

  it('an alias that looks like a formula is not a formula in the CSV', async () => {
    const res = await chef.get(`${arendeUrl(V)}/export`);
    const rader = parseCsv(res.body, { bom: true, delimiter: ';' }) as string[][];
    expect(rader.some((r) => r[0] === "'=SUMMA(A1)")).toBe(true);
    expect(rader.some((r) => r[0] === '=SUMMA(A1)')).toBe(false);
    expect(rader.some((r) => r[0] === 'ärlig')).toBe(true);
  });

  it('xlsx: the same rows in one sheet, numbers as numbers', async () => {
    const u = { status: ['aktiv', 'avslutad'] as ArendeStatus[] };
    const ids = await forvantat(u, anv.chef, '-vantedagar');
    const res = await chef.get(`${arendeUrl(V)}/export?${qs({ ...u, sort: '-vantedagar', format: 'xlsx' })}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toMatch(/filename="arenden-po-lista-.*\.xlsx"/);
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Ärenden')!;
    const rader: unknown[][] = [];
    ws.eachRow((row) => rader.push((row.values as unknown[]).slice(1)));
    expect(rader[0]).toEqual(RUBRIK);
    const items = (await lista(chef, qs({ ...u, sort: '-vantedagar', limit: 500 }))).items;
    expect(items.map((a) => a.id)).toEqual(ids);
    expect(rader.length - 1).toBe(ids.length);
    rader.slice(1).forEach((r, i) => {
      const a = items[i]!;
      const f = somRad(a);
      expect(r[0]).toBe(f[0]);
      expect(r[1]).toBe(f[1]);
      expect(r[2]).toBe(f[2]);
      expect(r[3] ?? '').toBe(f[3]);
      expect(r[4] ?? null).toBe(a.vantedagar);
      expect(r[5] ?? '').toBe(f[5]);
      expect(r[6] ?? '').toBe(f[6]);
    });
    expect((await senasteExport()).arendeIds).toEqual(ids);
  });

  it('an empty selection is a file with the heading only', async () => {
    const res = await chef.get(`${arendeUrl(V)}/export?fran=2030-01-01`);
    expect(res.statusCode).toBe(200);
    expect(parseCsv(res.body, { bom: true, delimiter: ';' })).toEqual([RUBRIK]);
  });
});

// ---------------------------------------------------------------- refusals

describe('bad filters and outsiders', () => {
  const fall: Array<[string, string, string]> = [
    ['status=okand', 'status', 'Status'],
    ['status=aktiv&status=okand', 'status', 'Status'],
    ['ombud=nagon', 'ombud', 'Ombud'],
    ['fran=2025-13-01', 'fran', 'Från och med'],
    ['till=igar', 'till', 'Till och med'],
    ['fran=2025-05-01&till=2025-04-30', 'till', 'Till och med'],
    ['sort=namn', 'sort', 'Sortering'],
    ['sort=--vantedagar', 'sort', 'Sortering'],
    ['limit=0', 'limit', 'Antal per sida'],
    ['limit=501', 'limit', 'Antal per sida'],
    ['offset=-1', 'offset', 'Från post'],
    ['klientId=x', 'klientId', 'Klient'],
  ];
  it.each(fall)('list ?%s: 400 problem+json naming %s', async (q, field, label) => {
    const res = await chef.get(`${arendeUrl(V)}?${q}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json();
    expect(p.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect(p.errors[0].label).toBe(label);
    // A sentence for a person: no code words, no paths.
    expect(p.errors[0].message).toMatch(/^[A-ZÅÄÖ].*\.$/);
    expect(p.detail).toContain(label);
  });

  it.each([
    ...fall.filter(([q]) => !q.startsWith('limit') && !q.startsWith('offset')),
    ['format=pdf', 'format', 'Format'] as [string, string, string],
  ])('export ?%s: 400 naming %s', async (q, field, label) => {
    const res = await chef.get(`${arendeUrl(V)}/export?${q}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string; label: string }) => [e.field, e.label])).toEqual([
      [field, label],
    ]);
  });

  it('the messages say what is wrong in words', async () => {
    const msg = async (q: string) => (await chef.get(`${arendeUrl(V)}?${q}`)).json().errors[0].message;
    expect(await msg('fran=2025-05-01&till=2025-04-30')).toBe(
      'Periodens slut får inte ligga före dess början.',
    );
    expect(await msg('status=okand')).toBe(
      'Status ska vara förfrågan, i kö, aktiv, avslutad eller ej aktuell.',
    );
    expect(await msg('fran=2025-13-01')).toBe('Från och med ska vara ett datum, t.ex. 2026-03-31.');
  });

  it('another verksamhet’s chef gets 404, a ledamot what the list answers; for the export too', async () => {
    for (const url of [arendeUrl(V), `${arendeUrl(V)}/export`, `${arendeUrl(V)}/export?format=xlsx`]) {
      const res = await utomstaende.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const listan = (await ledamot.get(arendeUrl(V))).statusCode;
    expect([403, 404]).toContain(listan);
    expect((await ledamot.get(`${arendeUrl(V)}/export`)).statusCode).toBe(listan);
    // Their own list holds only their own.
    const egen = await utomstaende.get(`${arendeUrl(W)}?limit=500`);
    expect(egen.json().total).toBe(3);
  });

  it('without a session: 401', async () => {
    const res = await app.inject({ method: 'GET', url: `${arendeUrl(V)}/export` });
    expect(res.statusCode).toBe(401);
  });
});
