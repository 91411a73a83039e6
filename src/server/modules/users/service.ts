import type { CreateUser, UserItem } from '../../../contracts/users.ts';
import { can, type Principal } from '../../../domain/access.ts';
import type { Tx } from '../../db/client.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import { inTx, type ServiceContext } from '../../platform/context.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { getOrganisation } from '../orgs/repo.ts';
import * as repo from './repo.ts';

const CHEF_MAY_GRANT = new Set(['ombud', 'chef', 'ledamot']);

function isAdmin(p: Principal) {
  return p.medlemskap.some((m) => m.roll === 'admin');
}

/** Verksamheter whose users this chef administers; undefined = every organisation (admin). */
function adminScope(p: Principal): string[] | undefined {
  if (isAdmin(p)) return undefined;
  return p.medlemskap.filter((m) => m.roll === 'chef').map((m) => m.organisationId);
}

async function mayGrant(tx: Tx, p: Principal, organisationId: string, roll: string) {
  if (isAdmin(p)) return;
  const org = await getOrganisation(tx, organisationId);
  if (
    org?.typ !== 'verksamhet' ||
    !can(p, 'user:admin', { typ: 'verksamhet', id: org.id, lanKod: org.lanKod ?? '' })
  ) {
    throw new NotFound('Organisationen hittades inte.');
  }
  if (!CHEF_MAY_GRANT.has(roll))
    throw new Forbidden('En verksamhetschef kan bara ge rollerna ombud, chef och ledamot.');
}

async function present(
  tx: Tx,
  users: Awaited<ReturnType<typeof repo.listUsers>>,
  scope?: string[],
): Promise<UserItem[]> {
  const ms = await repo.membershipsOf(
    tx,
    users.map((u) => u.id),
  );
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    kon: u.kon,
    disabled: u.disabledAt !== null,
    totpEnabled: u.totpEnabled,
    // A chef sees only the memberships in the verksamheter the chef runs.
    medlemskap: ms
      .filter((m) => m.userId === u.id && (!scope || scope.includes(m.organisationId)))
      .map(({ userId: _u, lanKod: _l, ...m }) => m),
  }));
}

export async function listUsers(ctx: ServiceContext): Promise<UserItem[]> {
  const scope = adminScope(ctx.principal);
  return inTx(ctx, {}, async ({ tx }) => present(tx, await repo.listUsers(tx, scope), scope));
}

async function userInScope(tx: Tx, p: Principal, userId: string) {
  const user = await repo.getUser(tx, userId);
  if (!user) throw new NotFound();
  const scope = adminScope(p);
  if (scope) {
    const ms = await repo.membershipsOf(tx, [userId]);
    if (!ms.some((m) => scope.includes(m.organisationId))) throw new NotFound();
  }
  return user;
}

export async function createUserService(ctx: ServiceContext, input: CreateUser): Promise<UserItem> {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    for (const m of input.medlemskap) await mayGrant(tx, ctx.principal, m.organisationId, m.roll);
    if (await repo.findUserByUsername(tx, input.username)) {
      throw new Conflict('Användarnamnet är upptaget.', [
        { field: 'username', message: 'Användarnamnet är upptaget.' },
      ]);
    }
    const id = await repo.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      kon: input.kon ?? null,
      passwordHash: input.password ? await hashPassword(input.password) : null,
    });
    await audit({
      action: 'user.created',
      resourceType: 'user',
      resourceId: id,
      detail: { username: input.username },
    });
    for (const m of input.medlemskap) {
      await repo.insertMembership(tx, { userId: id, organisationId: m.organisationId, roll: m.roll });
      await audit({
        action: 'permission.granted',
        organisationId: m.organisationId,
        resourceType: 'user',
        resourceId: id,
        detail: { roll: m.roll },
      });
    }
    const scope = adminScope(ctx.principal);
    const [created] = await present(tx, [(await repo.listUsers(tx)).find((u) => u.id === id)!], scope);
    return created!;
  });
}

export async function addMembership(
  ctx: ServiceContext,
  userId: string,
  m: { organisationId: string; roll: CreateUser['medlemskap'][number]['roll'] },
) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const user = await repo.getUser(tx, userId);
    if (!user) throw new NotFound();
    await mayGrant(tx, ctx.principal, m.organisationId, m.roll);
    const id = await repo.insertMembership(tx, { userId, organisationId: m.organisationId, roll: m.roll });
    if (!id) throw new Conflict('Användaren har redan den rollen i organisationen.');
    await audit({
      action: 'permission.granted',
      organisationId: m.organisationId,
      resourceType: 'user',
      resourceId: userId,
      detail: { roll: m.roll },
    });
    return { ok: true as const };
  });
}

export async function removeMembership(ctx: ServiceContext, userId: string, membershipId: string) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const m = await repo.getMembership(tx, membershipId);
    if (!m || m.userId !== userId) throw new NotFound();
    await mayGrant(tx, ctx.principal, m.organisationId, m.roll);
    await repo.deleteMembership(tx, membershipId);
    // Fewer rights take effect at once: the user's sessions end.
    await destroyUserSessions(tx, userId);
    await audit({
      action: 'permission.revoked',
      organisationId: m.organisationId,
      resourceType: 'user',
      resourceId: userId,
      detail: { roll: m.roll },
    });
    return { ok: true as const };
  });
}

/** Disabling a user ends every session of theirs on the server at once. */
export async function setUserDisabled(ctx: ServiceContext, userId: string, disabled: boolean) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    await userInScope(tx, ctx.principal, userId);
    if (userId === ctx.principal.userId)
      throw new Invalid([{ field: 'id', message: 'Du kan inte stänga av dig själv.' }]);
    await repo.setDisabled(tx, userId, disabled);
    if (disabled) await destroyUserSessions(tx, userId);
    await audit({
      action: disabled ? 'user.disabled' : 'user.enabled',
      resourceType: 'user',
      resourceId: userId,
    });
    return { ok: true as const };
  });
}

export async function setUserPassword(ctx: ServiceContext, userId: string, password: string) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    await userInScope(tx, ctx.principal, userId);
    await repo.setPasswordHash(tx, userId, await hashPassword(password));
    await destroyUserSessions(tx, userId);
    await audit({ action: 'user.password_set', resourceType: 'user', resourceId: userId });
    return { ok: true as const };
  });
}
