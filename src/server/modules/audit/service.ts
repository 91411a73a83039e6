import { verksamheterMed } from '../../../domain/access.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { inTx, type ServiceContext } from '../../platform/context.ts';
import { NotFound } from '../../platform/errors.ts';
import * as repo from './repo.ts';

/** The chef sees the log of the own verksamhet, admin sees all. */
export async function listAudit(
  ctx: ServiceContext,
  q: { organisationId?: string; before?: number; limit: number },
) {
  const admin = ctx.principal.medlemskap.some((m) => m.roll === 'admin');
  let organisationIds: string[] | undefined;
  if (!admin) {
    const own = verksamheterMed(ctx.principal, 'audit:read');
    if (q.organisationId && !own.includes(q.organisationId)) throw new NotFound();
    organisationIds = q.organisationId ? [q.organisationId] : own;
  } else if (q.organisationId) {
    organisationIds = [q.organisationId];
  }
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const rows = await repo.listAudit(tx, {
      ...(organisationIds ? { organisationIds } : {}),
      ...(q.before ? { before: q.before } : {}),
      limit: q.limit,
    });
    await audit({
      action: 'audit.read',
      organisationId: q.organisationId ?? null,
      detail: { count: rows.length },
    });
    return rows;
  });
}

export async function verifyAudit(ctx: ServiceContext) {
  return inTx(ctx, {}, ({ tx }) => verifyAuditChain(tx));
}
