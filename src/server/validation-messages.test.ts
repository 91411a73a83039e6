import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { messageProblems } from '../contracts/messages/human-text.ts';
import { UNKNOWN_FIELD } from '../contracts/messages/labels.ts';
import { ROLL_ORGANISATIONSTYP, ROLLER } from '../domain/access.ts';
import { type Client, loginAs } from './testing/app.ts';
import { createTestDb, type TestDatabase } from './testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from './testing/factories.ts';
import { type CollectedRoute, makeAppWithRoutes } from './testing/routes.ts';

/**
 * Every zod contract the API accepts (each route's body, querystring and params, collected from the
 * running app) is sent an empty and a wrong-typed input through app.inject, and every validation answer
 * must be in the error map's human form: a label for each field, plain Swedish sentences, a detail
 * without paths (issue 9). A new route is covered without touching this file.
 */

let database: TestDatabase;
let app: FastifyInstance;
let routes: CollectedRoute[];
let caller: Client;

beforeAll(async () => {
  database = await createTestDb();
  ({ app, routes } = await makeAppWithRoutes(database.db));
  // One user holding every role passes the coarse permission gate of every route, so each request
  // reaches validation (which runs before any service looks at the organisation).
  const v = await makeVerksamhet(database.db);
  const orgFor = {
    verksamhet: v.id,
    lansstyrelse: await orgId(database.db, 'lansstyrelse', '01'),
    socialstyrelsen: await orgId(database.db, 'socialstyrelsen', 'socialstyrelsen'),
    aktor: await orgId(database.db, 'aktor', 'forsakringskassan'),
  };
  const roller = ROLLER.filter((r) => r !== 'admin').map((roll) => {
    const typ = ROLL_ORGANISATIONSTYP[roll]!;
    return { organisationId: orgFor[typ], roll };
  });
  const u = await makeUser(database.db, roller);
  caller = await loginAs(app, u.username);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/** The object shape under optional/default/pipe wrappers, if the schema is an object. */
function shapeOf(s: Schema | undefined): Record<string, Schema> | undefined {
  let cur = s;
  for (let i = 0; cur && i < 10; i++) {
    const d = cur._zod.def;
    if (d.type === 'object') return d.shape as Record<string, Schema>;
    cur = (d.innerType ?? d.in) as Schema | undefined;
  }
  return undefined;
}

/** The wrapped schema's base type (string, number, enum, array, …). */
function baseType(s: Schema): string {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = cur._zod.def;
    const inner = (d.innerType ?? d.in) as Schema | undefined;
    if (!inner || ['object', 'array', 'union'].includes(d.type)) return d.type;
    cur = inner;
  }
  return cur._zod.def.type;
}

/** A value of the wrong type for each field: text where a number is due, a number where text is. */
function wrongValue(s: Schema): unknown {
  switch (baseType(s)) {
    case 'string':
    case 'enum':
    case 'literal':
    case 'date':
      return 12345;
    case 'number':
    case 'int':
    case 'boolean':
    case 'array':
    case 'object':
    case 'record':
      return 'fel';
    default:
      return { fel: true };
  }
}

const wrongBody = (s: Schema | undefined) => {
  const shape = shapeOf(s);
  return shape ? Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, wrongValue(v)])) : 'fel';
};

/** The route's address with its parameters filled: valid-looking ids, or (when `bad`) a word. */
function address(route: CollectedRoute, bad: boolean, query?: Record<string, string>) {
  const path = `${route.url}`.replace(/:(\w+)/g, () => (bad ? 'fel' : randomUUID()));
  const qs = query ? `?${new URLSearchParams(query)}` : '';
  return `${path}${qs}`;
}

interface Answer {
  route: string;
  input: string;
  status: number;
  body: { detail?: string; errors?: Array<{ field: string; label?: string; message: string }> };
}

async function send(
  route: CollectedRoute,
  input: string,
  url: string,
  payload?: unknown,
  lang: 'sv' | 'en' = 'sv',
): Promise<Answer> {
  const res = await caller.request({
    method: route.method as 'GET',
    url,
    headers: { 'accept-language': lang },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  let body: Answer['body'] = {};
  try {
    body = res.json();
  } catch {}
  return { route: `${route.method} ${route.url}`, input, status: res.statusCode, body };
}

/** Every complaint about the answers' wording, one line each (an empty list passes). */
function complaints(answers: Answer[]): string[] {
  const out: string[] = [];
  for (const a of answers) {
    if (a.status !== 400 || !a.body.errors) continue;
    const where = `${a.route} (${a.input})`;
    for (const p of messageProblems(a.body.detail ?? '')) out.push(`${where} detail: ${p}`);
    if (a.body.detail?.includes(':') && /\w+\.\w+:/.test(a.body.detail))
      out.push(`${where} detail has a path`);
    for (const e of a.body.errors) {
      for (const p of messageProblems(e.message)) out.push(`${where} ${e.field}: ${p}`);
      if (!e.label?.trim() || e.label === UNKNOWN_FIELD.sv) out.push(`${where} ${e.field}: no label`);
      else if (/^\w+$/.test(e.label) && e.label === e.field)
        out.push(`${where} ${e.field}: label is the key`);
    }
  }
  return out;
}

/** Every route's validation answers in one language: wrong params, wrong query, empty and wrong body. */
async function walk(lang: 'sv' | 'en'): Promise<Answer[]> {
  const answers: Answer[] = [];
  const api = routes.filter(
    (r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && r.method !== 'OPTIONS' && r.options.schema,
  );
  for (const route of api) {
    const schema = route.options.schema as { body?: Schema; querystring?: Schema; params?: Schema };
    if (route.url.includes('/auth/logout')) continue; // would end the walking session
    if (schema.params && shapeOf(schema.params))
      answers.push(await send(route, 'params of the wrong form', address(route, true), undefined, lang));
    const qShape = shapeOf(schema.querystring);
    if (qShape) {
      const query = Object.fromEntries(Object.keys(qShape).map((k) => [k, '-1x']));
      answers.push(
        await send(route, 'querystring of the wrong form', address(route, false, query), undefined, lang),
      );
    }
    if (schema.body && ['POST', 'PUT', 'PATCH'].includes(route.method)) {
      answers.push(await send(route, 'empty body', address(route, false), {}, lang));
      answers.push(
        await send(route, 'wrong-typed body', address(route, false), wrongBody(schema.body), lang),
      );
    }
  }
  return answers.filter((a) => a.status === 400);
}

let swedish: Answer[] = [];

/** Swedish left in an English answer: its letters or its commonest small words. */
const SWEDISH = /[åäöÅÄÖ]|\b(och|inte|eller|ska|måste|finns|kan|har|är|för|av|med)\b/;

describe('every validation answer of the API reads as plain Swedish with labels', () => {
  let answers: Answer[] = [];

  beforeAll(async () => {
    answers = await walk('sv');
    swedish = answers;
  }, 240_000);

  it('reaches validation on many routes (the walk is not empty)', () => {
    const routesHit = new Set(answers.filter((a) => a.body.errors?.length).map((a) => a.route));
    expect(routesHit.size).toBeGreaterThan(40);
  });

  it('names each field by its label and says what is wrong in a sentence without code words', () => {
    expect(complaints(answers)).toEqual([]);
  });

  it('answers an empty brist the way the form shows it', () => {
    const a = answers.find(
      (x) => x.route.endsWith('/brister') && x.route.startsWith('POST') && x.input === 'empty body',
    );
    expect(a?.body.detail).toMatch(/^\d+ uppgifter behöver rättas: Rubrik, Beskrivning, Nivå/);
    expect(a?.body.errors).toContainEqual({
      field: 'titel',
      label: 'Rubrik',
      message: 'Rubrik måste fyllas i.',
    });
    expect(a?.body.errors).toContainEqual({
      field: 'niva',
      label: 'Nivå',
      message: 'Välj nivå: handläggarnivå, lokal nivå eller central nivå.',
    });
  });
});

describe('in English (Accept-Language: en) the same answers are English', () => {
  let en: Answer[] = [];
  // The Swedish walk of the describe above (describes run in order): only the English one is new here.
  const sv = () => swedish;

  beforeAll(async () => {
    en = await walk('en');
  }, 240_000);

  it('fails the same fields as in Swedish', () => {
    const fields = (as: Answer[]) =>
      as.map((a) => `${a.route} ${a.input}: ${(a.body.errors ?? []).map((e) => e.field).join(',')}`);
    expect(fields(en)).toEqual(fields(sv()));
  });

  it('has no Swedish in any title, detail, label or message, and labels every field', () => {
    const out: string[] = [];
    for (const a of en) {
      const where = `${a.route} (${a.input})`;
      const body = a.body as Answer['body'] & { title?: string };
      for (const text of [body.title ?? '', body.detail ?? ''])
        if (SWEDISH.test(text)) out.push(`${where}: “${text}”`);
      for (const e of a.body.errors ?? []) {
        if (SWEDISH.test(e.message)) out.push(`${where} ${e.field}: “${e.message}”`);
        if (!e.label || SWEDISH.test(e.label) || e.label === UNKNOWN_FIELD.en)
          out.push(`${where} ${e.field}: label “${e.label}”`);
        for (const p of messageProblems(e.message, 'en')) out.push(`${where} ${e.field}: ${p}`);
      }
    }
    expect(out).toEqual([]);
  });

  it('answers an empty brist the way the English form shows it', () => {
    const a = en.find(
      (x) => x.route.endsWith('/brister') && x.route.startsWith('POST') && x.input === 'empty body',
    );
    expect(a?.body.detail).toMatch(/^\d+ fields need correcting: Title, /);
    expect(a?.body.errors).toContainEqual(
      expect.objectContaining({ field: 'titel', message: expect.stringMatching(/is required\.$/) }),
    );
  });
});
