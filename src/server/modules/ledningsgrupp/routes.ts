import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createBeslut,
  createLedamot,
  createMote,
  ledningsgruppDetail,
  moteDetail,
  moteExportQuery,
  moteListQuery,
  moteSummary,
  updateLedningsgrupp,
  updateMote,
} from '../../../contracts/ledningsgrupp.ts';
import { bilaga, LIST_MIME } from '../../platform/list-file.ts';
import { ctxFrom } from '../../platform/request-context.ts';
import type { ModuleDeps } from '../index.ts';
import * as service from './service.ts';

export async function ledningsgruppRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledningsgrupp'];
  const id = z.object({ id: z.uuid() });
  const moteParams = id.extend({ moteId: z.uuid() });
  const base = '/verksamheter/:id/ledningsgrupp';

  r.get(
    base,
    {
      config: { permission: 'ledningsgrupp:read' },
      schema: { tags, params: id, response: { 200: ledningsgruppDetail } },
    },
    (req) => service.getLedningsgrupp(ctxFrom(req, deps), req.params.id),
  );
  r.put(
    base,
    {
      config: { permission: 'ledningsgrupp:write' },
      schema: { tags, params: id, body: updateLedningsgrupp, response: { 200: ledningsgruppDetail } },
    },
    (req) => service.updateLedningsgrupp(ctxFrom(req, deps), req.params.id, req.body),
  );
  r.post(
    `${base}/ledamoter`,
    {
      config: { permission: 'ledningsgrupp:write' },
      schema: { tags, params: id, body: createLedamot, response: { 201: ledningsgruppDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addLedamot(ctxFrom(req, deps), req.params.id, req.body)),
  );
  r.delete(
    `${base}/ledamoter/:ledamotId`,
    {
      config: { permission: 'ledningsgrupp:write' },
      schema: { tags, params: id.extend({ ledamotId: z.uuid() }), response: { 200: ledningsgruppDetail } },
    },
    (req) => service.removeLedamot(ctxFrom(req, deps), req.params.id, req.params.ledamotId),
  );

  r.get(
    `${base}/moten`,
    {
      config: { permission: 'ledningsgrupp:read' },
      schema: {
        tags,
        params: id,
        querystring: moteListQuery,
        response: { 200: z.array(moteSummary) },
        description: 'Ledningsgruppens möten, senaste först; ar = bara möten det året (efter mötets datum).',
      },
    },
    (req) => service.listMoten(ctxFrom(req, deps), req.params.id, req.query.ar),
  );
  r.get(
    `${base}/moten/export`,
    {
      config: { permission: 'ledningsgrupp:read' },
      schema: {
        tags,
        params: id,
        querystring: moteExportQuery,
        produces: [LIST_MIME.csv, LIST_MIME.xlsx],
        description:
          'Mötena i urvalet som fil (ar = ett år, annars alla). format=csv (standard): semikolon, UTF-8 med ' +
          'BOM; format=xlsx: ett kalkylblad. Kolumner: Datum, Närvarande, Punkter på dagordningen, Beslutade, ' +
          'Protokoll.',
      },
    },
    async (req, reply) => {
      const fil = await service.exportMoten(ctxFrom(req, deps), req.params.id, req.query);
      return reply.type(fil.mime).header('content-disposition', bilaga(fil)).send(fil.innehall);
    },
  );
  r.post(
    `${base}/moten`,
    {
      config: { permission: 'ledningsgrupp:write' },
      schema: { tags, params: id, body: createMote, response: { 201: moteDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createMote(ctxFrom(req, deps), req.params.id, req.body)),
  );
  r.get(
    `${base}/moten/:moteId`,
    {
      config: { permission: 'ledningsgrupp:read' },
      schema: { tags, params: moteParams, response: { 200: moteDetail } },
    },
    (req) => service.getMote(ctxFrom(req, deps), req.params.id, req.params.moteId),
  );
  r.patch(
    `${base}/moten/:moteId`,
    {
      config: { permission: 'ledningsgrupp:write' },
      schema: { tags, params: moteParams, body: updateMote, response: { 200: moteDetail } },
    },
    (req) => service.updateMote(ctxFrom(req, deps), req.params.id, req.params.moteId, req.body),
  );
  r.post(
    `${base}/moten/:moteId/beslut`,
    {
      config: { permission: 'ledningsgrupp:write' },
      schema: { tags, params: moteParams, body: createBeslut, response: { 200: moteDetail } },
    },
    (req) => service.addBeslut(ctxFrom(req, deps), req.params.id, req.params.moteId, req.body),
  );

  for (const kind of ['dagordning', 'protokoll'] as const) {
    for (const format of ['pdf', 'docx'] as const) {
      r.get(
        `${base}/moten/:moteId/${kind}.${format}`,
        {
          config: { permission: 'ledningsgrupp:read' },
          schema: {
            tags,
            params: moteParams,
            produces: [
              format === 'pdf'
                ? 'application/pdf'
                : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            ],
          },
        },
        async (req, reply) => {
          const doc = await service.moteDocument(
            ctxFrom(req, deps),
            req.params.id,
            req.params.moteId,
            kind,
            format,
          );
          return reply
            .type(doc.contentType)
            .header('content-disposition', `attachment; filename="${doc.filename}"`)
            .send(doc.body);
        },
      );
    }
  }
}
