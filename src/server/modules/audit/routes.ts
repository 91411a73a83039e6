import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditExportQuery, auditList, auditQuery, auditVerify } from '../../../contracts/audit.ts';
import { bilaga, LIST_MIME } from '../../platform/list-file.ts';
import { ctxFrom } from '../../platform/request-context.ts';
import type { ModuleDeps } from '../index.ts';
import * as service from './service.ts';

/** Content-Disposition for a download (the names here are ASCII). */

export async function auditRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const filterText =
    'Filter: organisationId, userId (vem), handelse (en händelsekod, t.ex. klient.read), objekt (t.ex. ' +
    'klient), fran och till (dagar i svensk tid, båda inräknade).';
  r.get(
    '/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['logg'],
        querystring: auditQuery,
        response: { 200: auditList },
        description:
          `Loggen, nyaste först, en sida i taget. ${filterText} Sidor efter postens nummer: before = ` +
          'äldre än den posten, after = nyare (sidan före); limit högst 500. total är antalet som matchar ' +
          'filtren, nyare antalet av dem som är nyare än sidan. En verksamhetschef ser sina verksamheters ' +
          'logg, en administratör allt. Läsningen loggas.',
      },
    },
    (req) => service.listAudit(ctxFrom(req, deps), req.query),
  );
  r.get(
    '/audit/export',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['logg'],
        querystring: auditExportQuery,
        produces: [LIST_MIME.csv, LIST_MIME.xlsx],
        description:
          `Hela det filtrerade urvalet av loggen som fil, nyaste först (högst ${service.EXPORT_MAX} ` +
          `poster). ${filterText} format=csv (standard): semikolon, UTF-8 med BOM; format=xlsx. ` +
          'Kolumner: Nr, Tid (svensk tid), Användarnamn, Namn, Händelse, Objekt, Objektets id, ' +
          'Organisation. Hämtningen loggas.',
      },
    },
    async (req, reply) => {
      const fil = await service.exportAudit(ctxFrom(req, deps), req.query);
      return reply.type(fil.mime).header('content-disposition', bilaga(fil)).send(fil.innehall);
    },
  );
  r.get(
    '/audit/verify',
    { config: { permission: 'org:admin' }, schema: { tags: ['logg'], response: { 200: auditVerify } } },
    (req) => service.verifyAudit(ctxFrom(req, deps)),
  );
}
