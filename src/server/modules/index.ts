import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { AppDb } from '../db/client.ts';
import { aktorRoutes } from './aktorer/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { bristRoutes } from './brister/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { grantRoutes } from './grants/routes.ts';
import { ledningsgruppRoutes } from './ledningsgrupp/routes.ts';
import { nationalRoutes } from './national/routes.ts';
import { oppnaDataRoutes } from './oppna-data/routes.ts';
import { orgRoutes } from './orgs/routes.ts';
import { redovisningRoutes } from './redovisning/routes.ts';
import { statistikRoutes } from './statistik/routes.ts';
import { userRoutes } from './users/routes.ts';

export interface ModuleDeps {
  db: AppDb;
  config: AppConfig;
}

/** Every module's routes, mounted under /api/v1. Add a module here with one line. */
export async function registerModules(api: FastifyInstance, deps: ModuleDeps): Promise<void> {
  await orgRoutes(api, deps);
  await userRoutes(api, deps);
  await auditRoutes(api, deps);
  await redovisningRoutes(api, deps);
  await caseRoutes(api, deps);
  await bristRoutes(api, deps);
  await aktorRoutes(api, deps);
  await ledningsgruppRoutes(api, deps);
  await grantRoutes(api, deps);
  await nationalRoutes(api, deps);
  await oppnaDataRoutes(api, deps);
  await statistikRoutes(api, deps);
}
