import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ok } from '../../../contracts/common.ts';
import {
  addMembership,
  apiTokenItem,
  createUser,
  oidcKoppling,
  setOidcSubject,
  setPassword,
  userExportQuery,
  userItem,
  userList,
  userQuery,
} from '../../../contracts/users.ts';
import { bilaga, LIST_MIME } from '../../platform/list-file.ts';
import { ctxFrom } from '../../platform/request-context.ts';
import type { ModuleDeps } from '../index.ts';
import * as adminActions from './admin-actions.ts';
import * as service from './service.ts';

export async function userRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['användare'];
  const id = z.object({ id: z.uuid() });

  const filterText =
    'Filter: organisationId (en roll i organisationen), roll (med organisationId: den rollen där), ' +
    'status (aktiv eller avstangd), q (en del av namnet eller användarnamnet). sort: namn, username ' +
    'eller organisation (den första organisationen i bokstavsordning), med - före för fallande (standard ' +
    'namn); lika värden ordnas efter användarens id';
  r.get(
    '/users',
    {
      config: { permission: 'user:admin' },
      schema: {
        tags,
        querystring: userQuery,
        response: { 200: userList },
        description: `Användarna den inloggade administrerar (en administratör: alla; en verksamhetschef: de med en roll i de egna verksamheterna, och bara de rollerna), en sida i taget (limit, offset). ${filterText}; total är antalet som matchar filtren.`,
      },
    },
    (req) => service.listUsers(ctxFrom(req, deps), req.query),
  );
  r.get(
    '/users/export',
    {
      config: { permission: 'user:admin' },
      schema: {
        tags,
        querystring: userExportQuery,
        produces: [LIST_MIME.csv, LIST_MIME.xlsx],
        description: `Alla användare i urvalet som fil, i listans ordning. ${filterText}; format=csv (standard): semikolon, UTF-8 med BOM; format=xlsx. Kolumner: Namn, Användarnamn, E-post, Roller, Status, Tvåstegsverifiering. Hämtningen loggas.`,
      },
    },
    async (req, reply) => {
      const fil = await service.exportUsers(ctxFrom(req, deps), req.query);
      return reply.type(fil.mime).header('content-disposition', bilaga(fil)).send(fil.innehall);
    },
  );
  r.post(
    '/users',
    { config: { permission: 'user:admin' }, schema: { tags, body: createUser, response: { 201: userItem } } },
    async (req, reply) =>
      reply.status(201).send(await service.createUserService(ctxFrom(req, deps), req.body)),
  );
  r.post(
    '/users/:id/medlemskap',
    {
      config: { permission: 'user:admin' },
      schema: { tags, params: id, body: addMembership, response: { 200: ok } },
    },
    (req) => service.addMembership(ctxFrom(req, deps), req.params.id, req.body),
  );
  r.delete(
    '/users/:id/medlemskap/:membershipId',
    {
      config: { permission: 'user:admin' },
      schema: { tags, params: id.extend({ membershipId: z.uuid() }), response: { 200: ok } },
    },
    (req) => service.removeMembership(ctxFrom(req, deps), req.params.id, req.params.membershipId),
  );
  r.post(
    '/users/:id/disable',
    { config: { permission: 'user:admin' }, schema: { tags, params: id, response: { 200: ok } } },
    (req) => service.setUserDisabled(ctxFrom(req, deps), req.params.id, true),
  );
  r.post(
    '/users/:id/enable',
    { config: { permission: 'user:admin' }, schema: { tags, params: id, response: { 200: ok } } },
    (req) => service.setUserDisabled(ctxFrom(req, deps), req.params.id, false),
  );
  r.put(
    '/users/:id/password',
    {
      config: { permission: 'user:admin' },
      schema: { tags, params: id, body: setPassword, response: { 200: ok } },
    },
    (req) => service.setUserPassword(ctxFrom(req, deps), req.params.id, req.body.password),
  );

  // How the user logs in (admin only, checked in admin-actions.ts): what the CLI does, while the server runs.
  r.get(
    '/users/:id/tokens',
    {
      config: { permission: 'user:admin' },
      schema: { tags, params: id, response: { 200: z.array(apiTokenItem) } },
    },
    (req) => adminActions.listUserTokens(ctxFrom(req, deps), req.params.id),
  );
  r.post(
    '/users/:id/tokens/:tokenId/revoke',
    {
      config: { permission: 'user:admin' },
      schema: { tags, params: id.extend({ tokenId: z.uuid() }), response: { 200: ok } },
    },
    (req) => adminActions.revokeUserToken(ctxFrom(req, deps), req.params.id, req.params.tokenId),
  );
  r.post(
    '/users/:id/totp-reset',
    { config: { permission: 'user:admin' }, schema: { tags, params: id, response: { 200: ok } } },
    (req) => adminActions.resetUserTotp(ctxFrom(req, deps), req.params.id),
  );
  r.get(
    '/users/:id/oidc',
    { config: { permission: 'user:admin' }, schema: { tags, params: id, response: { 200: oidcKoppling } } },
    (req) => adminActions.getUserOidc(ctxFrom(req, deps), req.params.id),
  );
  r.put(
    '/users/:id/oidc',
    {
      config: { permission: 'user:admin' },
      schema: { tags, params: id, body: setOidcSubject, response: { 200: ok } },
    },
    (req) => adminActions.setUserOidc(ctxFrom(req, deps), req.params.id, req.body.subject),
  );
  r.delete(
    '/users/:id/oidc',
    { config: { permission: 'user:admin' }, schema: { tags, params: id, response: { 200: ok } } },
    (req) => adminActions.setUserOidc(ctxFrom(req, deps), req.params.id, null),
  );
}
