import type { Principal } from '../../../domain/access.ts';
import type { ActiveSession } from './sessions.ts';

/** What the session lookup answered for one cookie: the live session and its user (null: disabled). */
export interface CachedSession {
  session: ActiveSession;
  principal: Principal | null;
}

interface Entry extends CachedSession {
  /** Milliseconds since the epoch after which the entry is not used. */
  until: number;
}

function deepFreeze(p: Principal): Principal {
  for (const m of p.medlemskap) Object.freeze(m);
  Object.freeze(p.medlemskap);
  return Object.freeze(p);
}

/**
 * The answer of the session lookup (session, user, memberships), kept for a fraction of a second in this
 * process so that a burst of requests on one session costs one lookup, not one each (issue 16).
 *
 * Why this stays correct:
 * - In this process a change is seen at once: every write request (role, membership, disabling, logout,
 *   MFA, active organisation) empties the cache when it has answered (`clear`, after its commit). A lookup
 *   that was already under way when the cache was emptied is not stored (`generation`): it may have read
 *   the state from before the change.
 * - Another process learns of a change only from the database, when its entry runs out: the cache is
 *   per process, so `ttlMs` is the longest a logout, a disabled user or a removed role can still be used
 *   in the other processes (it must stay under a second; OMBUD_WORKERS, multi-process.test.ts).
 * - An entry never outlives its session's absolute limit.
 * The idle limit is checked (and the last use written) at each lookup, so to within `ttlMs`.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, now = Date.now()): CachedSession | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.until <= now) {
      this.entries.delete(key);
      return null;
    }
    return e;
  }

  /**
   * Looks the key up, or loads it with `load` and keeps the answer unless the cache was emptied while it
   * loaded. `expiresAt` (ms) bounds the entry by the session's absolute limit.
   */
  async through(
    key: string,
    load: () => Promise<(CachedSession & { expiresAt: number }) | null>,
  ): Promise<CachedSession | null> {
    const hit = this.ttlMs > 0 ? this.get(key) : null;
    if (hit) return hit;
    const started = this.generation;
    const found = await load();
    if (!found || this.ttlMs <= 0 || started !== this.generation) return found;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const until = Math.min(Date.now() + this.ttlMs, found.expiresAt);
    // Shared by every request of the session until it runs out: frozen, so no request can change another's.
    const session = Object.freeze({ ...found.session });
    const principal = found.principal && deepFreeze(found.principal);
    this.entries.set(key, { session, principal, until });
    return { session, principal };
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
