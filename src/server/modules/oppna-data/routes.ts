import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  csvQuery,
  jsonStatDataset,
  oppnaAr,
  oppnaArParam,
  oppnaData,
  oppnaTabellParam,
  oppnaTidsserie,
} from '../../../contracts/oppna-data.ts';
import type { ModuleDeps } from '../index.ts';
import * as service from './service.ts';

/**
 * Public: the figures are aggregates of approved reports with small numbers suppressed, meant for anyone
 * (docs/open-data.md). Cacheable for five minutes by browsers and proxies; a client that sends the ETag it
 * has gets 304 without the body.
 */
const CACHE = 'public, max-age=300';

/**
 * Runs after the app's own onSend (which marks every /api answer no-store, route hooks come last): sets
 * the cache headers and answers 304 when the body is the one the client already has.
 */
async function cacheOchEtag(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
  const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
  reply.header('etag', etag).header('cache-control', CACHE);
  const har = req.headers['if-none-match'];
  if (har?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    reply.code(304).removeHeader('content-length');
    return '';
  }
  return payload;
}

export async function oppnaDataRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['öppna data'];
  const config = {
    permission: 'public' as const,
    // Its own limit: the public page makes three requests per view, a login-sized limit would refuse a
    // reader who looks at a few years.
    rateLimit: { max: deps.config.openDataRateLimit, timeWindow: '1 minute' },
  };
  const ctx = { db: deps.db, config: deps.config };
  const svar304 = { 304: z.null().describe('Oförändrat sedan den ETag som skickades i If-None-Match.') };

  r.get(
    '/oppna-data',
    {
      config,
      onSend: cacheOchEtag,
      schema: {
        tags,
        security: [],
        response: { 200: oppnaAr, ...svar304 },
        description: 'Öppen statistik utan inloggning: de år som har minst en godkänd redovisning.',
      },
    },
    () => service.listAr(ctx),
  );
  // Registered before /oppna-data/:ar for the reader; Fastify prefers the static path either way.
  r.get(
    '/oppna-data/tidsserie',
    {
      config,
      onSend: cacheOchEtag,
      schema: {
        tags,
        security: [],
        response: { 200: oppnaTidsserie, ...svar304 },
        description:
          'Nyckeltal för varje år med godkända redovisningar, för riket och varje län: verksamheter, ' +
          'klienter (totalt, kvinnor, män), nya klienter, årsarbetare, invånare per årsarbetare (normen är ' +
          '30 000), klienter per 10 000 invånare, kommuner utan PO, andel verksamheter med kö och väntande ' +
          'den 31 december; klienter per åldersgrupp (Tabell 3), klienter med barn under 18 år och deras ' +
          'andel (Tabell 4) och andelen klienter per kontaktorsak i procent. Varje år är samma siffror som ' +
          'nycklarna tackning, tabell3 (raden totalt) och tabell4 i /oppna-data/{ar}; antal personer 1–4 ' +
          'är null, och ett värde till där en summa annars skulle avslöja det; en andel är null när antalet ' +
          'bakom den eller antalet klienter är dolt (docs/open-data.md).',
      },
    },
    () => service.getTidsserie(ctx),
  );
  r.get(
    '/oppna-data/:ar',
    {
      config,
      onSend: cacheOchEtag,
      schema: {
        tags,
        security: [],
        params: oppnaArParam,
        response: { 200: oppnaData, ...svar304 },
        description:
          'Årets nationella tabeller (samma nycklar som /nationellt/{ar}) och siffror per län, bara från ' +
          'godkända redovisningar, och tackning: täckning mot behovet (normen ett ombud per 30 000 ' +
          'invånare) för riket, varje län och varje kommun. Antal personer 1–4 är null, liksom ett värde ' +
          'till där en summa annars skulle avslöja det; per kommun publiceras inga antal personer ' +
          '(docs/open-data.md). Ett år utan godkända redovisningar ger 404.',
      },
    },
    (req) => service.getAr(ctx, req.params.ar),
  );
  r.get(
    '/oppna-data/:ar/:tabell.csv',
    {
      config,
      onSend: cacheOchEtag,
      schema: {
        tags,
        security: [],
        params: oppnaTabellParam,
        querystring: csvQuery,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV'), ...svar304 },
        description:
          'En tabell som CSV. Standard (variant=excel): semikolon, UTF-8 med BOM och decimalkomma, som Excel ' +
          'med svenska inställningar öppnar direkt. variant=rfc: RFC 4180 med komma, utan BOM och med ' +
          'decimalpunkt. Dolda värden är "..". Tabellerna listas i svaret från /oppna-data/{ar}.',
      },
    },
    async (req, reply) => {
      const csv = await service.getCsv(ctx, req.params.ar, req.params.tabell, req.query.variant);
      const fil = `${req.params.tabell}-${req.params.ar}${req.query.variant === 'rfc' ? '-rfc' : ''}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `inline; filename="${fil}"`)
        .send(csv);
    },
  );
  r.get(
    '/oppna-data/:ar/:tabell.json',
    {
      config,
      onSend: cacheOchEtag,
      schema: {
        tags,
        security: [],
        params: oppnaTabellParam,
        response: { 200: jsonStatDataset, ...svar304 },
        description:
          'En tabell som JSON-stat 2.0 (dataset, som SCB och Eurostat publicerar): två dimensioner, värden ' +
          'radvis, null med status ".." där värdet är dolt.',
      },
    },
    (req) => service.getJsonStat(ctx, req.params.ar, req.params.tabell),
  );
}
