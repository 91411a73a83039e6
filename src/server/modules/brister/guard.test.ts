// The personal-data guard through the API: every text that leaves the verksamhet (a brist's title and
// description, åtgärder, status comments, the actors' återkoppling, the ledningsgrupp's decisions and minutes)
// is refused with problem+json 400 naming the field and what was found. The pure checker has its own unit
// tests (src/domain/personuppgiftsskydd.test.ts); this proves each route uses it.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../db/client.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';

const NBSP = '\u00a0';

/** [text containing it, what was found, the kind reported]. */
const REFUSED: Array<[string, string, string]> = [
  ['Klienten 19121212-1212 väntar på beslut', '19121212-1212', 'personnummer'],
  ['Gäller 191212121212 hos Försäkringskassan', '191212121212', 'personnummer'],
  ['Gäller 121212-1212 hos Försäkringskassan', '121212-1212', 'personnummer'],
  ['Gäller 1212121212 hos Försäkringskassan', '1212121212', 'personnummer'],
  ['Född 121212+1212, över hundra år', '121212+1212', 'personnummer'],
  ['Personnummer 121212 1212 i beslutet', '121212 1212', 'personnummer'],
  [`Personnummer 121212${NBSP}1212 i beslutet`, `121212${NBSP}1212`, 'personnummer'],
  ['Felskrivet 121212-1213 pekar ändå ut en person', '121212-1213', 'personnummer'],
  ['Samordningsnummer 701063-2391 saknas', '701063-2391', 'samordningsnummer'],
  ['Samordningsnummer 19701063-2391 saknas', '19701063-2391', 'samordningsnummer'],
  ['Samordningsnummer 197010632391 saknas', '197010632391', 'samordningsnummer'],
  ['Samordningsnummer 7010632391 saknas', '7010632391', 'samordningsnummer'],
  ['Ring klienten på 070-123 45 67', '070-123 45 67', 'telefon'],
  ['Ring klienten på 0701234568', '0701234568', 'telefon'],
  ['Ring klienten på 070 123 45 67', '070 123 45 67', 'telefon'],
  ['Ring klienten på +46 70 123 45 67', '+46 70 123 45 67', 'telefon'],
  ['Ring klienten på +46701234567', '+46701234567', 'telefon'],
  ['Ring klienten på 0046 70 123 45 67', '0046 70 123 45 67', 'telefon'],
  ['Handläggaren nås på 08-123 456 78', '08-123 456 78', 'telefon'],
  ['Handläggaren nås på +46 (0)8 123 456 78', '+46 (0)8 123 456 78', 'telefon'],
  ['Kontoret 031-12 34 56 svarar inte', '031-12 34 56', 'telefon'],
  ['Skriv till anna.andersson@example.se om saken', 'anna.andersson@example.se', 'epost'],
  ['Kopia till åsa.öberg@exempel.se', 'åsa.öberg@exempel.se', 'epost'],
  ['Mejl: ombud+test@kommun.stockholm.se', 'ombud+test@kommun.stockholm.se', 'epost'],
];

/** Ordinary Swedish text about authorities: accepted everywhere. */
const ACCEPTED = [
  'Försäkringskassans handläggningstider för sjukersättning är upp till sex månader.',
  'Arbetsförmedlingen har stängt det lokala kontoret; närmaste kontor ligger 40 km bort.',
  'Socialtjänsten kräver in kontoutdrag för tre månader, 12 klienter berörda under 2025.',
  'Enligt förordning (SFS 2013:522) ska ledningsgruppen träffas två gånger per år.',
  'Dnr 2025/1234: beslut 2025-01-15, giltigt 2025-01-15–2025-12-31.',
  'Statsbidraget är 392 251 kr per årsarbetare; totalt 130 000 000 kr.',
  'Telefontiden är kl. 09:00–12:00 och e-tjänsten kräver mobilt BankID.',
  'Stockholms stad, org.nr 212000-0142, har avgiftsfritt boendestöd från 2026.',
  'Kontakta Försäkringskassan via kontaktcenter eller Mina sidor.',
];

let database: TestDatabase;
let app: FastifyInstance;
let ombud: Client;
let chef: Client;
let aktor: Client;
let vId: string;
let fk: string;
let sentId: string;
let openId: string;
let moteUrl: string;

const bristBody = (over: Record<string, unknown> = {}) => ({
  titel: 'Långa väntetider hos Försäkringskassan',
  beskrivning: 'Beslut dröjer i månader.',
  niva: 'central',
  aktorIds: [fk],
  amneKod: 'fk-handlaggningstider',
  observeradDatum: '2026-01-10',
  antalKlienter: 3,
  ...over,
});

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  const v = await makeVerksamhet(db);
  vId = v.id;
  fk = await orgId(db, 'aktor', 'forsakringskassan');
  ombud = await loginAs(app, (await makeUser(db, [{ organisationId: v.id, roll: 'ombud' }])).username);
  chef = await loginAs(app, (await makeUser(db, [{ organisationId: v.id, roll: 'chef' }])).username);
  aktor = await loginAs(app, (await makeUser(db, [{ organisationId: fk, roll: 'aktor' }])).username);
  openId = (await ombud.post(`/api/v1/verksamheter/${vId}/brister`, bristBody())).json().id;
  sentId = (await ombud.post(`/api/v1/verksamheter/${vId}/brister`, bristBody())).json().id;
  for (const status of ['lyft_i_ledningsgrupp', 'skickad_till_aktor'])
    expect((await chef.post(`/api/v1/brister/${sentId}/status`, { status })).statusCode).toBe(200);
  const m = await chef.post(`/api/v1/verksamheter/${vId}/ledningsgrupp/moten`, { datum: '2026-02-01' });
  moteUrl = `/api/v1/verksamheter/${vId}/ledningsgrupp/moten/${m.json().id}`;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** Each route that takes free text, as: who sends it, and the request with the text in `field`. */
const ROUTES: Array<{ name: string; field: string; send: (text: string) => ReturnType<Client['post']> }> = [
  {
    name: 'POST brist, titel',
    field: 'titel',
    send: (t) => ombud.post(`/api/v1/verksamheter/${vId}/brister`, bristBody({ titel: t })),
  },
  {
    name: 'POST brist, beskrivning',
    field: 'beskrivning',
    send: (t) => ombud.post(`/api/v1/verksamheter/${vId}/brister`, bristBody({ beskrivning: t })),
  },
  {
    name: 'PATCH brist, beskrivning',
    field: 'beskrivning',
    send: (t) => ombud.patch(`/api/v1/brister/${openId}`, { beskrivning: t }),
  },
  {
    name: 'POST åtgärd, text',
    field: 'text',
    send: (t) => ombud.post(`/api/v1/brister/${openId}/atgarder`, { datum: '2026-01-20', text: t }),
  },
  {
    name: 'POST status, kommentar',
    field: 'kommentar',
    send: (t) => chef.post(`/api/v1/brister/${openId}/status`, { status: 'kvarstar', kommentar: t }),
  },
  {
    name: 'POST återkoppling, text',
    field: 'text',
    send: (t) => aktor.post(`/api/v1/brister/${sentId}/aterkoppling`, { typ: 'atgard_vidtagen', text: t }),
  },
  {
    name: 'POST mötesbeslut, beslut',
    field: 'beslut',
    send: (t) => chef.post(`${moteUrl}/beslut`, { bristId: openId, beslut: t }),
  },
  { name: 'PATCH möte, protokoll', field: 'protokoll', send: (t) => chef.patch(moteUrl, { protokoll: t }) },
];

async function snapshot() {
  const [row] = await query<{ n: string }>(
    database.db,
    sql`select (select count(*) from brist) + (select count(*) from brist_atgard) + (select count(*) from brist_aterkoppling)
      + (select count(*) from brist_handelse) + (select count(*) from mote_brist where beslut is not null)
      + (select count(*) from mote where protokoll is not null) as n`,
  );
  return Number(row!.n);
}

describe.each(ROUTES)('$name', ({ field, send }) => {
  it.each(REFUSED)('refuses %j (found %j, a %s)', async (text, match, kind) => {
    const before = await snapshot();
    const res = await send(text);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.errors).toContainEqual({
      field,
      label: expect.any(String),
      message: expect.stringContaining(`”${match}”`),
      rule: `personuppgift.${kind}`,
    });
    expect(await snapshot()).toBe(before);
  });
});

describe('ordinary text about authorities is accepted', () => {
  it.each(ACCEPTED)('%j', async (text) => {
    const created = await ombud.post(
      `/api/v1/verksamheter/${vId}/brister`,
      bristBody({ titel: text.slice(0, 200), beskrivning: text }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(
      (await ombud.post(`/api/v1/brister/${id}/atgarder`, { datum: '2026-01-20', text })).statusCode,
    ).toBe(201);
    expect((await chef.post(`${moteUrl}/beslut`, { bristId: id, beslut: text })).statusCode).toBe(200);
    expect((await chef.patch(moteUrl, { protokoll: text })).statusCode).toBe(200);
  });

  it('an actor may answer in ordinary prose', async () => {
    const res = await aktor.post(`/api/v1/brister/${sentId}/aterkoppling`, {
      typ: 'atgard_planerad',
      text: ACCEPTED[0],
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('the error says every finding, field by field', () => {
  it('reports a personnummer in the title and an e-mail and a phone number in the description at once', async () => {
    const res = await ombud.post(
      `/api/v1/verksamheter/${vId}/brister`,
      bristBody({
        titel: 'Gäller 19121212-1212',
        beskrivning: 'Mejla per@example.se eller ring 08-123 456 78.',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string; rule: string }) => [e.field, e.rule])).toEqual([
      ['titel', 'personuppgift.personnummer'],
      ['beskrivning', 'personuppgift.epost'],
      ['beskrivning', 'personuppgift.telefon'],
    ]);
    // The detail names the fields by label; each finding is in its field's message.
    expect(res.json().detail).toBe('3 uppgifter behöver rättas: Rubrik, Beskrivning.');
    expect(res.json().errors[0].message).toContain('19121212-1212');
  });
});
