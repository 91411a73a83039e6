import { type Action, can, type Principal, type Resource, verksamheterMed } from '../../domain/access.ts';
import type { AppConfig } from '../config.ts';
import type { AppDb, Tx } from '../db/client.ts';
import { withTx } from '../db/client.ts';
import { type AuditEntry, writeAudit } from './audit.ts';
import { Forbidden, NotFound } from './errors.ts';
import type { RequestRef } from './refusal.ts';

/** What every service method receives: the database, the acting user and where the request came from. */
export interface ServiceContext {
  db: AppDb;
  config: AppConfig;
  principal: Principal;
  ip?: string | undefined;
  /** The HTTP route being served, if any: named in the audit entry of a refused attempt at client data. */
  request?: RequestRef | undefined;
}

/** A context for system jobs and the CLI, acting as nobody in particular. */
export function systemPrincipal(username = 'system'): Principal {
  return { userId: '00000000-0000-0000-0000-000000000000', username, medlemskap: [] };
}

/**
 * Object-level check. A resource the principal may not even read answers 404 (its existence is not
 * revealed); one it can read but not change answers 403.
 */
export function authorize(p: Principal, action: Action, resource: Resource, readAction?: Action): void {
  if (can(p, action, resource)) return;
  if (readAction && can(p, readAction, resource)) throw new Forbidden();
  throw new NotFound();
}

export interface TxOptions {
  /** Verksamheter whose client rows this transaction may touch (RLS). Defaults to none. */
  verksamhetIds?: readonly string[];
}

export interface Audited {
  tx: Tx;
  /** Appends an audit entry in this transaction, stamped with the acting user and ip. */
  audit(entry: AuditEntry): Promise<void>;
}

/** One transaction for one use case: RLS context set, the acting user known, audit in the same commit. */
export function inTx<T>(ctx: ServiceContext, opts: TxOptions, fn: (t: Audited) => Promise<T>): Promise<T> {
  return withTx(ctx.db, { verksamhetIds: opts.verksamhetIds ?? [], userId: ctx.principal.userId }, (tx) =>
    fn({
      tx,
      audit: (entry) =>
        writeAudit(tx, {
          userId: ctx.principal.userId,
          username: ctx.principal.username,
          ip: ctx.ip,
          ...entry,
        }),
    }),
  );
}

/** The verksamheter where the principal may do `action` — what a client-data transaction's RLS allows. */
export function rlsScope(p: Principal, action: Action): string[] {
  return verksamheterMed(p, action);
}
