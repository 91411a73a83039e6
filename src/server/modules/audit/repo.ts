import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, query } from '../../db/client.ts';

export interface AuditFilter {
  /** undefined = every organisation's entries (an administrator); otherwise only these. */
  organisationIds?: string[] | undefined;
  userId?: string | undefined;
  handelse?: string | undefined;
  objekt?: string | undefined;
  /** Days in Sweden, both included. */
  fran?: string | undefined;
  till?: string | undefined;
}

const INGEN = '00000000-0000-0000-0000-000000000000';

function auditWhere(f: AuditFilter, fran?: { before?: number; after?: number; fromId?: number }): SQL {
  const conds: SQL[] = [sql`true`];
  if (f.organisationIds)
    conds.push(
      sql`a.organisation_id = any(${sql.param(f.organisationIds.length ? f.organisationIds : [INGEN])}::uuid[])`,
    );
  if (f.userId) conds.push(sql`a.user_id = ${f.userId}`);
  if (f.handelse) conds.push(sql`a.action = ${f.handelse}`);
  if (f.objekt) conds.push(sql`a.resource_type = ${f.objekt}`);
  // A Swedish day, from local midnight to the next (23 or 25 hours when the clocks change).
  if (f.fran) conds.push(sql`a.at >= (${f.fran}::date::timestamp at time zone 'Europe/Stockholm')`);
  if (f.till) conds.push(sql`a.at < ((${f.till}::date + 1)::timestamp at time zone 'Europe/Stockholm')`);
  if (fran?.before !== undefined) conds.push(sql`a.id < ${fran.before}`);
  if (fran?.after !== undefined) conds.push(sql`a.id > ${fran.after}`);
  if (fran?.fromId !== undefined) conds.push(sql`a.id >= ${fran.fromId}`);
  return sql.join(conds, sql` and `);
}

export interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  displayName: string | null;
  action: string;
  organisationId: string | null;
  organisationNamn: string | null;
  resourceType: string | null;
  resourceId: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

// Who acted, by name where the account still exists (the log itself keeps the username it was written with).
const SELECT = sql`
  select a.id::int as id, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
         a.username, u.display_name as "displayName", a.action, a.organisation_id as "organisationId",
         o.namn as "organisationNamn", a.resource_type as "resourceType", a.resource_id as "resourceId",
         a.detail, a.ip
  from audit_log a
  left join app_user u on u.id = a.user_id
  left join organisation o on o.id = a.organisation_id`;

export async function countAudit(
  db: Queryable,
  f: AuditFilter,
  fran?: { before?: number; after?: number; fromId?: number },
) {
  const [n] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from audit_log a where ${auditWhere(f, fran)}`,
  );
  return n?.n ?? 0;
}

/** One page, newest first: older than `before`, or the `limit` entries just newer than `after`. */
export async function listAudit(
  db: Queryable,
  f: AuditFilter & { before?: number | undefined; after?: number | undefined; limit: number },
): Promise<AuditRow[]> {
  const upp = f.after !== undefined;
  const rows = await query<AuditRow>(
    db,
    sql`${SELECT} where ${auditWhere(f, {
      ...(f.before !== undefined ? { before: f.before } : {}),
      ...(f.after !== undefined ? { after: f.after } : {}),
    })}
        order by a.id ${upp ? sql`asc` : sql`desc`} limit ${f.limit}`,
  );
  return upp ? rows.reverse() : rows;
}

/** Every entry the filter selects, newest first, at most `max` (the caller checks the count first). */
export async function allAudit(db: Queryable, f: AuditFilter, max: number): Promise<AuditRow[]> {
  return query<AuditRow>(db, sql`${SELECT} where ${auditWhere(f)} order by a.id desc limit ${max}`);
}
