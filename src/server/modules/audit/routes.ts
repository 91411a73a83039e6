import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditItem, auditQuery, auditVerify } from '../../../contracts/audit.ts';
import { ctxFrom } from '../../platform/request-context.ts';
import type { ModuleDeps } from '../index.ts';
import * as service from './service.ts';

export async function auditRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/audit',
    {
      config: { permission: 'audit:read' },
      schema: { tags: ['logg'], querystring: auditQuery, response: { 200: z.array(auditItem) } },
    },
    (req) => service.listAudit(ctxFrom(req, deps), req.query),
  );
  r.get(
    '/audit/verify',
    { config: { permission: 'org:admin' }, schema: { tags: ['logg'], response: { 200: auditVerify } } },
    (req) => service.verifyAudit(ctxFrom(req, deps)),
  );
}
