import type { Action } from '../../domain/access.ts';

/**
 * What a route needs, declared on every route (`config: { permission }`); a route without one is refused
 * (deny by default) and a test walks the route table to keep it so.
 * - 'public': anyone (login, health, the web app's files).
 * - 'session': a logged-in session, also one still owing its second factor (TOTP routes, logout, me).
 * - 'authenticated': fully logged in; the service decides per object.
 * - an Action: fully logged in and holding a role that grants it somewhere; the service then checks the
 *   object itself.
 */
export type RoutePermission = 'public' | 'session' | 'authenticated' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}
