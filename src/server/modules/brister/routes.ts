import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bristAktorVal } from '../../../contracts/aktorer.ts';
import {
  bristAmneItem,
  bristDetail,
  bristExportQuery,
  bristFilter,
  bristImportMallQuery,
  bristImportQuery,
  bristList,
  changeBristStatus,
  createAterkoppling,
  createAtgard,
  createBrist,
  createBristAmne,
  importResult,
  inboxFilter,
  inboxItem,
  updateBrist,
} from '../../../contracts/brister.ts';
import { invalidField } from '../../platform/errors.ts';
import { bilaga, LIST_MIME } from '../../platform/list-file.ts';
import { ctxFrom } from '../../platform/request-context.ts';
import { XLSX_MIME } from '../../platform/spreadsheet.ts';
import type { ModuleDeps } from '../index.ts';
import { importMallBrister, importBrister as importService } from './import.ts';
import * as service from './service.ts';

export async function bristRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['brister'];
  const id = z.object({ id: z.uuid() });

  r.get(
    '/brist-amnen',
    { config: { permission: 'authenticated' }, schema: { tags, response: { 200: z.array(bristAmneItem) } } },
    (req) => service.listAmnen(ctxFrom(req, deps)),
  );
  r.post(
    '/brist-amnen',
    {
      // Socialstyrelsen (national:read) or the system administrator (org:admin): the service checks which.
      config: { permission: 'authenticated' },
      schema: {
        tags,
        body: createBristAmne,
        response: { 201: bristAmneItem },
        description: 'Nytt ämne i bristtaxonomin; för Socialstyrelsen och systemadministratören.',
      },
    },
    async (req, reply) => reply.status(201).send(await service.createAmne(ctxFrom(req, deps), req.body)),
  );

  r.get(
    '/verksamheter/:id/brist-aktorer',
    {
      config: { permission: 'brist:read' },
      schema: {
        tags,
        params: id,
        response: { 200: z.array(bristAktorVal) },
        description:
          'Aktörerna i registret som en ny brist kan skickas till, de som gäller i dag: först verksamhetens ' +
          'eget län (regionen, dess psykiatri och primärvård, förvaltningsrätten; grupp lan), sedan ' +
          'socialtjänsten och andra organ i kommunerna som verksamheten täcker (kommun), de nationella ' +
          'myndigheterna (nationell) och sist alla andra (ovrig). Avslutade aktörer finns inte med.',
      },
    },
    (req) => service.aktorVal(ctxFrom(req, deps), req.params.id),
  );

  const filterText =
    'Filter: status och niva (en eller flera), aktor (en aktörs id), amne (ett ämne eller en grupp ' +
    'med dess ämnen), fran och till (observerad, båda dagarna inräknade), forsenad (true = någon ' +
    'aktörs återkoppling är försenad, false = ingen), q (en del av rubriken). sort: observeradDatum, ' +
    'titel, status, niva, aktor (den första aktörens namn) eller amne, med - före för fallande ' +
    '(standard -observeradDatum); lika värden ordnas efter när bristen registrerades';
  r.get(
    '/verksamheter/:id/brister',
    {
      config: { permission: 'brist:read' },
      schema: {
        tags,
        params: id,
        querystring: bristFilter,
        response: { 200: bristList },
        description: `Verksamhetens brister, en sida i taget (limit, offset). ${filterText}; total är antalet som matchar filtren.`,
      },
    },
    (req) => service.listBrister(ctxFrom(req, deps), req.params.id, req.query),
  );
  r.get(
    '/verksamheter/:id/brister/export',
    {
      config: { permission: 'brist:read' },
      schema: {
        tags,
        params: id,
        querystring: bristExportQuery,
        produces: [LIST_MIME.csv, LIST_MIME.xlsx],
        description: `Alla brister i urvalet som fil, i listans ordning. ${filterText}; format=csv (standard): semikolon, UTF-8 med BOM; format=xlsx: ett kalkylblad. Kolumner: Brist, Nivå, Ämne, Aktörer, Status, Återkoppling försenad, Observerad, Klienter.`,
      },
    },
    async (req, reply) => {
      const fil = await service.exportBrister(ctxFrom(req, deps), req.params.id, req.query);
      return reply.type(fil.mime).header('content-disposition', bilaga(fil)).send(fil.innehall);
    },
  );
  r.post(
    '/verksamheter/:id/brister',
    {
      config: { permission: 'brist:write' },
      schema: { tags, params: id, body: createBrist, response: { 201: bristDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createBrist(ctxFrom(req, deps), req.params.id, req.body)),
  );
  r.get(
    '/brister/:id',
    { config: { permission: 'brist:read' }, schema: { tags, params: id, response: { 200: bristDetail } } },
    (req) => service.getBrist(ctxFrom(req, deps), req.params.id),
  );
  r.patch(
    '/brister/:id',
    {
      config: { permission: 'brist:write' },
      schema: { tags, params: id, body: updateBrist, response: { 200: bristDetail } },
    },
    (req) => service.updateBrist(ctxFrom(req, deps), req.params.id, req.body),
  );
  r.post(
    '/brister/:id/status',
    {
      config: { permission: 'brist:write' },
      schema: { tags, params: id, body: changeBristStatus, response: { 200: bristDetail } },
    },
    (req) => service.changeStatus(ctxFrom(req, deps), req.params.id, req.body),
  );
  r.post(
    '/brister/:id/atgarder',
    {
      config: { permission: 'brist:write' },
      schema: { tags, params: id, body: createAtgard, response: { 201: bristDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addAtgard(ctxFrom(req, deps), req.params.id, req.body)),
  );

  r.get(
    '/aktor/inbox',
    {
      config: { permission: 'aktor:inbox' },
      schema: { tags, querystring: inboxFilter, response: { 200: z.array(inboxItem) } },
    },
    (req) => service.inbox(ctxFrom(req, deps), req.query),
  );
  r.get(
    '/aktor/inbox/:id',
    { config: { permission: 'aktor:inbox' }, schema: { tags, params: id, response: { 200: inboxItem } } },
    (req) => service.inboxBrist(ctxFrom(req, deps), req.params.id),
  );
  // The template: header, an example row that imports as it is, and (xlsx) the allowed codes.
  r.get(
    '/verksamheter/:id/import/brister/mall',
    {
      config: { permission: 'brist:write' },
      schema: {
        tags,
        params: id,
        querystring: bristImportMallQuery,
        produces: ['text/csv', XLSX_MIME],
        description:
          'Mall för importen av brister: rubrikraden och en exempelrad som går att importera som den är. ' +
          'format=csv (standard): semikolon, UTF-8 med BOM; format=xlsx: bladet Brister och bladet Koder med ' +
          'de tillåtna nivåerna, aktörerna, ämnena och kommunerna.',
      },
    },
    async (req, reply) => {
      const fil = await importMallBrister(ctxFrom(req, deps), req.params.id, req.query.format);
      return reply
        .type(fil.mime)
        .header(
          'content-disposition',
          `attachment; filename="${fil.ascii}"; filename*=UTF-8''${encodeURIComponent(fil.filnamn)}`,
        )
        .send(fil.innehall);
    },
  );
  // The spreadsheet import: the file itself as text/csv or xlsx (the parsers are scoped to this one route).
  await r.register(async (sub) => {
    sub.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );
    // A workbook is a zip full of NUL bytes, which the input guard refuses in an uploaded text file: it is
    // handed on wrapped (as the client import does), its cells checked once unpacked.
    sub.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, { xlsx: body }),
    );
    sub.withTypeProvider<ZodTypeProvider>().post(
      '/verksamheter/:id/import/brister',
      {
        config: { permission: 'brist:write' },
        schema: {
          tags,
          params: id,
          querystring: bristImportQuery,
          consumes: ['text/csv', XLSX_MIME],
          response: { 201: importResult },
        },
      },
      async (req, reply) => {
        const body = req.body as unknown;
        const xlsx =
          body !== null && typeof body === 'object' && 'xlsx' in body && Buffer.isBuffer(body.xlsx)
            ? body.xlsx
            : null;
        if (!Buffer.isBuffer(body) && !xlsx) throw invalidField('body', 'Skicka filen som text/csv.');
        return reply.status(201).send(
          await importService(ctxFrom(req, deps), { verksamhetId: req.params.id }, xlsx ?? (body as Buffer), {
            format: xlsx ? 'xlsx' : 'csv',
            ...(req.query.blad !== undefined ? { blad: req.query.blad } : {}),
          }),
        );
      },
    );
  });

  r.post(
    '/brister/:id/aterkoppling',
    {
      config: { permission: 'aktor:inbox' },
      schema: { tags, params: id, body: createAterkoppling, response: { 201: inboxItem } },
    },
    async (req, reply) =>
      reply.status(201).send(await service.answer(ctxFrom(req, deps), req.params.id, req.body)),
  );
}
