import { eq, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify as verifyTotpCode } from 'otplib';
import type { AppConfig } from '../../config.ts';
import type { AppDb } from '../../db/client.ts';
import { withTx } from '../../db/client.ts';
import { apiToken, appUser } from '../../db/schema/index.ts';
import { writeAudit } from '../audit.ts';
import { invalidField, TooManyRequests, Unauthorized } from '../errors.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';
import { loadPrincipal } from './principal.ts';
import { completeMfa, createSession, destroySession } from './sessions.ts';
import { API_TOKEN_PREFIX, newSecret, sha256 } from './tokens.ts';

export interface LoginResult {
  sessionId: string;
  expiresAt: Date;
  /** 'none' = logged in; 'verify' = a TOTP code is owed; 'enroll' = the user's role requires TOTP, not set up yet. */
  mfa: 'none' | 'verify' | 'enroll';
}

type Outcome = { ok: true; result: LoginResult } | { ok: false; error: Error };

const WRONG = 'Fel användarnamn eller lösenord.';

/** Password login with lockout after repeated failures. Failures are recorded even though the request fails. */
export async function login(
  db: AppDb,
  config: AppConfig,
  input: { username: string; password: string },
  ip: string | undefined,
): Promise<LoginResult> {
  const outcome = await withTx(db, {}, async (tx): Promise<Outcome> => {
    const [user] = await tx.select().from(appUser).where(eq(appUser.username, input.username)).for('update');
    const audit = (action: string, detail?: Record<string, unknown>) =>
      writeAudit(tx, { action, userId: user?.id ?? null, username: input.username, ip, detail });
    if (!user) {
      await verifyPassword(DUMMY_HASH, input.password);
      await audit('login.failed', { reason: 'unknown_user' });
      return { ok: false, error: new Unauthorized(WRONG) };
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      await audit('login.failed', { reason: 'locked' });
      return {
        ok: false,
        error: new TooManyRequests(
          'Kontot är tillfälligt låst efter för många misslyckade försök. Försök igen senare.',
        ),
      };
    }
    const passwordOk = await verifyPassword(user.passwordHash, input.password);
    if (!passwordOk || user.disabledAt) {
      const failed = user.failedLogins + 1;
      const lock = failed >= config.lockoutThreshold;
      await tx
        .update(appUser)
        .set({
          failedLogins: lock ? 0 : failed,
          lockedUntil: lock ? new Date(Date.now() + config.lockoutMinutes * 60_000) : user.lockedUntil,
        })
        .where(eq(appUser.id, user.id));
      await audit('login.failed', { reason: user.disabledAt ? 'disabled' : 'password', locked: lock });
      return { ok: false, error: new Unauthorized(WRONG) };
    }
    if (config.production && input.password === 'demo') {
      await audit('login.failed', { reason: 'demo_password_in_production' });
      return { ok: false, error: new Unauthorized('Demolösenord är inte tillåtna i produktion.') };
    }
    await tx.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(eq(appUser.id, user.id));
    const mfa = await mfaNeeded(tx, config, user.id, user.totpEnabled);
    const created = await createSession(tx, user.id, mfa === 'none', {
      idleMinutes: config.sessionIdleMinutes,
      absoluteHours: config.sessionAbsoluteHours,
    });
    await audit('login.ok', { method: 'password', mfa });
    return { ok: true, result: { sessionId: created.id, expiresAt: created.expiresAt, mfa } };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}

async function mfaNeeded(
  tx: Parameters<typeof loadPrincipal>[0],
  config: AppConfig,
  userId: string,
  totpEnabled: boolean,
): Promise<LoginResult['mfa']> {
  if (totpEnabled) return 'verify';
  if (config.totpRequiredRoles.length === 0) return 'none';
  const principal = await loadPrincipal(tx, userId);
  const required = principal?.medlemskap.some((m) => config.totpRequiredRoles.includes(m.roll)) ?? false;
  return required ? 'enroll' : 'none';
}

export { mfaNeeded };

export async function logout(db: AppDb, sessionId: string, userId: string, ip: string | undefined) {
  await withTx(db, {}, async (tx) => {
    await destroySession(tx, sessionId);
    await writeAudit(tx, { action: 'logout', userId, ip });
  });
}

/** Starts TOTP enrolment: a new secret, not active until a code from it has been verified. */
export async function startTotpEnrolment(db: AppDb, userId: string, username: string) {
  const secret = generateSecret();
  await withTx(db, {}, async (tx) => {
    await tx.update(appUser).set({ totpSecret: secret, totpEnabled: false }).where(eq(appUser.id, userId));
    await writeAudit(tx, { action: 'totp.enrolment_started', userId, username });
  });
  return { secret, uri: generateURI({ issuer: 'Ombud', label: username, secret }) };
}

/** Verifies a TOTP code; on success the session's second factor is done (and enrolment completed). */
export async function verifyTotp(
  db: AppDb,
  input: { userId: string; username: string; sessionIdHash: string; code: string },
  ip: string | undefined,
): Promise<void> {
  const ok = await withTx(db, {}, async (tx) => {
    const [user] = await tx.select().from(appUser).where(eq(appUser.id, input.userId));
    const valid =
      !!user?.totpSecret &&
      /^\d{6}$/.test(input.code) &&
      (await verifyTotpCode({ secret: user.totpSecret, token: input.code, epochTolerance: 30 })).valid;
    if (valid) {
      if (!user.totpEnabled)
        await tx.update(appUser).set({ totpEnabled: true }).where(eq(appUser.id, input.userId));
      await completeMfa(tx, input.sessionIdHash);
    }
    await writeAudit(tx, {
      action: valid ? 'login.totp_ok' : 'login.totp_failed',
      userId: input.userId,
      username: input.username,
      ip,
    });
    return valid;
  });
  if (!ok) throw invalidField('code', 'Koden stämmer inte. Kontrollera tiden i din app och försök igen.');
}

/** A personal API token for integrations; the secret is shown once and only its hash is kept. */
export async function createApiToken(db: AppDb, userId: string, namn: string, actingUsername: string) {
  const token = newSecret(API_TOKEN_PREFIX);
  await withTx(db, {}, async (tx) => {
    const [row] = await tx
      .insert(apiToken)
      .values({ userId, namn, tokenHash: sha256(token) })
      .returning({ id: apiToken.id });
    await writeAudit(tx, {
      action: 'token.created',
      username: actingUsername,
      resourceType: 'api_token',
      resourceId: row?.id ?? null,
      detail: { forUser: userId, namn },
    });
  });
  return token;
}

/** The user behind a bearer token, if it is live; marks it used. */
export async function userForApiToken(db: AppDb, token: string): Promise<string | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  return withTx(db, {}, async (tx) => {
    const [row] = await tx
      .update(apiToken)
      .set({ lastUsedAt: sql`now()` })
      .where(
        sql`${apiToken.tokenHash} = ${sha256(token)} and ${apiToken.revokedAt} is null
            and (${apiToken.expiresAt} is null or ${apiToken.expiresAt} > now())`,
      )
      .returning({ userId: apiToken.userId });
    return row?.userId ?? null;
  });
}
