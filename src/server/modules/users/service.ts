import type { z } from 'zod';
import {
  type CreateUser,
  type UserExportQuery,
  type UserItem,
  type UserList,
  type UserQuery,
  userExportQuery,
  userQuery,
} from '../../../contracts/users.ts';
import {
  arSystemadmin,
  CHEF_KAN_GE,
  kanAdministreraAnvandare,
  type MalAnvandare,
  type OrganisationTyp,
  type Principal,
  ROLL_ORGANISATIONSTYP,
  type Roll,
  verksamheterMed,
} from '../../../domain/access.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { LOSENORD_MEDDELANDE, losenordFel } from '../../../domain/losenord.ts';
import type { Tx } from '../../db/client.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { destroyUserSessions } from '../../platform/auth/sessions.ts';
import { inTx, type ServiceContext } from '../../platform/context.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { getOrganisation } from '../orgs/repo.ts';
import { userFil } from './export.ts';
import * as repo from './repo.ts';

type Membership = Awaited<ReturnType<typeof repo.membershipsOf>>[number];

/** Verksamheter whose users this chef administers; undefined = every organisation (admin). */
function adminScope(p: Principal): string[] | undefined {
  if (arSystemadmin(p)) return undefined;
  return verksamheterMed(p, 'user:admin');
}

const target = (userId: string, ms: readonly Membership[]): MalAnvandare => ({
  userId,
  medlemskap: ms.filter((m) => m.userId === userId),
});

const NOT_YOURS =
  'Användaren har roller i andra organisationer. Lösenord, konto och nya roller hanteras då av en administratör.';

/**
 * The user and every role they hold, if the actor may see them at all (404 otherwise: the account's
 * existence is not revealed); with `hantera`, 403 unless the actor may manage the whole account.
 */
async function loadTarget(tx: Tx, p: Principal, userId: string, atgard: 'se' | 'hantera') {
  const user = await repo.getUser(tx, userId);
  if (!user) throw new NotFound();
  const mal = target(userId, await repo.membershipsOf(tx, [userId]));
  if (!kanAdministreraAnvandare(p, 'se', mal)) throw new NotFound();
  if (atgard === 'hantera' && !kanAdministreraAnvandare(p, 'hantera', mal)) throw new Forbidden(NOT_YOURS);
  return { user, mal };
}

/** May the actor give or take `roll` in `organisationId` for `mal`? 404 for an organisation out of reach. */
const ROLL_KRAVER: Record<OrganisationTyp, string> = {
  verksamhet: 'en PO-verksamhet',
  lansstyrelse: 'en länsstyrelse',
  socialstyrelsen: 'Socialstyrelsen',
  aktor: 'en aktör (myndighet eller vårdgivare)',
};

/**
 * A role is given only in an organisation that exists and is of the kind the role belongs to (an ombud in a
 * PO-verksamhet, a handläggare in a länsstyrelse …). The policy already grants nothing for a misfit, but
 * the administrator may give any role, and bad data should not be written at all.
 */
async function rollenPassar(tx: Tx, organisationId: string, roll: Roll) {
  const org = await getOrganisation(tx, organisationId);
  if (!org)
    throw new Invalid([
      { field: 'organisationId', message: 'Organisationen finns inte. Välj en organisation i listan.' },
    ]);
  const typ = ROLL_ORGANISATIONSTYP[roll];
  if (typ !== null && typ !== org.typ)
    throw new Invalid([{ field: 'roll', message: `Rollen kan bara ges i ${ROLL_KRAVER[typ]}.` }]);
}

async function checkRole(
  tx: Tx,
  p: Principal,
  atgard: 'ge_roll' | 'ta_bort_roll',
  mal: MalAnvandare,
  organisationId: string,
  roll: Roll,
) {
  if (kanAdministreraAnvandare(p, atgard, mal, { organisationId, roll })) {
    if (atgard === 'ge_roll') await rollenPassar(tx, organisationId, roll);
    return;
  }
  const org = await getOrganisation(tx, organisationId);
  if (!org || !adminScope(p)?.includes(org.id)) throw new NotFound('Organisationen hittades inte.');
  if (!CHEF_KAN_GE.includes(roll))
    throw new Forbidden('En verksamhetschef kan bara ge och ta bort rollerna ombud, chef och ledamot.');
  throw new Forbidden(NOT_YOURS);
}

async function present(
  tx: Tx,
  p: Principal,
  users: Awaited<ReturnType<typeof repo.listUsers>>,
): Promise<UserItem[]> {
  const scope = adminScope(p);
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
    kanHantera: kanAdministreraAnvandare(p, 'hantera', target(u.id, ms)),
  }));
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success)
    throw new Invalid(
      r.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'query', message: i.message })),
    );
  return r.data;
}

/** The filters as the repo takes them: always inside what the caller administers. */
const urval = (p: Principal, f: Omit<UserQuery, 'limit' | 'offset'>): repo.AnvandarUrval => ({
  scope: adminScope(p),
  organisationId: f.organisationId,
  roll: f.roll,
  status: f.status,
  q: f.q,
});

/** One page of the users the caller administers, filtered and sorted, and how many match. */
export async function listUsers(ctx: ServiceContext, q: Partial<UserQuery> = {}): Promise<UserList> {
  const f = parse(userQuery, q);
  return inTx(ctx, {}, async ({ tx }) => {
    const { total, rows } = await repo.sidaAnvandare(tx, {
      ...urval(ctx.principal, f),
      sort: f.sort,
      limit: f.limit,
      offset: f.offset,
    });
    return { total, items: await present(tx, ctx.principal, rows) };
  });
}

/**
 * Every user the filters select, as a file. Names and e-mail addresses of staff leave the system in bulk:
 * the audit entry says who took which selection and how many.
 */
export async function exportUsers(ctx: ServiceContext, q: Partial<UserExportQuery> = {}) {
  const f = parse(userExportQuery, q);
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const rows = await repo.allaAnvandare(tx, { ...urval(ctx.principal, f), sort: f.sort });
    await audit({
      action: 'user.exported',
      organisationId: f.organisationId ?? null,
      resourceType: 'user',
      detail: {
        format: f.format,
        urval: {
          ...(f.organisationId ? { organisationId: f.organisationId } : {}),
          ...(f.roll ? { roll: f.roll } : {}),
          ...(f.status ? { status: f.status } : {}),
          ...(f.q ? { sok: true } : {}),
          sort: f.sort,
        },
        antal: rows.length,
      },
    });
    return userFil(await present(tx, ctx.principal, rows), f.format, idagISverige());
  });
}

export async function createUserService(ctx: ServiceContext, input: CreateUser): Promise<UserItem> {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const ny: MalAnvandare = { userId: '', medlemskap: [], ny: true };
    for (const m of input.medlemskap)
      await checkRole(tx, ctx.principal, 'ge_roll', ny, m.organisationId, m.roll);
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
    const [created] = await present(tx, ctx.principal, [
      (await repo.listUsers(tx)).find((u) => u.id === id)!,
    ]);
    return created!;
  });
}

export async function addMembership(
  ctx: ServiceContext,
  userId: string,
  m: { organisationId: string; roll: CreateUser['medlemskap'][number]['roll'] },
) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const { mal } = await loadTarget(tx, ctx.principal, userId, 'se');
    await checkRole(tx, ctx.principal, 'ge_roll', mal, m.organisationId, m.roll);
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
    const { mal } = await loadTarget(tx, ctx.principal, userId, 'se');
    await checkRole(tx, ctx.principal, 'ta_bort_roll', mal, m.organisationId, m.roll);
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
    await loadTarget(tx, ctx.principal, userId, 'hantera');
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
    const { user } = await loadTarget(tx, ctx.principal, userId, 'hantera');
    // The contract checks the rest of the rule; only here is the user's name known.
    const fel = losenordFel(password, user.username);
    if (fel) throw new Invalid([{ field: 'password', message: LOSENORD_MEDDELANDE[fel] }]);
    await repo.setPasswordHash(tx, userId, await hashPassword(password));
    await destroyUserSessions(tx, userId);
    await audit({ action: 'user.password_set', resourceType: 'user', resourceId: userId });
    return { ok: true as const };
  });
}
