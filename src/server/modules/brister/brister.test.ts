import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import { aterkopplingDagar } from './service.ts';

let database: TestDatabase;
let app: FastifyInstance;
let v: { id: string };
let fk: string;
let af: string;
let ombud: Client;
let chef: Client;
let aktorFK: Client;
let ss: Client;

const body = (over: Record<string, unknown> = {}) => ({
  titel: 'Svårt att nå handläggare',
  beskrivning: 'Telefontiderna är korta och återbud ges utan ny tid.',
  niva: 'lokal',
  aktorIds: [fk],
  amneKod: 'fk-kommunikation',
  observeradDatum: '2026-01-05',
  antalKlienter: 4,
  ...over,
});

async function create(over: Record<string, unknown> = {}) {
  const res = await ombud.post(`/api/v1/verksamheter/${v.id}/brister`, body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string };
}

const status = (id: string, s: string, kommentar?: string) =>
  chef.post(`/api/v1/brister/${id}/status`, { status: s, ...(kommentar ? { kommentar } : {}) });

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  // Stockholm split in stadsdelsområden plus Solna (0184) as a whole kommun.
  v = await makeVerksamhet(db, { kommuner: ['0180', '0184'] });
  fk = await orgId(db, 'aktor', 'forsakringskassan');
  af = await orgId(db, 'aktor', 'arbetsformedlingen');
  ombud = await loginAs(app, (await makeUser(db, [{ organisationId: v.id, roll: 'ombud' }])).username);
  chef = await loginAs(app, (await makeUser(db, [{ organisationId: v.id, roll: 'chef' }])).username);
  aktorFK = await loginAs(app, (await makeUser(db, [{ organisationId: fk, roll: 'aktor' }])).username);
  const ssId = await orgId(db, 'socialstyrelsen', 'socialstyrelsen');
  ss = await loginAs(app, (await makeUser(db, [{ organisationId: ssId, roll: 'socialstyrelsen' }])).username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('registering a brist', () => {
  it('stores level, actors, subject, date, count and the kommuner (by default all the verksamhet covers)', async () => {
    const b = await create({ aktorIds: [fk, af] });
    const got = (await ombud.get(`/api/v1/brister/${b.id}`)).json();
    expect(got).toMatchObject({
      niva: 'lokal',
      amne: { kod: 'fk-kommunikation', grupp: 'forsakringskassan' },
      observeradDatum: '2026-01-05',
      antalKlienter: 4,
      status: 'registrerad',
      aterkopplingForsenad: false,
    });
    expect(got.kommuner.map((k: { kod: string }) => k.kod).sort()).toEqual(['0180', '0184']);
    expect(got.aktorer.map((a: { kod: string }) => a.kod).sort()).toEqual([
      'arbetsformedlingen',
      'forsakringskassan',
    ]);
    expect(got.handelser).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'registrerad', kommentar: null }),
    ]);
  });

  it('takes a subset of the covered kommuner', async () => {
    const b = await create({ kommunKoder: ['0184'] });
    expect((await ombud.get(`/api/v1/brister/${b.id}`)).json().kommuner).toEqual([
      { kod: '0184', namn: 'Solna' },
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown subject', { amneKod: 'finns-inte' }, 'amneKod'],
    ['a group rather than a subject', { amneKod: 'forsakringskassan' }, 'amneKod'],
    ['an unknown actor', { aktorIds: ['00000000-0000-4000-8000-000000000000'] }, 'aktorIds'],
    ['an actor id that is not a uuid', { aktorIds: ['forsakringskassan'] }, 'aktorIds.0'],
    ['no actor', { aktorIds: [] }, 'aktorIds'],
    ['a kommun outside the coverage', { kommunKoder: ['0114'] }, 'kommunKoder'],
    ['a date in the future', { observeradDatum: '2999-01-01' }, 'observeradDatum'],
    ['a negative count', { antalKlienter: -1 }, 'antalKlienter'],
    ['a level that does not exist', { niva: 'regional' }, 'niva'],
    ['an unknown field (names of clients have no place here)', { klientNamn: 'Anna' }, 'klientNamn'],
  ])('refuses %s', async (_what, over, field) => {
    const res = await ombud.post(`/api/v1/verksamheter/${v.id}/brister`, body(over));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses an organisation that is no actor (a Länsstyrelse, the verksamhet itself)', async () => {
    for (const id of [await orgId(database.db, 'lansstyrelse', '01'), v.id]) {
      const res = await ombud.post(`/api/v1/verksamheter/${v.id}/brister`, body({ aktorIds: [id] }));
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { field: 'aktorIds', label: 'Berörda aktörer', message: `Aktören ${id} finns inte.` },
      ]);
    }
  });

  it('can be edited until it is sent, then not', async () => {
    const b = await create();
    const edited = await ombud.patch(`/api/v1/brister/${b.id}`, {
      titel: 'Ny titel',
      aktorIds: [af],
      antalKlienter: 9,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      titel: 'Ny titel',
      antalKlienter: 9,
      aktorer: [{ kod: 'arbetsformedlingen' }],
    });
    expect((await status(b.id, 'lyft_i_ledningsgrupp')).statusCode).toBe(200);
    expect((await status(b.id, 'skickad_till_aktor')).statusCode).toBe(200);
    const late = await ombud.patch(`/api/v1/brister/${b.id}`, { titel: 'För sent' });
    expect(late.statusCode).toBe(409);
  });
});

describe('the life of a brist', () => {
  it('refuses transitions the state machine does not allow, with a Swedish reason', async () => {
    const b = await create();
    for (const to of ['aterkoppling_mottagen', 'avslutad', 'registrerad']) {
      const res = await status(b.id, to);
      expect(res.statusCode, `registrerad → ${to}`).toBe(409);
      expect(res.json().detail).toMatch(/Bristen/);
    }
    expect((await ombud.get(`/api/v1/brister/${b.id}`)).json().handelser).toHaveLength(1);
  });

  it('runs the whole way, with kvarstar at a review and a second round, every step in the history', async () => {
    const b = await create();
    expect((await status(b.id, 'lyft_i_ledningsgrupp')).statusCode).toBe(200);
    expect((await status(b.id, 'skickad_till_aktor')).statusCode).toBe(200);
    const svar = await aktorFK.post(`/api/v1/brister/${b.id}/aterkoppling`, {
      typ: 'ingen_atgard',
      text: 'Ingen åtgärd.',
    });
    expect(svar.statusCode).toBe(201);
    expect((await status(b.id, 'kvarstar', 'Problemet kvarstår enligt ombuden.')).statusCode).toBe(200);
    // Sent again: the earlier answer no longer counts as an answer to this round.
    const again = await status(b.id, 'skickad_till_aktor');
    expect(again.json().aktorer[0]).toMatchObject({ besvarad: false });
    expect((await aktorFK.get(`/api/v1/aktor/inbox/${b.id}`)).json()).toMatchObject({ besvarad: false });
    await aktorFK.post(`/api/v1/brister/${b.id}/aterkoppling`, {
      typ: 'atgard_vidtagen',
      text: 'Fler telefontider.',
    });
    expect((await status(b.id, 'avslutad')).statusCode).toBe(200);
    expect((await status(b.id, 'kvarstar')).statusCode).toBe(409);
    const got = (await ombud.get(`/api/v1/brister/${b.id}`)).json();
    expect(
      got.handelser.map(
        (h: { fromStatus: string | null; toStatus: string }) => `${h.fromStatus}→${h.toStatus}`,
      ),
    ).toEqual([
      'null→registrerad',
      'registrerad→lyft_i_ledningsgrupp',
      'lyft_i_ledningsgrupp→skickad_till_aktor',
      'skickad_till_aktor→aterkoppling_mottagen',
      'aterkoppling_mottagen→kvarstar',
      'kvarstar→skickad_till_aktor',
      'skickad_till_aktor→aterkoppling_mottagen',
      'aterkoppling_mottagen→avslutad',
    ]);
    expect(got.handelser[4].kommentar).toBe('Problemet kvarstår enligt ombuden.');
    expect(got.aterkopplingar.map((a: { typ: string }) => a.typ)).toEqual([
      'ingen_atgard',
      'atgard_vidtagen',
    ]);
  });

  it("logs the verksamhet's own actions", async () => {
    const b = await create();
    const res = await ombud.post(`/api/v1/brister/${b.id}/atgarder`, {
      datum: '2026-01-20',
      text: 'Ombuden har skrivit till kontaktcenter om telefontiderna.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().atgarder).toEqual([
      expect.objectContaining({
        datum: '2026-01-20',
        text: 'Ombuden har skrivit till kontaktcenter om telefontiderna.',
      }),
    ]);
    const future = await ombud.post(`/api/v1/brister/${b.id}/atgarder`, { datum: '2999-01-01', text: 'x' });
    expect(future.statusCode).toBe(400);
  });

  it('an actor in two organisations the brist was sent to must say which one answers', async () => {
    const b = await create({ aktorIds: [fk, af] });
    await status(b.id, 'lyft_i_ledningsgrupp');
    await status(b.id, 'skickad_till_aktor');
    const both = await loginAs(
      app,
      (
        await makeUser(database.db, [
          { organisationId: fk, roll: 'aktor' },
          { organisationId: af, roll: 'aktor' },
        ])
      ).username,
    );
    const unclear = await both.post(`/api/v1/brister/${b.id}/aterkoppling`, {
      typ: 'ingen_atgard',
      text: 'Nej.',
    });
    expect(unclear.statusCode).toBe(400);
    expect(unclear.json().errors[0].field).toBe('aktorId');
    const ok = await both.post(`/api/v1/brister/${b.id}/aterkoppling`, {
      typ: 'ingen_atgard',
      text: 'Nej.',
      aktorId: af,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().aktor.kod).toBe('arbetsformedlingen');
    const got = (await ombud.get(`/api/v1/brister/${b.id}`)).json();
    expect(got.status).toBe('aterkoppling_mottagen');
    expect(got.aktorer.map((a: { kod: string; besvarad: boolean }) => [a.kod, a.besvarad])).toEqual([
      ['arbetsformedlingen', true],
      ['forsakringskassan', false],
    ]);
  });
});

describe('unanswered brister are flagged after OMBUD_ATERKOPPLING_DAGAR days', () => {
  it('reads the setting, defaulting to 60', () => {
    expect(aterkopplingDagar({})).toBe(60);
    expect(aterkopplingDagar({ OMBUD_ATERKOPPLING_DAGAR: '30' })).toBe(30);
    expect(aterkopplingDagar({ OMBUD_ATERKOPPLING_DAGAR: '' })).toBe(60);
    expect(aterkopplingDagar({ OMBUD_ATERKOPPLING_DAGAR: 'sextio' })).toBe(60);
    expect(aterkopplingDagar({ OMBUD_ATERKOPPLING_DAGAR: '-5' })).toBe(60);
  });

  it('flags in the register and the inbox, and clears when answered', async () => {
    const b = await create({ titel: 'Gammal obesvarad brist' });
    await status(b.id, 'lyft_i_ledningsgrupp');
    await status(b.id, 'skickad_till_aktor');
    const flagged = async () => {
      const list = (await ombud.get(`/api/v1/verksamheter/${v.id}/brister?forsenad=true`)).json().items;
      const inbox = (await aktorFK.get('/api/v1/aktor/inbox'))
        .json()
        .find((i: { id: string }) => i.id === b.id);
      return {
        list: list.some((x: { id: string }) => x.id === b.id),
        inbox: inbox.aterkopplingForsenad as boolean,
      };
    };
    expect(await flagged()).toEqual({ list: false, inbox: false });
    await database.db.execute(
      sql`update brist_aktor set skickad_at = now() - interval '61 days' where brist_id = ${b.id}`,
    );
    expect(await flagged()).toEqual({ list: true, inbox: true });
    const before = process.env.OMBUD_ATERKOPPLING_DAGAR;
    process.env.OMBUD_ATERKOPPLING_DAGAR = '90';
    try {
      expect(await flagged()).toEqual({ list: false, inbox: false });
    } finally {
      if (before === undefined) delete process.env.OMBUD_ATERKOPPLING_DAGAR;
      else process.env.OMBUD_ATERKOPPLING_DAGAR = before;
    }
    await aktorFK.post(`/api/v1/brister/${b.id}/aterkoppling`, {
      typ: 'atgard_planerad',
      text: 'Vi återkommer.',
    });
    expect(await flagged()).toEqual({ list: false, inbox: false });
  });
});

describe('listing with filters', () => {
  it('filters by level, status, actor, subject (or its group) and period', async () => {
    const w = await makeVerksamhet(database.db);
    const o = await loginAs(
      app,
      (await makeUser(database.db, [{ organisationId: w.id, roll: 'ombud' }])).username,
    );
    const mk = async (over: Record<string, unknown>) =>
      (await o.post(`/api/v1/verksamheter/${w.id}/brister`, body(over))).json().id as string;
    const a = await mk({ niva: 'central', observeradDatum: '2025-03-01', amneKod: 'fk-fullmakter' });
    const b = await mk({
      niva: 'lokal',
      observeradDatum: '2025-09-01',
      aktorIds: [af],
      amneKod: 'af-arbetsmarknadsinsatser',
    });
    const c = await mk({ niva: 'handlaggare', observeradDatum: '2026-01-10', amneKod: 'gode-man-brist' });
    const list = async (q: string) =>
      ((await o.get(`/api/v1/verksamheter/${w.id}/brister${q}`)).json().items as Array<{ id: string }>)
        .map((x) => x.id)
        .sort();
    expect(await list('')).toEqual([a, b, c].sort());
    expect(await list('?niva=central')).toEqual([a]);
    expect(await list(`?aktor=${af}`)).toEqual([b]);
    expect(await list('?amne=forsakringskassan')).toEqual([a]);
    expect(await list('?amne=gode-man-brist')).toEqual([c]);
    expect(await list('?fran=2025-06-01&till=2025-12-31')).toEqual([b]);
    expect(await list('?status=registrerad')).toEqual([a, b, c].sort());
    expect(await list('?status=avslutad')).toEqual([]);
    expect((await o.get(`/api/v1/verksamheter/${w.id}/brister?niva=regional`)).statusCode).toBe(400);
  });
});

describe('the national subject taxonomy', () => {
  it('holds the subjects of the lägesrapport, grouped, with the groups not selectable', async () => {
    const amnen = (await ombud.get('/api/v1/brist-amnen')).json() as Array<{
      kod: string;
      grupp: string | null;
      aktorKategori: string | null;
      valbar: boolean;
    }>;
    const kod = (k: string) => amnen.find((a) => a.kod === k);
    for (const k of [
      'hs-lakarbrist',
      'hs-resurser-psykiatri',
      'hs-vantetider',
      'hs-kunskapsbrist-primarvard',
      'hs-vardplaner',
      'hs-intyg-dokumentation',
      'hs-kommunikation-bemotande',
      'samordning-myndigheter',
      'gode-man-brist',
      'digitalt-utanforskap',
      'st-tillganglighet',
      'st-ekonomiskt-bistand',
      'st-bemotande-kommunikation',
      'st-matchning-insatser',
      'st-boendestod',
      'st-intern-samordning',
      'af-service-kontinuitet',
      'af-arbetsformagebedomning',
      'af-samordning',
      'af-arbetsmarknadsinsatser',
      'fk-handlaggningstider',
      'fk-ersattning-aterkrav',
      'fk-kommunikation',
      'fk-fullmakter',
      'sgi-regler',
    ])
      expect(kod(k), k).toMatchObject({ valbar: true });
    expect(kod('forsakringskassan')).toMatchObject({
      grupp: null,
      valbar: false,
      aktorKategori: 'forsakringskassan',
    });
    expect(kod('fk-fullmakter')?.grupp).toBe('forsakringskassan');
    expect(kod('st-boendestod')?.aktorKategori).toBe('socialtjanst');
  });

  it('Socialstyrelsen extends it; nobody else may', async () => {
    const nytt = { kod: 'fk-bostadstillagg', namn: 'Bostadstillägg', grupp: 'forsakringskassan' };
    expect((await ombud.post('/api/v1/brist-amnen', nytt)).statusCode).toBe(404);
    expect((await chef.post('/api/v1/brist-amnen', nytt)).statusCode).toBe(404);
    const res = await ss.post('/api/v1/brist-amnen', nytt);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kod: 'fk-bostadstillagg',
      valbar: true,
      createdBySocialstyrelsen: true,
    });
    expect((await ss.post('/api/v1/brist-amnen', nytt)).statusCode).toBe(409);
    const underSubject = await ss.post('/api/v1/brist-amnen', {
      kod: 'x-under',
      namn: 'X',
      grupp: 'fk-fullmakter',
    });
    expect(underSubject.statusCode).toBe(400);
    expect(
      (await ss.post('/api/v1/brist-amnen', { kod: 'y-under', namn: 'Y', grupp: 'finns-inte' })).statusCode,
    ).toBe(400);
    // Usable at once for a brist.
    await create({ amneKod: 'fk-bostadstillagg' });
  });
});
