import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bristAmneItem,
  bristDetail,
  bristFilter,
  bristItem,
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
import { ctxFrom } from '../../platform/request-context.ts';
import type { ModuleDeps } from '../index.ts';
import { importBrister as importService } from './import.ts';
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
      config: { permission: 'national:read' },
      schema: { tags, body: createBristAmne, response: { 201: bristAmneItem } },
    },
    async (req, reply) => reply.status(201).send(await service.createAmne(ctxFrom(req, deps), req.body)),
  );

  r.get(
    '/verksamheter/:id/brister',
    {
      config: { permission: 'brist:read' },
      schema: { tags, params: id, querystring: bristFilter, response: { 200: z.array(bristItem) } },
    },
    (req) => service.listBrister(ctxFrom(req, deps), req.params.id, req.query),
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
  // The spreadsheet import: the file itself as text/csv (the parser is scoped to this one route).
  await r.register(async (sub) => {
    sub.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );
    sub.withTypeProvider<ZodTypeProvider>().post(
      '/verksamheter/:id/import/brister',
      {
        config: { permission: 'brist:write' },
        schema: { tags, params: id, consumes: ['text/csv'], response: { 201: importResult } },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw invalidField('body', 'Skicka filen som text/csv.');
        const csv = req.body.toString('utf8');
        return reply
          .status(201)
          .send(await importService(ctxFrom(req, deps), { verksamhetId: req.params.id }, csv));
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
