import diagnostics from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { AppDb } from '../db/client.ts';
import { makeApp } from './app.ts';

export interface CollectedRoute {
  method: string;
  url: string;
  /** The route's options object as registered (read `config` after the app is ready). */
  options: RouteOptions;
}

/**
 * Builds the app and records every route it registers, with an onRoute hook added the moment the Fastify
 * instance is created (Fastify announces that on the `fastify.initialization` diagnostics channel), so it
 * sees the routes of every plugin and module, including ones added after this helper was written.
 */
export async function makeAppWithRoutes(
  db: AppDb,
  overrides: Partial<AppConfig> = {},
): Promise<{ app: FastifyInstance; routes: CollectedRoute[] }> {
  const routes: CollectedRoute[] = [];
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (options) => {
      for (const method of [options.method].flat()) routes.push({ method, url: options.url, options });
    });
  };
  diagnostics.subscribe('fastify.initialization', onInit);
  try {
    const app = await makeApp(db, overrides);
    return { app, routes };
  } finally {
    diagnostics.unsubscribe('fastify.initialization', onInit);
  }
}

/** The permission a route declared (`config.permission`), if any. */
export function permissionOf(route: CollectedRoute): string | undefined {
  return (route.options.config as { permission?: string } | undefined)?.permission;
}
