import { sql } from 'drizzle-orm';
import type { AppDb, Tx } from '../../db/client.ts';
import { query, withTx } from '../../db/client.ts';
import { loginThrottle } from '../../db/schema/index.ts';

/**
 * Throttling of password guesses, per account name and client address, in the database (so it holds for
 * several servers on one PostgreSQL). There is no account lock that anyone could set off: failures from
 * one address never stop a login from another, and an account name that does not exist is throttled
 * exactly like one that does, so the answers do not tell them apart.
 */
export interface ThrottlePolicy {
  /** Failures from one address for one account name before it has to wait. */
  threshold: number;
  /** The longest wait, in minutes. */
  maxMinutes: number;
}

/** Failures older than this are forgotten (and their rows purged): the count starts again. */
export const FORGET_AFTER_HOURS = 24;
// The two-key form of advisory locks: its key space is apart from the audit log's single key.
const THROTTLE_LOCK_CLASS = 7_428_002;

/** Seconds to wait after `failures` failures: none below the threshold, then 1, 2, 4, … up to the cap. */
export function backoffSeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.threshold) return 0;
  const cap = Math.max(1, Math.round(policy.maxMinutes * 60));
  const exponent = failures - policy.threshold;
  return exponent >= 30 ? cap : Math.min(2 ** exponent, cap);
}

export interface ThrottleKey {
  username: string;
  ip: string;
}

export function throttleKey(username: string, ip: string | undefined): ThrottleKey {
  return { username: username.trim().toLowerCase(), ip: ip ?? '' };
}

/**
 * Takes this account name and address for the rest of the transaction: attempts of one pair run one after
 * the other, so parallel guesses cannot all pass before the first failure is counted.
 */
export async function lockPair(tx: Tx, key: ThrottleKey): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${THROTTLE_LOCK_CLASS}::int, hashtext(${`${key.username}\n${key.ip}`}))`,
  );
}

/** Whole seconds this pair must still wait (0 = may try now). */
export async function secondsToWait(tx: Tx, key: ThrottleKey): Promise<number> {
  const [row] = await query<{ wait: number | string | null }>(
    tx,
    sql`select ceil(extract(epoch from ${loginThrottle.blockedUntil} - now())) as wait
        from ${loginThrottle}
        where ${loginThrottle.username} = ${key.username} and ${loginThrottle.ip} = ${key.ip}
          and ${loginThrottle.blockedUntil} > now()`,
  );
  return row?.wait == null ? 0 : Math.max(1, Number(row.wait));
}

/** Counts a failure; returns the count and how long the pair must now wait. */
export async function recordFailure(
  tx: Tx,
  key: ThrottleKey,
  policy: ThrottlePolicy,
): Promise<{ failures: number; waitSeconds: number }> {
  const [row] = await query<{ failures: number }>(
    tx,
    sql`insert into ${loginThrottle} (username, ip, failures, last_failure_at)
        values (${key.username}, ${key.ip}, 1, now())
        on conflict (username, ip) do update set
          failures = case
            when ${loginThrottle.lastFailureAt} < now() - make_interval(hours => ${FORGET_AFTER_HOURS}) then 1
            else ${loginThrottle.failures} + 1 end,
          last_failure_at = now()
        returning failures`,
  );
  const failures = Number(row!.failures);
  const waitSeconds = backoffSeconds(failures, policy);
  if (waitSeconds > 0)
    await tx.execute(
      sql`update ${loginThrottle} set blocked_until = now() + make_interval(secs => ${waitSeconds})
          where username = ${key.username} and ip = ${key.ip}`,
    );
  return { failures, waitSeconds };
}

/** A correct password from this address: its count starts again (other addresses keep theirs). */
export async function clearFailures(tx: Tx, key: ThrottleKey): Promise<void> {
  await tx.execute(sql`delete from ${loginThrottle} where username = ${key.username} and ip = ${key.ip}`);
}

/** Rows with no failure for a day are forgotten anyway (a scheduled job). */
export async function purgeOldThrottles(db: AppDb): Promise<void> {
  await withTx(db, {}, (tx) =>
    tx.execute(
      sql`delete from ${loginThrottle}
          where last_failure_at < now() - make_interval(hours => ${FORGET_AFTER_HOURS})
            and (blocked_until is null or blocked_until < now())`,
    ),
  );
}
