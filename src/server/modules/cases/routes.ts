import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  anteckningItem,
  arendeExportQuery,
  arendeItem,
  arendeList,
  arendeQuery,
  arendeTransition,
  caseload,
  createAnteckning,
  createArende,
  createKlient,
  gallringList,
  gallringResultat,
  importMallQuery,
  importQuery,
  importResultat,
  klientDetail,
  klientExport,
  klientList,
  klientQuery,
  klientSok,
  koList,
  koQuery,
  koStatistik,
  ombudItem,
  setTjanstgoringsgrad,
  updateArende,
  updateKlient,
} from '../../../contracts/cases.ts';
import { ok } from '../../../contracts/common.ts';
import { radLabel } from '../../../contracts/messages/rows.ts';
import { Invalid } from '../../platform/errors.ts';
import { bilaga, LIST_MIME } from '../../platform/list-file.ts';
import { ctxFrom } from '../../platform/request-context.ts';
import type { ModuleDeps } from '../index.ts';
import * as gallring from './gallring.ts';
import { importKlienter, importMall } from './import.ts';
import { XLSX_MIME } from './import-format.ts';
import * as ko from './ko.ts';
import * as service from './service.ts';

/** Casework under /verksamheter/:verksamhetId — client data: ombud and chef of that verksamhet only. */
export async function caseRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ärenden'];
  const base = '/verksamheter/:verksamhetId';
  const v = z.object({ verksamhetId: z.uuid() });
  const vKlient = v.extend({ klientId: z.uuid() });
  const vArende = v.extend({ arendeId: z.uuid() });
  const ctx = (req: Parameters<typeof ctxFrom>[0]) => ctxFrom(req, deps);

  // ---- klienter
  const klientFilterText =
    'Filter: status (pagaende = ett ärende pågår, avslutad, utan_arende, gallrad; en eller flera), ombud ' +
    '(det senaste ärendets: jag = den inloggade, ingen = utan ombud eller utan ärende, eller ett ' +
    'användar-id), kommunKod, kon, fran och till (första kontakten, båda dagarna inräknade), gallrad ' +
    '(ja, nej, alla). sort: klient, kon, fodelsear, kommun, forstaKontakt, status eller ombud, med - före ' +
    'för fallande (standard klient); lika värden och tomma (sist) ordnas efter klientens id.';
  r.get(
    `${base}/klienter`,
    {
      config: { permission: 'klient:read' },
      schema: {
        tags,
        params: v,
        querystring: klientQuery,
        response: { 200: klientList },
        description:
          `Verksamhetens klienter, en sida i taget (limit, offset). ${klientFilterText} total är antalet som ` +
          'matchar filtren. Ingen sökterm här (q avvisas): sök med POST …/klienter/sok. Läsningen loggas ' +
          'som en post med filtren och antalet.',
      },
    },
    (req) => service.listKlienter(ctx(req), req.params.verksamhetId, req.query),
  );
  r.post(
    `${base}/klienter/sok`,
    {
      config: { permission: 'klient:read' },
      schema: {
        tags,
        params: v,
        body: klientSok,
        response: { 200: klientList },
        description:
          'Som GET …/klienter, med q (en del av aliaset) i kroppen så att söktermen inte hamnar i någon ' +
          `adress eller logg. ${klientFilterText}`,
      },
    },
    (req) => service.listKlienter(ctx(req), req.params.verksamhetId, req.body),
  );
  r.post(
    `${base}/klienter/export`,
    {
      config: { permission: 'klient:read' },
      schema: {
        tags,
        params: v,
        body: klientExport,
        produces: [LIST_MIME.csv, LIST_MIME.xlsx],
        description:
          'Hela det filtrerade klienturvalet som fil (samma filter, sökterm och sortering som listan, alla ' +
          'rader). En POST, så att en sökterm aldrig står i en adress. format=csv (standard): semikolon, ' +
          'UTF-8 med BOM; format=xlsx: ett kalkylblad. Kolumner: Alias, Kön, Födelseår, Hemkommun, Första ' +
          'kontakt, Senaste ärende, Senaste förfrågan, Ombud, Ärenden. Exporten loggas med varje klient.',
      },
    },
    async (req, reply) => {
      const fil = await service.exportKlienter(ctx(req), req.params.verksamhetId, req.body);
      return reply.type(fil.mime).header('content-disposition', bilaga(fil)).send(fil.innehall);
    },
  );
  r.post(
    `${base}/klienter`,
    {
      config: { permission: 'klient:write' },
      schema: { tags, params: v, body: createKlient, response: { 201: klientDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createKlientService(ctx(req), req.params.verksamhetId, req.body)),
  );
  r.get(
    `${base}/klienter/:klientId`,
    {
      config: { permission: 'klient:read' },
      schema: { tags, params: vKlient, response: { 200: klientDetail } },
    },
    (req) => service.getKlient(ctx(req), req.params.verksamhetId, req.params.klientId),
  );
  r.patch(
    `${base}/klienter/:klientId`,
    {
      config: { permission: 'klient:write' },
      schema: { tags, params: vKlient, body: updateKlient, response: { 200: klientDetail } },
    },
    (req) => service.updateKlientService(ctx(req), req.params.verksamhetId, req.params.klientId, req.body),
  );

  // ---- ärenden
  r.get(
    `${base}/arenden`,
    {
      config: { permission: 'klient:read' },
      schema: {
        tags,
        params: v,
        querystring: arendeQuery,
        response: { 200: arendeList },
        description:
          'Verksamhetens ärenden, en sida i taget. Filter: status (en eller flera), klientId, ombud (jag = ' +
          'den inloggade, ingen = utan ansvarigt ombud, eller ett användar-id), fran och till (datum för ' +
          'förfrågan, båda dagarna inräknade). sort: forfraganDatum, vantedagar, status, avslutDatum, ' +
          'klient eller ko (köns turordning: flest prioriteringsgrunder först, sedan tidigast förfrågan), ' +
          'med - före för omvänd ordning (standard -forfraganDatum); lika värden ordnas efter ärendets id. ' +
          'total är antalet som matchar filtren. Läsningen loggas.',
      },
    },
    (req) => service.listArenden(ctx(req), req.params.verksamhetId, req.query),
  );
  r.get(
    `${base}/arenden/export`,
    {
      config: { permission: 'klient:read' },
      schema: {
        tags,
        params: v,
        querystring: arendeExportQuery,
        produces: [LIST_MIME.csv, LIST_MIME.xlsx],
        description:
          'Hela det filtrerade ärendeurvalet som fil (samma filter och sortering som listan, alla rader, ' +
          'inte bara en sida). format=csv (standard): semikolon, UTF-8 med BOM, som Excel med svenska ' +
          'inställningar öppnar direkt; format=xlsx: ett kalkylblad. Kolumner: Klient, Förfrågan, Status, ' +
          'Ombud, Väntedagar, Avslutad, Avslutsorsak — värden i ord, datum ISO. Läsningen loggas.',
      },
    },
    async (req, reply) => {
      const fil = await service.exportArenden(ctx(req), req.params.verksamhetId, req.query);
      return reply.type(fil.mime).header('content-disposition', bilaga(fil)).send(fil.innehall);
    },
  );
  r.post(
    `${base}/arenden`,
    {
      config: { permission: 'klient:write' },
      schema: { tags, params: v, body: createArende, response: { 201: arendeItem } },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createArendeService(ctx(req), req.params.verksamhetId, req.body)),
  );
  r.get(
    `${base}/arenden/:arendeId`,
    {
      config: { permission: 'klient:read' },
      schema: { tags, params: vArende, response: { 200: arendeItem } },
    },
    (req) => service.getArende(ctx(req), req.params.verksamhetId, req.params.arendeId),
  );
  r.patch(
    `${base}/arenden/:arendeId`,
    {
      config: { permission: 'klient:write' },
      schema: { tags, params: vArende, body: updateArende, response: { 200: arendeItem } },
    },
    (req) => service.updateArendeService(ctx(req), req.params.verksamhetId, req.params.arendeId, req.body),
  );
  r.post(
    `${base}/arenden/:arendeId/status`,
    {
      config: { permission: 'klient:write' },
      schema: { tags, params: vArende, body: arendeTransition, response: { 200: arendeItem } },
    },
    (req) => service.transitionArende(ctx(req), req.params.verksamhetId, req.params.arendeId, req.body),
  );

  // ---- anteckningar
  r.get(
    `${base}/arenden/:arendeId/anteckningar`,
    {
      config: { permission: 'klient:read' },
      schema: { tags, params: vArende, response: { 200: z.array(anteckningItem) } },
    },
    (req) => service.listAnteckningar(ctx(req), req.params.verksamhetId, req.params.arendeId),
  );
  r.post(
    `${base}/arenden/:arendeId/anteckningar`,
    {
      config: { permission: 'klient:write' },
      schema: { tags, params: vArende, body: createAnteckning, response: { 201: anteckningItem } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await service.createAnteckning(
            ctx(req),
            req.params.verksamhetId,
            req.params.arendeId,
            req.body.text,
          ),
        ),
  );
  r.delete(
    `${base}/arenden/:arendeId/anteckningar/:anteckningId`,
    {
      config: { permission: 'klient:write' },
      schema: { tags, params: vArende.extend({ anteckningId: z.uuid() }), response: { 200: ok } },
    },
    (req) =>
      service.deleteAnteckning(
        ctx(req),
        req.params.verksamhetId,
        req.params.arendeId,
        req.params.anteckningId,
      ),
  );
  r.get(
    `${base}/arenden/:arendeId/anteckningar.pdf`,
    {
      config: { permission: 'klient:read' },
      schema: { tags, params: vArende, description: 'Anteckningarna som PDF (application/pdf).' },
    },
    async (req, reply) => {
      const pdf = await service.anteckningarSomPdf(ctx(req), req.params.verksamhetId, req.params.arendeId);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="anteckningar.pdf"')
        .send(pdf);
    },
  );

  r.get(
    `${base}/ombud`,
    {
      config: { permission: 'klient:read' },
      schema: { tags, params: v, response: { 200: z.array(ombudItem) } },
    },
    (req) => service.listOmbud(ctx(req), req.params.verksamhetId),
  );

  // ---- kö och caseload
  r.get(
    `${base}/ko`,
    {
      config: { permission: 'klient:read' },
      schema: { tags, params: v, querystring: koQuery, response: { 200: koList } },
    },
    (req) => ko.listKo(ctx(req), req.params.verksamhetId, req.query),
  );
  r.get(
    `${base}/ko/statistik`,
    { config: { permission: 'klient:read' }, schema: { tags, params: v, response: { 200: koStatistik } } },
    (req) => ko.koStatistik(ctx(req), req.params.verksamhetId),
  );
  r.get(
    `${base}/caseload`,
    { config: { permission: 'caseload:read' }, schema: { tags, params: v, response: { 200: caseload } } },
    (req) => ko.getCaseload(ctx(req), req.params.verksamhetId),
  );
  // Setting a tjänstgöringsgrad is the chef's, like reading the caseload: the same permission.
  r.put(
    `${base}/caseload/:userId`,
    {
      config: { permission: 'caseload:read' },
      schema: {
        tags,
        params: v.extend({ userId: z.uuid() }),
        body: setTjanstgoringsgrad,
        response: { 200: ok },
      },
    },
    (req) =>
      ko.setTjanstgoringsgrad(
        ctx(req),
        req.params.verksamhetId,
        req.params.userId,
        req.body.arsarbetareHundradelar,
      ),
  );

  // ---- gallring
  r.get(
    `${base}/gallring`,
    { config: { permission: 'klient:read' }, schema: { tags, params: v, response: { 200: gallringList } } },
    (req) => gallring.listAttGallra(ctx(req), req.params.verksamhetId),
  );
  r.post(
    `${base}/gallring`,
    {
      config: { permission: 'klient:write' },
      schema: { tags, params: v, response: { 200: gallringResultat } },
    },
    (req) => gallring.gallraVerksamhet(ctx(req), req.params.verksamhetId),
  );

  // ---- import (text/csv or xlsx; the parsers are scoped to this one route)
  r.get(
    `${base}/import/klienter/mall`,
    {
      config: { permission: 'klient:write' },
      schema: {
        tags,
        params: v,
        querystring: importMallQuery,
        produces: [LIST_MIME.csv, LIST_MIME.xlsx],
        description:
          'Mall för importen: rubrikraden och en exempelrad som går att importera som den är. format=csv ' +
          '(standard): semikolon, UTF-8 med BOM; format=xlsx: bladet Klienter och bladet Koder med de ' +
          'tillåtna koderna och deras betydelse.',
      },
    },
    async (req, reply) => {
      const fil = await importMall(ctx(req), req.params.verksamhetId, req.query.format);
      return reply.type(fil.mime).header('content-disposition', bilaga(fil)).send(fil.innehall);
    },
  );
  await r.register(async (sub) => {
    sub.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, body),
    );
    // A workbook is a zip and full of NUL bytes, which the input guard refuses in an uploaded *text* file:
    // it is handed on wrapped, and its cells are checked for what cannot be stored once unpacked.
    sub.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer' }, (_req, body, done) =>
      done(null, { xlsx: body }),
    );
    sub.withTypeProvider<ZodTypeProvider>().post(
      `${base}/import/klienter`,
      {
        config: { permission: 'klient:write' },
        schema: {
          tags,
          params: v,
          querystring: importQuery,
          consumes: ['text/csv', XLSX_MIME],
          response: { 200: importResultat },
        },
      },
      async (req) => {
        const body = req.body as unknown;
        const xlsx =
          body !== null && typeof body === 'object' && 'xlsx' in body && Buffer.isBuffer(body.xlsx)
            ? body.xlsx
            : null;
        if (!Buffer.isBuffer(body) && !xlsx) {
          throw new Invalid([{ field: 'body', message: 'Skicka filen som text/csv.' }]);
        }
        const res = await importKlienter(
          ctx(req),
          req.params.verksamhetId,
          Readable.from([xlsx ?? (body as Buffer)]),
          {
            skipInvalid: req.query.skipInvalid === 'true',
            format: xlsx ? 'xlsx' : 'csv',
            ...(req.query.blad !== undefined ? { blad: req.query.blad } : {}),
          },
        );
        if (!res.skrivet) {
          throw new Invalid(
            res.fel.map((f) => ({
              field: `rad.${f.rad}${f.kolumn ? `.${f.kolumn}` : ''}`,
              label: radLabel(f.rad, f.kolumn),
              message: f.meddelande,
            })),
            `Inget importerades: ${res.fel.length} fel i filen.`,
          );
        }
        return res;
      },
    );
  });
}
