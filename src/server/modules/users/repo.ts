import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { appUser, membership, organisation } from '../../db/schema/index.ts';

type Roll = (typeof membership.$inferInsert)['roll'];

export async function insertUser(
  db: Queryable,
  u: {
    username: string;
    displayName: string;
    email?: string | null;
    passwordHash?: string | null;
    kon?: 'kvinna' | 'man' | 'annan' | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(appUser)
    .values({
      username: u.username,
      displayName: u.displayName,
      email: u.email ?? null,
      passwordHash: u.passwordHash ?? null,
      kon: u.kon ?? null,
    })
    .returning({ id: appUser.id });
  return row!.id;
}

export async function insertMembership(
  db: Queryable,
  m: { userId: string; organisationId: string; roll: Roll },
) {
  const [row] = await db.insert(membership).values(m).onConflictDoNothing().returning({ id: membership.id });
  return row?.id ?? null;
}

export async function deleteMembership(db: Queryable, id: string) {
  const [row] = await db.delete(membership).where(eq(membership.id, id)).returning();
  return row ?? null;
}

export async function findUserByUsername(db: Queryable, username: string) {
  const [row] = await db.select().from(appUser).where(eq(appUser.username, username));
  return row ?? null;
}

export async function getUser(db: Queryable, id: string) {
  const [row] = await db.select().from(appUser).where(eq(appUser.id, id));
  return row ?? null;
}

export async function setDisabled(db: Queryable, id: string, disabled: boolean) {
  await db
    .update(appUser)
    .set({ disabledAt: disabled ? new Date() : null })
    .where(eq(appUser.id, id));
}

export async function setPasswordHash(db: Queryable, id: string, passwordHash: string) {
  await db
    .update(appUser)
    .set({ passwordHash, failedLogins: 0, lockedUntil: null })
    .where(eq(appUser.id, id));
}

export async function membershipsOf(db: Queryable, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      id: membership.id,
      userId: membership.userId,
      organisationId: membership.organisationId,
      organisationNamn: organisation.namn,
      organisationTyp: organisation.typ,
      lanKod: organisation.lanKod,
      roll: membership.roll,
    })
    .from(membership)
    .innerJoin(organisation, eq(organisation.id, membership.organisationId))
    .where(inArray(membership.userId, userIds))
    .orderBy(asc(organisation.namn), asc(membership.roll));
}

export async function getMembership(db: Queryable, id: string) {
  const [row] = await db
    .select({
      id: membership.id,
      userId: membership.userId,
      organisationId: membership.organisationId,
      roll: membership.roll,
    })
    .from(membership)
    .where(eq(membership.id, id));
  return row ?? null;
}

/** Users with at least one membership in the given organisations (all users when `orgIds` is undefined). */
export async function listUsers(db: Queryable, orgIds?: string[]) {
  const base = db
    .selectDistinct({
      id: appUser.id,
      username: appUser.username,
      displayName: appUser.displayName,
      email: appUser.email,
      kon: appUser.kon,
      disabledAt: appUser.disabledAt,
      totpEnabled: appUser.totpEnabled,
    })
    .from(appUser)
    .leftJoin(membership, eq(membership.userId, appUser.id));
  const rows = orgIds
    ? await base.where(orgIds.length ? inArray(membership.organisationId, orgIds) : sql`false`)
    : await base;
  return rows.sort((a, b) => a.username.localeCompare(b.username, 'sv'));
}
