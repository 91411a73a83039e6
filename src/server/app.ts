import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import '../contracts/common.ts';
import { type AppConfig, isSecure } from './config.ts';
import type { AppDb } from './db/client.ts';
import { registerModules } from './modules/index.ts';
import authPlugin from './platform/auth/plugin.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './platform/error-handler.ts';
import { registerInputGuard, registerStrictJsonParser } from './platform/input-guard.ts';
import { loggerOptions } from './platform/logging.ts';
import { databaseRateLimitStore } from './platform/rate-limit-store.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = join(here, '../../dist/web');

export interface BuildOptions {
  db: AppDb;
  config: AppConfig;
  logger?: boolean;
  /** Where log lines go (default stdout); tests read them to prove no personal data is logged. */
  logStream?: NodeJS.WritableStream;
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
  /** Where the built web app is (default dist/web; a test serves a folder of its own). */
  webDist?: string;
}

/** Builds the whole app without listening: main.ts listens, tests use app.inject(). */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { db, config } = opts;
  const app = Fastify({
    logger: opts.logger ? loggerOptions(process.env.LOG_LEVEL ?? 'info', opts.logStream) : false,
    bodyLimit: 50 * 1024 * 1024,
    trustProxy: process.env.OMBUD_TRUST_PROXY === '1',
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerStrictJsonParser(app);
  registerInputGuard(app);

  // Routes outside /api/v1 that plugins add (the API description, the web app's files) are public;
  // every /api/v1 route must declare its own permission (a test walks them).
  app.addHook('onRoute', (route) => {
    if (
      !route.url.startsWith('/api/v1') &&
      !(route.config as { permission?: string } | undefined)?.permission
    ) {
      route.config = { ...(route.config ?? {}), permission: 'public' };
    }
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: isSecure(config) ? [] : null,
      },
    },
    hsts: isSecure(config) ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Counted in the database: the limits hold for the service when several processes serve it. A database
  // that does not answer does not turn a login into a 500: the request goes on (and meets the database).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db), skipOnError: true });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Ombud API',
        version: '1',
        description:
          'REST + JSON för personligt ombud: ärenden, brister, redovisning, statsbidrag och nationell statistik.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ombud_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  });
  await app.register(authPlugin, { db, config });

  // Nothing under /api may be cached: it may carry client data.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs'))
      reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
      },
    },
    async () => {
      await db.execute('select 1' as never);
      return { status: 'ok' as const, database: 'ok' };
    },
  );

  await app.register(
    async (api) => {
      await authRoutes(api, { db, config });
      await registerModules(api, { db, config });
    },
    { prefix: '/api/v1' },
  );

  const webDist = opts.webDist ?? WEB_DIST;
  if (opts.serveWeb !== false && existsSync(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: false,
      // .br/.gz written at build time (vite.config.ts); a browser that takes neither gets the plain file.
      preCompressed: true,
      // Files under assets/ carry a content hash in their name: cached for good. The rest is revalidated.
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // The SPA's own routes: any other GET that is not under /api gets index.html.
    app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
