import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lanKod } from '../../../contracts/common.ts';
import {
  createKommentar,
  dokumentFormat,
  godkann,
  granskningView,
  kommentarItem,
  lanList,
  lanListExportQuery,
  lanListQuery,
  nationStatus,
  redovisningView,
  returnera,
  saveRedovisning,
  versionView,
} from '../../../contracts/redovisning.ts';
import { bilaga, LIST_MIME } from '../../platform/list-file.ts';
import { ctxFrom } from '../../platform/request-context.ts';
import type { ModuleDeps } from '../index.ts';
import { renderDokument } from './documents.ts';
import { granskningFil } from './granskning-export.ts';
import * as service from './service.ts';

const arParam = z.coerce.number().int().min(2000).max(2100);

export async function redovisningRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['redovisning'];
  const vParams = z.object({ id: z.uuid(), ar: arParam });

  r.get(
    '/verksamheter/:id/redovisningar/:ar',
    {
      config: { permission: 'redovisning:read' },
      schema: { tags, params: vParams, response: { 200: redovisningView } },
    },
    (req) => service.getRedovisning(ctxFrom(req, deps), req.params.id, req.params.ar),
  );
  r.put(
    '/verksamheter/:id/redovisningar/:ar',
    {
      config: { permission: 'redovisning:write' },
      schema: { tags, params: vParams, body: saveRedovisning, response: { 200: redovisningView } },
    },
    (req) => service.saveRedovisning(ctxFrom(req, deps), req.params.id, req.params.ar, req.body),
  );
  r.post(
    '/verksamheter/:id/redovisningar/:ar/berakning',
    {
      config: { permission: 'redovisning:write' },
      schema: { tags, params: vParams, response: { 200: redovisningView } },
    },
    (req) => service.hamtaSiffror(ctxFrom(req, deps), req.params.id, req.params.ar),
  );
  r.post(
    '/verksamheter/:id/redovisningar/:ar/inskickning',
    {
      config: { permission: 'redovisning:write' },
      schema: { tags, params: vParams, response: { 200: redovisningView } },
    },
    (req) => service.skickaIn(ctxFrom(req, deps), req.params.id, req.params.ar),
  );
  r.get(
    '/verksamheter/:id/redovisningar/:ar/dokument/:format',
    {
      config: { permission: 'redovisning:read' },
      schema: { tags, params: z.object({ id: z.uuid(), ar: arParam, format: dokumentFormat }) },
    },
    async (req, reply) => {
      const { id, ar: year, format } = req.params;
      const u = await service.underlagFor(ctxFrom(req, deps), id, year, format);
      const d = await renderDokument(u, format);
      return reply
        .header('content-type', d.contentType)
        .header('content-disposition', `attachment; filename="${d.filnamn}"`)
        .header('cache-control', 'no-store')
        .send(d.body);
    },
  );

  // ---- review and submitted versions
  r.get(
    '/lan/:lanKod/redovisningar',
    {
      config: { permission: 'redovisning:review' },
      schema: {
        tags,
        params: z.object({ lanKod }),
        querystring: lanListQuery,
        response: { 200: lanList },
        description:
          'Länets verksamheter och deras redovisning för året, med status och nyckeltal. sort: verksamhet, ' +
          'status, inskickad eller klienter, med - före för fallande (standard verksamhet); tomma värden sist.',
      },
    },
    (req) => service.listLan(ctxFrom(req, deps), req.params.lanKod, req.query.ar, req.query.sort),
  );
  r.get(
    '/lan/:lanKod/redovisningar/export',
    {
      config: { permission: 'redovisning:review' },
      schema: {
        tags,
        params: z.object({ lanKod }),
        querystring: lanListExportQuery,
        produces: [LIST_MIME.csv, LIST_MIME.xlsx],
        description:
          'Länets granskningslista för året som fil, en rad per verksamhet (status = bara de med den ' +
          'statusen). format=csv (standard): semikolon, UTF-8 med BOM; format=xlsx: ett kalkylblad. ' +
          'Kolumner: Verksamhet, Kod, Status, Försenad, Version, Inskickad, Klienter, Nya klienter, Sökta ' +
          'årsarbetare, Kommentarer.',
      },
    },
    async (req, reply) => {
      const { ar, sort, status, format } = req.query;
      const lista = await service.listLan(ctxFrom(req, deps), req.params.lanKod, ar, sort);
      const fil = await granskningFil(lista, status, format);
      return reply.type(fil.mime).header('content-disposition', bilaga(fil)).send(fil.innehall);
    },
  );
  r.get(
    '/nationellt/:ar/redovisningar',
    {
      config: { permission: 'national:read' },
      schema: { tags, params: z.object({ ar: arParam }), response: { 200: nationStatus } },
    },
    (req) => service.nationStatus(ctxFrom(req, deps), req.params.ar),
  );
  r.get(
    '/redovisningar/:id',
    {
      config: { permission: 'redovisning:read' },
      schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: granskningView } },
    },
    (req) => service.getGranskning(ctxFrom(req, deps), req.params.id),
  );
  r.get(
    '/redovisningar/:id/versioner/:version',
    {
      config: { permission: 'redovisning:read' },
      schema: {
        tags,
        params: z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) }),
        response: { 200: versionView },
      },
    },
    (req) => service.getVersion(ctxFrom(req, deps), req.params.id, req.params.version),
  );
  r.post(
    '/redovisningar/:id/kommentarer',
    {
      config: { permission: 'redovisning:review' },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: createKommentar,
        response: { 201: kommentarItem },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.kommentera(ctxFrom(req, deps), req.params.id, req.body)),
  );
  r.post(
    '/redovisningar/:id/retur',
    {
      config: { permission: 'redovisning:review' },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: returnera,
        response: { 200: granskningView },
      },
    },
    (req) => service.returnera(ctxFrom(req, deps), req.params.id, req.body.anledning),
  );
  r.post(
    '/redovisningar/godkannande',
    {
      config: { permission: 'redovisning:review' },
      schema: {
        tags,
        body: godkann,
        response: {
          200: z.array(z.object({ id: z.uuid(), status: z.literal('godkand'), version: z.number().int() })),
        },
      },
    },
    (req) => service.godkann(ctxFrom(req, deps), req.body.ids),
  );
}
