import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Principal, ROLLER, type Roll } from '../../domain/access.ts';
import { withTx } from '../db/client.ts';
import * as userRepo from '../modules/users/repo.ts';
import { loadPrincipal } from '../platform/auth/principal.ts';
import { createApiToken, listApiTokens } from '../platform/auth/service.ts';
import { createSession } from '../platform/auth/sessions.ts';
import { ORIGIN, testConfig } from './app.ts';
import type { TestDatabase } from './db.ts';
import { makeUser, makeVerksamhet, orgId } from './factories.ts';
import { giltigRedovisning } from './redovisning-fixture.ts';
import { type CollectedRoute, makeAppWithRoutes } from './routes.ts';

/**
 * A small, complete world for tests that walk every route (the access matrix and the fuzzer): two
 * verksamheter in two län, each with a client, an ärende with a note, a brist sent to an actor, a
 * ledningsgrupp with a member and a meeting, a submitted redovisning and a user to administer; and one
 * caller per role of side A, plus an anonymous one. Paths can then point at real ids, so requests reach
 * validation, services and the database instead of stopping at a 404.
 *
 * "own" is side A (verksamhet A in län 01, the actor that got A's brist); "foreign" is side B (verksamhet B
 * in län 03, another actor). Every caller belongs to side A, or is national.
 */

export type SideKey = 'own' | 'foreign';

/** What a path or body field can point at, per side. */
export interface SideIds {
  verksamhet: string;
  lanKod: string;
  kommunKod: string;
  aktor: string;
  klient: string;
  arende: string;
  brist: string;
  mote: string;
  redovisning: string;
  /** The year of the submitted redovisning (and of the län report). */
  ar: number;
  /** An ombud of the verksamhet (for caseload and ombud fields). */
  ombudUser: string;
  /** A user that only administration routes point at (never a caller: they may disable it). */
  targetUser: string;
  amneKod: string;
}

/** Resources a route consumes (deletes, revokes): made fresh for each call that points at one. */
export type Consumable = 'anteckning' | 'ledamot' | 'membership' | 'token';

export interface Side extends SideIds {
  key: SideKey;
  /** The verksamhet's chef (makes fresh resources for the side). */
  chefUser: string;
  fresh(kind: Consumable): Promise<string>;
}

export type CallerName =
  | 'anonym'
  | 'ombud'
  | 'chef'
  | 'ledamot'
  | 'länsstyrelse'
  | 'socialstyrelsen'
  | 'aktör'
  | 'admin';

/** Column order of the access matrix. */
export const CALLER_NAMES: readonly CallerName[] = [
  'anonym',
  'ombud',
  'chef',
  'ledamot',
  'länsstyrelse',
  'socialstyrelsen',
  'aktör',
  'admin',
];

export interface Caller {
  name: CallerName;
  roll?: Roll;
  userId?: string;
  organisationId?: string;
  principal?: Principal;
}

export interface World {
  app: FastifyInstance;
  routes: CollectedRoute[];
  database: TestDatabase;
  own: Side;
  foreign: Side;
  callers: Caller[];
  side(key: SideKey): Side;
  /** Headers of a browser on our own pages, logged in as the caller (a fresh session when needed). */
  headers(caller: Caller): Promise<Record<string, string>>;
  /** Forget the caller's session (after a call that may have ended it: logout, login, a TOTP lock). */
  dropSession(caller: Caller): void;
  /** Every id in the world, for fields no name tells about. */
  allIds(): string[];
  /** A user-friendly request through app.inject, as a caller. */
  inject(caller: Caller, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function buildWorld(database: TestDatabase): Promise<World> {
  const db = database.db;
  const { app, routes } = await makeAppWithRoutes(db, { loginRateLimit: 1_000_000 });
  const cfg = testConfig();
  const sessions = new Map<string, string>();

  async function cookieFor(userId: string): Promise<string> {
    const known = sessions.get(userId);
    if (known) return known;
    const s = await withTx(db, {}, (tx) =>
      createSession(tx, userId, true, {
        idleMinutes: cfg.sessionIdleMinutes,
        absoluteHours: cfg.sessionAbsoluteHours,
      }),
    );
    const cookie = `ombud_session=${s.id}`;
    sessions.set(userId, cookie);
    return cookie;
  }
  async function headersFor(userId: string | undefined): Promise<Record<string, string>> {
    return { origin: ORIGIN, ...(userId ? { cookie: await cookieFor(userId) } : {}) };
  }
  async function call(userId: string, opts: InjectOptions): Promise<LightMyRequestResponse> {
    return app.inject({ ...opts, headers: { ...(await headersFor(userId)), ...(opts.headers ?? {}) } });
  }
  async function must(userId: string, opts: InjectOptions, what: string): Promise<{ id: string }> {
    const res = await call(userId, opts);
    if (res.statusCode >= 300) throw new Error(`world: ${what}: ${res.statusCode} ${res.body.slice(0, 500)}`);
    return res.json() as { id: string };
  }

  const ar = new Date().getFullYear() - 1;
  const aktorer = {
    own: await orgId(db, 'aktor', 'forsakringskassan'),
    foreign: await orgId(db, 'aktor', 'arbetsformedlingen'),
  };
  const ss = await orgId(db, 'socialstyrelsen', 'socialstyrelsen');

  async function makeSide(key: SideKey, lanKod: string, kommunKod: string): Promise<Side> {
    const v = await makeVerksamhet(db, { lanKod, kommuner: [kommunKod] });
    const chef = await makeUser(db, [{ organisationId: v.id, roll: 'chef' }]);
    const ombud = await makeUser(db, [{ organisationId: v.id, roll: 'ombud' }]);
    const target = await makeUser(db, [{ organisationId: v.id, roll: 'ombud' }]);
    const base = `/api/v1/verksamheter/${v.id}`;
    const klient = await must(
      chef.id,
      {
        method: 'POST',
        url: `${base}/klienter`,
        payload: { alias: `Klient ${key}`, fodelsear: 1980, kon: 'kvinna', kommunKod, barnUnder18: 'nej' },
      },
      'klient',
    );
    const arende = await must(
      chef.id,
      {
        method: 'POST',
        url: `${base}/arenden`,
        payload: { klientId: klient.id, forfraganDatum: `${ar}-02-10`, forfraganFran: 'personen' },
      },
      'ärende',
    );
    const brist = await must(
      chef.id,
      {
        method: 'POST',
        url: `${base}/brister`,
        payload: {
          titel: `Brist ${key}`,
          beskrivning: 'Blanketten går inte att fylla i.',
          niva: 'central',
          aktorIds: [aktorer[key]],
          amneKod: 'fk-kommunikation',
          observeradDatum: `${ar}-03-01`,
          antalKlienter: 3,
        },
      },
      'brist',
    );
    for (const status of ['lyft_i_ledningsgrupp', 'skickad_till_aktor'])
      await must(
        chef.id,
        { method: 'POST', url: `/api/v1/brister/${brist.id}/status`, payload: { status } },
        `brist → ${status}`,
      );
    const mote = await must(
      chef.id,
      { method: 'POST', url: `${base}/ledningsgrupp/moten`, payload: { datum: `${ar}-04-01` } },
      'möte',
    );
    const redUrl = `${base}/redovisningar/${ar}`;
    await must(chef.id, { method: 'PUT', url: redUrl, payload: giltigRedovisning(ar) }, 'redovisning');
    const redovisning = await must(chef.id, { method: 'POST', url: `${redUrl}/inskickning` }, 'inskickning');

    async function fresh(kind: Consumable): Promise<string> {
      switch (kind) {
        case 'anteckning':
          return (
            await must(
              chef.id,
              {
                method: 'POST',
                url: `${base}/arenden/${arende.id}/anteckningar`,
                payload: { text: 'Anteckning att ta bort.' },
              },
              'anteckning',
            )
          ).id;
        case 'ledamot': {
          const lg = (await (
            await call(chef.id, {
              method: 'POST',
              url: `${base}/ledningsgrupp/ledamoter`,
              payload: { rollkategori: 'kommun', organisation: 'Kommunen', namn: 'Ledamot att ta bort' },
            })
          ).json()) as { ledamoter?: Array<{ id: string; namn: string }> };
          const l = lg.ledamoter?.findLast((x) => x.namn === 'Ledamot att ta bort');
          if (!l) throw new Error(`world: ledamot: ${JSON.stringify(lg).slice(0, 300)}`);
          return l.id;
        }
        case 'membership': {
          const rows = await withTx(db, {}, async (tx) => {
            await userRepo.insertMembership(tx, { userId: target.id, organisationId: v.id, roll: 'ledamot' });
            return userRepo.membershipsOf(tx, [target.id]);
          });
          return rows.find((m) => m.roll === 'ledamot')!.id;
        }
        case 'token': {
          await createApiToken(db, target.id, 'fuzz', { userId: target.id, username: target.username });
          const tokens = await listApiTokens(db, target.id);
          return tokens.findLast((t) => !t.revokedAt)!.id;
        }
      }
    }

    return {
      key,
      verksamhet: v.id,
      lanKod,
      kommunKod,
      aktor: aktorer[key],
      klient: klient.id,
      arende: arende.id,
      brist: brist.id,
      mote: mote.id,
      redovisning: redovisning.id,
      ar,
      ombudUser: ombud.id,
      targetUser: target.id,
      amneKod: 'fk-kommunikation',
      chefUser: chef.id,
      fresh,
    };
  }

  const own = await makeSide('own', '01', '0180');
  const foreign = await makeSide('foreign', '03', '0380');

  const memberships: Record<Exclude<CallerName, 'anonym'>, [string, Roll]> = {
    ombud: [own.verksamhet, 'ombud'],
    chef: [own.verksamhet, 'chef'],
    ledamot: [own.verksamhet, 'ledamot'],
    länsstyrelse: [await orgId(db, 'lansstyrelse', own.lanKod), 'lansstyrelse'],
    socialstyrelsen: [ss, 'socialstyrelsen'],
    aktör: [own.aktor, 'aktor'],
    admin: [ss, 'admin'],
  };
  const callers: Caller[] = [{ name: 'anonym' }];
  for (const name of CALLER_NAMES) {
    if (name === 'anonym') continue;
    const [organisationId, roll] = memberships[name];
    const u = await makeUser(db, [{ organisationId, roll }]);
    const principal = (await withTx(db, {}, (tx) => loadPrincipal(tx, u.id)))!;
    callers.push({ name, roll, userId: u.id, organisationId, principal });
  }
  if (callers.length !== ROLLER.length + 1) throw new Error('world: one caller per role, and anonym');

  return {
    app,
    routes,
    database,
    own,
    foreign,
    callers,
    side: (key) => (key === 'own' ? own : foreign),
    headers: (caller) => headersFor(caller.userId),
    dropSession: (caller) => {
      if (caller.userId) sessions.delete(caller.userId);
    },
    allIds: () => {
      const ids = new Set<string>();
      for (const s of [own, foreign])
        for (const k of [
          'verksamhet',
          'aktor',
          'klient',
          'arende',
          'brist',
          'mote',
          'redovisning',
          'ombudUser',
          'targetUser',
        ] as const)
          ids.add(s[k]);
      for (const c of callers) if (c.organisationId) ids.add(c.organisationId);
      return [...ids];
    },
    inject: async (caller, opts) =>
      app.inject({ ...opts, headers: { ...(await headersFor(caller.userId)), ...(opts.headers ?? {}) } }),
    close: async () => {
      await app.close();
    },
  };
}
