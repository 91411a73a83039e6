import fc from 'fast-check';

/**
 * Invalid input: hostile strings and numbers, wrong types, missing and extra fields, and raw bodies that
 * are not what the route expects. `marker` is the request's own token (HTML-looking), planted in strings
 * and keys so an error answer that echoes input unescaped can be caught.
 */

/** Strings PostgreSQL, JSON, HTML or a log line might choke on. */
export function nastyString(marker: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(marker),
    fc.constant(`${marker}"'\\`),
    fc.constant(''),
    fc.constant('   '),
    fc.constant('\u0000'),
    fc.constant(`a\u0000${marker}`),
    fc.constant('\ud800'),
    fc.constant(`x\udc00y${marker}`),
    fc.constant('\ud83d\ude00\u200b\u202e\u0301\ufeff'),
    fc.constant('Å'.repeat(300)),
    fc.constant(marker.repeat(2000)),
    fc.constant('A'.repeat(100_000)),
    fc.constant("'; drop table klient; --"),
    fc.constant('../../../../etc/passwd'),
    fc.constant('%00%ff%E0%A4%A'),
    fc.constant('\r\nSet-Cookie: x=1'),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
    fc.constant('${jndi:ldap://x}{{7*7}}'),
    fc.constant('1e999'),
    fc.constant('-0'),
    fc.constant('NaN'),
    fc.constant('2025-02-30'),
    fc.constant('0000-00-00'),
    fc.constant('99999-12-31'),
    fc.constant('not-a-uuid'),
    fc.constant('00000000-0000-0000-0000-000000000000'),
    fc.constant('FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'),
    fc.constant('{12345678-1234-1234-1234-123456789abc}'),
    fc.constant('12345678-1234-1234-1234-123456789abcd'),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map((s) => `${s}${marker}`),
  );
}

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    1.5,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    1e-7,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value that is likely of the wrong type where it lands. */
export function nastyValue(marker: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: nastyString(marker) },
    { weight: 3, arbitrary: nastyNumber },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.constant({ [marker]: marker }) },
    { weight: 1, arbitrary: fc.array(nastyString(marker), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant(Array.from({ length: 5000 }, (_, i) => i)) },
    { weight: 1, arbitrary: fc.constant(deep(300)) },
  );
}

function deep(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** The paths of every node of a JSON value (the root is []). */
function nodes(v: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(at);
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) nodes(x, [...at, i], out);
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) nodes(x, [...at, k], out);
  return out;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function setAt(
  root: unknown,
  path: Array<string | number>,
  fn: (parent: Record<string | number, unknown>, key: string | number) => void,
) {
  let cur = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  fn(cur, path[path.length - 1]!);
}

export type Mutation = { what: string; value: unknown };

/**
 * One mutation of a valid value: a node replaced by a hostile value, a field removed, an unknown field
 * (named with the marker, or __proto__) added, an object turned into an array, or the whole thing replaced.
 */
export function mutateValue(valid: unknown, marker: string): fc.Arbitrary<Mutation> {
  const all = nodes(valid);
  return fc
    .tuple(
      fc.nat({ max: Math.max(all.length - 1, 0) }),
      fc.constantFrom('replace', 'replace', 'replace', 'remove', 'extra', 'proto', 'array', 'root'),
      nastyValue(marker),
    )
    .map(([i, op, nasty]): Mutation => {
      const v = clone(valid);
      const path = all[i] ?? [];
      const where = path.join('.') || '(root)';
      if (op === 'root' || path.length === 0) {
        if (op === 'extra' && v && typeof v === 'object' && !Array.isArray(v)) {
          (v as Record<string, unknown>)[marker] = nasty;
          return { what: `extra key at root`, value: v };
        }
        return { what: `root replaced`, value: nasty };
      }
      let what = '';
      setAt(v, path, (parent, key) => {
        if (op === 'remove') {
          if (Array.isArray(parent)) parent.splice(Number(key), 1);
          else delete parent[key];
          what = `removed ${where}`;
        } else if (op === 'extra' || op === 'proto') {
          const target = parent[key];
          const obj = target && typeof target === 'object' && !Array.isArray(target) ? target : parent;
          const k = op === 'proto' ? '__proto__' : marker;
          Object.defineProperty(obj, k, {
            value: op === 'proto' ? { admin: true } : nasty,
            enumerable: true,
            configurable: true,
            writable: true,
          });
          what = `extra key ${op === 'proto' ? '__proto__' : 'marker'} at ${where}`;
        } else if (op === 'array') {
          parent[key] = [parent[key]];
          what = `array around ${where}`;
        } else {
          parent[key] = nasty;
          what = `replaced ${where}`;
        }
      });
      return { what, value: v };
    });
}

/** A raw body: the wrong media type, broken JSON, invalid UTF-8, nothing at all. */
export interface RawBody {
  what: string;
  contentType: string | undefined;
  payload: string | Buffer | undefined;
}

export function rawBody(validJson: unknown, marker: string): fc.Arbitrary<RawBody> {
  const json = JSON.stringify(validJson ?? {});
  const bad = (what: string, contentType: string | undefined, payload: string | Buffer | undefined) =>
    fc.constant<RawBody>({ what, contentType, payload });
  return fc.oneof(
    bad('empty JSON body', 'application/json', ''),
    bad('no body, no type', undefined, undefined),
    bad('JSON as text/plain', 'text/plain', json),
    bad('JSON without type', undefined, json),
    bad('XML', 'application/xml', `<a>${marker}</a>`),
    bad('form', 'application/x-www-form-urlencoded', `a=${encodeURIComponent(marker)}`),
    bad(
      'multipart',
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n${marker}\r\n--x--\r\n`,
    ),
    bad('CSV to a JSON route', 'text/csv', `a,b\n${marker},1\n`),
    bad(
      'JSON, charset latin1',
      'application/json; charset=iso-8859-1',
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe5, 0x22, 0x7d]),
    ),
    bad(
      'invalid UTF-8',
      'application/json',
      Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff]), Buffer.from('"}')]),
    ),
    bad(
      'overlong UTF-8 NUL',
      'application/json',
      Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc0, 0x80]), Buffer.from('"}')]),
    ),
    bad(
      'UTF-8 surrogate',
      'application/json',
      Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    ),
    bad('escaped NUL', 'application/json', json.replace(/"([^"]*)"/, '"$1\\u0000"')),
    bad('escaped lone surrogate', 'application/json', json.replace(/"([^"]*)"/, '"$1\\ud800"')),
    bad('BOM', 'application/json', `\ufeff${json}`),
    bad('truncated JSON', 'application/json', json.slice(0, Math.max(1, json.length - 2))),
    bad('JSON with comments', 'application/json', `/* ${marker} */${json}`),
    bad('duplicate keys', 'application/json', json.replace(/^\{/, `{"${marker}":1,"${marker}":2,`)),
    bad('__proto__ key', 'application/json', json.replace(/^\{/, '{"__proto__":{"admin":true},')),
    bad(
      'constructor.prototype',
      'application/json',
      json.replace(/^\{/, '{"constructor":{"prototype":{"admin":true}},'),
    ),
    bad('null', 'application/json', 'null'),
    bad('array', 'application/json', `[${json}]`),
    bad('string', 'application/json', JSON.stringify(marker)),
    bad('number', 'application/json', '1e999'),
    bad('true', 'application/json', 'true'),
    bad('nested 5000 deep', 'application/json', `${'['.repeat(5000)}${']'.repeat(5000)}`),
    bad('huge number', 'application/json', json.replace(/^\{/, `{"n":${'9'.repeat(400)},`)),
    bad('1 MB of spaces', 'application/json', `${' '.repeat(1_000_000)}${json}`),
    bad('garbage', 'application/json', `${marker}\u0000\u0001`),
  );
}

/** A hostile CSV file for an import route. */
export function csvBody(header: readonly string[], validRow: string, marker: string): fc.Arbitrary<RawBody> {
  const h = header.join(',');
  const csv = (what: string, payload: string | Buffer, contentType = 'text/csv') =>
    fc.constant<RawBody>({ what, contentType, payload });
  return fc.oneof(
    csv('valid CSV', `${h}\n${validRow}\n`),
    csv('header only', `${h}\n`),
    csv('empty file', ''),
    csv('no header', `${validRow}\n`),
    csv('marker cells', `${h}\n${header.map(() => marker).join(',')}\n`),
    csv('unbalanced quote', `${h}\n"${validRow}\n`),
    csv('NUL bytes', Buffer.from(`${h}\n${validRow}\u0000\n`)),
    csv(
      'invalid UTF-8',
      Buffer.concat([
        Buffer.from(`${h}\n`),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
        Buffer.from(`,${validRow}\n`),
      ]),
    ),
    csv('UTF-16 with BOM', Buffer.from(`\ufeff${h}\n${validRow}\n`, 'utf16le')),
    csv('semicolons', `${h.replaceAll(',', ';')}\n${validRow.replaceAll(',', ';')}\n`),
    csv('a 200 000-character cell', `${h}\n${'x'.repeat(200_000)},${validRow}\n`),
    csv('too many columns', `${h}\n${validRow},${'x,'.repeat(500)}\n`),
    csv('2 000 rows', `${h}\n${`${validRow}\n`.repeat(2_000)}`),
    csv('CSV as application/json', `${h}\n${validRow}\n`, 'application/json'),
    csv('CSV as text/plain', `${h}\n${validRow}\n`, 'text/plain'),
    csv('formula injection', `${h}\n=cmd|' /C calc'!A0,${validRow}\n`),
  );
}
