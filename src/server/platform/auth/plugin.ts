import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { harNagonRattighet, type Principal } from '../../../domain/access.ts';
import { type AppConfig, isSecure } from '../../config.ts';
import type { AppDb } from '../../db/client.ts';
import { withTx } from '../../db/client.ts';
import { Forbidden, NotFound, Unauthorized } from '../errors.ts';
import '../permissions.ts';
import { auditRefusal, KLIENTDATA, requestRef } from '../refusal.ts';
import { loadPrincipal } from './principal.ts';
import { PrincipalCache } from './principal-cache.ts';
import { userForApiToken } from './service.ts';
import { type ActiveSession, sessionWithPrincipal } from './sessions.ts';
import { sha256 } from './tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    session: ActiveSession | null;
    /** The raw cookie value of the session (to end it on logout). */
    sessionId: string | null;
    authVia: 'cookie' | 'bearer' | null;
  }
}

export function sessionCookieName(config: AppConfig): string {
  // The __Host- prefix makes the browser insist on Secure, Path=/ and no Domain: only over https.
  return isSecure(config) ? '__Host-ombud_session' : 'ombud_session';
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for cookie-authenticated (and login) requests: the browser's Sec-Fetch-Site must say the
 * request came from our own pages, or, from older browsers, Origin must be the configured public address.
 * Never the Host header: it is whatever the client (or a misconfigured proxy) says, so an attacker's page
 * reached under another name would compare equal to itself.
 */
export function csrfOk(request: FastifyRequest, config: AppConfig): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  return typeof origin === 'string' && origin === new URL(config.publicUrl).origin;
}

export default fp(
  async (app: FastifyInstance, opts: { db: AppDb; config: AppConfig }) => {
    const { db, config } = opts;
    const policy = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
    // One per app (per process): see principal-cache.ts for why a fraction of a second is safe.
    const cache = new PrincipalCache(config.principalCacheMs);
    app.decorateRequest('principal', null);
    app.decorateRequest('session', null);
    app.decorateRequest('sessionId', null);
    app.decorateRequest('authVia', null);

    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const permission = request.routeOptions.config?.permission;
      if (!request.routeOptions.url) return; // not found: the 404 handler answers
      if (!permission) {
        request.log.error({ url: request.routeOptions.url }, 'route without a declared permission');
        throw new Forbidden('Vägen saknar behörighetsregel och är därför stängd.');
      }

      const authHeader = request.headers.authorization;
      if (authHeader?.startsWith('Bearer ')) {
        const userId = await userForApiToken(db, authHeader.slice(7).trim());
        if (!userId) throw new Unauthorized('Ogiltig eller återkallad API-token.');
        request.principal = await withTx(db, {}, (tx) => loadPrincipal(tx, userId));
        if (!request.principal) throw new Unauthorized('Användaren är avstängd.');
        request.authVia = 'bearer';
      } else {
        if (UNSAFE.has(request.method) && !csrfOk(request, config)) {
          throw new Forbidden('Begäran kom inte från Ombuds egna sidor (CSRF-skydd).');
        }
        const sid = request.cookies[sessionCookieName(config)];
        if (sid) {
          const found = await cache.through(sha256(sid), () => sessionWithPrincipal(db, sid, policy));
          if (found?.principal) {
            request.session = found.session;
            request.sessionId = sid;
            request.principal = found.principal;
            request.authVia = 'cookie';
          }
          if (!request.principal) reply.clearCookie(sessionCookieName(config), { path: '/' });
        }
      }

      if (permission === 'public') return;
      if (!request.principal) throw new Unauthorized();
      if (permission === 'session') return;
      if (request.session && !request.session.mfaDone) {
        throw new Unauthorized('Ange koden från din autentiseringsapp för att fortsätta.');
      }
      if (permission === 'authenticated') return;
      // Coarse gate: no role anywhere grants this; the route's resources do not exist for this user.
      if (!harNagonRattighet(request.principal, permission)) {
        if (KLIENTDATA.includes(permission)) {
          const params = request.params as Record<string, unknown> | undefined;
          await auditRefusal({
            db,
            principal: request.principal,
            ip: request.ip,
            verksamhetId: typeof params?.verksamhetId === 'string' ? params.verksamhetId : null,
            behorighet: permission,
            status: 404,
            request: requestRef(request),
          });
        }
        throw new NotFound();
      }
    });

    // A write may have changed what a lookup answers (logout, roles, memberships, a disabled user, the
    // second factor, the active organisation): forgotten once it has committed, before the answer leaves,
    // so the client's next request is looked up again.
    app.addHook('onSend', async (request) => {
      if (UNSAFE.has(request.method)) cache.clear();
    });
  },
  { name: 'auth' },
);
