import type { Action, Principal } from '../../domain/access.ts';
import { type AppDb, withTx } from '../db/client.ts';
import { writeAudit } from './audit.ts';

/** The audit action of a refused attempt at client data (another verksamhet's, or a role without any). */
export const ATKOMST_NEKAD = 'atkomst.nekad';

/** Permissions that guard client data: a refusal of any of them is written to the audit log. */
export const KLIENTDATA: readonly Action[] = ['klient:read', 'klient:write', 'caseload:read'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The route that was called, without its query string (a search may carry a client's name). */
export interface RequestRef {
  method: string;
  route: string;
  params: Record<string, string>;
}

export interface Refusal {
  db: AppDb;
  principal: Principal;
  ip?: string | undefined;
  /** The verksamhet whose client data was asked for; null when the route names none. */
  verksamhetId: string | null;
  behorighet: Action;
  status: number;
  request?: RequestRef | undefined;
}

/**
 * Records a refused attempt at client data. The refusal is an error, and the request's own transaction
 * (where every other audit entry is written) rolls back with it: this entry gets a transaction of its own,
 * written after that one has ended.
 */
export async function auditRefusal(r: Refusal): Promise<void> {
  // Before validation (the coarse gate) a path parameter can be anything; the column takes a uuid only.
  const verksamhetId = r.verksamhetId !== null && UUID.test(r.verksamhetId) ? r.verksamhetId : null;
  await withTx(r.db, { userId: r.principal.userId }, (tx) =>
    writeAudit(tx, {
      action: ATKOMST_NEKAD,
      userId: r.principal.userId,
      username: r.principal.username,
      ip: r.ip,
      organisationId: verksamhetId,
      resourceType: 'verksamhet',
      resourceId: verksamhetId,
      detail: {
        behorighet: r.behorighet,
        status: r.status,
        ...(r.request ? { method: r.request.method, route: r.request.route, params: r.request.params } : {}),
      },
    }),
  );
}

/** The route and path parameters of a Fastify request (ids only; the query string is left out). */
export function requestRef(request: {
  method: string;
  routeOptions: { url?: string | undefined };
  params: unknown;
}): RequestRef {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries((request.params ?? {}) as Record<string, unknown>))
    if (typeof v === 'string') params[k] = v;
  return { method: request.method, route: request.routeOptions.url ?? '', params };
}
