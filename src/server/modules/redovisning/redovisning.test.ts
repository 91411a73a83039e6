// The redovisning over HTTP: pre-fill from casework with last year beside it, every validation rule as a
// field error, the workflow (illegal transitions, immutable versions, late marking, return and diff,
// approval) and who sees what (the Länsstyrelse of another län gets 404, no reviewer ever sees a draft).
import { randomUUID } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAN_SORT, type LanList } from '../../../contracts/redovisning.ts';
import type { RedovisningV1 } from '../../../contracts/redovisning-v1.ts';
import type { Principal } from '../../../domain/access.ts';
import { arForsenad } from '../../../domain/redovisning/dokumentregler.ts';
import { query } from '../../db/client.ts';
import { arende, klient, ombudTjanst } from '../../db/schema/index.ts';
import { type Client, loginAs, makeApp, testConfig } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import { giltigRedovisning } from '../../testing/redovisning-fixture.ts';
import { GRANSKNING_KOLUMNER } from './granskning-export.ts';
import { listSnapshots } from './service.ts';

const g = (kvinna: number, man: number, annan = 0) => ({ kvinna, man, annan, totalt: kvinna + man + annan });

let database: TestDatabase;
let app: FastifyInstance;
const V: Record<'A' | 'R' | 'C' | 'D' | 'E' | 'U', string> = { A: '', R: '', C: '', D: '', E: '', U: '' };
const u: Record<string, Client> = {};
const principals: Record<string, Principal> = {};
const url = (v: string, ar = 2025) => `/api/v1/verksamheter/${v}/redovisningar/${ar}`;

/** Figures that pass every rule (9 clients), for 2025. */
const giltiga = () => giltigRedovisning(2025);

async function casework(verksamhetId: string) {
  const k = (kon: 'kvinna' | 'man', fodelsear: number, barn: 'nej' | 'helt') => ({
    id: randomUUID(),
    verksamhetId,
    kon,
    fodelsear,
    kommunKod: '0180',
    barnUnder18: barn,
  });
  const [k1, k2, k3, k4] = [
    k('kvinna', 1980, 'helt'),
    k('man', 1990, 'nej'),
    k('kvinna', 1950, 'nej'),
    k('man', 2000, 'nej'),
  ];
  await database.db.insert(klient).values([k1!, k2!, k3!, k4!]);
  const a = (
    kl: { id: string },
    status: 'aktiv' | 'avslutad',
    start: string,
    slut: string | null,
    orsaker: string[],
  ) => ({
    verksamhetId,
    klientId: kl.id,
    forfraganDatum: start,
    status,
    startDatum: start,
    avslutDatum: slut,
    kontaktorsaker: orsaker,
  });
  await database.db
    .insert(arende)
    .values([
      a(k1!, 'aktiv', '2024-03-01', null, ['ekonomi']),
      a(k2!, 'aktiv', '2025-02-01', null, ['ekonomi', 'bostad']),
      a(k3!, 'avslutad', '2025-01-10', '2025-06-01', ['myndighetskontakter']),
      a(k4!, 'avslutad', '2024-01-01', '2024-05-01', ['bostad']),
    ]);
}

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  V.A = (await makeVerksamhet(db, { namn: 'PO Innerstaden' })).id;
  V.R = (await makeVerksamhet(db)).id;
  V.C = (await makeVerksamhet(db)).id;
  V.D = (await makeVerksamhet(db)).id;
  V.E = (await makeVerksamhet(db)).id;
  V.U = (await makeVerksamhet(db, { lanKod: '03', kommuner: ['0380'] })).id;
  const ls01 = await orgId(db, 'lansstyrelse', '01');
  const ls03 = await orgId(db, 'lansstyrelse', '03');
  const ss = await orgId(db, 'socialstyrelsen', 'socialstyrelsen');
  const users = {
    chefA: [{ organisationId: V.A, roll: 'chef' as const }],
    ombudA: [{ organisationId: V.A, roll: 'ombud' as const }],
    chefR: [{ organisationId: V.R, roll: 'chef' as const }],
    chefC: [{ organisationId: V.C, roll: 'chef' as const }],
    chefD: [{ organisationId: V.D, roll: 'chef' as const }],
    chefE: [{ organisationId: V.E, roll: 'chef' as const }],
    ls01: [{ organisationId: ls01, roll: 'lansstyrelse' as const }],
    ls03: [{ organisationId: ls03, roll: 'lansstyrelse' as const }],
    ss: [{ organisationId: ss, roll: 'socialstyrelsen' as const }],
  };
  const ids: Record<string, string> = {};
  for (const [name, roller] of Object.entries(users)) {
    const made = await makeUser(db, roller, { kon: name === 'ombudA' ? 'kvinna' : 'man' });
    ids[name] = made.id;
    u[name] = await loginAs(app, made.username);
    principals[name] = {
      userId: made.id,
      username: made.username,
      medlemskap: roller.map((r) => ({
        ...r,
        organisationTyp:
          r.roll === 'lansstyrelse'
            ? 'lansstyrelse'
            : r.roll === 'socialstyrelsen'
              ? 'socialstyrelsen'
              : 'verksamhet',
        lanKod: r.organisationId === ls01 ? '01' : r.organisationId === ls03 ? '03' : null,
      })),
    };
  }
  await casework(V.A);
  await db.insert(ombudTjanst).values([
    { verksamhetId: V.A, userId: ids.chefA!, arsarbetareHundradelar: 100 },
    { verksamhetId: V.A, userId: ids.ombudA!, arsarbetareHundradelar: 50 },
  ]);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('pre-fill and year-over-year', () => {
  it('opens with the computed figures, last year from the engine, staff FTE and gender, deadline', async () => {
    const res = await u.chefA!.get(url(V.A));
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.id).toBeNull();
    expect(v.status).toBe('utkast');
    expect(v.kalla).toBe('arendehantering');
    expect(v.dokument.format).toBe('ombud.redovisning/v1');
    expect(v.dokument.klienter.totalt).toEqual(g(2, 1));
    expect(v.dokument.klienter.nya.totalt).toBe(2);
    expect(v.dokument.personal).toEqual({ ombud: 2, arsarbetare: 1.5, kvinnor: 1, man: 1 });
    expect(v.forraAret).toMatchObject({ ar: 2024, kalla: 'arendehantering' });
    expect(v.forraAret.dokument.klienter.totalt.totalt).toBe(2);
    expect(v.jamforelse).toContainEqual({ path: 'klienter.totalt.totalt', iAr: 3, forraAret: 2 });
    expect(v.andelar.klienterKvinnor).toBeCloseTo(66.7, 1);
    expect(v.deadline).toBe('2026-01-15');
    expect(v.las.last).toBe(false);
    expect(v.kanAndra).toBe(true);
  });

  it('prefers last year’s submitted snapshot over the engine', async () => {
    const put = await u.chefA!.put(url(V.A, 2024), { ...giltiga(), ansokan: { ar: 2025, arsarbetare: 1.5 } });
    expect(put.statusCode, put.body).toBe(200);
    const sub = await u.chefA!.post(`${url(V.A, 2024)}/inskickning`);
    expect(sub.statusCode, sub.body).toBe(200);
    const v = (await u.chefA!.get(url(V.A))).json();
    expect(v.forraAret).toMatchObject({ ar: 2024, kalla: 'inskickad' });
    expect(v.jamforelse).toContainEqual({ path: 'klienter.totalt.totalt', iAr: 3, forraAret: 9 });
  });
});

describe('validation: every rule surfaces as a field error on submission', () => {
  type Body = ReturnType<typeof giltiga>;
  const fall: Array<[rule: string, path: string, mutate: (b: Body) => void]> = [
    [
      'summa_kon',
      'klienter.totalt.totalt',
      (b) => {
        b.klienter.totalt.totalt = 10;
      },
    ],
    [
      'alder_summa',
      'klienter.alder.kvinna',
      (b) => {
        b.klienter.alder['65+'] = g(2, 0);
      },
    ],
    [
      'nya_max',
      'klienter.nya.kvinna',
      (b) => {
        b.klienter.nya = g(6, 2);
      },
    ],
    [
      'avslutade_klienter_max',
      'klienter.avslutadeKlienter.man',
      (b) => {
        b.klienter.avslutade = g(1, 5);
        (b.klienter as Record<string, unknown>).avslutadeKlienter = g(1, 5);
      },
    ],
    [
      'avslutade_arenden',
      'klienter.avslutade.kvinna',
      (b) => {
        (b.klienter as Record<string, unknown>).avslutadeKlienter = g(2, 1);
      },
    ],
    [
      'med_barn_max',
      'klienter.medBarn.kvinna',
      (b) => {
        b.klienter.medBarn = g(6, 0);
      },
    ],
    [
      'kontaktorsak_max',
      'kontaktorsaker.ekonomi.kvinna',
      (b) => {
        b.kontaktorsaker.ekonomi = g(6, 2);
      },
    ],
    [
      'okand_kontaktorsak',
      'kontaktorsaker.spel',
      (b) => {
        (b.kontaktorsaker as Record<string, unknown>).spel = g(1, 0);
      },
    ],
    [
      'arsarbetare_positiv',
      'personal.arsarbetare',
      (b) => {
        b.personal.arsarbetare = 0;
      },
    ],
    [
      'arsarbetare_max',
      'personal.arsarbetare',
      (b) => {
        b.personal.arsarbetare = 3;
      },
    ],
    [
      'personal_kon_max',
      'personal',
      (b) => {
        b.personal = { ombud: 2, arsarbetare: 1.5, kvinnor: 2, man: 1 };
      },
    ],
    [
      'vantetid_median_max',
      'ko.vantetidMedianDagar',
      (b) => {
        b.ko.vantetidMedianDagar = 90;
      },
    ],
    [
      'vantetid_parvis',
      'ko.vantetidMaxDagar',
      (b) => {
        b.ko.vantetidMaxDagar = null as unknown as number;
      },
    ],
    [
      'ansokan_ar',
      'ansokan.ar',
      (b) => {
        b.ansokan.ar = 2025;
      },
    ],
    [
      'text_saknas',
      'text.jamstalldhetsanalys',
      (b) => {
        b.text.jamstalldhetsanalys = '  ';
      },
    ],
  ];
  it.each(fall)('%s → %s', async (rule, path, mutate) => {
    const body = giltiga();
    mutate(body);
    const put = await u.chefR!.put(url(V.R), body);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().validering).toContainEqual(expect.objectContaining({ path, rule }));
    const res = await u.chefR!.post(`${url(V.R)}/inskickning`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: path, rule }));
  });

  it('per-kommun ansökan must use the verksamhet’s kommuner and add up', async () => {
    const body = {
      ...giltiga(),
      ansokan: { ar: 2026, arsarbetare: 1.5, perKommun: [{ kommunKod: '0380', arsarbetare: 1 }] },
    };
    await u.chefR!.put(url(V.R), body);
    const res = await u.chefR!.post(`${url(V.R)}/inskickning`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'ansokan.perKommun.0.kommunKod', rule: 'ansokan_kommun' }),
        expect.objectContaining({ field: 'ansokan.arsarbetare', rule: 'ansokan_summa' }),
      ]),
    );
  });

  it('a non-integer count is refused by the format with its path', async () => {
    const body = giltiga();
    (body.klienter.totalt as { kvinna: number }).kvinna = 1.5;
    const res = await u.chefR!.put(url(V.R), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'klienter.totalt.kvinna' }));
  });

  it('the personal-data guard refuses a personnummer in the narrative', async () => {
    const res = await u.chefR!.put(url(V.R), {
      text: { ...giltiga().text, forbattringsarbete: 'Klienten 19800101-0008 fick hjälp.' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({ field: 'text.forbattringsarbete', rule: 'personuppgift' }),
    );
  });

  it('the valid figures go through', async () => {
    await u.chefR!.put(url(V.R), giltiga());
    const res = await u.chefR!.post(`${url(V.R)}/inskickning`);
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('workflow and review', () => {
  let id = '';
  let v1: RedovisningV1;

  it('submission freezes version 1 and locks the draft, telling by whom', async () => {
    await u.chefA!.put(url(V.A), {
      ...giltiga(),
      klienter: undefined,
      kontaktorsaker: undefined,
      ko: undefined,
    });
    const res = await u.chefA!.post(`${url(V.A)}/inskickning`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    id = v.id;
    expect(v.status).toBe('inskickad');
    expect(v.versioner.map((x: { version: number }) => x.version)).toEqual([1]);
    expect(v.las.last).toBe(true);
    expect(v.las.av).toBeTruthy();
    expect(v.las.anledning).toContain('skickades in');
    expect(v.kanAndra).toBe(false);
    // Submitted in November 2026 for 2025: after 15 January 2026.
    expect(v.forsenad).toBe(true);
    expect(v.versioner[0].forsenad).toBe(true);
    v1 = (await u.ls01!.get(`/api/v1/redovisningar/${id}/versioner/1`)).json().dokument;
    expect(v1.text.forbattringsarbete).toBe(giltiga().text.forbattringsarbete);
  });

  it('illegal transitions are refused', async () => {
    expect((await u.chefA!.put(url(V.A), { text: giltiga().text })).statusCode).toBe(409);
    expect((await u.chefA!.post(`${url(V.A)}/inskickning`)).statusCode).toBe(409);
    // An ombud may read but not write the report; with no write right anywhere the route gate answers 404.
    expect((await u.ombudA!.get(url(V.A))).statusCode).toBe(200);
    expect((await u.ombudA!.put(url(V.A), { text: giltiga().text })).statusCode).toBe(404);
    expect((await u.ombudA!.post(`${url(V.A)}/inskickning`)).statusCode).toBe(404);
    // Another verksamhet's chef does not see it at all.
    expect((await u.chefR!.get(url(V.A))).statusCode).toBe(404);
    expect((await u.chefR!.put(url(V.A), { text: giltiga().text })).statusCode).toBe(404);
    // The verksamhet cannot review itself, nor can Socialstyrelsen (no review right anywhere: 404).
    expect((await u.chefA!.post(`/api/v1/redovisningar/${id}/retur`, { anledning: 'x' })).statusCode).toBe(
      404,
    );
    expect((await u.ss!.post('/api/v1/redovisningar/godkannande', { ids: [id] })).statusCode).toBe(404);
  });

  it('the Länsstyrelse of another län gets 404, Socialstyrelsen may read', async () => {
    expect((await u.ls03!.get(`/api/v1/redovisningar/${id}`)).statusCode).toBe(404);
    expect((await u.ls03!.get(`/api/v1/redovisningar/${id}/versioner/1`)).statusCode).toBe(404);
    expect((await u.ls03!.post(`/api/v1/redovisningar/${id}/retur`, { anledning: 'x' })).statusCode).toBe(
      404,
    );
    expect((await u.ls03!.get('/api/v1/lan/01/redovisningar?ar=2025')).statusCode).toBe(404);
    expect((await u.ss!.get(`/api/v1/redovisningar/${id}`)).statusCode).toBe(200);
    // Nor do they get the verksamhet's own (draft) view.
    expect((await u.ls01!.get(url(V.A))).statusCode).toBe(404);
    expect((await u.ss!.get(url(V.A))).statusCode).toBe(404);
  });

  it('the Länsstyrelse never sees a draft', async () => {
    const put = await u.chefC!.put(url(V.C), giltiga());
    const draftId = put.json().id as string;
    expect(draftId).toBeTruthy();
    expect((await u.ls01!.get(`/api/v1/redovisningar/${draftId}`)).statusCode).toBe(404);
    expect((await u.ls01!.get(`/api/v1/redovisningar/${draftId}/versioner/1`)).statusCode).toBe(404);
    expect(
      (await u.ls01!.post(`/api/v1/redovisningar/${draftId}/kommentarer`, { text: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await u.ls01!.get(`/api/v1/verksamheter/${V.C}/redovisningar/2025/dokument/json`)).statusCode,
    ).toBe(404);
    const list = (await u.ls01!.get('/api/v1/lan/01/redovisningar?ar=2025')).json();
    const c = list.rader.find((r: { verksamhetId: string }) => r.verksamhetId === V.C);
    // Deadline 15 January 2026 has passed (today is later): nothing sent in → 'sen'.
    expect(c).toMatchObject({ status: 'sen', redovisningId: null, forsenad: true });
    expect(list.rader.find((r: { verksamhetId: string }) => r.verksamhetId === V.A)).toMatchObject({
      status: 'inskickad',
      redovisningId: id,
      version: 1,
    });
    expect(list.rader.some((r: { verksamhetId: string }) => r.verksamhetId === V.U)).toBe(false);
  });

  it("Socialstyrelsen's per-län counts agree with the Länsstyrelse's list; nobody else may read them", async () => {
    const lan01 = (await u.ls01!.get('/api/v1/lan/01/redovisningar?ar=2025')).json() as {
      rader: Array<{ status: string; forsenad: boolean }>;
    };
    const res = await u.ss!.get('/api/v1/nationellt/2025/redovisningar');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      deadline: string;
      rader: Array<{
        lanKod: string;
        verksamheter: number;
        antal: Record<string, number>;
        forsenade: number;
      }>;
    };
    expect(body.deadline).toBe('2026-01-15');
    expect(body.rader).toHaveLength(21);
    const rad = body.rader.find((r) => r.lanKod === '01')!;
    expect(rad.verksamheter).toBe(lan01.rader.length);
    for (const status of ['saknas', 'sen', 'inskickad', 'returnerad', 'godkand'])
      expect(rad.antal[status], status).toBe(lan01.rader.filter((r) => r.status === status).length);
    expect(rad.forsenade).toBe(lan01.rader.filter((r) => r.forsenad).length);
    expect(rad.antal.inskickad).toBeGreaterThan(0);
    expect((await u.ls01!.get('/api/v1/nationellt/2025/redovisningar')).statusCode).toBe(404);
    expect((await u.chefC!.get('/api/v1/nationellt/2025/redovisningar')).statusCode).toBe(404);
  });

  it('comments on the whole report and on one figure, signed by name; an unknown path is refused', async () => {
    await query(
      database.db,
      sql`update app_user set display_name = 'Lisa Granskare' where username = ${principals.ls01!.username}`,
    );
    const c1 = await u.ls01!.post(`/api/v1/redovisningar/${id}/kommentarer`, {
      text: 'Tack, tydlig redovisning.',
    });
    expect(c1.statusCode, c1.body).toBe(201);
    expect(c1.json()).toMatchObject({ path: null, version: 1, anvandare: 'Lisa Granskare' });
    const c2 = await u.ls01!.post(`/api/v1/redovisningar/${id}/kommentarer`, {
      path: 'klienter.totalt.kvinna',
      text: 'Stämmer antalet kvinnor?',
    });
    expect(c2.statusCode).toBe(201);
    const bad = await u.ls01!.post(`/api/v1/redovisningar/${id}/kommentarer`, {
      path: 'klienter.ingenting',
      text: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('path');
  });

  it("the län list shows each submitted report's key figures and the comments on its latest version", async () => {
    const view = (await u.ls01!.get(`/api/v1/redovisningar/${id}`)).json();
    expect(view.kommentarer.length).toBeGreaterThan(0);
    const list = (await u.ls01!.get('/api/v1/lan/01/redovisningar?ar=2025')).json();
    const a = list.rader.find((r: { verksamhetId: string }) => r.verksamhetId === V.A);
    expect(a.nyckeltal).toEqual({
      klienter: view.dokument.klienter.totalt.totalt,
      nyaKlienter: view.dokument.klienter.nya.totalt,
      soktaArsarbetare: view.dokument.ansokan.arsarbetare,
      kommentarer: view.kommentarer.filter((k: { version: number }) => k.version === view.version).length,
    });
    // Nothing sent in: no figures to show.
    expect(list.rader.find((r: { verksamhetId: string }) => r.verksamhetId === V.C).nyckeltal).toBeNull();
  });

  it('return with a reason unlocks the draft; resubmission is version 2 with a diff against version 1', async () => {
    const ret = await u.ls01!.post(`/api/v1/redovisningar/${id}/retur`, {
      anledning: 'Komplettera förbättringsarbetet.',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json().status).toBe('returnerad');
    // Returning twice is not a transition.
    expect((await u.ls01!.post(`/api/v1/redovisningar/${id}/retur`, { anledning: 'igen' })).statusCode).toBe(
      409,
    );
    const view = (await u.chefA!.get(url(V.A))).json();
    expect(view.status).toBe('returnerad');
    expect(view.returAnledning).toBe('Komplettera förbättringsarbetet.');
    expect(view.kanAndra).toBe(true);
    expect(view.kommentarer).toHaveLength(2);
    const put = await u.chefA!.put(url(V.A), {
      text: {
        ...giltiga().text,
        forbattringsarbete: 'Dialog med ekonomiskt bistånd; ny rutin för blanketter.',
      },
      personal: { ombud: 3, arsarbetare: 2, kvinnor: 2, man: 1 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const sub = await u.chefA!.post(`${url(V.A)}/inskickning`);
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().versioner.map((x: { version: number }) => x.version)).toEqual([1, 2]);

    const gr = (await u.ls01!.get(`/api/v1/redovisningar/${id}`)).json();
    expect(gr.version).toBe(2);
    expect(gr.diff.motVersion).toBe(1);
    expect(gr.diff.rader).toEqual(
      expect.arrayContaining([
        { path: 'personal.ombud', fore: 2, efter: 3 },
        { path: 'personal.arsarbetare', fore: 1.5, efter: 2 },
        expect.objectContaining({ path: 'text.forbattringsarbete' }),
      ]),
    );
    expect(gr.diff.rader.some((r: { path: string }) => r.path.startsWith('klienter.'))).toBe(false);
  });

  it('version 1 is immutable: same document and timestamp after the resubmission', async () => {
    const again = (await u.ls01!.get(`/api/v1/redovisningar/${id}/versioner/1`)).json();
    expect(again.dokument).toEqual(v1);
    const rows = await query<{ version: number; n: number }>(
      database.db,
      sql`select version, count(*)::int as n from redovisning_version where redovisning_id = ${id} group by version order by version`,
    );
    expect(rows.map((r) => [Number(r.version), Number(r.n)])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('approval of several at once is all or nothing; an approved report is final', async () => {
    // D is submitted, E is only a draft: approving both fails and approves neither.
    await u.chefD!.put(url(V.D), giltiga());
    const idD = (await u.chefD!.post(`${url(V.D)}/inskickning`)).json().id as string;
    const idE = (await u.chefE!.put(url(V.E), giltiga())).json().id as string;
    const fail = await u.ls01!.post('/api/v1/redovisningar/godkannande', { ids: [idD, idE] });
    expect(fail.statusCode).toBe(404);
    expect((await u.ls01!.get(`/api/v1/redovisningar/${idD}`)).json().status).toBe('inskickad');

    const ok = await u.ls01!.post('/api/v1/redovisningar/godkannande', { ids: [id, idD] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().map((x: { status: string }) => x.status)).toEqual(['godkand', 'godkand']);
    expect((await u.chefA!.put(url(V.A), { text: giltiga().text })).statusCode).toBe(409);
    expect((await u.ls01!.post(`/api/v1/redovisningar/${id}/retur`, { anledning: 'x' })).statusCode).toBe(
      409,
    );
    const view = (await u.chefA!.get(url(V.A))).json();
    expect(view.las).toMatchObject({ last: true });
    expect(view.las.anledning).toContain('godkändes');
  });

  it('listSnapshots: own län only for a Länsstyrelse, all for Socialstyrelsen, approved unless asked', async () => {
    const ctx = (p: Principal) => ({ db: database.db, config: testConfig(), principal: p });
    const godkanda = await listSnapshots(ctx(principals.ls01!), { ar: 2025 });
    expect(godkanda.map((s) => s.verksamhetId).sort()).toEqual([V.A, V.D].sort());
    expect(godkanda.find((s) => s.verksamhetId === V.A)).toMatchObject({ status: 'godkand', version: 2 });
    const alla = await listSnapshots(ctx(principals.ls01!), { ar: 2025, inklusiveInskickade: true });
    expect(alla.map((s) => s.verksamhetId)).toContain(V.R);
    expect(alla.map((s) => s.verksamhetId)).not.toContain(V.C); // a draft only
    await expect(listSnapshots(ctx(principals.ls03!), { ar: 2025, lanKod: '01' })).rejects.toThrow();
    expect(await listSnapshots(ctx(principals.ls03!), { ar: 2025 })).toEqual([]);
    const nation = await listSnapshots(ctx(principals.ss!), { ar: 2025, inklusiveInskickade: true });
    expect(nation.length).toBeGreaterThanOrEqual(3);
    await expect(listSnapshots(ctx(principals.chefA!), { ar: 2025 })).rejects.toThrow();
  });

  it('a report for a year whose deadline has not passed is not late', async () => {
    await u.chefD!.put(url(V.D, 2026), { ...giltiga(), ansokan: { ar: 2027, arsarbetare: 1.5 } });
    const res = await u.chefD!.post(`${url(V.D, 2026)}/inskickning`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().forsenad).toBe(false);
    expect(res.json().deadline).toBe('2027-01-15');
  });
});

describe('lateness by the Stockholm calendar date', () => {
  it.each([
    ['2026-01-15T22:59:59Z', false], // 23:59:59 in Stockholm on the 15th
    ['2026-01-15T23:00:00Z', true], // midnight: the 16th in Stockholm
    ['2026-01-14T10:00:00Z', false],
  ])('%s → late %s', (at, sen) => {
    expect(arForsenad(at, 2025)).toBe(sen);
  });
});

describe('the review list in order and as a file (issue 10)', () => {
  it('every order: the column’s values rise (or fall), empty values last, ties by name', async () => {
    for (const sort of LAN_SORT) {
      const res = await u.ls01!.get(`/api/v1/lan/01/redovisningar?ar=2025&sort=${sort}`);
      expect(res.statusCode, res.body).toBe(200);
      const rader = res.json().rader as LanList['rader'];
      const desc = sort.startsWith('-');
      const falt = desc ? sort.slice(1) : sort;
      const varde = (r: LanList['rader'][number]) =>
        falt === 'verksamhet'
          ? r.namn
          : falt === 'status'
            ? ['saknas', 'sen', 'inskickad', 'returnerad', 'godkand'].indexOf(r.status)
            : falt === 'inskickad'
              ? r.inskickadAt
              : (r.nyckeltal?.klienter ?? null);
      const v = rader.map(varde);
      const forstaTomma = v.indexOf(null);
      if (forstaTomma >= 0) expect(v.slice(forstaTomma).every((x) => x === null)).toBe(true);
      const fyllda = v.filter((x) => x !== null);
      for (let i = 1; i < fyllda.length; i++) {
        const [x, y] = [fyllda[i - 1]!, fyllda[i]!];
        const c = typeof x === 'string' ? x.localeCompare(y as string, 'sv') : x - (y as number);
        expect(desc ? c >= 0 : c <= 0, `${sort}: ${x} före ${y}`).toBe(true);
      }
      expect(rader.map((r) => r.verksamhetId).sort()).toEqual(
        (await u.ls01!.get('/api/v1/lan/01/redovisningar?ar=2025'))
          .json()
          .rader.map((r: { verksamhetId: string }) => r.verksamhetId)
          .sort(),
      );
    }
    expect((await u.ls01!.get('/api/v1/lan/01/redovisningar?ar=2025&sort=storlek')).statusCode).toBe(400);
  });

  it('holds exactly the rows of the list, filtered by status as the page is; only the län’s Länsstyrelse gets it', async () => {
    const lista = (await u.ls01!.get('/api/v1/lan/01/redovisningar?ar=2025')).json() as {
      rader: Array<{ kod: string; status: string }>;
    };
    expect(new Set(lista.rader.map((r) => r.status)).size).toBeGreaterThan(1);
    for (const status of [undefined, ...new Set(lista.rader.map((r) => r.status))]) {
      const q = new URLSearchParams({ ar: '2025', ...(status ? { status } : {}) });
      const res = await u.ls01!.get(`/api/v1/lan/01/redovisningar/export?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const rader = parseCsv(res.body.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
      expect(rader[0]).toEqual([...GRANSKNING_KOLUMNER]);
      const vantat = lista.rader.filter((r) => !status || r.status === status);
      expect(rader.slice(1).map((r) => r[1])).toEqual(vantat.map((r) => r.kod));
    }
    const xlsx = await u.ls01!.get('/api/v1/lan/01/redovisningar/export?ar=2025&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('redovisningar-lan-01-2025.xlsx');
    expect((await u.ls03!.get('/api/v1/lan/01/redovisningar/export?ar=2025')).statusCode).toBe(404);
    expect(
      (await u.chefA!.get('/api/v1/lan/01/redovisningar/export?ar=2025')).statusCode,
    ).toBeGreaterThanOrEqual(403);
    const fel = await u.ls01!.get('/api/v1/lan/01/redovisningar/export?ar=2025&status=klar');
    expect(fel.statusCode).toBe(400);
  });
});
