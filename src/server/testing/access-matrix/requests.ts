import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { IMPORT_KOLUMNER } from '../../../contracts/cases.ts';
import { dokument, gv } from '../../../domain/nationellt/testdata.ts';
import { withTx } from '../../db/client.ts';
import { KOLUMNER as BRIST_KOLUMNER } from '../../modules/brister/import.ts';
import * as grantRepo from '../../modules/grants/repo.ts';
import { importera } from '../../modules/national/testing.ts';
import * as userRepo from '../../modules/users/repo.ts';
import type { Caller, Side, World } from '../api-world.ts';
import { makeUser, orgId, TEST_PASSWORD } from '../factories.ts';
import { giltigRedovisning } from '../redovisning-fixture.ts';

/**
 * The request the access matrix sends for each route: real ids of one side of the world and a body that
 * would succeed if access were not checked (so a refusal proves the check, not a typo). A route that
 * points at no organisation (its own scope, a list, the nation) is `sideless`: sent once, one outcome.
 */

export interface Call {
  /** Path with parameters filled (no query). */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** A CSV file body (the import routes). */
  csv?: string;
  /** Sent to the app with OpenID Connect configured (the e-legitimation routes). */
  oidc?: boolean;
  /** The call may end or replace the caller's session: forget it afterwards. */
  endsSession?: boolean;
}

export interface Ctx {
  side: Side;
  caller: Caller;
  world: World;
  /** A call as the side's verksamhetschef, for preparing fresh resources; fails unless 2xx (or `alsoFine`). */
  asChef(
    method: string,
    url: string,
    payload?: unknown,
    alsoFine?: number[],
  ): Promise<{ id: string } & Record<string, unknown>>;
}

export interface RouteRequest {
  sideless?: boolean;
  build(ctx: Ctx): Call | Promise<Call>;
}

/** A unique tag of letters only (digits in free text can look like a phone number and be refused). */
const uniq = () => [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('');

/** Fills `:name` path parameters from the side: the name (or the segment before `:id`) says what. */
export function fill(url: string, side: Side, extra: Record<string, string> = {}): string {
  return url.replace(/:(\w+)/g, (_m, name: string, offset: number) => {
    if (name in extra) return extra[name]!;
    if (name === 'id') {
      const before = url
        .slice(0, offset - 1)
        .split('/')
        .pop();
      const byId: Record<string, string> = {
        verksamheter: side.verksamhet,
        brister: side.brist,
        inbox: side.brist,
        users: side.targetUser,
        redovisningar: side.redovisning,
      };
      const v = before ? byId[before] : undefined;
      if (!v) throw new Error(`access matrix: what does :id after ${before} in ${url} point at?`);
      return v;
    }
    const byName: Record<string, string> = {
      verksamhetId: side.verksamhet,
      klientId: side.klient,
      arendeId: side.arende,
      moteId: side.mote,
      userId: side.ombudUser,
      lanKod: side.lanKod,
      ar: String(side.ar),
      version: '1',
      format: 'xlsx',
    };
    const v = byName[name];
    if (v === undefined) throw new Error(`access matrix: no value for :${name} in ${url}`);
    return v;
  });
}

/** Path parameters that point at an organisation (a verksamhet, a län, their resources). */
const SIDE_PARAMS = /:(id|verksamhetId|lanKod|klientId|arendeId|moteId|userId|anteckningId|ledamotId)\b/;
export function pointsAtSide(url: string): boolean {
  return SIDE_PARAMS.test(url);
}

/** A freshly registered brist of the side (status changes and edits act on one that allows them). */
async function freshBrist(c: Ctx): Promise<string> {
  const b = await c.asChef('POST', `/api/v1/verksamheter/${c.side.verksamhet}/brister`, {
    titel: `Ny brist ${uniq()}`,
    beskrivning: 'Handläggningstiderna är långa.',
    niva: 'central',
    aktorIds: [c.side.aktor],
    amneKod: c.side.amneKod,
    observeradDatum: `${c.side.ar}-05-01`,
    antalKlienter: 2,
  });
  return b.id;
}

/** A fresh client of the side (a client has one open ärende at a time). */
async function freshKlient(c: Ctx): Promise<string> {
  const k = await c.asChef('POST', `/api/v1/verksamheter/${c.side.verksamhet}/klienter`, {
    alias: `Klient ${uniq()}`,
    fodelsear: 1990,
    kon: 'annan',
    kommunKod: c.side.kommunKod,
    barnUnder18: 'delvis',
  });
  return k.id;
}

/** A fresh ärende in status förfrågan on a fresh client. */
async function freshArende(c: Ctx): Promise<string> {
  const a = await c.asChef('POST', `/api/v1/verksamheter/${c.side.verksamhet}/arenden`, {
    klientId: await freshKlient(c),
    forfraganDatum: `${c.side.ar}-06-01`,
    forfraganFran: 'personen',
  });
  return a.id;
}

/** A call as some user, for preparing state; fails unless 2xx or one of `alsoFine`. */
async function asUser(
  c: Ctx,
  userId: string,
  method: string,
  url: string,
  payload?: unknown,
  alsoFine: number[] = [],
) {
  const res = await c.world.inject(
    { name: 'chef', userId },
    {
      method: method as 'POST',
      url,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    },
  );
  if (res.statusCode >= 300 && !alsoFine.includes(res.statusCode))
    throw new Error(`access matrix: ${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
}

/** The side's submitted redovisning sent in again if the Länsstyrelse has returned it (as the chef). */
async function inskickad(c: Ctx): Promise<void> {
  const url = `/api/v1/verksamheter/${c.side.verksamhet}/redovisningar/${c.side.ar}/inskickning`;
  await c.asChef('POST', url, undefined, [409]);
}

/** The län report of the side's län written and sent in by a Länsstyrelse of that län (if not already). */
async function lanRapportInskickad(c: Ctx): Promise<void> {
  const db = c.world.database.db;
  const k = c.side.lanKod;
  const u = await makeUser(db, [
    { organisationId: await orgId(db, 'lansstyrelse', k), roll: 'lansstyrelse' },
  ]);
  const url = `/api/v1/lan/${k}/rapport/${c.side.ar}`;
  await asUser(c, u.id, 'PUT', url, { handlingsplan: 'Uppföljning i varje kommun.' }, [409]);
  await asUser(c, u.id, 'POST', `${url}/skicka-in`, undefined, [409]);
}

/** A grant decision for the side's verksamhet for the year after its report (the decision letters need one). */
async function statsbidragBeslutat(c: Ctx): Promise<void> {
  const db = c.world.database.db;
  const ar = c.side.ar + 1;
  if (!(await grantRepo.getBudget(db, ar)))
    await grantRepo.upsertBudget(db, {
      ar,
      totalBudgetKr: 150_000_000,
      administrationKr: 2_000_000,
      totalFteHundradelar: 150,
      beloppPerArsarbetareKr: 392_251,
      updatedByNamn: 'matris',
    });
  await grantRepo.upsertBeslut(db, {
    ar,
    verksamhetId: c.side.verksamhet,
    lanKod: c.side.lanKod,
    fteHundradelar: 150,
    beloppPerArsarbetareKr: 392_251,
    beloppKr: 588_377,
    beslutatAvNamn: 'matris',
  });
}

/** The year the redovisning write routes work on: no report yet, so a draft can be saved and sent. */
const utkastAr = (side: Side) => side.ar - 1;

const withBody = (url: string, body: (c: Ctx) => unknown) => (c: Ctx) => ({
  path: fill(url, c.side),
  body: body(c),
});

/**
 * A year with open statistics: the world's reports are submitted, not approved, so one approved report of
 * a verksamhet outside the world's two län is imported for a year the world does not use (once per world).
 */
const oppnaAren = new WeakMap<World, Promise<number>>();
function oppnaAr(c: Ctx): Promise<number> {
  let p = oppnaAren.get(c.world);
  if (!p) {
    const ar = c.side.ar - 5;
    const doc = dokument({
      ar,
      kod: 'matris-oppen',
      lanKod: '05',
      kommuner: ['0580'],
      alder: { '30-49': gv(9, 9) },
    });
    p = importera(c.world.database.db, [doc], { godkand: true }).then(() => ar);
    oppnaAren.set(c.world, p);
  }
  return p;
}

/** Requests that need more than filled path parameters, by `METHOD /api/v1/...`. */
export const REQUESTS: Record<string, RouteRequest> = {
  'POST /api/v1/auth/login': {
    sideless: true,
    build: async (c) => {
      // A user of its own, so that logging in never touches a caller's account.
      const u = await makeUser(c.world.database.db, [{ organisationId: c.side.verksamhet, roll: 'ombud' }]);
      return {
        path: '/api/v1/auth/login',
        body: { username: u.username, password: TEST_PASSWORD },
        endsSession: true,
      };
    },
  },
  'GET /api/v1/auth/oidc/start': {
    sideless: true,
    build: () => ({ path: '/api/v1/auth/oidc/start', oidc: true }),
  },
  'GET /api/v1/auth/oidc/callback': {
    sideless: true,
    build: () => ({ path: '/api/v1/auth/oidc/callback', query: { code: 'x', state: 'y' }, oidc: true }),
  },
  'POST /api/v1/auth/logout': {
    sideless: true,
    build: () => ({ path: '/api/v1/auth/logout', endsSession: true }),
  },
  'POST /api/v1/auth/totp/setup': { sideless: true, build: () => ({ path: '/api/v1/auth/totp/setup' }) },
  'POST /api/v1/auth/totp/verify': {
    sideless: true,
    build: async (c) => {
      // The right code for a secret just set up (anonymous callers get no secret: any code will do).
      const setup = await c.world.inject(c.caller, { method: 'POST', url: '/api/v1/auth/totp/setup' });
      const secret = setup.statusCode === 200 ? (setup.json() as { secret: string }).secret : undefined;
      return {
        path: '/api/v1/auth/totp/verify',
        body: { code: secret ? await generate({ secret }) : '000000' },
        endsSession: true,
      };
    },
  },
  'PUT /api/v1/me/organisation': {
    // Own: the caller's own organisation; foreign: verksamhet B, where no caller has a role.
    build: (c) => ({
      path: '/api/v1/me/organisation',
      body: {
        organisationId:
          c.side.key === 'own' ? (c.caller.organisationId ?? c.side.verksamhet) : c.side.verksamhet,
      },
    }),
  },
  'POST /api/v1/verksamheter': {
    build: (c) => ({
      path: '/api/v1/verksamheter',
      body: {
        kod: `ny-${uniq()}`,
        namn: 'Ny verksamhet',
        lanKod: c.side.lanKod,
        kommunKoder: [c.side.kommunKod],
      },
    }),
  },
  'POST /api/v1/users': {
    build: withBody('/api/v1/users', (c) => ({
      username: `ny.${uniq()}`,
      displayName: 'Ny användare',
      medlemskap: [{ organisationId: c.side.verksamhet, roll: 'ombud' }],
    })),
  },
  'POST /api/v1/users/:id/medlemskap': {
    build: async (c) => {
      const u = await makeUser(c.world.database.db, [{ organisationId: c.side.verksamhet, roll: 'ombud' }]);
      return {
        path: `/api/v1/users/${u.id}/medlemskap`,
        body: { organisationId: c.side.verksamhet, roll: 'ledamot' },
      };
    },
  },
  'DELETE /api/v1/users/:id/medlemskap/:membershipId': {
    build: async (c) => {
      // A user of the side with two roles there; the call takes one of them away.
      const u = await makeUser(c.world.database.db, [
        { organisationId: c.side.verksamhet, roll: 'ombud' },
        { organisationId: c.side.verksamhet, roll: 'ledamot' },
      ]);
      const rows = await withTx(c.world.database.db, {}, (tx) => userRepo.membershipsOf(tx, [u.id]));
      const m = rows.find((x) => x.roll === 'ledamot');
      if (!m) throw new Error('access matrix: no membership to delete');
      return { path: `/api/v1/users/${u.id}/medlemskap/${m.id}` };
    },
  },
  'PUT /api/v1/users/:id/password': {
    build: withBody('/api/v1/users/:id/password', () => ({ password: `Grön-häst-${uniq()}-batteri` })),
  },
  'POST /api/v1/users/:id/tokens/:tokenId/revoke': {
    build: async (c) => ({
      path: fill('/api/v1/users/:id/tokens/:tokenId/revoke', c.side, {
        tokenId: await c.side.fresh('token'),
      }),
    }),
  },
  'PUT /api/v1/users/:id/oidc': {
    build: withBody('/api/v1/users/:id/oidc', () => ({ subject: `idp-${uniq()}` })),
  },
  'GET /api/v1/audit': {
    build: (c) => ({ path: '/api/v1/audit', query: { organisationId: c.side.verksamhet } }),
  },
  'GET /api/v1/audit/export': {
    build: (c) => ({ path: '/api/v1/audit/export', query: { organisationId: c.side.verksamhet } }),
  },
  'PUT /api/v1/verksamheter/:id/redovisningar/:ar': {
    build: (c) => ({
      path: fill('/api/v1/verksamheter/:id/redovisningar/:ar', c.side, { ar: String(utkastAr(c.side)) }),
      body: giltigRedovisning(utkastAr(c.side)),
    }),
  },
  'POST /api/v1/verksamheter/:id/redovisningar/:ar/berakning': {
    build: (c) => ({
      path: fill('/api/v1/verksamheter/:id/redovisningar/:ar/berakning', c.side, {
        ar: String(utkastAr(c.side)),
      }),
    }),
  },
  'POST /api/v1/verksamheter/:id/redovisningar/:ar/inskickning': {
    build: async (c) => {
      // A complete draft first (as the chef), so that only access stands between the call and success.
      // Once the chef has sent it, it stays sent (409 to the draft): later callers meet a sent report, and
      // answer 409 only if they got past the access check.
      const ar = utkastAr(c.side);
      await c.asChef(
        'PUT',
        `/api/v1/verksamheter/${c.side.verksamhet}/redovisningar/${ar}`,
        giltigRedovisning(ar),
        [409],
      );
      return {
        path: fill('/api/v1/verksamheter/:id/redovisningar/:ar/inskickning', c.side, { ar: String(ar) }),
      };
    },
  },
  'GET /api/v1/lan/:lanKod/redovisningar': {
    build: (c) => ({
      path: fill('/api/v1/lan/:lanKod/redovisningar', c.side),
      query: { ar: String(c.side.ar) },
    }),
  },
  'GET /api/v1/lan/:lanKod/redovisningar/export': {
    build: (c) => ({
      path: fill('/api/v1/lan/:lanKod/redovisningar/export', c.side),
      query: { ar: String(c.side.ar) },
    }),
  },
  'POST /api/v1/redovisningar/:id/kommentarer': {
    build: withBody('/api/v1/redovisningar/:id/kommentarer', () => ({
      text: 'Stämmer antalet nya klienter?',
    })),
  },
  'POST /api/v1/redovisningar/:id/retur': {
    build: async (c) => {
      await inskickad(c);
      return {
        path: fill('/api/v1/redovisningar/:id/retur', c.side),
        body: { anledning: 'Köuppgifterna saknas.' },
      };
    },
  },
  'POST /api/v1/redovisningar/godkannande': {
    build: async (c) => {
      await inskickad(c);
      return { path: '/api/v1/redovisningar/godkannande', body: { ids: [c.side.redovisning] } };
    },
  },
  'POST /api/v1/verksamheter/:verksamhetId/klienter/sok': {
    build: withBody('/api/v1/verksamheter/:verksamhetId/klienter/sok', () => ({ q: 'Klient' })),
  },
  'POST /api/v1/verksamheter/:verksamhetId/klienter/export': {
    build: withBody('/api/v1/verksamheter/:verksamhetId/klienter/export', () => ({ q: 'Klient' })),
  },
  'POST /api/v1/verksamheter/:verksamhetId/klienter': {
    build: withBody('/api/v1/verksamheter/:verksamhetId/klienter', (c) => ({
      alias: `Ny klient ${uniq()}`,
      fodelsear: 1975,
      kon: 'man',
      kommunKod: c.side.kommunKod,
      barnUnder18: 'nej',
    })),
  },
  'PATCH /api/v1/verksamheter/:verksamhetId/klienter/:klientId': {
    build: withBody('/api/v1/verksamheter/:verksamhetId/klienter/:klientId', () => ({ fodelsear: 1981 })),
  },
  'POST /api/v1/verksamheter/:verksamhetId/arenden': {
    build: async (c) => ({
      path: fill('/api/v1/verksamheter/:verksamhetId/arenden', c.side),
      body: {
        klientId: await freshKlient(c),
        forfraganDatum: `${c.side.ar}-07-01`,
        forfraganFran: 'anhorig',
      },
    }),
  },
  'PATCH /api/v1/verksamheter/:verksamhetId/arenden/:arendeId': {
    build: withBody('/api/v1/verksamheter/:verksamhetId/arenden/:arendeId', () => ({ sip: true })),
  },
  'POST /api/v1/verksamheter/:verksamhetId/arenden/:arendeId/status': {
    build: async (c) => ({
      path: fill('/api/v1/verksamheter/:verksamhetId/arenden/:arendeId/status', c.side, {
        arendeId: await freshArende(c),
      }),
      body: { status: 'ko' },
    }),
  },
  'POST /api/v1/verksamheter/:verksamhetId/arenden/:arendeId/anteckningar': {
    build: withBody('/api/v1/verksamheter/:verksamhetId/arenden/:arendeId/anteckningar', () => ({
      text: 'Ringde Försäkringskassan om beslutet.',
    })),
  },
  'DELETE /api/v1/verksamheter/:verksamhetId/arenden/:arendeId/anteckningar/:anteckningId': {
    build: async (c) => ({
      path: fill('/api/v1/verksamheter/:verksamhetId/arenden/:arendeId/anteckningar/:anteckningId', c.side, {
        anteckningId: await c.side.fresh('anteckning'),
      }),
    }),
  },
  'PUT /api/v1/verksamheter/:verksamhetId/caseload/:userId': {
    build: withBody('/api/v1/verksamheter/:verksamhetId/caseload/:userId', () => ({
      arsarbetareHundradelar: 75,
    })),
  },
  'POST /api/v1/verksamheter/:verksamhetId/import/klienter': {
    build: (c) => ({
      path: fill('/api/v1/verksamheter/:verksamhetId/import/klienter', c.side),
      csv: `${IMPORT_KOLUMNER.join(',')}\nImporterad ${uniq()},1970,kvinna,${c.side.kommunKod},nej,${c.side.ar}-01-05,,,,,\n`,
    }),
  },
  'POST /api/v1/brist-amnen': {
    sideless: true,
    build: () => ({ path: '/api/v1/brist-amnen', body: { kod: `amne-${uniq()}`, namn: 'Nytt ämne' } }),
  },
  'POST /api/v1/aktorsregister': {
    sideless: true,
    build: () => ({
      path: '/api/v1/aktorsregister',
      body: { kod: `aktor-${uniq()}`, namn: 'Ny aktör', kategori: 'annan', kommun: '0180' },
    }),
  },
  // The world's own actor, given the first day it already has (the change is real but alters nothing).
  'PATCH /api/v1/aktorsregister/:id': {
    sideless: true,
    build: (c) => ({ path: `/api/v1/aktorsregister/${c.side.aktor}`, body: { giltigFran: '2005-01-01' } }),
  },
  'POST /api/v1/verksamheter/:id/brister': {
    build: withBody('/api/v1/verksamheter/:id/brister', (c) => ({
      titel: `Brist ${uniq()}`,
      beskrivning: 'Blanketten finns bara på webben.',
      niva: 'lokal',
      aktorIds: [c.side.aktor],
      amneKod: c.side.amneKod,
      observeradDatum: `${c.side.ar}-08-01`,
      antalKlienter: 1,
    })),
  },
  'PATCH /api/v1/brister/:id': {
    build: async (c) => ({
      path: fill('/api/v1/brister/:id', c.side, { id: await freshBrist(c) }),
      body: { antalKlienter: 5 },
    }),
  },
  'POST /api/v1/brister/:id/status': {
    build: async (c) => ({
      path: fill('/api/v1/brister/:id/status', c.side, { id: await freshBrist(c) }),
      body: { status: 'lyft_i_ledningsgrupp' },
    }),
  },
  'POST /api/v1/brister/:id/atgarder': {
    build: withBody('/api/v1/brister/:id/atgarder', (c) => ({
      datum: `${c.side.ar}-09-01`,
      text: 'Mejlade handläggaren.',
    })),
  },
  'POST /api/v1/verksamheter/:id/import/brister': {
    build: (c) => ({
      path: fill('/api/v1/verksamheter/:id/import/brister', c.side),
      csv: `${BRIST_KOLUMNER.join(',')}\nImporterad brist ${uniq()},Beskrivning,central,forsakringskassan,${c.side.amneKod},${c.side.ar}-03-01,2\n`,
    }),
  },
  'POST /api/v1/brister/:id/aterkoppling': {
    build: withBody('/api/v1/brister/:id/aterkoppling', () => ({
      typ: 'atgard_planerad',
      text: 'Vi ser över blanketten under hösten.',
    })),
  },
  'PUT /api/v1/verksamheter/:id/ledningsgrupp': {
    build: withBody('/api/v1/verksamheter/:id/ledningsgrupp', () => ({ brukarorganisationErbjuden: true })),
  },
  'POST /api/v1/verksamheter/:id/ledningsgrupp/ledamoter': {
    build: withBody('/api/v1/verksamheter/:id/ledningsgrupp/ledamoter', () => ({
      rollkategori: 'primarvard',
      organisation: 'Regionen',
      namn: `Ledamot ${uniq()}`,
    })),
  },
  'DELETE /api/v1/verksamheter/:id/ledningsgrupp/ledamoter/:ledamotId': {
    build: async (c) => ({
      path: fill('/api/v1/verksamheter/:id/ledningsgrupp/ledamoter/:ledamotId', c.side, {
        ledamotId: await c.side.fresh('ledamot'),
      }),
    }),
  },
  'POST /api/v1/verksamheter/:id/ledningsgrupp/moten': {
    build: withBody('/api/v1/verksamheter/:id/ledningsgrupp/moten', (c) => ({ datum: `${c.side.ar}-10-01` })),
  },
  'PATCH /api/v1/verksamheter/:id/ledningsgrupp/moten/:moteId': {
    build: withBody('/api/v1/verksamheter/:id/ledningsgrupp/moten/:moteId', () => ({
      protokoll: 'Mötet öppnades. Brister gicks igenom.',
    })),
  },
  'POST /api/v1/verksamheter/:id/ledningsgrupp/moten/:moteId/beslut': {
    build: async (c) => ({
      path: fill('/api/v1/verksamheter/:id/ledningsgrupp/moten/:moteId/beslut', c.side),
      body: { bristId: await freshBrist(c), beslut: 'Bristen lyfts till aktören.' },
    }),
  },
  'PUT /api/v1/statsbidrag/:ar/budget': {
    sideless: true,
    // A year of its own: the decision letters fix ar + 1 directly, and a fixed year is not fixed again.
    build: (c) => ({
      path: `/api/v1/statsbidrag/${c.side.ar + 2}/budget`,
      body: { totalBudgetKr: 150_000_000, administrationKr: 2_000_000 },
    }),
  },
  'POST /api/v1/statsbidrag/:ar/oppning': {
    sideless: true,
    // A year of its own, fixed before each request, so reopening it can succeed.
    build: async (c) => {
      const ar = c.side.ar + 3;
      const db = c.world.database.db;
      if (!(await grantRepo.getBudget(db, ar)))
        await grantRepo.upsertBudget(db, {
          ar,
          totalBudgetKr: 150_000_000,
          administrationKr: 2_000_000,
          totalFteHundradelar: 150,
          beloppPerArsarbetareKr: 392_251,
          updatedByNamn: 'matris',
        });
      return { path: `/api/v1/statsbidrag/${ar}/oppning`, body: { anledning: 'Fel budget angavs.' } };
    },
  },
  'GET /api/v1/verksamheter/:verksamhetId/statsbidrag/:ar': {
    build: async (c) => {
      await statsbidragBeslutat(c);
      return {
        path: fill('/api/v1/verksamheter/:verksamhetId/statsbidrag/:ar', c.side, {
          ar: String(c.side.ar + 1),
        }),
      };
    },
  },
  'POST /api/v1/statsbidrag/:ar/forhandsvisning': {
    sideless: true,
    build: (c) => ({
      path: `/api/v1/statsbidrag/${c.side.ar + 1}/forhandsvisning`,
      body: { totalBudgetKr: 150_000_000, administrationKr: 2_000_000 },
    }),
  },
  'GET /api/v1/statsbidrag/:ar': {
    sideless: true,
    build: (c) => ({ path: `/api/v1/statsbidrag/${c.side.ar + 1}` }),
  },
  'GET /api/v1/statsbidrag/:ar/export.xlsx': {
    sideless: true,
    build: (c) => ({ path: `/api/v1/statsbidrag/${c.side.ar + 1}/export.xlsx` }),
  },
  'GET /api/v1/statsbidrag/:ar/lan/:lanKod': {
    build: (c) => ({
      path: fill('/api/v1/statsbidrag/:ar/lan/:lanKod', c.side, { ar: String(c.side.ar + 1) }),
    }),
  },
  'GET /api/v1/statsbidrag/:ar/lan/:lanKod/beslut.xlsx': {
    build: (c) => ({
      path: fill('/api/v1/statsbidrag/:ar/lan/:lanKod/beslut.xlsx', c.side, { ar: String(c.side.ar + 1) }),
    }),
  },
  ...Object.fromEntries(
    (['docx', 'pdf'] as const).map((format) => [
      `GET /api/v1/statsbidrag/:ar/beslut/:verksamhetId.${format}`,
      {
        build: async (c: Ctx) => {
          await statsbidragBeslutat(c);
          return {
            path: fill(`/api/v1/statsbidrag/:ar/beslut/:verksamhetId.${format}`, c.side, {
              ar: String(c.side.ar + 1),
            }),
          };
        },
      },
    ]),
  ),
  'PUT /api/v1/statsbidrag/:ar/beslut/:verksamhetId': {
    build: (c) => ({
      path: fill('/api/v1/statsbidrag/:ar/beslut/:verksamhetId', c.side, { ar: String(c.side.ar + 1) }),
      body: { arsarbetare: 1.5, kommentar: 'Enligt ansökan.' },
    }),
  },
  'GET /api/v1/nationellt/:ar/brister': {
    build: (c) => ({ path: fill('/api/v1/nationellt/:ar/brister', c.side), query: { lan: c.side.lanKod } }),
  },
  'GET /api/v1/nationellt/:ar/brister/texter': {
    build: (c) => ({
      path: fill('/api/v1/nationellt/:ar/brister/texter', c.side),
      query: { lan: c.side.lanKod },
    }),
  },
  'GET /api/v1/nationellt/:ar/brister/export.xlsx': {
    build: (c) => ({
      path: fill('/api/v1/nationellt/:ar/brister/export.xlsx', c.side),
      query: { lan: c.side.lanKod },
    }),
  },
  'GET /api/v1/oppna-data/:ar': {
    sideless: true,
    build: async (c) => ({ path: `/api/v1/oppna-data/${await oppnaAr(c)}` }),
  },
  'GET /api/v1/oppna-data/:ar/:tabell.csv': {
    sideless: true,
    build: async (c) => ({ path: `/api/v1/oppna-data/${await oppnaAr(c)}/tabell3.csv` }),
  },
  'GET /api/v1/oppna-data/:ar/:tabell.json': {
    sideless: true,
    build: async (c) => ({ path: `/api/v1/oppna-data/${await oppnaAr(c)}/tabell3.json` }),
  },
  'POST /api/v1/lan/:lanKod/rapport/:ar/godkann': {
    build: async (c) => {
      await lanRapportInskickad(c);
      return { path: fill('/api/v1/lan/:lanKod/rapport/:ar/godkann', c.side) };
    },
  },
  'PUT /api/v1/lan/:lanKod/rapport/:ar': {
    build: withBody('/api/v1/lan/:lanKod/rapport/:ar', () => ({
      handlingsplan: 'Fler verksamheter i norra länet.',
    })),
  },
};

/**
 * The request for a route: its entry above, or, for a route that reads no body, the path filled from the
 * side. None for a route with a body and no entry: someone must write a valid body for it.
 */
export function requestFor(method: string, url: string, readsBody: boolean): RouteRequest | undefined {
  const known = REQUESTS[`${method} ${url}`];
  if (known) return known;
  if (readsBody) return undefined;
  return { sideless: !pointsAtSide(url), build: (c) => ({ path: fill(url, c.side) }) };
}
