import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  loginRequest,
  loginResponse,
  type Me,
  me,
  switchOrganisation,
  totpCode,
  totpSetupResponse,
} from '../../../contracts/auth.ts';
import { ok } from '../../../contracts/common.ts';
import { type AppConfig, isSecure } from '../../config.ts';
import type { AppDb } from '../../db/client.ts';
import { queryPrepared, withTx } from '../../db/client.ts';
import { appUser } from '../../db/schema/index.ts';
import { NotFound, Unauthorized } from '../errors.ts';

type MeMedlemskap = Me['medlemskap'][number];

import { completeOidcLogin, OidcClient, startOidcLogin } from './oidc.ts';
import { sessionCookieName } from './plugin.ts';
import { LoginThrottled, login, logout, startTotpEnrolment, verifyTotp } from './service.ts';
import { destroySession, setActiveOrganisation } from './sessions.ts';

export function setSessionCookie(reply: FastifyReply, config: AppConfig, id: string, expiresAt: Date) {
  reply.setCookie(sessionCookieName(config), id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(config),
    expires: expiresAt,
  });
}

/** Binds an OIDC login to the browser that started it (its value is the flow's state). */
export function oidcCookieName(config: AppConfig): string {
  return isSecure(config) ? '__Secure-ombud_oidc' : 'ombud_oidc';
}
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';

/** A login replaces the session the browser already had (if any) instead of leaving it alive. */
async function endPreviousSession(db: AppDb, sessionId: string | null) {
  if (sessionId) await withTx(db, {}, (tx) => destroySession(tx, sessionId));
}

export async function authRoutes(app: FastifyInstance, opts: { db: AppDb; config: AppConfig }) {
  const { db, config } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const loginRateLimit = { max: config.loginRateLimit, timeWindow: '1 minute' };

  r.get(
    '/auth/config',
    {
      config: { permission: 'public' },
      schema: { tags: ['auth'], response: { 200: z.object({ oidc: z.boolean() }) } },
    },
    async () => ({ oidc: config.oidc !== undefined }),
  );

  r.post(
    '/auth/login',
    {
      config: { permission: 'public', rateLimit: loginRateLimit },
      schema: { tags: ['auth'], body: loginRequest, response: { 200: loginResponse } },
    },
    async (request, reply) => {
      const result = await login(db, config, request.body, request.ip).catch((err: unknown) => {
        if (err instanceof LoginThrottled) reply.header('retry-after', String(err.retryAfterSeconds));
        throw err;
      });
      await endPreviousSession(db, request.sessionId);
      setSessionCookie(reply, config, result.sessionId, result.expiresAt);
      return { mfa: result.mfa };
    },
  );

  const rp = config.oidc ? new OidcClient(config.oidc) : undefined;
  r.get(
    '/auth/oidc/start',
    {
      config: { permission: 'public', rateLimit: loginRateLimit },
      schema: {
        tags: ['auth'],
        description: 'Börjar inloggning med e-legitimation (OpenID Connect); skickar webbläsaren till IdP:n.',
      },
    },
    async (_request, reply) => {
      if (!rp) throw new NotFound('Inloggning med e-legitimation är inte aktiverad.');
      const { url, state } = await startOidcLogin(db, config, rp);
      reply.setCookie(oidcCookieName(config), state, {
        path: OIDC_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: isSecure(config),
        maxAge: 600,
      });
      return reply.redirect(url.href, 302);
    },
  );

  r.get(
    '/auth/oidc/callback',
    {
      config: { permission: 'public', rateLimit: loginRateLimit },
      schema: {
        tags: ['auth'],
        description: 'IdP:ns svar (redirect URI): skapar en session och skickar webbläsaren till startsidan.',
      },
    },
    async (request, reply) => {
      if (!rp || !config.oidc) throw new NotFound('Inloggning med e-legitimation är inte aktiverad.');
      const currentUrl = new URL(config.oidc.redirectUri);
      currentUrl.search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const bound = request.cookies[oidcCookieName(config)];
      reply.clearCookie(oidcCookieName(config), { path: OIDC_COOKIE_PATH });
      const result = await completeOidcLogin(db, config, rp, currentUrl, bound, request.ip);
      await endPreviousSession(db, request.sessionId);
      setSessionCookie(reply, config, result.sessionId, result.expiresAt);
      return reply.redirect('/', 302);
    },
  );

  r.post(
    '/auth/logout',
    { config: { permission: 'session' }, schema: { tags: ['auth'], response: { 200: ok } } },
    async (request, reply) => {
      if (request.sessionId && request.principal)
        await logout(db, request.sessionId, request.principal, request.ip);
      reply.clearCookie(sessionCookieName(config), { path: '/' });
      return { ok: true as const };
    },
  );

  r.post(
    '/auth/totp/setup',
    { config: { permission: 'session' }, schema: { tags: ['auth'], response: { 200: totpSetupResponse } } },
    async (request) => {
      const p = request.principal!;
      if (request.session?.mfaDone === false) {
        // Enrolment while a code is owed is only for users who have none yet.
        const [u] = await withTx(db, {}, (tx) => tx.select().from(appUser).where(eq(appUser.id, p.userId)));
        if (u?.totpEnabled) throw new Unauthorized('Ange koden från din befintliga autentiseringsapp.');
      }
      return startTotpEnrolment(db, p.userId, p.username);
    },
  );

  r.post(
    '/auth/totp/verify',
    { config: { permission: 'session' }, schema: { tags: ['auth'], body: totpCode, response: { 200: ok } } },
    async (request) => {
      const p = request.principal!;
      if (!request.session) throw new Unauthorized('TOTP gäller inloggning med session.');
      await verifyTotp(
        db,
        config,
        {
          userId: p.userId,
          username: p.username,
          sessionIdHash: request.session.idHash,
          code: request.body.code,
        },
        request.ip,
      );
      return { ok: true as const };
    },
  );

  r.get(
    '/me',
    { config: { permission: 'session' }, schema: { tags: ['auth'], response: { 200: me } } },
    async (request) => {
      const p = request.principal!;
      // One statement outside a transaction, as the session lookup: these tables hold no client data and
      // have no row-level security; the page asks for it on every load.
      const [row] = await queryPrepared<{
        display_name: string | null;
        totp_enabled: boolean | null;
        medlemskap: MeMedlemskap[] | string;
      }>(
        db,
        'ombud_me',
        sql`select u.display_name, u.totp_enabled,
                   coalesce((select json_agg(json_build_object(
                              'organisationId', m.organisation_id, 'roll', m.roll, 'organisationTyp', o.typ,
                              'organisationNamn', o.namn, 'organisationKod', o.kod, 'lanKod', o.lan_kod)
                              order by o.namn, m.roll)
                            from membership m join organisation o on o.id = m.organisation_id
                            where m.user_id = u.id), '[]'::json) as medlemskap
            from app_user u where u.id = ${p.userId}`,
      );
      const rows = (
        typeof row?.medlemskap === 'string' ? JSON.parse(row.medlemskap) : (row?.medlemskap ?? [])
      ) as MeMedlemskap[];
      const active = request.session?.activeOrganisationId ?? rows[0]?.organisationId ?? null;
      return {
        userId: p.userId,
        username: p.username,
        displayName: row?.display_name ?? p.username,
        mfaDone: request.session ? request.session.mfaDone : true,
        totpEnabled: row?.totp_enabled ?? false,
        activeOrganisationId: active,
        medlemskap: rows,
      };
    },
  );

  r.put(
    '/me/organisation',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['auth'], body: switchOrganisation, response: { 200: ok } },
    },
    async (request) => {
      const p = request.principal!;
      if (!p.medlemskap.some((m) => m.organisationId === request.body.organisationId)) throw new NotFound();
      if (request.session)
        await withTx(db, {}, (tx) =>
          setActiveOrganisation(tx, request.session!.idHash, request.body.organisationId),
        );
      return { ok: true as const };
    },
  );
}
