import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { session } from '../../db/schema/index.ts';
import { newSecret, sha256 } from './tokens.ts';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface ActiveSession {
  idHash: string;
  userId: string;
  mfaDone: boolean;
  activeOrganisationId: string | null;
}

/** A fresh random id on every login (no fixation); the table keeps only its hash. */
export async function createSession(db: Queryable, userId: string, mfaDone: boolean, policy: SessionPolicy) {
  const id = newSecret();
  const expiresAt = new Date(Date.now() + policy.absoluteHours * 3600_000);
  await db.insert(session).values({ idHash: sha256(id), userId, mfaDone, expiresAt });
  return { id, expiresAt };
}

/** Finds a live session (inside both the idle and the absolute limit) and marks it as used now. */
export async function touchSession(
  db: Queryable,
  id: string,
  policy: SessionPolicy,
): Promise<ActiveSession | null> {
  const idleCutoff = new Date(Date.now() - policy.idleMinutes * 60_000);
  const [row] = await db
    .update(session)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(session.idHash, sha256(id)),
        gt(session.expiresAt, sql`now()`),
        gt(session.lastSeenAt, idleCutoff),
      ),
    )
    .returning({
      idHash: session.idHash,
      userId: session.userId,
      mfaDone: session.mfaDone,
      activeOrganisationId: session.activeOrganisationId,
    });
  return row ?? null;
}

export async function destroySession(db: Queryable, id: string): Promise<void> {
  await db.delete(session).where(eq(session.idHash, sha256(id)));
}

export async function destroyUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.delete(session).where(eq(session.userId, userId));
}

export async function completeMfa(db: Queryable, idHash: string): Promise<void> {
  await db.update(session).set({ mfaDone: true }).where(eq(session.idHash, idHash));
}

export async function setActiveOrganisation(db: Queryable, idHash: string, organisationId: string | null) {
  await db.update(session).set({ activeOrganisationId: organisationId }).where(eq(session.idHash, idHash));
}

/** Housekeeping: expired and idle sessions are deleted (run by the scheduler). */
export async function purgeExpiredSessions(db: Queryable, policy: SessionPolicy): Promise<void> {
  const idleCutoff = new Date(Date.now() - policy.idleMinutes * 60_000);
  await db.delete(session).where(or(lt(session.expiresAt, sql`now()`), lt(session.lastSeenAt, idleCutoff)));
}
