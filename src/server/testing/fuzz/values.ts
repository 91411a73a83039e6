import fc from 'fast-check';
import type { Consumable, Side, SideIds } from '../api-world.ts';
import type { JsonSchema } from './schema.ts';

/**
 * Values for a route's parameters, query and body, from their JSON Schemas: one canonical valid value (for
 * the access matrix) and arbitraries of valid-looking values (for the fuzzer). A field's name says what it
 * points at (`klientId`, `lanKod`, `aktorIds`, or `:id` after `/brister`), so ids are the world's real ones
 * and requests reach the services instead of stopping at "not found".
 */

export type IdKind = keyof SideIds | Consumable;

const BY_NAME: Record<string, IdKind> = {
  verksamhetId: 'verksamhet',
  organisationId: 'verksamhet',
  klientId: 'klient',
  arendeId: 'arende',
  anteckningId: 'anteckning',
  bristId: 'brist',
  moteId: 'mote',
  ledamotId: 'ledamot',
  narvaro: 'ledamot',
  membershipId: 'membership',
  tokenId: 'token',
  userId: 'ombudUser',
  ombudUserId: 'ombudUser',
  aktorId: 'aktor',
  aktorIds: 'aktor',
  aktor: 'aktor',
  ids: 'redovisning',
  lanKod: 'lanKod',
  lan: 'lanKod',
  kommunKod: 'kommunKod',
  kommunKoder: 'kommunKod',
  amneKod: 'amneKod',
  amne: 'amneKod',
  ar: 'ar',
};

/** What `:id` means, by the path segment before it. */
const BY_SEGMENT: Record<string, IdKind> = {
  verksamheter: 'verksamhet',
  brister: 'brist',
  inbox: 'brist',
  users: 'targetUser',
  redovisningar: 'redovisning',
};

export const CONSUMABLE: readonly Consumable[] = ['anteckning', 'ledamot', 'membership', 'token'];

/** The kind of thing a path parameter points at, if the fuzzer knows it. */
export function pathParamKind(url: string, name: string): IdKind | undefined {
  if (name !== 'id') return BY_NAME[name];
  const before = url.split(`/:${name}`)[0]!.split('/').pop()!;
  return BY_SEGMENT[before];
}

/** Looks a field name up in a side (fresh ids of consumables given separately). */
export type Resolve = (name: string) => unknown;

export function resolver(side: Side, fresh: Partial<Record<Consumable, string>> = {}): Resolve {
  return (name) => {
    const kind = BY_NAME[name];
    if (!kind) return undefined;
    if ((CONSUMABLE as readonly string[]).includes(kind)) return fresh[kind as Consumable];
    return side[kind as keyof SideIds];
  };
}

const types = (s: JsonSchema): string[] => (s.type === undefined ? [] : [s.type].flat());
const isUuid = (s: JsonSchema) => s.format === 'uuid';

/** Pattern strings from zod are JavaScript regular expressions. */
function regexOf(s: JsonSchema): RegExp | undefined {
  if (!s.pattern) return undefined;
  try {
    return new RegExp(s.pattern);
  } catch {
    return undefined;
  }
}

const fits = (s: JsonSchema, v: string) =>
  v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY);

function clampInt(s: JsonSchema, wanted: number): number {
  let min = s.minimum ?? Number.MIN_SAFE_INTEGER;
  if (typeof s.exclusiveMinimum === 'number') min = Math.max(min, Math.floor(s.exclusiveMinimum) + 1);
  let max = s.maximum ?? Number.MAX_SAFE_INTEGER;
  if (typeof s.exclusiveMaximum === 'number') max = Math.min(max, Math.ceil(s.exclusiveMaximum) - 1);
  return Math.min(Math.max(wanted, min), max);
}

function matchesType(s: JsonSchema, v: unknown): boolean {
  const t = types(s);
  if (!t.length) return true;
  return t.some((x) =>
    x === 'integer'
      ? Number.isInteger(v)
      : x === 'array'
        ? Array.isArray(v)
        : x === 'null'
          ? v === null
          : x === 'object'
            ? typeof v === 'object' && v !== null && !Array.isArray(v)
            : typeof v === x,
  );
}

/**
 * One valid value, the plainest there is: required fields (and optional ones the world can fill: an id, a
 * län), the first enum member, the smallest sensible number, real ids.
 */
export function canonical(s: JsonSchema, name: string, resolve: Resolve): unknown {
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) {
    const known = resolve(name);
    const first =
      alt.find((a) => known !== undefined && matchesType(a, known)) ??
      alt.find((a) => a.type !== 'null') ??
      alt[0]!;
    return canonical(first, name, resolve);
  }
  if (s.allOf?.length) return canonical(Object.assign({}, ...s.allOf), name, resolve);
  if (s.const !== undefined) return s.const;
  const known = resolve(name);
  if (known !== undefined) {
    if (types(s).includes('array')) return [known];
    if (types(s).includes('string') || isUuid(s)) return String(known);
    if (types(s).includes('integer') || types(s).includes('number')) return Number(known);
    return known;
  }
  if (s.enum?.length) return s.default !== undefined && s.enum.includes(s.default) ? s.default : s.enum[0];
  const t = types(s)[0] ?? (s.properties ? 'object' : 'string');
  switch (t) {
    case 'string': {
      if (isUuid(s)) return '00000000-0000-4000-8000-000000000000';
      if (s.format === 'date') return '2025-03-01';
      if (s.format === 'email') return 'fuzz@example.se';
      const re = regexOf(s);
      if (re) {
        const found = fc
          .sample(fc.stringMatching(re), { seed: 1, numRuns: 50 })
          .find((v) => fits(s, v) && v.trim() === v && v.length > 0);
        if (found !== undefined) return found;
      }
      const base = 'Text från testet';
      const min = s.minLength ?? 0;
      return base.padEnd(min, 'x').slice(0, s.maxLength ?? base.length);
    }
    case 'integer':
      return clampInt(s, 1);
    case 'number':
      return clampInt(s, 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const n = Math.max(s.minItems ?? 0, 0);
      return Array.from({ length: n }, () => canonical(s.items ?? {}, name, resolve));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(k) || resolve(k) !== undefined) out[k] = canonical(p, k, resolve);
      }
      return out;
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------- arbitraries of valid-looking values

/** Printable text a person might type: Swedish letters, punctuation, some emoji. */
const humanText = (min: number, max: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: max, unit: 'grapheme-ascii' }) },
    { weight: 2, arbitrary: fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.constantFrom('Å', 'ä', 'ö', 'É', ' ', '-', 'Ärende', 'Öppet', '🙂', '’', '“', 'ß'), {
          minLength: Math.max(min, 1),
          maxLength: Math.max(Math.min(max, 20), 1),
        })
        .map((a) => a.join('').slice(0, max)),
    },
  );

function intArb(s: JsonSchema): fc.Arbitrary<number> {
  const min = clampInt(s, Number.MIN_SAFE_INTEGER);
  const max = clampInt(s, Number.MAX_SAFE_INTEGER);
  const small = fc.integer({
    min: Math.max(min, -1000),
    max: Math.min(Math.max(max, min), Math.max(min, 0) + 1000),
  });
  if (min >= -(2 ** 31) && max < 2 ** 31)
    return fc.oneof({ weight: 3, arbitrary: small }, fc.integer({ min, max }));
  return fc.oneof(
    { weight: 3, arbitrary: small },
    fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number),
    fc.constantFrom(min, max),
  );
}

function numberArb(s: JsonSchema): fc.Arbitrary<number> {
  if (s.multipleOf) {
    const step = s.multipleOf;
    const lo = Math.ceil((s.minimum ?? -1e6) / step);
    const hi = Math.floor((s.maximum ?? 1e6) / step);
    return intArb({ minimum: lo, maximum: hi }).map((k) => Math.round(k * step * 1e6) / 1e6);
  }
  return fc.double({
    min: s.minimum ?? -1e9,
    max: s.maximum ?? 1e9,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

/**
 * Valid-looking values: mostly what the schema allows, with a field the world knows (an id, a län, a year)
 * usually set to the world's value. Random data still trips domain rules (a date in the future, a kommun
 * outside the verksamhet), which is the point.
 */
export function arbitrary(
  s: JsonSchema,
  name: string,
  resolve: Resolve,
  pool: readonly string[],
): fc.Arbitrary<unknown> {
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return fc.oneof(...alt.map((a) => arbitrary(a, name, resolve, pool)));
  if (s.allOf?.length) return arbitrary(Object.assign({}, ...s.allOf), name, resolve, pool);
  if (s.const !== undefined) return fc.constant(s.const);
  const plain = plainArbitrary(s, name, resolve, pool);
  const known = resolve(name);
  const withKnown =
    known === undefined
      ? plain
      : fc.oneof(
          { weight: 6, arbitrary: fc.constant(canonical(s, name, resolve)) },
          { weight: 1, arbitrary: plain },
        );
  return s.nullable ? fc.option(withKnown, { nil: null, freq: 6 }) : withKnown;
}

function plainArbitrary(
  s: JsonSchema,
  name: string,
  resolve: Resolve,
  pool: readonly string[],
): fc.Arbitrary<unknown> {
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const t = types(s).filter((x) => x !== 'null')[0] ?? (s.properties ? 'object' : undefined);
  switch (t) {
    case 'string': {
      if (isUuid(s))
        return pool.length
          ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.uuid() })
          : fc.uuid();
      if (s.format === 'date')
        return fc
          .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      if (s.format === 'email') return fc.emailAddress().filter((v) => fits(s, v));
      const re = regexOf(s);
      if (re)
        return fc
          .stringMatching(re)
          .filter((v) => fits(s, v))
          .map((v) => v);
      return humanText(s.minLength ?? 0, Math.min(s.maxLength ?? 80, 80));
    }
    case 'integer':
      return intArb(s);
    case 'number':
      return numberArb(s);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(arbitrary(s.items ?? {}, name, resolve, pool), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(Math.min(s.maxItems ?? 4, 4), s.minItems ?? 0),
      });
    case 'object': {
      const props = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, p] of Object.entries(props)) model[k] = arbitrary(p, k, resolve, pool);
      const required = (s.required ?? []).filter((k) => k in props);
      return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<unknown>;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
