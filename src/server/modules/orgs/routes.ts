import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lanKod } from '../../../contracts/common.ts';
import {
  aktorItem,
  createVerksamhet,
  kommunItem,
  lanDetail,
  lanItem,
  stadsdelsomradeItem,
  verksamhetItem,
} from '../../../contracts/orgs.ts';
import { ctxFrom } from '../../platform/request-context.ts';
import type { ModuleDeps } from '../index.ts';
import * as service from './service.ts';

export async function orgRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisationer'];

  r.get(
    '/lan',
    { config: { permission: 'authenticated' }, schema: { tags, response: { 200: z.array(lanItem) } } },
    (req) => service.listLan(ctxFrom(req, deps)),
  );
  r.get(
    '/lan/:lanKod',
    {
      config: { permission: 'lan:read' },
      schema: { tags, params: z.object({ lanKod }), response: { 200: lanDetail } },
    },
    (req) => service.getLanDetail(ctxFrom(req, deps), req.params.lanKod),
  );
  r.get(
    '/kommuner',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        querystring: z.object({ lan: lanKod.optional() }),
        response: { 200: z.array(kommunItem) },
      },
    },
    (req) => service.listKommuner(ctxFrom(req, deps), req.query.lan),
  );
  r.get(
    '/stadsdelsomraden',
    {
      config: { permission: 'authenticated' },
      schema: { tags, response: { 200: z.array(stadsdelsomradeItem) } },
    },
    (req) => service.listStadsdelsomraden(ctxFrom(req, deps)),
  );
  r.get(
    '/verksamheter',
    {
      config: { permission: 'verksamhet:read' },
      schema: {
        tags,
        querystring: z.object({ lan: lanKod.optional() }),
        response: { 200: z.array(verksamhetItem) },
      },
    },
    (req) => service.listVerksamheter(ctxFrom(req, deps), req.query.lan ? { lanKod: req.query.lan } : {}),
  );
  r.get(
    '/verksamheter/:id',
    {
      config: { permission: 'verksamhet:read' },
      schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: verksamhetItem } },
    },
    (req) => service.getVerksamhet(ctxFrom(req, deps), req.params.id),
  );
  r.post(
    '/verksamheter',
    {
      config: { permission: 'org:admin' },
      schema: { tags, body: createVerksamhet, response: { 201: verksamhetItem } },
    },
    async (req, reply) => {
      const v = await service.createVerksamhetService(ctxFrom(req, deps), req.body);
      return reply.status(201).send(v);
    },
  );
  r.get(
    '/aktorer',
    { config: { permission: 'authenticated' }, schema: { tags, response: { 200: z.array(aktorItem) } } },
    (req) => service.listAktorer(ctxFrom(req, deps)),
  );
}
