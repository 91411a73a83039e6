// Who sees which brister. Brister are not client data, but they belong to their verksamhet: another
// verksamhet, a Länsstyrelse or Socialstyrelsen sees none of them (until a redovisning submits them upward,
// a later issue), an actor sees only what was sent to it, and a ledamot sees the register and the meetings
// but no client data.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Principal } from '../../../domain/access.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';

let database: TestDatabase;
let app: FastifyInstance;
const A = { id: '', lanKod: '01' };
const B = { id: '', lanKod: '01' };
let fk: string;
let af: string;
const u: Record<string, Client> = {};
const brist: Record<'fk' | 'af' | 'osand', string> = { fk: '', af: '', osand: '' };
let moteId: string;
let ledamotId: string;

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  A.id = (await makeVerksamhet(db)).id;
  B.id = (await makeVerksamhet(db)).id;
  fk = await orgId(db, 'aktor', 'forsakringskassan');
  af = await orgId(db, 'aktor', 'arbetsformedlingen');
  const users: Record<
    string,
    Array<{ organisationId: string; roll: Parameters<typeof makeUser>[1][number]['roll'] }>
  > = {
    ombudA: [{ organisationId: A.id, roll: 'ombud' }],
    chefA: [{ organisationId: A.id, roll: 'chef' }],
    ledamotA: [{ organisationId: A.id, roll: 'ledamot' }],
    ombudB: [{ organisationId: B.id, roll: 'ombud' }],
    chefB: [{ organisationId: B.id, roll: 'chef' }],
    chefBLedamotA: [
      { organisationId: B.id, roll: 'chef' },
      { organisationId: A.id, roll: 'ledamot' },
    ],
    aktorFK: [{ organisationId: fk, roll: 'aktor' }],
    aktorAF: [{ organisationId: af, roll: 'aktor' }],
    lansstyrelse: [{ organisationId: await orgId(db, 'lansstyrelse', '01'), roll: 'lansstyrelse' }],
    socialstyrelsen: [
      { organisationId: await orgId(db, 'socialstyrelsen', 'socialstyrelsen'), roll: 'socialstyrelsen' },
    ],
    admin: [{ organisationId: await orgId(db, 'socialstyrelsen', 'socialstyrelsen'), roll: 'admin' }],
  };
  for (const [name, roller] of Object.entries(users))
    u[name] = await loginAs(app, (await makeUser(db, roller)).username);

  const make = async (aktorId: string, send: boolean) => {
    const res = await u.ombudA!.post(`/api/v1/verksamheter/${A.id}/brister`, {
      titel: 'Svårt att nå handläggare',
      beskrivning: 'Telefontiderna är korta.',
      niva: 'lokal',
      aktorIds: [aktorId],
      amneKod: aktorId === fk ? 'fk-kommunikation' : 'af-service-kontinuitet',
      observeradDatum: '2026-01-05',
      antalKlienter: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    if (send)
      for (const status of ['lyft_i_ledningsgrupp', 'skickad_till_aktor'])
        expect((await u.chefA!.post(`/api/v1/brister/${id}/status`, { status })).statusCode).toBe(200);
    return id;
  };
  brist.fk = await make(fk, true);
  brist.af = await make(af, true);
  brist.osand = await make(fk, false);
  const lg = `/api/v1/verksamheter/${A.id}/ledningsgrupp`;
  const l = await u.chefA!.post(`${lg}/ledamoter`, {
    rollkategori: 'kommun',
    organisation: 'Kommunen',
    namn: 'Kim',
  });
  ledamotId = l.json().ledamoter[0].id;
  moteId = (await u.chefA!.post(`${lg}/moten`, { datum: '2026-02-01' })).json().id;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

type Req = [method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: () => unknown];

/** Every brist and ledningsgrupp route of verksamhet A, read and write (ids filled in at request time). */
const routesOfA: Req[] = [
  ['GET', '/verksamheter/:A/brister'],
  [
    'POST',
    '/verksamheter/:A/brister',
    () => ({
      titel: 'x',
      beskrivning: 'y',
      niva: 'lokal',
      aktorIds: [fk],
      amneKod: 'fk-kommunikation',
      observeradDatum: '2026-01-01',
      antalKlienter: 1,
    }),
  ],
  ['POST', '/verksamheter/:A/import/brister', () => 'titel\n'],
  ['GET', '/brister/:fk'],
  ['PATCH', '/brister/:osand', () => ({ titel: 'Ändrad' })],
  ['POST', '/brister/:osand/status', () => ({ status: 'kvarstar' })],
  ['POST', '/brister/:osand/atgarder', () => ({ datum: '2026-01-10', text: 'Åtgärd' })],
  ['GET', '/verksamheter/:A/ledningsgrupp'],
  ['PUT', '/verksamheter/:A/ledningsgrupp', () => ({ brukarorganisationErbjuden: true })],
  [
    'POST',
    '/verksamheter/:A/ledningsgrupp/ledamoter',
    () => ({ rollkategori: 'ovrig', organisation: 'O', namn: 'N' }),
  ],
  ['DELETE', '/verksamheter/:A/ledningsgrupp/ledamoter/:ledamot'],
  ['GET', '/verksamheter/:A/ledningsgrupp/moten'],
  ['POST', '/verksamheter/:A/ledningsgrupp/moten', () => ({ datum: '2026-03-01' })],
  ['GET', '/verksamheter/:A/ledningsgrupp/moten/:mote'],
  ['PATCH', '/verksamheter/:A/ledningsgrupp/moten/:mote', () => ({ protokoll: 'P' })],
  [
    'POST',
    '/verksamheter/:A/ledningsgrupp/moten/:mote/beslut',
    () => ({ bristId: brist.osand, beslut: 'B' }),
  ],
  ['GET', '/verksamheter/:A/ledningsgrupp/moten/:mote/dagordning.pdf'],
  ['GET', '/verksamheter/:A/ledningsgrupp/moten/:mote/dagordning.docx'],
  ['GET', '/verksamheter/:A/ledningsgrupp/moten/:mote/protokoll.pdf'],
  ['GET', '/verksamheter/:A/ledningsgrupp/moten/:mote/protokoll.docx'],
];

function url(path: string) {
  return `/api/v1${path
    .replace(':A', A.id)
    .replace(':fk', brist.fk)
    .replace(':osand', brist.osand)
    .replace(':ledamot', ledamotId)
    .replace(':mote', moteId)}`;
}

const send = (c: Client, [method, path, body]: Req) => {
  const payload = body?.();
  return c.request({
    method,
    url: url(path),
    ...(payload === undefined ? {} : { payload: payload as object }),
    ...(typeof payload === 'string' ? { headers: { 'content-type': 'text/csv' } } : {}),
  });
};

describe('outsiders get 404 on every brist and ledningsgrupp route of verksamhet A', () => {
  for (const who of ['ombudB', 'chefB', 'lansstyrelse', 'socialstyrelsen', 'admin', 'aktorFK', 'aktorAF']) {
    it.each(routesOfA.map((r) => [`${r[0]} ${r[1]}`, r] as const))(`${who}: %s`, async (_name, req) => {
      const res = await send(u[who]!, req);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.body).not.toContain('Svårt att nå handläggare');
    });
  }

  it('verksamhet B lists its own register, which is empty', async () => {
    for (const who of ['ombudB', 'chefB']) {
      const res = await u[who]!.get(`/api/v1/verksamheter/${B.id}/brister`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ total: 0, items: [] });
    }
  });

  it("B's chef cannot put A's brist on B's meeting agenda (it is not in B's register)", async () => {
    const m = (
      await u.chefB!.post(`/api/v1/verksamheter/${B.id}/ledningsgrupp/moten`, { datum: '2026-02-02' })
    ).json();
    expect(m.dagordning).toEqual([]);
    const res = await u.chefB!.post(`/api/v1/verksamheter/${B.id}/ledningsgrupp/moten/${m.id}/beslut`, {
      bristId: brist.fk,
      beslut: 'Lyfts',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('bristId');
  });
});

describe('actors see only the brister sent to them', () => {
  it('Försäkringskassan sees the one sent to it, not the one sent to Arbetsförmedlingen nor the unsent one', async () => {
    const fkInbox = (await u.aktorFK!.get('/api/v1/aktor/inbox')).json();
    expect(fkInbox.map((i: { id: string }) => i.id)).toEqual([brist.fk]);
    const afInbox = (await u.aktorAF!.get('/api/v1/aktor/inbox')).json();
    expect(afInbox.map((i: { id: string }) => i.id)).toEqual([brist.af]);
  });

  it('an actor gets 404 on a brist sent elsewhere or not yet sent, and cannot answer it', async () => {
    expect((await u.aktorAF!.get(`/api/v1/aktor/inbox/${brist.fk}`)).statusCode).toBe(404);
    expect((await u.aktorFK!.get(`/api/v1/aktor/inbox/${brist.af}`)).statusCode).toBe(404);
    expect((await u.aktorFK!.get(`/api/v1/aktor/inbox/${brist.osand}`)).statusCode).toBe(404);
    expect((await u.aktorFK!.get(`/api/v1/aktor/inbox/${brist.fk}`)).statusCode).toBe(200);
    for (const [who, id] of [
      ['aktorAF', brist.fk],
      ['aktorFK', brist.af],
      ['aktorFK', brist.osand],
    ] as const) {
      const res = await u[who]!.post(`/api/v1/brister/${id}/aterkoppling`, {
        typ: 'ingen_atgard',
        text: 'Inget att göra.',
      });
      expect(res.statusCode).toBe(404);
    }
  });

  it('what an actor sees is text, counts and places: no history, no users of the verksamhet', async () => {
    const item = (await u.aktorFK!.get(`/api/v1/aktor/inbox/${brist.fk}`)).json();
    expect(Object.keys(item).sort()).toEqual(
      [
        'aktor',
        'amne',
        'antalKlienter',
        'aterkoppling' + 'ar',
        'aterkopplingForsenad',
        'beskrivning',
        'besvarad',
        'id',
        'kommuner',
        'niva',
        'observeradDatum',
        'skickadAt',
        'titel',
        'verksamhet',
      ].sort(),
    );
  });

  it('only actors have an inbox; verksamhet users, Länsstyrelse and Socialstyrelsen get 404', async () => {
    for (const who of ['ombudA', 'chefA', 'ledamotA', 'lansstyrelse', 'socialstyrelsen', 'admin'])
      expect((await u[who]!.get('/api/v1/aktor/inbox')).statusCode).toBe(404);
  });
});

describe('a ledamot sees the brister and the meetings, but no client data', () => {
  it('reads the register, a brist, the group, the meetings and the documents', async () => {
    const c = u.ledamotA!;
    const list = await c.get(`/api/v1/verksamheter/${A.id}/brister`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(3);
    expect(list.json().total).toBe(3);
    expect((await c.get(`/api/v1/brister/${brist.fk}`)).statusCode).toBe(200);
    expect((await c.get(`/api/v1/verksamheter/${A.id}/ledningsgrupp`)).statusCode).toBe(200);
    expect((await c.get(`/api/v1/verksamheter/${A.id}/ledningsgrupp/moten`)).json()).toHaveLength(1);
    expect((await c.get(`/api/v1/verksamheter/${A.id}/ledningsgrupp/moten/${moteId}`)).statusCode).toBe(200);
    expect(
      (await c.get(`/api/v1/verksamheter/${A.id}/ledningsgrupp/moten/${moteId}/protokoll.pdf`)).statusCode,
    ).toBe(200);
  });

  it('cannot write brister or run the group (404: the role grants no writing anywhere)', async () => {
    for (const req of routesOfA.filter(([m]) => m !== 'GET'))
      expect((await send(u.ledamotA!, req)).statusCode).toBe(404);
  });

  it('gets 403 where it may read but not write (a chef elsewhere who is ledamot here)', async () => {
    const res = await u.chefBLedamotA!.post(`/api/v1/verksamheter/${A.id}/ledningsgrupp/moten`, {
      datum: '2026-04-01',
    });
    expect(res.statusCode).toBe(403);
  });

  it('has no client access: the policy says no, and the client route answers 404', async () => {
    const ledamot: Principal = {
      userId: 'x',
      username: 'x',
      medlemskap: [{ organisationId: A.id, organisationTyp: 'verksamhet', lanKod: '01', roll: 'ledamot' }],
    };
    const resource = { typ: 'verksamhet' as const, id: A.id, lanKod: '01' };
    expect(can(ledamot, 'klient:read', resource)).toBe(false);
    expect(can(ledamot, 'klient:write', resource)).toBe(false);
    expect(can(ledamot, 'brist:read', resource)).toBe(true);
    expect(can(ledamot, 'ledningsgrupp:read', resource)).toBe(true);
    // The casework module's client list: open to the verksamhet's ombud, 404 for its ledamot.
    const url = `/api/v1/verksamheter/${A.id}/klienter`;
    expect((await u.ombudA!.get(url)).statusCode).toBe(200);
    const res = await u.ledamotA!.get(url);
    expect(res.statusCode).toBe(404);
  });
});
