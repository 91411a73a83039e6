import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config.ts';
import type { AppDb } from '../db/client.ts';
import type { ServiceContext } from './context.ts';
import { Unauthorized } from './errors.ts';
import { requestRef } from './refusal.ts';

/** The service context of an authenticated request (routes declare a permission, so a principal exists). */
export function ctxFrom(request: FastifyRequest, deps: { db: AppDb; config: AppConfig }): ServiceContext {
  if (!request.principal) throw new Unauthorized();
  return {
    db: deps.db,
    config: deps.config,
    principal: request.principal,
    ip: request.ip,
    request: requestRef(request),
  };
}
