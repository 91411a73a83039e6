import type { ApiTokenItem, OidcKoppling } from '../../../contracts/users.ts';
import { arSystemadmin } from '../../../domain/access.ts';
import {
  type Acting,
  linkOidcSubject,
  listApiTokens,
  resetTotp,
  revokeApiToken,
} from '../../platform/auth/service.ts';
import { inTx, type ServiceContext } from '../../platform/context.ts';
import { Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import * as repo from './repo.ts';

/**
 * How a user logs in, administered from the web: API tokens, the second factor and the OIDC link. Before,
 * only the `ombud` command could do this — and it cannot while the server holds an embedded database
 * (db/lock.ts). Only an administrator may (not a verksamhetschef: these are the accounts' keys, whoever's
 * they are). Each change is made by the same function the CLI calls, audited with the acting admin.
 */

const ONLY_ADMIN = 'Bara en administratör kan hantera API-token, tvåstegsverifiering och OIDC-koppling.';

/** 403 unless the actor is an administrator, then 404 unless the user exists. */
async function adminOver(ctx: ServiceContext, userId: string) {
  if (!arSystemadmin(ctx.principal)) throw new Forbidden(ONLY_ADMIN);
  const user = await inTx(ctx, {}, ({ tx }) => repo.getUser(tx, userId));
  if (!user) throw new NotFound();
  const acting: Acting = { userId: ctx.principal.userId, username: ctx.principal.username, ip: ctx.ip };
  return { user, acting };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function listUserTokens(ctx: ServiceContext, userId: string): Promise<ApiTokenItem[]> {
  await adminOver(ctx, userId);
  return (await listApiTokens(ctx.db, userId)).map((t) => ({
    id: t.id,
    namn: t.namn,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    expiresAt: iso(t.expiresAt),
    revokedAt: iso(t.revokedAt),
  }));
}

/** Revokes one of the user's tokens at once; 404 for a token of someone else or one already revoked. */
export async function revokeUserToken(ctx: ServiceContext, userId: string, tokenId: string) {
  const { acting } = await adminOver(ctx, userId);
  if (!(await revokeApiToken(ctx.db, tokenId, acting, userId)))
    throw new NotFound('Användaren har ingen giltig token med det id:t.');
  return { ok: true as const };
}

/**
 * A lost authenticator: the user's TOTP goes and their sessions end; a role that requires TOTP enrols
 * again at the next login. Not for oneself — a stolen session must not be able to strip its own second
 * factor; another administrator does it.
 */
export async function resetUserTotp(ctx: ServiceContext, userId: string) {
  const { acting } = await adminOver(ctx, userId);
  if (userId === ctx.principal.userId)
    throw new Invalid([
      {
        field: 'id',
        message: 'Du kan inte återställa din egen tvåstegsverifiering. Be en annan administratör.',
      },
    ]);
  await resetTotp(ctx.db, userId, acting);
  return { ok: true as const };
}

export async function getUserOidc(ctx: ServiceContext, userId: string): Promise<OidcKoppling> {
  const { user } = await adminOver(ctx, userId);
  return { subject: user.oidcSubject };
}

/** Links the user's OIDC subject (409 if another user has it), or with null unlinks it (sessions end). */
export async function setUserOidc(ctx: ServiceContext, userId: string, subject: string | null) {
  const { acting } = await adminOver(ctx, userId);
  await linkOidcSubject(ctx.db, userId, subject, acting);
  return { ok: true as const };
}
