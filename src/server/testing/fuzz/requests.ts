import fc from 'fast-check';
import { IMPORT_KOLUMNER } from '../../../contracts/cases.ts';
import { KOLUMNER as BRIST_KOLUMNER } from '../../modules/brister/import.ts';
import type { Consumable, Side } from '../api-world.ts';
import { csvBody, mutateValue, nastyString, nastyValue, type RawBody, rawBody } from './mutations.ts';
import type { JsonSchema, RouteSpec } from './schema.ts';
import { arbitrary, CONSUMABLE, canonical, pathParamKind, resolver } from './values.ts';

/** One request as the fuzzer sends it (through app.inject or a real socket). */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What was done to it ("valid", "body: replaced alias", "raw: invalid UTF-8", …). */
  what: string;
  /** Done to the caller's headers once they are added (see withCaller). */
  headerOp?: HeaderOp;
}

const HEADER_OPS = [
  'no origin',
  'cross-site',
  'bad cookie',
  'long cookie',
  'two cookies',
  'bearer marker',
  'bearer empty',
  'basic auth',
  'accept xml',
  'x-forwarded-for',
  'content-type case',
  'content-type utf-16',
  'content-type params',
  'content-encoding gzip',
] as const;
type HeaderOp = (typeof HEADER_OPS)[number];

/** The request as the caller sends it: their cookie and Origin, then the header mutation, if any. */
export function withCaller(req: FuzzRequest, auth: Record<string, string>, marker: string): FuzzRequest {
  const h: Record<string, string> = { ...auth, ...req.headers };
  const m = encodeSegment(marker);
  switch (req.headerOp) {
    case undefined:
      break;
    case 'no origin':
      delete h.origin;
      break;
    case 'cross-site':
      h['sec-fetch-site'] = 'cross-site';
      break;
    case 'bad cookie':
      h.cookie = `ombud_session=${m}`;
      break;
    case 'long cookie':
      h.cookie = `ombud_session=${'a'.repeat(6000)}`;
      break;
    case 'two cookies':
      h.cookie = `${h.cookie ?? ''}; ombud_session=x; ombud_session=%ff`;
      break;
    case 'bearer marker':
      delete h.cookie;
      h.authorization = `Bearer ${m}`;
      break;
    case 'bearer empty':
      h.authorization = 'Bearer ';
      break;
    case 'basic auth':
      h.authorization = 'Basic YWRtaW46YWRtaW4=';
      break;
    case 'accept xml':
      h.accept = 'application/xml';
      break;
    case 'x-forwarded-for':
      h['x-forwarded-for'] = m;
      break;
    case 'content-type case':
      h['content-type'] = (h['content-type'] ?? 'application/json').toUpperCase();
      break;
    case 'content-type utf-16':
      h['content-type'] = 'application/json; charset=utf-16';
      break;
    case 'content-type params':
      h['content-type'] = 'application/json;;; a=b; charset=';
      break;
    case 'content-encoding gzip':
      h['content-encoding'] = 'gzip';
      break;
  }
  return { ...req, headers: h };
}

/** The route, who calls it, about what, and the ids to put in it. */
export interface Target {
  spec: RouteSpec;
  side: Side;
  /** Fresh ids of what the route consumes (a note to delete, a token to revoke). */
  fresh: Partial<Record<Consumable, string>>;
  /** Every id in the world (for uuid fields no name tells about). */
  pool: readonly string[];
  marker: string;
}

export interface Parts {
  params: Record<string, unknown>;
  query: Record<string, unknown> | undefined;
  body: unknown;
}

/** The consumables a route's path points at. */
export function consumablesOf(spec: RouteSpec): Consumable[] {
  return spec.pathParams
    .map((p) => pathParamKind(spec.url, p.name))
    .filter((k): k is Consumable => (CONSUMABLE as readonly string[]).includes(k as string));
}

function pathResolve(t: Target) {
  return (name: string) => {
    const kind = pathParamKind(t.spec.url, name);
    if (!kind) return undefined;
    if ((CONSUMABLE as readonly string[]).includes(kind)) return t.fresh[kind as Consumable];
    return t.side[kind as keyof typeof t.side];
  };
}

/** A CSV file for an import route: its header and one good row. */
export function csvFixture(spec: RouteSpec, side: Side): { header: readonly string[]; row: string } {
  if (spec.url.endsWith('/import/klienter'))
    return {
      header: IMPORT_KOLUMNER,
      row: `Importerad,1970,kvinna,${side.kommunKod},nej,${side.ar}-01-05,,,,,`,
    };
  if (spec.url.endsWith('/import/brister'))
    return {
      header: BRIST_KOLUMNER,
      row: `Importerad brist,Beskrivning,central,forsakringskassan,${side.amneKod},${side.ar}-03-01,2`,
    };
  return { header: ['a', 'b'], row: '1,2' };
}

/** The plainest valid request (the access matrix sends this). */
export function canonicalParts(t: Target): Parts {
  const pr = pathResolve(t);
  const params: Record<string, unknown> = {};
  for (const p of t.spec.pathParams) params[p.name] = canonical(p.schema, p.name, pr);
  const fields = resolver(t.side, t.fresh);
  const query = t.spec.query ? (canonical(t.spec.query, '', fields) as Record<string, unknown>) : undefined;
  const body =
    t.spec.bodyKind === 'json'
      ? canonical(t.spec.body as JsonSchema, '', fields)
      : t.spec.bodyKind === 'csv'
        ? (() => {
            const f = csvFixture(t.spec, t.side);
            return `${f.header.join(',')}\n${f.row}\n`;
          })()
        : undefined;
  return { params, query, body };
}

/** Valid-looking parts: what the schemas allow, real ids most of the time. */
export function validParts(t: Target): fc.Arbitrary<Parts> {
  const pr = pathResolve(t);
  const fields = resolver(t.side, t.fresh);
  const params = fc.record(
    Object.fromEntries(t.spec.pathParams.map((p) => [p.name, arbitrary(p.schema, p.name, pr, t.pool)])),
  ) as fc.Arbitrary<Record<string, unknown>>;
  const query = t.spec.query
    ? (arbitrary(t.spec.query, '', fields, t.pool) as fc.Arbitrary<Record<string, unknown>>)
    : fc.constant(undefined);
  const body =
    t.spec.bodyKind === 'json'
      ? arbitrary(t.spec.body as JsonSchema, '', fields, t.pool)
      : t.spec.bodyKind === 'csv'
        ? fc.constant(canonicalParts(t).body)
        : fc.constant(undefined);
  return fc.record({ params, query, body });
}

function encodeSegment(v: unknown): string {
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  try {
    return encodeURIComponent(s);
  } catch {
    // A lone surrogate: send it as the (invalid) UTF-8 bytes of its code unit.
    return s.replace(/[\ud800-\udfff]/g, '%ED%A0%80').replace(/[^A-Za-z0-9%._~-]/g, (c) => {
      try {
        return encodeURIComponent(c);
      } catch {
        return '%ED%A0%80';
      }
    });
  }
}

function queryString(q: Record<string, unknown> | undefined, rawExtra = ''): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q ?? {})) {
    if (v === undefined) continue;
    for (const x of Array.isArray(v) ? v : [v])
      parts.push(`${encodeSegment(k)}=${encodeSegment(typeof x === 'object' ? JSON.stringify(x) : x)}`);
  }
  if (rawExtra) parts.push(rawExtra);
  return parts.length ? `?${parts.join('&')}` : '';
}

export function buildUrl(
  spec: RouteSpec,
  params: Record<string, unknown>,
  query: string,
  rawParam?: [string, string],
) {
  return (
    spec.url.replace(/:(\w+)/g, (_m, name: string) =>
      rawParam && rawParam[0] === name ? rawParam[1] : encodeSegment(params[name]),
    ) + query
  );
}

function jsonRequest(t: Target, parts: Parts, what: string, extra: Partial<FuzzRequest> = {}): FuzzRequest {
  const headers: Record<string, string> = {};
  let payload: string | Buffer | undefined;
  if (t.spec.bodyKind === 'json' && parts.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(parts.body);
  } else if (t.spec.bodyKind === 'csv' && typeof parts.body === 'string') {
    headers['content-type'] = 'text/csv';
    payload = parts.body;
  }
  return {
    method: t.spec.method,
    url: buildUrl(t.spec, parts.params, queryString(parts.query)),
    headers,
    ...(payload !== undefined ? { payload } : {}),
    what,
    ...extra,
  };
}

export function canonicalRequest(t: Target): FuzzRequest {
  return jsonRequest(t, canonicalParts(t), 'canonical');
}

/** Values for a path segment that are not what the route wants. */
const rawSegments = (marker: string) =>
  fc.constantFrom(
    '%00',
    '%E0%A4%A',
    '%ED%A0%80',
    '%C0%AE%C0%AE',
    '..',
    '%2e%2e%2f',
    '%2F',
    'a%20b',
    '%',
    '%%',
    'x'.repeat(101),
    '00000000-0000-0000-0000-000000000000%00',
    encodeSegment(marker),
    '-1',
    '1e3',
    '2025.5',
    '0x7e9',
    '%F0%9F%98%80',
  );

const MODES = ['valid', 'body', 'query', 'params', 'raw', 'headers', 'method'] as const;
export type Mode = (typeof MODES)[number];
export const MODE_WEIGHTS: Record<Mode, number> = {
  valid: 30,
  body: 24,
  query: 8,
  params: 12,
  raw: 12,
  headers: 9,
  method: 5,
};

/** A request of the given mode for the target (one fast-check arbitrary; sampled with the run's seed). */
export function requestArb(t: Target, mode: Mode): fc.Arbitrary<FuzzRequest> {
  const valid = validParts(t);
  const hasBody = t.spec.bodyKind !== 'none';
  const m = t.marker;
  switch (mode) {
    case 'valid':
      return valid.map((p) => jsonRequest(t, p, 'valid'));
    case 'body':
      if (t.spec.bodyKind === 'csv') {
        const f = csvFixture(t.spec, t.side);
        return fc
          .tuple(valid, csvBody(f.header, f.row, m))
          .map(([p, raw]) => rawRequest(t, p, raw, `csv: ${raw.what}`));
      }
      if (!hasBody) return requestArb(t, 'query');
      return valid.chain((p) =>
        mutateValue(p.body, m).map((mu) => jsonRequest(t, { ...p, body: mu.value }, `body: ${mu.what}`)),
      );
    case 'query':
      return fc
        .tuple(
          valid,
          fc.oneof(fc.constant('extra'), fc.constant('repeat'), fc.constant('mutate'), fc.constant('raw')),
          nastyValue(m),
          rawSegments(m),
        )
        .chain(([p, how, nasty, raw]) => {
          if (how === 'mutate' && p.query && Object.keys(p.query).length)
            return mutateValue(p.query, m).map((mu) =>
              jsonRequest(
                t,
                { ...p, query: (mu.value ?? {}) as Record<string, unknown> },
                `query: ${mu.what}`,
              ),
            );
          const q = { ...(p.query ?? {}) };
          let rawExtra = '';
          if (how === 'extra') q[m] = nasty;
          else if (how === 'repeat') {
            const k = Object.keys(t.spec.query?.properties ?? {})[0] ?? 'q';
            q[k] = [nasty, nasty, m];
          } else rawExtra = `${Object.keys(t.spec.query?.properties ?? {})[0] ?? 'q'}=${raw}`;
          return fc.constant({
            ...jsonRequest(t, p, `query: ${how}`),
            url: buildUrl(t.spec, p.params, queryString(q, rawExtra)),
          });
        });
    case 'params': {
      if (!t.spec.pathParams.length) return requestArb(t, 'query');
      const names = t.spec.pathParams.map((p) => p.name);
      return fc
        .tuple(valid, fc.constantFrom(...names), fc.boolean(), nastyString(m), rawSegments(m))
        .map(([p, name, useRaw, nasty, raw]) => {
          const r = jsonRequest(t, p, `params: ${name} ${useRaw ? `raw ${raw.slice(0, 20)}` : 'nasty'}`);
          r.url = buildUrl(t.spec, p.params, queryString(p.query), [
            name,
            useRaw ? raw : encodeSegment(nasty),
          ]);
          return r;
        });
    }
    case 'raw':
      return fc
        .tuple(valid, rawBody(canonicalParts(t).body, m))
        .map(([p, raw]) => rawRequest(t, p, raw, `raw: ${raw.what}`));
    case 'headers':
      return fc
        .tuple(valid, fc.constantFrom(...HEADER_OPS))
        .map(([p, op]) => ({ ...jsonRequest(t, p, `headers: ${op}`), headerOp: op }));
    case 'method':
      return fc
        .tuple(valid, fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE'))
        .map(([p, method]) => ({ ...jsonRequest(t, p, `method: ${method}`), method }));
  }
}

function rawRequest(t: Target, p: Parts, raw: RawBody, what: string): FuzzRequest {
  const headers: Record<string, string> = {};
  if (raw.contentType) headers['content-type'] = raw.contentType;
  return {
    method: t.spec.method,
    url: buildUrl(t.spec, p.params, queryString(p.query)),
    headers,
    ...(raw.payload !== undefined ? { payload: raw.payload } : {}),
    what,
  };
}

/** Picks a mode by weight from a number in [0, 1). */
export function pickMode(u: number): Mode {
  const total = MODES.reduce((s, x) => s + MODE_WEIGHTS[x], 0);
  let acc = 0;
  for (const x of MODES) {
    acc += MODE_WEIGHTS[x] / total;
    if (u < acc) return x;
  }
  return 'valid';
}
