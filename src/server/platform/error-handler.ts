import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { inEnglish, titleInEnglish } from '../../contracts/messages/english.ts';
import { describeIssue, type Lang, messageFor, summarySentence } from '../../contracts/messages/error-map.ts';
import { labelOf } from '../../contracts/messages/labels.ts';
import { DomainError, type FieldError } from './errors.ts';
import { requestLang } from './request-lang.ts';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

/**
 * JSON with the characters that mean something to HTML written as escapes (\u003c …): an error may quote
 * what the caller sent (an unknown field's name, a CSV cell), and a body read as HTML by mistake (an old
 * browser sniffing, a log viewer) must not run it. JSON readers get the same text back.
 */
export function problemJson(problem: Problem): string {
  return JSON.stringify(problem).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The problem in the caller's language. Messages are written in Swedish where they arise (services,
 * domain rules); an English caller gets each sentence through the English table, and labels as the
 * English form shows them.
 */
function inLang(problem: Problem, lang: Lang): Problem {
  if (lang === 'sv') return problem;
  return {
    ...problem,
    title: titleInEnglish(problem.title),
    detail: inEnglish(problem.detail),
    ...(problem.errors
      ? {
          errors: problem.errors.map((e) => ({
            ...e,
            message: inEnglish(e.message),
            ...(e.label !== undefined
              ? { label: e.label === labelOf(e.field) ? labelOf(e.field, 'en') : inEnglish(e.label) }
              : {}),
          })),
        }
      : {}),
  };
}

function send(reply: FastifyReply, problem: Problem, request?: FastifyRequest) {
  const lang = request ? requestLang(request.headers['accept-language']) : 'sv';
  return reply
    .status(problem.status)
    .type('application/problem+json')
    .header('content-language', lang)
    .header('vary', 'Accept-Language')
    .send(problemJson(inLang(problem, lang)));
}

/**
 * A request that failed its zod schema, checked again with the English sentences: the Swedish ones were
 * made while Fastify validated (the global error map), and the English labels and words differ in more
 * than the words (plural, order), so the issues are described afresh rather than translated.
 */
function englishValidationErrors(request: FastifyRequest, where: string): FieldError[] | undefined {
  const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[where] as
    | z.ZodType
    | undefined;
  // Fastify names the query's schema `querystring` and the parsed value `query`.
  const input = (request as unknown as Record<string, unknown>)[where === 'querystring' ? 'query' : where];
  if (!schema || typeof schema.safeParse !== 'function') return undefined;
  const r = schema.safeParse(input, { error: (iss) => messageFor(iss, 'en') });
  if (r.success) return undefined;
  return r.error.issues.flatMap((iss) =>
    describeIssue(iss, 'en').map((i) => ({ field: i.field, label: i.label, message: inEnglish(i.message) })),
  );
}

/** Maps every error to application/problem+json with a Swedish message; never leaks internals. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const answer = (problem: Problem) => send(reply, problem, request);
    if (error instanceof DomainError) {
      return answer({
        type: 'about:blank',
        title: error.title,
        status: error.status,
        detail: error.message,
        ...(error.errors.length ? { errors: error.errors } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // The messages are already plain Swedish (contracts/messages/error-map.ts, installed in
      // contracts/common.ts); here each entry gets its label and the detail names the labels only.
      const where = error.validationContext ?? 'body';
      const english =
        requestLang(request.headers['accept-language']) === 'en'
          ? englishValidationErrors(request, where)
          : undefined;
      if (english?.length)
        return answer({
          type: 'about:blank',
          title: 'Ogiltiga uppgifter',
          status: 400,
          detail: summarySentence(english, 'en'),
          errors: english,
        });
      const errors: FieldError[] = error.validation.flatMap((v) => {
        const path = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
        // zod's unrecognized_keys issue: the provider copies the issue's own fields into params.
        const params = v.params as { keys?: unknown; issue?: { keys?: unknown } };
        const keys = params.keys ?? params.issue?.keys;
        const message = v.message ?? 'Uppgiften har ett ogiltigt värde.';
        if (Array.isArray(keys) && keys.length)
          return keys.map((k) => {
            const field = [path, String(k)].filter(Boolean).join('.');
            return { field, label: labelOf(field), message };
          });
        return [{ field: path || where, label: labelOf(path || where), message }];
      });
      return answer({
        type: 'about:blank',
        title: 'Ogiltiga uppgifter',
        status: 400,
        detail: summarySentence(errors),
        errors,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return answer({
        type: 'about:blank',
        title: 'Internt fel',
        status: 500,
        detail: 'Ett internt fel inträffade.',
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return answer({
        type: 'about:blank',
        title: 'Ogiltig JSON',
        status: 400,
        detail: 'Begärans innehåll är inte giltig JSON.',
        errors: [{ field: 'body', message: 'Inte giltig JSON.' }],
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return answer({
        type: 'about:blank',
        title: 'Fel innehållstyp',
        status: 415,
        detail: 'Innehållstypen stöds inte.',
      });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return answer({
        type: 'about:blank',
        title: 'För stor begäran',
        status: 413,
        detail: 'Begäran är för stor.',
      });
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return answer({
        type: 'about:blank',
        title: 'Ogiltiga uppgifter',
        status: 400,
        detail: 'Begäran saknar innehåll.',
        errors: [{ field: 'body', message: 'Innehåll saknas.' }],
      });
    }
    if (error.statusCode === 429) {
      return answer({
        type: 'about:blank',
        title: 'För många försök',
        status: 429,
        detail: 'För många försök. Vänta en stund och försök igen.',
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return answer({
        type: 'about:blank',
        title: 'Felaktig begäran',
        status: error.statusCode,
        detail: 'Begäran kunde inte behandlas.',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return answer({
      type: 'about:blank',
      title: 'Internt fel',
      status: 500,
      detail: 'Ett internt fel inträffade.',
    });
  });

  // The address is not echoed back: it is the caller's input.
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      {
        type: 'about:blank',
        title: 'Hittades inte',
        status: 404,
        detail: 'Det finns ingen sida eller resurs på den adressen.',
      },
      request,
    ),
  );
}

/** Errors Fastify raises before routing (a malformed or over-long address): problem+json, no echo. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return send(
      reply,
      {
        type: 'about:blank',
        title: 'För lång adress',
        status: 414,
        detail: 'Adressen är för lång.',
      },
      request,
    );
  }
  return send(
    reply,
    {
      type: 'about:blank',
      title: 'Felaktig adress',
      status: 400,
      detail: 'Adressen är inte giltig. Kontrollera att den är rätt skriven.',
    },
    request,
  );
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (too large headers, garbage on the
 * socket): answered as problem+json where the socket still takes an answer.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex) {
  if (!socket.writable) return socket.destroy();
  const [status, title, detail] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'För stora huvuden', 'Begärans huvuden är för stora.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Tidsgränsen passerades', 'Begäran tog för lång tid.']
        : [400, 'Felaktig begäran', 'Begäran kunde inte tolkas.'];
  const body = problemJson({ type: 'about:blank', title, status, detail });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
