import { and, eq, isNull, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify as verifyTotpCode } from 'otplib';
import type { AppConfig } from '../../config.ts';
import type { AppDb } from '../../db/client.ts';
import { withTx } from '../../db/client.ts';
import { apiToken, appUser, session } from '../../db/schema/index.ts';
import { writeAudit } from '../audit.ts';
import { Conflict, invalidField, TooManyRequests, Unauthorized } from '../errors.ts';
import { decryptField, encryptField } from '../field-crypto.ts';
import { DEMO_PASSWORD, DUMMY_HASH, verifyPassword } from './passwords.ts';
import { loadPrincipal } from './principal.ts';
import { completeMfa, createSession, destroySession } from './sessions.ts';
import { clearFailures, lockPair, recordFailure, secondsToWait, throttleKey } from './throttle.ts';
import { API_TOKEN_PREFIX, newSecret, sha256 } from './tokens.ts';

/**
 * Who makes an administrative change, for its audit entry: the CLI's operator name (`cli:<os user>`), or a
 * signed-in administrator with their user id and address (the web's user administration).
 */
export type Acting = string | { userId: string; username: string; ip?: string | undefined };

const actingFields = (a: Acting) =>
  typeof a === 'string' ? { username: a } : { userId: a.userId, username: a.username, ip: a.ip };

export interface LoginResult {
  sessionId: string;
  expiresAt: Date;
  /** 'none' = logged in; 'verify' = a TOTP code is owed; 'enroll' = the user's role requires TOTP, not set up yet. */
  mfa: 'none' | 'verify' | 'enroll';
}

type Outcome = { ok: true; result: LoginResult } | { ok: false; error: Error };

const WRONG = 'Fel användarnamn eller lösenord.';

/** Too many failed logins for this account name from this address: 429 with the seconds to wait. */
export class LoginThrottled extends TooManyRequests {
  constructor(readonly retryAfterSeconds: number) {
    super('För många misslyckade inloggningar. Vänta en stund och försök igen.');
  }
}

/**
 * Password login. An unknown account name, a wrong password and a disabled account get the same answer,
 * after the same work (a password hash is always checked), and the same throttling: after
 * `lockoutThreshold` failures for one account name from one address that pair waits 1, 2, 4 … seconds, at
 * most `lockoutMinutes` (throttle.ts). Failures are recorded although the request fails.
 */
export async function login(
  db: AppDb,
  config: AppConfig,
  input: { username: string; password: string },
  ip: string | undefined,
): Promise<LoginResult> {
  const key = throttleKey(input.username, ip);
  const policy = { threshold: config.lockoutThreshold, maxMinutes: config.lockoutMinutes };
  const outcome = await withTx(db, {}, async (tx): Promise<Outcome> => {
    await lockPair(tx, key);
    const [user] = await tx.select().from(appUser).where(eq(appUser.username, input.username));
    const audit = (action: string, detail?: Record<string, unknown>) =>
      writeAudit(tx, { action, userId: user?.id ?? null, username: input.username, ip, detail });
    const wait = await secondsToWait(tx, key);
    if (wait > 0) {
      await audit('login.failed', { reason: 'throttled' });
      return { ok: false, error: new LoginThrottled(wait) };
    }
    // No account, or one without a password (OIDC only): the dummy hash costs the same time.
    let passwordOk = false;
    if (user?.passwordHash) passwordOk = await verifyPassword(user.passwordHash, input.password);
    else await verifyPassword(DUMMY_HASH, input.password);
    if (!user || !passwordOk || user.disabledAt) {
      const t = await recordFailure(tx, key, policy);
      await audit('login.failed', {
        reason: !user ? 'unknown_user' : user.disabledAt ? 'disabled' : 'password',
        failures: t.failures,
        ...(t.waitSeconds ? { waitSeconds: t.waitSeconds } : {}),
      });
      return { ok: false, error: new Unauthorized(WRONG) };
    }
    if (config.production && input.password === DEMO_PASSWORD) {
      await audit('login.failed', { reason: 'demo_password_in_production' });
      return { ok: false, error: new Unauthorized('Demolösenord är inte tillåtna i produktion.') };
    }
    await clearFailures(tx, key);
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

export async function logout(
  db: AppDb,
  sessionId: string,
  user: { userId: string; username: string },
  ip: string | undefined,
) {
  await withTx(db, {}, async (tx) => {
    await destroySession(tx, sessionId);
    await writeAudit(tx, { action: 'logout', userId: user.userId, username: user.username, ip });
  });
}

/**
 * Starts TOTP enrolment: a new secret kept as pending. A working second factor stays in force until a code
 * from the new secret has been verified, so a stolen session cannot strip it.
 */
export async function startTotpEnrolment(db: AppDb, userId: string, username: string) {
  const secret = generateSecret();
  await withTx(db, {}, async (tx) => {
    // Stored encrypted (platform/field-crypto.ts): a copied database must not yield working second factors.
    await tx
      .update(appUser)
      .set({ totpPendingSecret: encryptField(secret) })
      .where(eq(appUser.id, userId));
    await writeAudit(tx, { action: 'totp.enrolment_started', userId, username });
  });
  return { secret, uri: generateURI({ issuer: 'Ombud', label: username, secret }) };
}

/**
 * Verifies a TOTP code; on success the session's second factor is done (and enrolment completed).
 * `lockoutThreshold` wrong codes lock the second factor for `lockoutMinutes` and end this session, so a
 * stolen password cannot be followed by guessing codes. Only someone who knows the password can get this
 * far, so this lock, unlike a lock on the password, is not one that anyone can set off.
 */
export async function verifyTotp(
  db: AppDb,
  config: AppConfig,
  input: { userId: string; username: string; sessionIdHash: string; code: string },
  ip: string | undefined,
): Promise<void> {
  const outcome = await withTx(db, {}, async (tx) => {
    const [user] = await tx.select().from(appUser).where(eq(appUser.id, input.userId)).for('update');
    if (!user) return 'invalid' as const;
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      // Not even the right code while locked: this session ends; a new login is asked for a code again.
      await tx.delete(session).where(eq(session.idHash, input.sessionIdHash));
      await writeAudit(tx, {
        action: 'login.totp_failed',
        userId: input.userId,
        username: input.username,
        ip,
        detail: { reason: 'locked' },
      });
      return 'locked' as const;
    }
    // The working secret first (a code never counts twice), then one being enrolled.
    const check = async (secret: string | null, afterTimeStep: number | null) => {
      if (!secret || !/^\d{6}$/.test(input.code)) return null;
      const r = await verifyTotpCode({
        secret: decryptField(secret),
        token: input.code,
        epochTolerance: 30,
        ...(afterTimeStep !== null ? { afterTimeStep } : {}),
      });
      return r.valid && 'timeStep' in r ? r.timeStep : null;
    };
    const current = user.totpEnabled ? await check(user.totpSecret, user.totpLastStep) : null;
    // A pending secret has never been used, so no step of it can be a replay.
    const pending = current === null ? await check(user.totpPendingSecret, null) : null;
    const step = current ?? pending;
    const valid = step !== null;
    if (valid) {
      await tx
        .update(appUser)
        .set({
          totpEnabled: true,
          failedLogins: 0,
          totpLastStep: step,
          ...(pending !== null ? { totpSecret: user.totpPendingSecret, totpPendingSecret: null } : {}),
        })
        .where(eq(appUser.id, input.userId));
      await completeMfa(tx, input.sessionIdHash);
      await writeAudit(tx, { action: 'login.totp_ok', userId: input.userId, username: input.username, ip });
      return 'ok' as const;
    }
    const failed = user.failedLogins + 1;
    const lock = failed >= config.lockoutThreshold;
    await tx
      .update(appUser)
      .set({
        failedLogins: lock ? 0 : failed,
        lockedUntil: lock ? new Date(Date.now() + config.lockoutMinutes * 60_000) : user.lockedUntil,
      })
      .where(eq(appUser.id, input.userId));
    if (lock) await tx.delete(session).where(eq(session.idHash, input.sessionIdHash));
    await writeAudit(tx, {
      action: 'login.totp_failed',
      userId: input.userId,
      username: input.username,
      ip,
      detail: { locked: lock },
    });
    return lock ? ('locked' as const) : ('invalid' as const);
  });
  if (outcome === 'locked')
    throw new TooManyRequests(
      'För många felaktiga koder. Inloggningen med kod är tillfälligt låst; logga in igen senare.',
    );
  if (outcome === 'invalid')
    throw invalidField('code', 'Koden stämmer inte. Kontrollera tiden i din app och försök igen.');
}

/** A personal API token for integrations; the secret is shown once and only its hash is kept. */
export async function createApiToken(db: AppDb, userId: string, namn: string, acting: Acting) {
  const token = newSecret(API_TOKEN_PREFIX);
  await withTx(db, {}, async (tx) => {
    const [row] = await tx
      .insert(apiToken)
      .values({ userId, namn, tokenHash: sha256(token) })
      .returning({ id: apiToken.id });
    await writeAudit(tx, {
      action: 'token.created',
      ...actingFields(acting),
      resourceType: 'api_token',
      resourceId: row?.id ?? null,
      detail: { forUser: userId, namn },
    });
  });
  return token;
}

/**
 * Revokes a token at once (the next request with it is refused). False if there is no live token by that id
 * (of `forUserId`, when given).
 */
export async function revokeApiToken(
  db: AppDb,
  tokenId: string,
  acting: Acting,
  forUserId?: string,
): Promise<boolean> {
  return withTx(db, {}, async (tx) => {
    const [row] = await tx
      .update(apiToken)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(apiToken.id, tokenId),
          isNull(apiToken.revokedAt),
          forUserId === undefined ? undefined : eq(apiToken.userId, forUserId),
        ),
      )
      .returning({ id: apiToken.id, userId: apiToken.userId });
    if (!row) return false;
    await writeAudit(tx, {
      action: 'token.revoked',
      ...actingFields(acting),
      resourceType: 'api_token',
      resourceId: row.id,
      detail: { forUser: row.userId },
    });
    return true;
  });
}

export async function listApiTokens(db: AppDb, userId: string) {
  return withTx(db, {}, (tx) =>
    tx
      .select({
        id: apiToken.id,
        namn: apiToken.namn,
        createdAt: apiToken.createdAt,
        lastUsedAt: apiToken.lastUsedAt,
        expiresAt: apiToken.expiresAt,
        revokedAt: apiToken.revokedAt,
      })
      .from(apiToken)
      .where(eq(apiToken.userId, userId))
      .orderBy(apiToken.createdAt),
  );
}

/**
 * Links (or with null unlinks) the user's subject at the OIDC provider: OIDC login finds users only by
 * this link, never creates them. Unlinking ends the user's sessions.
 */
export async function linkOidcSubject(
  db: AppDb,
  userId: string,
  subject: string | null,
  acting: Acting,
): Promise<void> {
  await withTx(db, {}, async (tx) => {
    if (subject !== null) {
      const [other] = await tx
        .select({ id: appUser.id, username: appUser.username })
        .from(appUser)
        .where(eq(appUser.oidcSubject, subject));
      if (other && other.id !== userId)
        throw new Conflict(`Identiteten är redan kopplad till användaren ${other.username}.`);
    }
    await tx.update(appUser).set({ oidcSubject: subject }).where(eq(appUser.id, userId));
    if (subject === null) await tx.delete(session).where(eq(session.userId, userId));
    await writeAudit(tx, {
      action: subject === null ? 'user.oidc_unlinked' : 'user.oidc_linked',
      ...actingFields(acting),
      resourceType: 'user',
      resourceId: userId,
    });
  });
}

/** For a lost authenticator: removes the user's TOTP and ends their sessions; a required role re-enrols. */
export async function resetTotp(db: AppDb, userId: string, acting: Acting): Promise<void> {
  await withTx(db, {}, async (tx) => {
    await tx
      .update(appUser)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabled: false, totpLastStep: null })
      .where(eq(appUser.id, userId));
    await tx.delete(session).where(eq(session.userId, userId));
    await writeAudit(tx, {
      action: 'user.totp_reset',
      ...actingFields(acting),
      resourceType: 'user',
      resourceId: userId,
    });
  });
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
