import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  aktorRegisterFilter,
  aktorRegisterItem,
  createAktor,
  updateAktor,
} from '../../../contracts/aktorer.ts';
import { ctxFrom } from '../../platform/request-context.ts';
import type { ModuleDeps } from '../index.ts';
import * as service from './service.ts';

/** The national actor register for the system administrator (everyone reads actors through GET /aktorer). */
export async function aktorRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['aktörsregister'];
  r.get(
    '/aktorsregister',
    {
      config: { permission: 'org:admin' },
      schema: {
        tags,
        querystring: aktorRegisterFilter,
        response: { 200: z.array(aktorRegisterItem) },
        description:
          'Hela aktörsregistret med giltighet (giltigFran, giltigTill; giltig = gäller i dag). ' +
          'status: alla (standard), giltiga eller avslutade.',
      },
    },
    (req) => service.listRegister(ctxFrom(req, deps), req.query),
  );
  r.post(
    '/aktorsregister',
    {
      config: { permission: 'org:admin' },
      schema: {
        tags,
        body: createAktor,
        response: { 201: aktorRegisterItem },
        description:
          'Lägg till en aktör. Utan län och kommun är aktören nationell; en kommun ensam ger sitt län.',
      },
    },
    async (req, reply) => reply.status(201).send(await service.createAktor(ctxFrom(req, deps), req.body)),
  );
  r.patch(
    '/aktorsregister/:id',
    {
      config: { permission: 'org:admin' },
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        body: updateAktor,
        response: { 200: aktorRegisterItem },
        description:
          'Ändra en aktör, eller avsluta den med giltigTill (sista dagen). En avslutad aktör erbjuds inte ' +
          'för nya brister; brister som redan har den behåller den och dess namn. null tömmer ett värde.',
      },
    },
    (req) => service.updateAktor(ctxFrom(req, deps), req.params.id, req.body),
  );
}
