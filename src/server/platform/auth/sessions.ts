import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Medlemskap, Principal } from '../../../domain/access.ts';
import { type Queryable, queryPrepared } from '../../db/client.ts';
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

/** How often a live session's last use is written: the idle limit is checked to this resolution. */
export const TOUCH_SECONDS = 60;

/**
 * The session behind a cookie and its user with every membership, in ONE statement (one round trip, one
 * implicit transaction): the live session (inside the idle and the absolute limit), its last use written at
 * most once a minute (a data-modifying CTE runs whether or not the query reads it), the user unless
 * disabled, and the memberships with each organisation's kind and län. This runs before every logged-in
 * request; it used to take two transactions and seven statements.
 * It reads no client data and these tables have no row-level security, so it runs as the connection's role.
 */
export async function sessionWithPrincipal(
  db: Queryable,
  id: string,
  policy: SessionPolicy,
): Promise<{ session: ActiveSession; principal: Principal | null; expiresAt: number } | null> {
  const idleCutoff = new Date(Date.now() - policy.idleMinutes * 60_000).toISOString();
  // Prepared once per connection (PostgreSQL): planning this statement cost more than running it.
  const rows = await queryPrepared<{
    id_hash: string;
    user_id: string;
    mfa_done: boolean;
    active_organisation_id: string | null;
    expires_ms: number | string;
    username: string | null;
    disabled: boolean | null;
    medlemskap: Medlemskap[] | string;
  }>(
    db,
    'ombud_session_principal',
    sql`with s as (
          select id_hash, user_id, mfa_done, active_organisation_id, expires_at from session
          where id_hash = ${sha256(id)} and expires_at > now() and last_seen_at > ${idleCutoff}::timestamptz
        ), touched as (
          update session set last_seen_at = now()
          where id_hash = (select id_hash from s)
            and last_seen_at < now() - make_interval(secs => ${TOUCH_SECONDS})
          returning 1
        )
        select s.id_hash, s.user_id, s.mfa_done, s.active_organisation_id,
               floor(extract(epoch from s.expires_at) * 1000)::float8 as expires_ms, u.username,
               u.disabled_at is not null as disabled,
               coalesce((select json_agg(json_build_object(
                          'organisationId', m.organisation_id, 'organisationTyp', o.typ,
                          'lanKod', o.lan_kod, 'roll', m.roll))
                        from membership m join organisation o on o.id = m.organisation_id
                        where m.user_id = s.user_id), '[]'::json) as medlemskap
        from s left join app_user u on u.id = s.user_id`,
  );
  const r = rows[0];
  if (!r) return null;
  const session: ActiveSession = {
    idHash: r.id_hash,
    userId: r.user_id,
    mfaDone: r.mfa_done,
    activeOrganisationId: r.active_organisation_id,
  };
  const expiresAt = Number(r.expires_ms);
  if (r.username === null || r.disabled) return { session, principal: null, expiresAt };
  const medlemskap = (
    typeof r.medlemskap === 'string' ? JSON.parse(r.medlemskap) : r.medlemskap
  ) as Medlemskap[];
  return { session, principal: { userId: r.user_id, username: r.username, medlemskap }, expiresAt };
}
