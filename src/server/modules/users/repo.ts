import { and, asc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { UserSort, UserSortFalt } from '../../../contracts/users.ts';
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

export interface AnvandarUrval {
  /** Organisations whose users the caller administers; undefined = every user (admin). */
  scope?: string[] | undefined;
  organisationId?: string | undefined;
  roll?: Roll | undefined;
  status?: 'aktiv' | 'avstangd' | undefined;
  /** Part of the name or the username (case does not matter). */
  q?: string | undefined;
}

/** The user's first organisation by name among those the caller sees (the list's `organisation` order). */
const forstaOrganisation = (scope: string[] | undefined) => sql`(select min(lower(o.namn)) from membership m
    join organisation o on o.id = m.organisation_id
    where m.user_id = ${appUser.id}${scope ? sql` and m.organisation_id = any(${sql.param(scope)}::uuid[])` : sql``})`;

function anvandarWhere(f: AnvandarUrval): SQL | undefined {
  const conds: SQL[] = [];
  const iScope = f.scope ? sql` and m.organisation_id = any(${sql.param(f.scope)}::uuid[])` : sql``;
  if (f.scope)
    conds.push(
      f.scope.length
        ? sql`exists (select 1 from membership m where m.user_id = ${appUser.id}${iScope})`
        : sql`false`,
    );
  if (f.organisationId || f.roll)
    conds.push(sql`exists (select 1 from membership m where m.user_id = ${appUser.id}${iScope}
        ${f.organisationId ? sql` and m.organisation_id = ${f.organisationId}` : sql``}
        ${f.roll ? sql` and m.roll = ${f.roll}` : sql``})`);
  if (f.status === 'aktiv') conds.push(isNull(appUser.disabledAt));
  if (f.status === 'avstangd') conds.push(isNotNull(appUser.disabledAt));
  if (f.q)
    conds.push(
      sql`(strpos(lower(${appUser.displayName}), lower(${f.q})) > 0 or strpos(lower(${appUser.username}), lower(${f.q})) > 0)`,
    );
  return and(...conds);
}

function anvandarOrder(sort: UserSort, scope: string[] | undefined): SQL {
  const fallande = sort.startsWith('-');
  const falt = (fallande ? sort.slice(1) : sort) as UserSortFalt;
  const nyckel: Record<UserSortFalt, SQL> = {
    namn: sql`lower(${appUser.displayName})`,
    username: sql`${appUser.username}`,
    organisation: forstaOrganisation(scope),
  };
  const dir = sql.raw(fallande ? 'desc' : 'asc');
  return sql`${nyckel[falt]} ${dir} nulls last, ${appUser.id} ${dir}`;
}

const anvandarCols = {
  id: appUser.id,
  username: appUser.username,
  displayName: appUser.displayName,
  email: appUser.email,
  kon: appUser.kon,
  disabledAt: appUser.disabledAt,
  totpEnabled: appUser.totpEnabled,
};

/** One page of the users the filters select, and how many they are. */
export async function sidaAnvandare(
  db: Queryable,
  f: AnvandarUrval & { sort: UserSort; limit: number; offset: number },
) {
  const where = anvandarWhere(f);
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(appUser).where(where);
  const rows = await db
    .select(anvandarCols)
    .from(appUser)
    .where(where)
    .orderBy(anvandarOrder(f.sort, f.scope))
    .limit(f.limit)
    .offset(f.offset);
  return { total: n?.n ?? 0, rows };
}

/** Every user the filters select, in the list's order (the export). */
export async function allaAnvandare(db: Queryable, f: AnvandarUrval & { sort: UserSort }) {
  return db
    .select(anvandarCols)
    .from(appUser)
    .where(anvandarWhere(f))
    .orderBy(anvandarOrder(f.sort, f.scope));
}
