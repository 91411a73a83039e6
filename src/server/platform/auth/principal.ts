import { eq } from 'drizzle-orm';
import type { Medlemskap, Principal } from '../../../domain/access.ts';
import type { Queryable } from '../../db/client.ts';
import { appUser, membership, organisation } from '../../db/schema/index.ts';

/** The user with every membership and the kind and län of each organisation. */
export async function loadPrincipal(db: Queryable, userId: string): Promise<Principal | null> {
  const [user] = await db
    .select({ id: appUser.id, username: appUser.username, disabledAt: appUser.disabledAt })
    .from(appUser)
    .where(eq(appUser.id, userId));
  if (!user || user.disabledAt) return null;
  const rows = await db
    .select({
      organisationId: membership.organisationId,
      roll: membership.roll,
      organisationTyp: organisation.typ,
      lanKod: organisation.lanKod,
    })
    .from(membership)
    .innerJoin(organisation, eq(organisation.id, membership.organisationId))
    .where(eq(membership.userId, userId));
  const medlemskap: Medlemskap[] = rows.map((r) => ({
    organisationId: r.organisationId,
    organisationTyp: r.organisationTyp,
    lanKod: r.lanKod,
    roll: r.roll,
  }));
  return { userId: user.id, username: user.username, medlemskap };
}
