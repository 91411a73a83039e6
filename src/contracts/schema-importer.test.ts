// The published JSON Schema (docs/redovisning-v1.schema.json) and the importer (`ombud import redovisning`,
// which parses with the zod contract redovisningV1 and registers an unknown verksamhet through
// createVerksamhet) agree — issue 11: "whatever the schema accepts imports".
//
// What this covers: documents generated FROM THE SCHEMA FILE (a small walker turns each node — object,
// array, string with pattern/length, integer and number with minimum/maximum/multipleOf, enum, const,
// anyOf, boolean, null, a list of types — into a fast-check arbitrary), checked against the schema by a validator written
// against the schema's keywords (not zod), then:
//   1. every document the schema accepts passes redovisningV1 (the importer's parsing), and its
//      verksamhet.kod passes the registration contract (createVerksamhet.kod): `V001`, `STHLM`, `Skövde-PO`;
//   2. a document whose one constrained property is broken — verksamhet.kod (pattern, length, spaces,
//      control characters), year (range, decimals), any count (negative, decimals, text, null), any FTE
//      (more than two decimals, negative), any enum (utforare, brist niva) — is rejected by the schema and
//      by the importer alike.
// Not covered: the importer's rules beyond the format (sums, reference data such as an existing län or
// kommun, the personal-data guard) — a schema-valid document may still fail those, by design.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVerksamhet } from './orgs.ts';
import { redovisningV1 } from './redovisning-v1.ts';

type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync('docs/redovisning-v1.schema.json', 'utf8')) as Schema;

const KEYWORDS = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'anyOf',
  'const',
  'enum',
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'format',
]);

/** Every keyword the schema uses (property names aside). */
function keywords(s: unknown, ut = new Set<string>()): Set<string> {
  if (Array.isArray(s)) for (const x of s) keywords(x, ut);
  else if (s && typeof s === 'object') {
    for (const [k, v] of Object.entries(s)) {
      ut.add(k);
      if (k === 'properties') for (const p of Object.values(v as object)) keywords(p, ut);
      else if (k !== 'const' && k !== 'enum') keywords(v, ut);
    }
  }
  return ut;
}

/** A validator for the keywords above, as JSON Schema defines them (format is an annotation). */
function schemaFel(s: Schema, v: unknown, path = ''): string[] {
  const at = path || '(rot)';
  if (Array.isArray(s.anyOf))
    return (s.anyOf as Schema[]).some((x) => schemaFel(x, v, path).length === 0) ? [] : [`${at}: anyOf`];
  const typOk: Record<string, (x: unknown) => boolean> = {
    object: (x) => x !== null && typeof x === 'object' && !Array.isArray(x),
    array: Array.isArray,
    string: (x) => typeof x === 'string',
    integer: (x) => typeof x === 'number' && Number.isInteger(x),
    number: (x) => typeof x === 'number' && Number.isFinite(x),
    boolean: (x) => typeof x === 'boolean',
    null: (x) => x === null,
  };
  // `type` may be a list (["boolean", "null"]: a yes/no question that may be unanswered).
  if (Array.isArray(s.type))
    return (s.type as string[]).some((t) => schemaFel({ ...s, type: t }, v, path).length === 0)
      ? []
      : [`${at}: inte ${(s.type as string[]).join(' eller ')}`];
  const typ = s.type as string | undefined;
  if (typ && !typOk[typ]!(v)) return [`${at}: inte ${typ}`];
  const fel: string[] = [];
  if ('const' in s && v !== s.const) fel.push(`${at}: const`);
  if (Array.isArray(s.enum) && !s.enum.includes(v)) fel.push(`${at}: enum`);
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum) fel.push(`${at}: minimum`);
    if (typeof s.maximum === 'number' && v > s.maximum) fel.push(`${at}: maximum`);
    // Decimal, not binary: 0.29 is a multiple of 0.01 although 0.29 / 0.01 is 28.999… in floating point.
    if (typeof s.multipleOf === 'number') {
      const q = v / s.multipleOf;
      if (Math.abs(q - Math.round(q)) > 1e-6) fel.push(`${at}: multipleOf`);
    }
  }
  if (typeof v === 'string') {
    const n = [...v].length;
    if (typeof s.minLength === 'number' && n < s.minLength) fel.push(`${at}: minLength`);
    if (typeof s.maxLength === 'number' && n > s.maxLength) fel.push(`${at}: maxLength`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) fel.push(`${at}: pattern`);
  }
  if (Array.isArray(v)) {
    if (typeof s.minItems === 'number' && v.length < s.minItems) fel.push(`${at}: minItems`);
    if (s.items)
      for (const [i, x] of v.entries()) fel.push(...schemaFel(s.items as Schema, x, `${path}.${i}`));
  }
  if (typ === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of (s.required as string[] | undefined) ?? [])
      if (!(k in o)) fel.push(`${path}.${k}: saknas`);
    for (const [k, sub] of Object.entries((s.properties as Record<string, Schema>) ?? {}))
      if (k in o) fel.push(...schemaFel(sub, o[k], path ? `${path}.${k}` : k));
  }
  return fel;
}

const GRANS = 1_000_000;

/** A fast-check arbitrary for the values a schema node accepts. */
function arb(s: Schema): fc.Arbitrary<unknown> {
  if (Array.isArray(s.anyOf)) return fc.oneof(...(s.anyOf as Schema[]).map(arb));
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.type)) return fc.oneof(...(s.type as string[]).map((type) => arb({ ...s, type })));
  switch (s.type) {
    case 'object': {
      const props = (s.properties as Record<string, Schema>) ?? {};
      const required = (s.required as string[]) ?? [];
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, p]) => [k, arb(p)])), {
        requiredKeys: required,
      });
    }
    case 'array':
      return fc.array(arb(s.items as Schema), { minLength: (s.minItems as number) ?? 0, maxLength: 3 });
    case 'string': {
      const max = Math.min((s.maxLength as number) ?? 40, 40);
      if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern, 'u'));
      return fc.string({ minLength: (s.minLength as number) ?? 0, maxLength: max, unit: 'grapheme' });
    }
    case 'integer': {
      const min = (s.minimum as number) ?? -GRANS;
      const max = (s.maximum as number) ?? GRANS;
      return fc.oneof(
        fc.integer({ min: Math.max(min, -GRANS), max: Math.min(max, GRANS) }),
        fc.constantFrom(min, max),
      );
    }
    case 'number': {
      // multipleOf 0.01: hundredths (FTE).
      const steg = (s.multipleOf as number) ?? 0.01;
      const min = (s.minimum as number) ?? 0;
      return fc
        .integer({ min: Math.ceil(min / steg), max: GRANS })
        .map((n) => Math.round(n * steg * 100) / 100);
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      throw new Error(`ingen generator för ${JSON.stringify(s).slice(0, 80)}`);
  }
}

interface Lov {
  path: Array<string | number>;
  s: Schema;
}

/** The leaves present in a document with their schema node (through anyOf: the branch the value takes). */
function lov(s: Schema, v: unknown, path: Array<string | number> = [], ut: Lov[] = []): Lov[] {
  if (Array.isArray(s.anyOf)) {
    const gren = (s.anyOf as Schema[]).find((x) => schemaFel(x, v).length === 0);
    if (gren) lov({ ...gren, nullable: (s.anyOf as Schema[]).some((x) => x.type === 'null') }, v, path, ut);
    return ut;
  }
  if (s.type === 'object' && v && typeof v === 'object') {
    for (const [k, sub] of Object.entries((s.properties as Record<string, Schema>) ?? {}))
      if (k in (v as object)) lov(sub, (v as Record<string, unknown>)[k], [...path, k], ut);
  } else if (s.type === 'array' && Array.isArray(v)) {
    v.forEach((x, i) => {
      lov(s.items as Schema, x, [...path, i], ut);
    });
  } else ut.push({ path, s });
  return ut;
}

function satt(doc: unknown, path: Array<string | number>, varde: unknown): unknown {
  const kopia = structuredClone(doc) as Record<string | number, unknown>;
  let o = kopia;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path.at(-1)!] = varde;
  return kopia;
}

const dokument = arb(schema);
const kodSchema = (schema.properties as Record<string, Schema>).verksamhet!.properties as Record<
  string,
  Schema
>;

/** Values that break a leaf's constraint, by the kind of leaf. */
function trasigt(l: Lov): fc.Arbitrary<unknown> | null {
  const s = l.s;
  const namn = l.path.join('.');
  if (namn === 'verksamhet.kod') {
    return fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        '   ',
        ' V001',
        'V001 ',
        'PO Skövde',
        '-po',
        '_po',
        'po/x',
        'chef@po',
        'po:1',
        'V\t01',
      ),
      fc.constantFrom(
        'po\u0000',
        'po\u001f',
        'po\u007f',
        'po\u0085',
        'po€',
        'po😀',
        'a'.repeat(65),
        'Å'.repeat(65),
      ),
      fc.string({ minLength: 1, maxLength: 70 }).filter((x) => schemaFel(kodSchema.kod!, x).length > 0),
    );
  }
  if (Array.isArray(s.enum))
    return fc.string({ maxLength: 12 }).filter((x) => !(s.enum as unknown[]).includes(x));
  if (s.type === 'integer') {
    const min = s.minimum as number;
    const max = s.maximum as number;
    return fc.oneof(
      fc.integer({ min: 1, max: GRANS }).map((d) => min - d),
      ...(max < GRANS ? [fc.integer({ min: 1, max: GRANS }).map((d) => max + d)] : []),
      fc.integer({ min: Math.max(min, 0), max: 10_000 }).map((n) => n + 0.5),
      fc.constantFrom('3', true, ...(s.nullable ? [] : [null])),
    );
  }
  if (s.type === 'number' && typeof s.multipleOf === 'number') {
    return fc.oneof(
      // More than two decimals: 1.005, 3.751 …
      fc
        .integer({ min: 0, max: GRANS })
        .filter((n) => n % 10 !== 0)
        .map((n) => n / 1000),
      fc.integer({ min: 1, max: GRANS }).map((n) => -n / 100),
      fc.constantFrom('4,5', null),
    );
  }
  return null;
}

describe('ombud.redovisning/v1: the published schema and the importer agree', () => {
  it('the validator here knows every keyword the schema uses', () => {
    expect([...keywords(schema)].filter((k) => !KEYWORDS.has(k) && !k.startsWith('x-'))).toEqual(
      // Property names (objects under `properties` are walked as schemas, their keys are names).
      [],
    );
  });

  it('codes as people write them are valid in both: V001, STHLM, Skövde-PO, po-uppsala', () => {
    for (const kod of ['V001', 'STHLM', 'Skövde-PO', 'po-uppsala', 'ÅSELE_1', 'v']) {
      expect(schemaFel(kodSchema.kod!, kod)).toEqual([]);
      expect(createVerksamhet.shape.kod.safeParse(kod).success, kod).toBe(true);
    }
  });

  it('every document the schema accepts passes the importer’s parsing and registration contract', () => {
    fc.assert(
      fc.property(dokument, (d) => {
        expect(schemaFel(schema, d)).toEqual([]);
        const r = redovisningV1.safeParse(d);
        expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
        const kod = (d as { verksamhet: { kod: string } }).verksamhet.kod;
        expect(createVerksamhet.shape.kod.safeParse(kod).success, kod).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('a document the schema rejects on a constrained property (kod, year, count, FTE, enum) is rejected by the importer', () => {
    const fall = dokument.chain((d) => {
      const kandidater = lov(schema, d).filter((l) => trasigt(l) !== null);
      // The figures per kommun (klienter.perKommun, …) repeat the client figures many times over: drawn
      // as one kind among the others, so that the rest of the document is still reached as often.
      const perOmrade = (l: (typeof kandidater)[number]) =>
        l.path.some((p) => p === 'perKommun' || p === 'perStadsdelsomrade');
      const ovriga = kandidater.filter((l) => !perOmrade(l));
      const omraden = kandidater.filter(perOmrade);
      return fc
        .oneof(
          { arbitrary: fc.constantFrom(...ovriga), weight: 4 },
          ...(omraden.length ? [{ arbitrary: fc.constantFrom(...omraden), weight: 1 }] : []),
        )
        .chain((l) => trasigt(l)!.map((varde) => ({ d, l, varde })));
    });
    const sett = new Set<string>();
    fc.assert(
      fc.property(fall, ({ d, l, varde }) => {
        const doc = satt(d, l.path, varde);
        sett.add(l.path.filter((p) => typeof p === 'string').join('.'));
        expect(
          schemaFel(schema, doc).length,
          `${l.path.join('.')} = ${JSON.stringify(varde)}`,
        ).toBeGreaterThan(0);
        expect(redovisningV1.safeParse(doc).success, `${l.path.join('.')} = ${JSON.stringify(varde)}`).toBe(
          false,
        );
      }),
      { numRuns: 400 },
    );
    // The run reached the kinds the issue names.
    for (const p of [
      'verksamhet.kod',
      'year',
      'personal.arsarbetare',
      'verksamhet.utforare',
      'ko.antalIKo3112',
    ])
      expect(sett, p).toContain(p);
  }, 30_000);
});
