import { readFileSync, writeFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../domain/access.ts';
import { policyAllows, resourceOf } from './testing/access-matrix/policy.ts';
import { type Call, requestFor } from './testing/access-matrix/requests.ts';
import {
  COLUMNS,
  cellText,
  classify,
  type Expected,
  meets,
  type Outcome,
  parseMatrix,
} from './testing/access-matrix/table.ts';
import { buildWorld, type Caller, type CallerName, type Side, type World } from './testing/api-world.ts';
import { makeApp } from './testing/app.ts';
import { createTestDb, type TestDatabase } from './testing/db.ts';
import { LOA3, startTestIdp, type TestIdp } from './testing/oidc-provider.ts';
import { permissionOf } from './testing/routes.ts';

/**
 * The access matrix (issue 14): every /api/v1 route × the seven roles and an anonymous caller × the
 * caller's own organisation and a foreign one (verksamhet A in län 01 and verksamhet B in län 03, each
 * with real clients, ärenden, brister, a ledningsgrupp and a submitted redovisning), compared with the
 * expected outcomes in docs/access-matrix.md. The route list comes from the running app, so a new route
 * without a row fails here.
 */

const DOC = new URL('../../docs/access-matrix.md', import.meta.url);
const REDIRECT = 'http://localhost:3000/api/v1/auth/oidc/callback';

let database: TestDatabase;
let world: World;
let idp: TestIdp;
let oidcApp: FastifyInstance;

beforeAll(async () => {
  database = await createTestDb();
  world = await buildWorld(database);
  // The e-legitimation routes answer 404 when OIDC is off; a second app on the same database has it on.
  idp = await startTestIdp(REDIRECT);
  oidcApp = await makeApp(database.db, {
    oidc: {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      redirectUri: REDIRECT,
      acrValues: [LOA3],
      allowInsecure: true,
    },
  });
});
afterAll(async () => {
  await oidcApp?.close();
  await world?.close();
  await database?.close();
  await idp?.close();
});

const key = (method: string, url: string) => `${method} ${url}`;

function apiRoutes() {
  return world.routes
    .filter((r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD' && r.method !== 'OPTIONS')
    .map((r) => ({ ...r, key: key(r.method, r.url) }));
}

/** Whether the route reads a JSON body (such a route needs a written request with a valid body). */
const readsBody = (r: { options: { schema?: unknown } }) =>
  (r.options.schema as { body?: unknown } | undefined)?.body !== undefined;

/** The preparation calls the request builders make as the side's verksamhetschef. */
function asChef(side: Side) {
  const chef: Caller = { name: 'chef', userId: side.chefUser };
  return async (method: string, url: string, payload?: unknown, alsoFine: number[] = []) => {
    const res = await world.inject(chef, {
      method: method as InjectOptions['method'],
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
    if (res.statusCode >= 300 && !alsoFine.includes(res.statusCode))
      throw new Error(`access matrix: ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string } & Record<string, unknown>;
  };
}

async function send(caller: Caller, call: Call, method: string) {
  const app = call.oidc ? oidcApp : world.app;
  const headers: Record<string, string> = await world.headers(caller);
  let payload: InjectOptions['payload'];
  if (call.csv !== undefined) {
    headers['content-type'] = 'text/csv';
    payload = call.csv;
  } else if (call.body !== undefined) {
    payload = call.body as InjectOptions['payload'];
  }
  const res = await app.inject({
    method: method as InjectOptions['method'],
    url: call.path,
    ...(call.query ? { query: call.query } : {}),
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
  if (call.endsSession) world.dropSession(caller);
  return res;
}

describe('access matrix', () => {
  it('has a row for every route and a route for every row', () => {
    const rows = parseMatrix(readFileSync(DOC, 'utf8'));
    const routes = new Set(apiRoutes().map((r) => r.key));
    expect(
      [...routes].filter((r) => !rows.has(r)),
      'routes missing from docs/access-matrix.md',
    ).toEqual([]);
    expect(
      [...rows.keys()].filter((r) => !routes.has(r)),
      'rows for routes that do not exist',
    ).toEqual([]);
  });

  it('every route has a request that can succeed (a body where the route reads one)', () => {
    const missing = apiRoutes()
      .filter((r) => {
        return !requestFor(r.method, r.url, readsBody(r));
      })
      .map((r) => r.key);
    expect(missing, 'routes the matrix cannot call: add them to testing/access-matrix/requests.ts').toEqual(
      [],
    );
  });

  it('the table allows nothing the access policy forbids, and a route without an organisation has one outcome', () => {
    const rows = parseMatrix(readFileSync(DOC, 'utf8'));
    const resources: Resource[] = [world.own, world.foreign].flatMap((s) => [
      { typ: 'verksamhet', id: s.verksamhet, lanKod: s.lanKod } as const,
      { typ: 'lan', lanKod: s.lanKod } as const,
      { typ: 'aktor', id: s.aktor } as const,
    ]);
    resources.push({ typ: 'nation' }, { typ: 'system' });
    const beyondPolicy: string[] = [];
    const split: string[] = [];
    for (const route of apiRoutes()) {
      const row = rows.get(route.key);
      if (!row) continue;
      const permission = permissionOf(route) ?? '';
      const sideless = requestFor(route.method, route.url, readsBody(route))?.sideless;
      for (const caller of world.callers) {
        const cell = row.cells[caller.name];
        if (sideless && cell.own !== cell.foreign)
          split.push(`${route.key}: ${caller.name} ${row.texts[caller.name]}`);
        for (const sideKey of ['own', 'foreign'] as const) {
          if (cell[sideKey] !== 'allowed') continue;
          const resource = sideless ? 'any' : resourceOf(route.method, route.url, world.side(sideKey));
          if (!policyAllows(caller.principal, permission, resource, resources))
            beyondPolicy.push(`${route.key} [${permission}]: ${caller.name} on ${sideKey}`);
        }
      }
    }
    expect(beyondPolicy, 'cells that allow what src/domain/access.ts does not').toEqual([]);
    expect(split, 'routes that point at no organisation need one outcome per caller').toEqual([]);
  });

  it('route × caller × own/foreign organisation answers as the table says', {
    timeout: 600_000,
  }, async () => {
    const rows = parseMatrix(readFileSync(DOC, 'utf8'));
    const routes = apiRoutes().filter((r) => rows.has(r.key));
    const observed = new Map<
      string,
      Partial<Record<CallerName, Partial<Record<'own' | 'foreign', Outcome>>>>
    >();
    const statuses = new Map<string, number[]>();
    const unexpectedAllows: string[] = [];
    const unexpectedRefusals: string[] = [];
    const unreadable: string[] = [];
    /** Calls past the access check that did not succeed (400/409/422): listed, so each can be judged. */
    const judgedOnContent: string[] = [];
    let calls = 0;

    // Foreign first: nothing is expected to succeed there, so the own side's state changes (a report
    // returned, a session ended) cannot make a foreign request fail for another reason.
    for (const sideKey of ['foreign', 'own'] as const) {
      const side = world.side(sideKey);
      for (const route of routes) {
        const request = requestFor(route.method, route.url, readsBody(route))!;
        if (request.sideless && sideKey === 'foreign') continue;
        const row = rows.get(route.key)!;
        for (const caller of world.callers) {
          const call = await request.build({ side, caller, world, asChef: asChef(side) });
          const res = await send(caller, call, route.method);
          calls++;
          const outcome = classify(res.statusCode);
          const where = `${caller.name} → ${route.key} (${request.sideless ? 'one scope' : sideKey}): ${res.statusCode}`;
          statuses.set(`${route.key} ${caller.name}`, [
            ...(statuses.get(`${route.key} ${caller.name}`) ?? []),
            res.statusCode,
          ]);
          if ([400, 409, 422].includes(res.statusCode))
            judgedOnContent.push(`${where} ${res.body.slice(0, 300)}`);
          if (!outcome) {
            unreadable.push(`${where} ${res.body.slice(0, 200)}`);
            continue;
          }
          const sides = request.sideless ? (['own', 'foreign'] as const) : [sideKey];
          const seen = (observed.get(route.key) ?? {}) as NonNullable<ReturnType<typeof observed.get>>;
          observed.set(route.key, seen);
          for (const s of sides) {
            seen[caller.name] = { ...(seen[caller.name] ?? {}), [s]: outcome };
            const expected = row.cells[caller.name][s];
            if (meets(expected, outcome, caller.name)) continue;
            const line = `${where}, table says ${row.texts[caller.name]} — ${res.body.slice(0, 160)}`;
            if (outcome === 'allowed') unexpectedAllows.push(`${s}: ${line}`);
            else unexpectedRefusals.push(`${s}: ${line}`);
          }
        }
      }
    }

    // The observed matrix, in the document's form, for whoever has to update the table.
    const observedRows = routes.map((r) => {
      const seen = observed.get(r.key) ?? {};
      const cells = COLUMNS.map(([, name]) => {
        const o = seen[name];
        return o?.own && o.foreign ? cellText(o as Expected) : '?';
      });
      return `| \`${r.key}\` | ${rows.get(r.key)!.description} | ${cells.join(' | ')} |`;
    });
    if (process.env.ACCESS_MATRIX_OBSERVED)
      writeFileSync(
        process.env.ACCESS_MATRIX_OBSERVED,
        `${observedRows.join('\n')}\n\nAnswered 400/409/422:\n${judgedOnContent.join('\n')}\n`,
      );

    const cells = routes.length * COLUMNS.length;
    console.log(
      `access matrix: ${routes.length} rows × ${COLUMNS.length} callers = ${cells} cells, ` +
        `${cells * 2} own/foreign outcomes (${calls} requests), ${unexpectedAllows.length} unexpected allows, ` +
        `${unexpectedRefusals.length} unexpected refusals, ${unreadable.length} unreadable answers ` +
        `(${judgedOnContent.length} answers 400/409/422, counted as allowed)`,
    );
    expect(unexpectedAllows, 'UNEXPECTED ALLOWS — a caller got through where the table says no').toEqual([]);
    expect(unreadable, 'answers that are neither allowed nor refused').toEqual([]);
    expect(unexpectedRefusals, 'refused where the table says allowed (fix the request or the table)').toEqual(
      [],
    );

    // Not vacuous: every route the table opens to somebody answered 2xx/3xx to somebody at least once,
    // so the requests are ones that succeed where access is granted (not 400s counted as "allowed").
    const neverSucceeded = routes
      .filter((r) => COLUMNS.some(([, name]) => rows.get(r.key)!.cells[name].own === 'allowed'))
      .filter((r) =>
        COLUMNS.every(([, name]) =>
          (statuses.get(`${r.key} ${name}`) ?? []).every((s) => s < 200 || s >= 400),
        ),
      )
      .map(
        (r) =>
          `${r.key}: ${COLUMNS.map(([, n]) => `${n} ${statuses.get(`${r.key} ${n}`)?.join(',')}`).join('; ')}`,
      );
    expect(neverSucceeded, 'routes whose request never succeeded for anyone').toEqual([]);
  });
});
