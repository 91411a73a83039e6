import type { AuditExportQuery, AuditQuery } from '../../../contracts/audit.ts';
import { verksamheterMed } from '../../../domain/access.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { inTx, type ServiceContext } from '../../platform/context.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { auditFil } from './export.ts';
import * as repo from './repo.ts';

/** At most this many entries in one file: a bigger selection is narrowed (a shorter period) first. */
export const EXPORT_MAX = 50_000;

type Urval = Omit<AuditExportQuery, 'format'>;

/** The chef sees the log of the own verksamheter, admin sees all. */
function filter(ctx: ServiceContext, q: Urval): repo.AuditFilter {
  const admin = ctx.principal.medlemskap.some((m) => m.roll === 'admin');
  let organisationIds: string[] | undefined;
  if (!admin) {
    const own = verksamheterMed(ctx.principal, 'audit:read');
    if (q.organisationId && !own.includes(q.organisationId)) throw new NotFound();
    organisationIds = q.organisationId ? [q.organisationId] : own;
  } else if (q.organisationId) {
    organisationIds = [q.organisationId];
  }
  return {
    organisationIds,
    userId: q.userId,
    handelse: q.handelse,
    objekt: q.objekt,
    fran: q.fran,
    till: q.till,
  };
}

/**
 * The organisation a read of the log is recorded under: the one asked for, or a chef's only verksamhet,
 * so that the chef's own log shows who has read it.
 */
const enOrganisation = (q: Urval, f: repo.AuditFilter) =>
  q.organisationId ?? (f.organisationIds?.length === 1 ? f.organisationIds[0]! : null);

/** The filters as the audit entry records them (ids, codes and days). */
function urvalIAudit(q: Urval) {
  const u: Record<string, unknown> = {};
  for (const k of ['userId', 'handelse', 'objekt', 'fran', 'till'] as const) if (q[k]) u[k] = q[k];
  return u;
}

/** One page of the log, newest first, with how many entries match and how many are newer than the page. */
export async function listAudit(ctx: ServiceContext, q: AuditQuery) {
  const f = filter(ctx, q);
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const total = await repo.countAudit(tx, f);
    const items = await repo.listAudit(tx, { ...f, before: q.before, after: q.after, limit: q.limit });
    const forsta = items[0]?.id;
    const nyare =
      forsta !== undefined
        ? await repo.countAudit(tx, f, { after: forsta })
        : q.before !== undefined
          ? await repo.countAudit(tx, f, { fromId: q.before })
          : 0;
    await audit({
      action: 'audit.read',
      organisationId: enOrganisation(q, f),
      detail: { urval: urvalIAudit(q), antal: total, visade: items.length },
    });
    return { total, nyare, items };
  });
}

/** Every entry the filters select, as a file (CSV or xlsx), newest first. */
export async function exportAudit(ctx: ServiceContext, q: AuditExportQuery) {
  const f = filter(ctx, q);
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const total = await repo.countAudit(tx, f);
    if (total > EXPORT_MAX) {
      throw new Invalid([
        {
          field: 'fran',
          message: `Urvalet har ${total.toLocaleString('sv-SE')} poster; en fil får ha högst ${EXPORT_MAX.toLocaleString('sv-SE')}. Välj en kortare period.`,
        },
      ]);
    }
    const rows = await repo.allAudit(tx, f, EXPORT_MAX);
    await audit({
      action: 'audit.exported',
      organisationId: enOrganisation(q, f),
      detail: { format: q.format, urval: urvalIAudit(q), antal: rows.length },
    });
    return auditFil(rows, q.format, idagISverige());
  });
}

export async function verifyAudit(ctx: ServiceContext) {
  return inTx(ctx, {}, ({ tx }) => verifyAuditChain(tx));
}
