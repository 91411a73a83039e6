import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { statistikQuery, verksamhetStatistik } from '../../../contracts/statistik.ts';
import { ctxFrom } from '../../platform/request-context.ts';
import type { ModuleDeps } from '../index.ts';
import * as service from './service.ts';

/** A verksamhet's statistics over time (its charts): the verksamhet's own ombud and chef. */
export async function statistikRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/verksamheter/:verksamhetId/statistik',
    {
      config: { permission: 'klient:read' },
      schema: {
        tags: ['statistik'],
        params: z.object({ verksamhetId: z.uuid() }),
        querystring: statistikQuery,
        response: { 200: verksamhetStatistik },
      },
    },
    (req) => service.verksamhetStatistik(ctxFrom(req, deps), req.params.verksamhetId, req.query.ar),
  );
}
