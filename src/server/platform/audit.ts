import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Queryable, query, runBeforeCommit, type Tx } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import {
  type AuditCheckpoint,
  type AuditHead,
  checkpointFailure,
  signCheckpoint,
} from './audit-checkpoint.ts';
import { Conflict } from './errors.ts';
import { getKey } from './keys.ts';

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

/** What an entry's hash covers besides the previous hash: its time and content, as stable JSON. */
export function entryContent(at: string, e: AuditEntry): string {
  return stableJson({
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
}

/**
 * HMAC-SHA256 with the audit key (kept outside the database, platform/keys.ts): with a public hash anyone
 * who can write the table could edit an entry and recompute every later hash (decision 0003).
 */
export function entryHash(key: Buffer, prevHash: string, at: string, e: AuditEntry): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(entryContent(at, e)).digest('hex');
}

const queued = new WeakMap<Tx, AuditEntry[]>();

/**
 * Records an entry in the caller's transaction: if it cannot be written, the whole request (the read or
 * write it records) fails with it. In a withTx transaction the entries wait until the request's own work
 * is done and are appended just before the commit: the chain's lock, which every writer of the log waits
 * for, is then held for the append and the commit only, not for the whole request (issue 16: a third of
 * the pool's time went to waiting on it).
 */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const waiting = queued.get(tx);
  if (waiting) {
    waiting.push(entry);
    return;
  }
  const entries = [entry];
  if (runBeforeCommit(tx, () => appendAudit(tx, entries))) queued.set(tx, entries);
  else await appendAudit(tx, entries);
}

/** Appends entries to the chain, each linked to the one before, under the chain's lock. */
async function appendAudit(tx: Tx, entries: readonly AuditEntry[]): Promise<void> {
  const key = getKey('audit');
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const last = await query<{ hash: string }>(tx, sql`select hash from audit_log order by id desc limit 1`);
  let prevHash = last[0]?.hash ?? GENESIS_HASH;
  for (const entry of entries) {
    const at = new Date().toISOString();
    const hash = entryHash(key, prevHash, at, entry);
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
      hash,
    });
    prevHash = hash;
  }
}

export interface StoredEntry {
  id: number;
  at: string;
  entry: AuditEntry;
  prevHash: string;
  hash: string;
}

/** Entries after `afterId` in chain order, as their hash saw them (also used by tests that forge one). */
export async function readAuditEntries(db: Queryable, afterId: number, limit = 5000): Promise<StoredEntry[]> {
  const rows = await query<{
    id: string;
    at_ms: string;
    user_id: string | null;
    username: string | null;
    action: string;
    organisation_id: string | null;
    resource_type: string | null;
    resource_id: string | null;
    detail: Record<string, unknown> | string | null;
    ip: string | null;
    prev_hash: string;
    hash: string;
  }>(
    db,
    sql`select id, (extract(epoch from at) * 1000)::bigint as at_ms, user_id, username, action, organisation_id,
           resource_type, resource_id, detail, ip, prev_hash, hash
         from audit_log where id > ${afterId} order by id limit ${limit}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(Number(r.at_ms)).toISOString(),
    entry: {
      action: r.action,
      userId: r.user_id,
      username: r.username,
      organisationId: r.organisation_id,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail,
      ip: r.ip,
    },
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

export interface VerifyResult extends AuditHead {
  ok: boolean;
  /** The first entry whose hash or link does not hold. */
  brokenAt?: { id: number; reason: string };
  /** With a checkpoint: why the (otherwise whole) log no longer reaches it. */
  checkpointFailure?: string;
}

export interface VerifyOptions {
  /** Default: the installation's audit key. */
  key?: Buffer;
  /** A checkpoint already read with `readCheckpoint` (its signature checked). */
  checkpoint?: AuditHead;
}

/**
 * Walks the chain from the first entry: an edited, inserted or removed entry breaks it, and without the key
 * it cannot be re-linked. With a checkpoint, removing the newest entries is found as well.
 */
export async function verifyAuditChain(db: Queryable, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const key = opts.key ?? getKey('audit');
  const cp = opts.checkpoint;
  let prev = GENESIS_HASH;
  let count = 0;
  let lastId = 0;
  let atCheckpoint: { id: number; hash: string } | undefined;
  for (;;) {
    const page = await readAuditEntries(db, lastId);
    if (page.length === 0) break;
    for (const r of page) {
      const head = { count, headId: lastId, headHash: prev };
      if (r.prevHash !== prev)
        return {
          ok: false,
          ...head,
          brokenAt: {
            id: r.id,
            reason: 'länken till föregående post stämmer inte (en post har tagits bort eller lagts till)',
          },
        };
      if (entryHash(key, prev, r.at, r.entry) !== r.hash)
        return { ok: false, ...head, brokenAt: { id: r.id, reason: 'postens innehåll har ändrats' } };
      prev = r.hash;
      count++;
      lastId = r.id;
      if (cp && count === cp.count) atCheckpoint = { id: r.id, hash: r.hash };
    }
  }
  const head = { count, headId: lastId, headHash: prev };
  const failure = cp ? checkpointFailure(cp, count, atCheckpoint) : null;
  return failure ? { ok: false, ...head, checkpointFailure: failure } : { ok: true, ...head };
}

/** A signed checkpoint of the chain as it is now; refused when the chain is already broken. */
export async function takeAuditCheckpoint(db: Queryable, at: Date = new Date()): Promise<AuditCheckpoint> {
  const r = await verifyAuditChain(db);
  if (!r.ok) {
    throw new Conflict(
      `Loggen är bruten vid post ${r.brokenAt?.id}: ${r.brokenAt?.reason}. Ingen kontrollpunkt skapas.`,
    );
  }
  return signCheckpoint(r, getKey('audit'), at);
}
