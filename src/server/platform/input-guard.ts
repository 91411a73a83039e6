import type { FastifyInstance } from 'fastify';
import { Invalid } from './errors.ts';

/**
 * Text PostgreSQL cannot store never reaches it. A NUL character (U+0000) is refused by PostgreSQL's text
 * types ("invalid byte sequence"), and half of a UTF-16 surrogate pair is no character at all; either used
 * to surface as a 500 from whichever query met it first. One rule for every route: every string in the
 * body, the query string and the path — and every uploaded file — is checked before validation, and the
 * first bad one answers 400 naming its field.
 */
export const OTILLATET_TECKEN =
  'Texten innehåller ett tecken som inte kan sparas (ett NUL-tecken eller en ofullständig teckenkod). Ta bort det och försök igen.';
const OTILLATET_I_FIL =
  'Filen innehåller NUL-tecken. Spara den som CSV med teckenkodningen UTF-8 och försök igen.';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const bad = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** The dotted path of the first string (value or key) that cannot be stored, or undefined. */
export function forstaOgiltigaText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return bad(value) ? path : undefined;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = forstaOgiltigaText(value[i], path ? `${path}.${i}` : String(i));
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    if (bad(k)) return p;
    const hit = forstaOgiltigaText(v, p);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

export function registerInputGuard(app: FastifyInstance) {
  // The path and query are checked on arrival, before authentication: the access check and the audit of a
  // refusal (platform/refusal.ts) store path parameters, and must never meet a NUL.
  app.addHook('onRequest', async (request) => {
    for (const [where, value] of [
      ['params', request.params],
      ['query', request.query],
    ] as const) {
      const field = forstaOgiltigaText(value);
      if (field !== undefined) {
        throw new Invalid([{ field: field || where, message: OTILLATET_TECKEN }], OTILLATET_TECKEN);
      }
    }
  });
  app.addHook('preValidation', async (request) => {
    if (Buffer.isBuffer(request.body) && request.body.includes(0)) {
      throw new Invalid([{ field: 'body', message: OTILLATET_I_FIL }], OTILLATET_I_FIL);
    }
    const field = forstaOgiltigaText(request.body);
    if (field !== undefined) {
      throw new Invalid([{ field: field || 'body', message: OTILLATET_TECKEN }], OTILLATET_TECKEN);
    }
  });
}

/** No request the API accepts nests deeper than this; a deeper one is refused before it is parsed. */
export const MAX_JSON_DJUP = 32;

/**
 * How deeply a JSON text nests (arrays and objects), counted without parsing, stopping once past `limit`.
 * Parsing is not the danger (JSON.parse is iterative) but everything after it is recursive: the prototype
 * check, this guard, zod. 5 000 levels overflowed the stack and answered 500.
 */
export function jsonDjup(text: string, limit = MAX_JSON_DJUP): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies must be valid UTF-8. Fastify's own parser decodes leniently (bad bytes become U+FFFD), which
 * silently changes what the user sent; this one refuses with 400 and then parses as Fastify does
 * (prototype poisoning refused).
 */
export function registerStrictJsonParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = UTF8.decode(body as Buffer);
    } catch {
      const message = 'Begärans innehåll är inte giltig UTF-8.';
      done(new Invalid([{ field: 'body', message }], message), undefined);
      return;
    }
    if (jsonDjup(text) > MAX_JSON_DJUP) {
      const message = `Begärans innehåll är nästlat i fler än ${MAX_JSON_DJUP} nivåer.`;
      done(new Invalid([{ field: 'body', message }], message), undefined);
      return;
    }
    parse(request, text, done);
  });
}
