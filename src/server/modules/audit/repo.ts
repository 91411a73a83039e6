import { and, desc, eq, getTableColumns, inArray, lt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { appUser, auditLog } from '../../db/schema/index.ts';

export async function listAudit(
  db: Queryable,
  f: { organisationIds?: string[]; before?: number; limit: number },
) {
  const conds: SQL[] = [];
  if (f.organisationIds)
    conds.push(
      inArray(
        auditLog.organisationId,
        f.organisationIds.length ? f.organisationIds : ['00000000-0000-0000-0000-000000000000'],
      ),
    );
  if (f.before) conds.push(lt(auditLog.id, f.before));
  // Who acted, by name where the account still exists (the log itself keeps the username it was written with).
  const rows = await db
    .select({ ...getTableColumns(auditLog), displayName: appUser.displayName })
    .from(auditLog)
    .leftJoin(appUser, eq(appUser.id, auditLog.userId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
  return rows.map(({ prevHash: _p, hash: _h, userId: _u, ...r }) => ({
    ...r,
    at: new Date(r.at).toISOString(),
  }));
}
