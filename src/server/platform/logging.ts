import type { FastifyServerOptions } from 'fastify';
import { findPersonalData } from '../../domain/personuppgiftsskydd.ts';

/**
 * Log lines without personal data. The server log is read by operators and shipped to log systems that
 * are not covered by the verksamhet's confidentiality, so nothing a client or user typed may reach it:
 *
 * - requests are logged as method + path + route pattern: never the query string (a client search
 *   `?q=alias`), never headers (cookies, tokens) or bodies;
 * - a database error is logged by its SQLSTATE, constraint, table and column only. The driver's message
 *   carries the failed query's parameters ("params: Anna,19121212-1212,…") and PostgreSQL's own message
 *   and detail quote values ("Key (alias)=(…) already exists", 'invalid input syntax … "…"');
 * - any other error keeps its message, with personnummer, telephone numbers and e-mail addresses masked
 *   by the same scanner that guards brist texts, and a stack without its message line.
 */

const SQLSTATE = /^[0-9A-Z]{5}$/;

interface DbErrorFields {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
  severity?: unknown;
}

/** The driver error behind a Drizzle wrapper (or the error itself), if this is a database error. */
function databaseError(err: Error): DbErrorFields | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as DbErrorFields).code;
    if (typeof code === 'string' && SQLSTATE.test(code)) return e as DbErrorFields;
  }
  return err.name === 'DrizzleQueryError' || /^Failed query:/.test(err.message) ? {} : undefined;
}

export function maskPersonalData(text: string): string {
  let out = text;
  for (const f of findPersonalData(text).reverse())
    out = `${out.slice(0, f.index)}[${f.kind}]${out.slice(f.index + f.match.length)}`;
  return out;
}

/** The stack frames only: the first lines of `stack` repeat the message. */
function frames(stack: string | undefined): string {
  const at = stack?.indexOf('\n    at ') ?? -1;
  return at < 0 ? '' : stack!.slice(at + 1);
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export interface SafeError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function safeError(value: unknown): SafeError {
  if (!(value instanceof Error)) return { type: typeof value, message: '[inte ett Error-objekt]', stack: '' };
  const db = databaseError(value);
  if (db) {
    return {
      type: value.name,
      message: 'Databasfrågan misslyckades (parametrar och värden loggas inte).',
      sqlState: str(db.code),
      constraint: str(db.constraint),
      table: str(db.table),
      column: str(db.column),
      routine: str(db.routine),
      stack: frames(value.stack),
    };
  }
  const code = (value as { code?: unknown }).code;
  return {
    type: value.name,
    message: maskPersonalData(value.message.slice(0, 500)),
    code: str(code),
    statusCode: (value as { statusCode?: unknown }).statusCode,
    stack: frames(value.stack),
  };
}

interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  routeOptions?: { url?: string };
}

export function safeRequest(req: LoggedRequest): Record<string, unknown> {
  return {
    id: req.id,
    method: req.method,
    path: (req.url ?? '').split('?')[0],
    route: req.routeOptions?.url,
  };
}

/** Fastify's logger options: serializers for every line, plus redaction as a second line of defence. */
export function loggerOptions(
  level: string,
  stream?: NodeJS.WritableStream,
): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: { req: safeRequest, err: safeError, error: safeError },
    redact: {
      paths: [
        'body',
        'params',
        'query',
        'headers',
        'req.headers',
        'req.body',
        'req.query',
        'req.url',
        '*.body',
        '*.params',
        '*.query',
      ],
      remove: true,
    },
  };
}
