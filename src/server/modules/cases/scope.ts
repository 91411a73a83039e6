import type { Action } from '../../../domain/access.ts';
import type { Tx } from '../../db/client.ts';
import { type Audited, authorize, inTx, rlsScope, type ServiceContext } from '../../platform/context.ts';
import { DomainError, NotFound } from '../../platform/errors.ts';
import { auditRefusal } from '../../platform/refusal.ts';
import * as orgRepo from '../orgs/repo.ts';

export type Verksamhet = Awaited<ReturnType<typeof orgRepo.listVerksamheter>>[number];

export async function loadVerksamhet(tx: Tx, verksamhetId: string): Promise<Verksamhet> {
  const [v] = await orgRepo.listVerksamheter(tx, { ids: [verksamhetId] });
  if (!v) throw new NotFound();
  return v;
}

/**
 * One use case on one verksamhet's client data: the RLS context holds the verksamhet only when one of the
 * principal's own roles grants `action` there (so a forgotten check still sees nothing), and the object
 * check answers 404 for anyone else — another verksamhet, a ledamot, a Länsstyrelse, Socialstyrelsen.
 * Every refusal here is written to the audit log (`atkomst.nekad`), like every read that succeeds.
 */
export async function iVerksamhet<T>(
  ctx: ServiceContext,
  verksamhetId: string,
  action: Extract<Action, 'klient:read' | 'klient:write' | 'caseload:read'>,
  fn: (t: Audited & { v: Verksamhet }) => Promise<T>,
): Promise<T> {
  const verksamhetIds = rlsScope(ctx.principal, action).filter((id) => id === verksamhetId);
  let refused: DomainError | undefined;
  try {
    return await inTx(ctx, { verksamhetIds }, async (t) => {
      let v: Verksamhet;
      try {
        v = await loadVerksamhet(t.tx, verksamhetId);
        authorize(
          ctx.principal,
          action,
          { typ: 'verksamhet', id: v.id, lanKod: v.lanKod },
          action === 'klient:write' ? 'klient:read' : undefined,
        );
      } catch (err) {
        if (err instanceof DomainError) refused = err;
        throw err;
      }
      return fn({ ...t, v });
    });
  } catch (err) {
    // Written after the request's transaction has rolled back, in one of its own.
    if (refused)
      await auditRefusal({
        db: ctx.db,
        principal: ctx.principal,
        ip: ctx.ip,
        verksamhetId,
        behorighet: action,
        status: refused.status,
        request: ctx.request,
      });
    throw err;
  }
}

/**
 * A system operation (the gallring job, `ombud import`, `ombud purge`) on one verksamhet: no user policy —
 * it is not reachable over HTTP — but the same RLS wall and audit as any other transaction.
 */
export function somSystem<T>(
  ctx: ServiceContext,
  verksamhetId: string,
  fn: (t: Audited & { v: Verksamhet }) => Promise<T>,
): Promise<T> {
  return inTx(ctx, { verksamhetIds: [verksamhetId] }, async (t) =>
    fn({ ...t, v: await loadVerksamhet(t.tx, verksamhetId) }),
  );
}
