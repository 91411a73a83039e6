import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Queryable, query, type Tx } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';

export interface AuditEntry {
  action: string;
  userId?: string | null | undefined;
  username?: string | null | undefined;
  organisationId?: string | null | undefined;
  resourceType?: string | null | undefined;
  resourceId?: string | null | undefined;
  detail?: Record<string, unknown> | null | undefined;
  ip?: string | null | undefined;
}

export const GENESIS_HASH = '0'.repeat(64);
// Serialises writers at the point of appending so the chain has exactly one successor per entry.
const AUDIT_LOCK_KEY = 7_428_001;

/** JSON with sorted keys, so that jsonb's reordering does not change the hash. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, at: string, e: AuditEntry): string {
  const content = stableJson({
    at,
    action: e.action,
    userId: e.userId ?? null,
    username: e.username ?? null,
    organisationId: e.organisationId ?? null,
    resourceType: e.resourceType ?? null,
    resourceId: e.resourceId ?? null,
    detail: e.detail ?? null,
    ip: e.ip ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/**
 * Appends an entry inside the caller's transaction: if the entry cannot be written, the whole request
 * (the read or write it records) fails with it.
 */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const last = await query<{ hash: string }>(tx, sql`select hash from audit_log order by id desc limit 1`);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const at = new Date().toISOString();
  await tx.insert(auditLog).values({
    at,
    userId: entry.userId ?? null,
    username: entry.username ?? null,
    action: entry.action,
    organisationId: entry.organisationId ?? null,
    resourceType: entry.resourceType ?? null,
    resourceId: entry.resourceId ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
    prevHash,
    hash: entryHash(prevHash, at, entry),
  });
}

export interface VerifyResult {
  ok: boolean;
  count: number;
  headHash: string;
  /** The first entry whose hash or link does not hold. */
  brokenAt?: { id: number; reason: string };
}

/** Walks the chain from the first entry; an edited, inserted or removed entry breaks it. */
export async function verifyAuditChain(db: Queryable): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let count = 0;
  let lastId = 0;
  for (;;) {
    const page = await query<{
      id: string;
      at_ms: string;
      user_id: string | null;
      username: string | null;
      action: string;
      organisation_id: string | null;
      resource_type: string | null;
      resource_id: string | null;
      detail: Record<string, unknown> | null;
      ip: string | null;
      prev_hash: string;
      hash: string;
    }>(
      db,
      sql`select id, (extract(epoch from at) * 1000)::bigint as at_ms, user_id, username, action, organisation_id,
             resource_type, resource_id, detail, ip, prev_hash, hash
           from audit_log where id > ${lastId} order by id limit 5000`,
    );
    if (page.length === 0) break;
    for (const r of page) {
      const id = Number(r.id);
      if (r.prev_hash !== prev)
        return {
          ok: false,
          count,
          headHash: prev,
          brokenAt: {
            id,
            reason: 'länken till föregående post stämmer inte (en post har tagits bort eller lagts till)',
          },
        };
      const at = new Date(Number(r.at_ms)).toISOString();
      const expected = entryHash(prev, at, {
        action: r.action,
        userId: r.user_id,
        username: r.username,
        organisationId: r.organisation_id,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail,
        ip: r.ip,
      });
      if (expected !== r.hash)
        return { ok: false, count, headHash: prev, brokenAt: { id, reason: 'postens innehåll har ändrats' } };
      prev = r.hash;
      count++;
      lastId = id;
    }
  }
  return { ok: true, count, headHash: prev };
}
