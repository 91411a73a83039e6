import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lanKod } from '../../../contracts/common.ts';
import {
  bristbild,
  bristFilterQuery,
  bristText,
  exportFormat,
  forhandsvisningQuery,
  lanRapportItem,
  lanSammanstallning,
  sammanstallning,
  saveLanRapport,
} from '../../../contracts/national.ts';
import { ctxFrom } from '../../platform/request-context.ts';
import type { ModuleDeps } from '../index.ts';
import { somDocx, somPdf, somXlsx } from './export.ts';
import type { LanJson, NationellJson } from './service.ts';
import * as service from './service.ts';

const arParam = z.object({ ar: z.coerce.number().int().min(2000).max(2100) });
const lanArParam = arParam.extend({ lanKod });

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export async function sendDokument(
  reply: FastifyReply,
  s: NationellJson | LanJson,
  format: z.infer<typeof exportFormat>,
  filnamn: string,
) {
  const buf = format === 'xlsx' ? await somXlsx(s) : format === 'pdf' ? await somPdf(s) : await somDocx(s);
  return reply
    .type(MIME[format])
    .header('content-disposition', `attachment; filename="${filnamn}.${format}"`)
    .send(buf);
}

export async function nationalRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['nationellt'];
  const ctx = (req: Parameters<typeof ctxFrom>[0]) => ctxFrom(req, deps);

  r.get(
    '/nationellt/:ar',
    {
      config: { permission: 'national:read' },
      schema: {
        tags,
        params: arParam,
        querystring: forhandsvisningQuery,
        response: { 200: sammanstallning },
        description: 'De nationella tabellerna (docs/national-report.md).',
      },
    },
    (req) => service.getNational(ctx(req), req.params.ar, req.query.forhandsvisning),
  );
  r.get(
    '/nationellt/:ar/export.:format',
    {
      config: { permission: 'national:read' },
      schema: {
        tags,
        params: arParam.extend({ format: exportFormat }),
        querystring: forhandsvisningQuery,
        description: 'Alla tabeller som xlsx, eller lägesrapportens utkast som pdf eller docx.',
      },
    },
    async (req, reply) => {
      const s = await service.getNational(ctx(req), req.params.ar, req.query.forhandsvisning);
      return sendDokument(reply, s, req.params.format, `lagesrapport-${req.params.ar}`);
    },
  );
  r.get(
    '/nationellt/:ar/brister',
    {
      config: { permission: 'lan:read' },
      schema: {
        tags,
        params: arParam,
        querystring: bristFilterQuery,
        response: { 200: bristbild },
        description: 'Den nationella bilden av brister (Socialstyrelsen; en länsstyrelse med lan=eget län).',
      },
    },
    (req) => service.getBrister(ctx(req), req.params.ar, req.query),
  );
  r.get(
    '/nationellt/:ar/brister/texter',
    {
      config: { permission: 'lan:read' },
      schema: { tags, params: arParam, querystring: bristFilterQuery, response: { 200: z.array(bristText) } },
    },
    (req) => service.getBristTexter(ctx(req), req.params.ar, req.query),
  );
  r.get(
    '/nationellt/:ar/brister/export.xlsx',
    { config: { permission: 'lan:read' }, schema: { tags, params: arParam, querystring: bristFilterQuery } },
    async (req, reply) => {
      const buf = await service.bristerXlsx(ctx(req), req.params.ar, req.query);
      return reply
        .type(MIME.xlsx)
        .header('content-disposition', `attachment; filename="brister-${req.params.ar}.xlsx"`)
        .send(buf);
    },
  );
  r.get(
    '/nationellt/:ar/lansrapporter',
    {
      config: { permission: 'national:read' },
      schema: { tags, params: arParam, response: { 200: z.array(lanRapportItem) } },
    },
    (req) => service.listLanRapporter(ctx(req), req.params.ar),
  );

  // ---- one län
  r.get(
    '/lan/:lanKod/sammanstallning/:ar',
    {
      config: { permission: 'lan:read' },
      schema: {
        tags,
        params: lanArParam,
        querystring: forhandsvisningQuery,
        response: { 200: lanSammanstallning },
        description: 'Länets tabeller och per kommun (små tal undertryckta).',
      },
    },
    (req) => service.getLan(ctx(req), req.params.lanKod, req.params.ar, req.query.forhandsvisning),
  );
  r.get(
    '/lan/:lanKod/sammanstallning/:ar/export.:format',
    {
      config: { permission: 'lan:read' },
      schema: {
        tags,
        params: lanArParam.extend({ format: exportFormat }),
        querystring: forhandsvisningQuery,
      },
    },
    async (req, reply) => {
      const s = await service.getLan(ctx(req), req.params.lanKod, req.params.ar, req.query.forhandsvisning);
      return sendDokument(
        reply,
        s,
        req.params.format,
        `sammanstallning-${req.params.lanKod}-${req.params.ar}`,
      );
    },
  );
  r.get(
    '/lan/:lanKod/rapport/:ar',
    {
      config: { permission: 'lan:read' },
      schema: { tags, params: lanArParam, response: { 200: lanRapportItem } },
    },
    (req) => service.getLanRapport(ctx(req), req.params.lanKod, req.params.ar),
  );
  r.put(
    '/lan/:lanKod/rapport/:ar',
    {
      config: { permission: 'lan:read' },
      schema: { tags, params: lanArParam, body: saveLanRapport, response: { 200: lanRapportItem } },
    },
    (req) => service.sparaLanRapport(ctx(req), req.params.lanKod, req.params.ar, req.body.handlingsplan),
  );
  r.post(
    '/lan/:lanKod/rapport/:ar/skicka-in',
    {
      config: { permission: 'lan:read' },
      schema: {
        tags,
        params: lanArParam,
        response: { 200: lanRapportItem },
        description: 'Länsstyrelsen skickar in länets rapport till Socialstyrelsen (senast 1 mars).',
      },
    },
    (req) => service.skickaInLanRapport(ctx(req), req.params.lanKod, req.params.ar),
  );
  r.post(
    '/lan/:lanKod/rapport/:ar/godkann',
    {
      config: { permission: 'grant:admin' },
      schema: { tags, params: lanArParam, response: { 200: lanRapportItem } },
    },
    (req) => service.godkannLanRapport(ctx(req), req.params.lanKod, req.params.ar),
  );
}
