import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lanKod } from '../../../contracts/common.ts';
import {
  beslutItem,
  faststallBudget,
  faststallForhandsvisning,
  lanStatsbidrag,
  oppnaStatsbidrag,
  setBeslut,
  setBudget,
  statsbidragAr,
  verksamhetBeslut,
} from '../../../contracts/grants.ts';
import { ctxFrom } from '../../platform/request-context.ts';
import type { ModuleDeps } from '../index.ts';
import * as service from './service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const arParam = z.object({ ar: z.coerce.number().int().min(2000).max(2100) });

export async function grantRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['statsbidrag'];
  const ctx = (req: Parameters<typeof ctxFrom>[0]) => ctxFrom(req, deps);

  r.get(
    '/statsbidrag/:ar',
    {
      config: { permission: 'national:read' },
      schema: {
        tags,
        params: arParam,
        response: { 200: statsbidragAr },
        description:
          'Tabell 1 och fördelning per län, med varje fastställande av året: förhandsvisningen som visades då och om det har öppnats igen (när, av vem, varför).',
      },
    },
    (req) => service.getFordelning(ctx(req), req.params.ar),
  );
  r.get(
    '/statsbidrag/:ar/export.xlsx',
    { config: { permission: 'national:read' }, schema: { tags, params: arParam } },
    async (req, reply) => {
      const f = await service.getFordelning(ctx(req), req.params.ar);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="statsbidrag-${f.ar}.xlsx"`)
        .send(await service.fordelningXlsx(f));
    },
  );
  r.post(
    '/statsbidrag/:ar/forhandsvisning',
    {
      config: { permission: 'grant:admin' },
      schema: {
        tags,
        params: arParam,
        body: setBudget,
        response: { 200: faststallForhandsvisning },
        description:
          'Vad budgeten skulle ge om den fastställdes nu: fördelningen, vilka verksamheter som ingår per län, förra årets belopp per årsarbetare och varningar. Ändrar ingenting.',
      },
    },
    (req) => service.forhandsvisning(ctx(req), req.params.ar, req.body),
  );
  r.put(
    '/statsbidrag/:ar/budget',
    {
      config: { permission: 'grant:admin' },
      schema: {
        tags,
        params: arParam,
        body: faststallBudget,
        response: { 200: statsbidragAr },
        description:
          'Socialstyrelsen fastställer budgeten och beloppet per årsarbetare; förhandsvisningen sparas med fastställandet. 409 om året redan är fastställt, eller om ansökningarna har ändrats sedan förhandsvisningen med den kontrollsumma som skickas med.',
      },
    },
    (req) => service.setBudget(ctx(req), req.params.ar, req.body),
  );
  r.post(
    '/statsbidrag/:ar/oppning',
    {
      config: { permission: 'grant:admin' },
      schema: {
        tags,
        params: arParam,
        body: oppnaStatsbidrag,
        response: { 200: statsbidragAr },
        description:
          'En administratör på Socialstyrelsen öppnar ett fastställt statsbidrag igen med en anledning (loggas och visas). Beloppet per årsarbetare gäller inte längre förrän året fastställs på nytt; 409 om året inte är fastställt.',
      },
    },
    (req) => service.oppnaStatsbidrag(ctx(req), req.params.ar, req.body),
  );
  r.get(
    '/verksamheter/:verksamhetId/statsbidrag/:ar',
    {
      // The route gate: any right on verksamheter; the service asks for redovisning:read on this one.
      config: { permission: 'verksamhet:read' },
      schema: {
        tags,
        params: arParam.extend({ verksamhetId: z.uuid() }),
        response: { 200: verksamhetBeslut },
        description:
          'Verksamhetens eget beslut om statsbidrag för bidragsåret: ansökta årsarbetare och Länsstyrelsens beslut (null innan beslut finns). För den som läser verksamhetens redovisning.',
      },
    },
    (req) => service.getVerksamhetBeslut(ctx(req), req.params.ar, req.params.verksamhetId),
  );
  r.get(
    '/statsbidrag/:ar/lan/:lanKod',
    {
      config: { permission: 'lan:read' },
      schema: { tags, params: arParam.extend({ lanKod }), response: { 200: lanStatsbidrag } },
    },
    (req) => service.getLanStatsbidrag(ctx(req), req.params.ar, req.params.lanKod),
  );
  r.get(
    '/statsbidrag/:ar/lan/:lanKod/beslut.xlsx',
    {
      config: { permission: 'lan:read' },
      schema: {
        tags,
        params: arParam.extend({ lanKod }),
        produces: [XLSX],
        description:
          'Länets beslut om statsbidrag i Excel: per verksamhet ansökta och beviljade årsarbetare, belopp, beslutsdatum och beslutsfattare.',
      },
    },
    async (req, reply) => {
      const doc = await service.beslutLanXlsx(ctx(req), req.params.ar, req.params.lanKod);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${doc.filename}"`)
        .send(doc.body);
    },
  );
  for (const format of ['docx', 'pdf'] as const) {
    const typ = format === 'pdf' ? 'application/pdf' : DOCX;
    r.get(
      `/statsbidrag/:ar/beslut/:verksamhetId.${format}`,
      {
        // The route gate: any right on verksamheter; the service asks for lan:read on the verksamhet's län.
        config: { permission: 'verksamhet:read' },
        schema: {
          tags,
          params: arParam.extend({ verksamhetId: z.uuid() }),
          produces: [typ],
          description: `Länsstyrelsens beslut om statsbidrag för en verksamhet som brev (${format}). För verksamheten själv (den som läser dess redovisning), Länsstyrelsen i verksamhetens län och Socialstyrelsen; hämtningen loggas; 404 när inget beslut finns.`,
        },
      },
      async (req, reply) => {
        const doc = await service.beslutDokument(ctx(req), req.params.ar, req.params.verksamhetId, format);
        return reply
          .type(typ)
          .header('content-disposition', `attachment; filename="${doc.filename}"`)
          .send(doc.body);
      },
    );
  }
  r.put(
    '/statsbidrag/:ar/beslut/:verksamhetId',
    {
      config: { permission: 'redovisning:review' },
      schema: {
        tags,
        params: arParam.extend({ verksamhetId: z.uuid() }),
        body: setBeslut,
        response: { 200: beslutItem },
        description: 'Länsstyrelsens beslut om statsbidrag för en verksamhet i länet.',
      },
    },
    (req) => service.setBeslut(ctx(req), req.params.ar, req.params.verksamhetId, req.body),
  );
}
