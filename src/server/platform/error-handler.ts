import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type FieldError } from './errors.ts';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

function send(reply: import('fastify').FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** Maps every error to application/problem+json with a Swedish message; never leaks internals. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return send(reply, {
        type: 'about:blank',
        title: error.title,
        status: error.status,
        detail: error.message,
        ...(error.errors.length ? { errors: error.errors } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors = error.validation.flatMap((v) => {
        const path = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
        // zod's unrecognized_keys issue: the provider copies the issue's own fields into params.
        const params = v.params as { keys?: unknown; issue?: { keys?: unknown } };
        const keys = params.keys ?? params.issue?.keys;
        const message = v.message ?? 'Ogiltigt värde.';
        if (Array.isArray(keys) && keys.length)
          return keys.map((k) => ({
            field: [path, String(k)].filter(Boolean).join('.'),
            message: keys.length === 1 ? message : `Okänd nyckel: "${String(k)}"`,
          }));
        return [{ field: path || where, message }];
      });
      return send(reply, {
        type: 'about:blank',
        title: 'Ogiltiga uppgifter',
        status: 400,
        detail: errors.map((e) => `${e.field}: ${e.message}`).join(' '),
        errors,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(reply, {
        type: 'about:blank',
        title: 'Internt fel',
        status: 500,
        detail: 'Ett internt fel inträffade.',
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return send(reply, {
        type: 'about:blank',
        title: 'Ogiltig JSON',
        status: 400,
        detail: 'Begärans innehåll är inte giltig JSON.',
        errors: [{ field: 'body', message: 'Inte giltig JSON.' }],
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(reply, {
        type: 'about:blank',
        title: 'Fel innehållstyp',
        status: 415,
        detail: 'Innehållstypen stöds inte.',
      });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(reply, {
        type: 'about:blank',
        title: 'För stor begäran',
        status: 413,
        detail: 'Begäran är för stor.',
      });
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return send(reply, {
        type: 'about:blank',
        title: 'Ogiltiga uppgifter',
        status: 400,
        detail: 'Begäran saknar innehåll.',
        errors: [{ field: 'body', message: 'Innehåll saknas.' }],
      });
    }
    if (error.statusCode === 429) {
      return send(reply, {
        type: 'about:blank',
        title: 'För många försök',
        status: 429,
        detail: 'För många försök. Vänta en stund och försök igen.',
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, {
        type: 'about:blank',
        title: 'Felaktig begäran',
        status: error.statusCode,
        detail: 'Begäran kunde inte behandlas.',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, {
      type: 'about:blank',
      title: 'Internt fel',
      status: 500,
      detail: 'Ett internt fel inträffade.',
    });
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, {
      type: 'about:blank',
      title: 'Hittades inte',
      status: 404,
      detail: `Ingen resurs på ${request.url.split('?')[0]}.`,
    }),
  );
}
