import { eq, lt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { AppConfig } from '../../config.ts';
import type { AppDb } from '../../db/client.ts';
import { withTx } from '../../db/client.ts';
import { appUser, oidcFlow } from '../../db/schema/index.ts';
import { type AuditEntry, writeAudit } from '../audit.ts';
import { DomainError, Forbidden, NotFound, Unauthorized } from '../errors.ts';
import type { LoginResult } from './service.ts';
import { createSession } from './sessions.ts';
import { sha256 } from './tokens.ts';

/**
 * OpenID Connect login (authorisation code + PKCE) against the organisation's identity provider, e.g. an
 * IdP for SITHS or Freja eID Plus. The IdP has done multi-factor authentication at the required assurance
 * level (checked on the ID token's `acr`), so no TOTP is asked for afterwards. Users are not created here:
 * a subject must already be linked to an Ombud user (`ombud user oidc`).
 */

/** What the audit log keeps of an IdP subject: enough to match a known subject, not to read one. */
export function subjectFingerprint(sub: string): string {
  return sha256(`oidc-subject:${sub}`).slice(0, 16);
}

/** An OIDC login in flight may take this long at the IdP. */
const FLOW_MINUTES = 10;

export type OidcSettings = NonNullable<AppConfig['oidc']>;

export class OidcUnavailable extends DomainError {
  constructor() {
    super(
      503,
      'Tjänsten är inte tillgänglig',
      'Inloggningstjänsten för e-legitimation svarar inte just nu. Försök igen om en stund.',
    );
  }
}

/** The relying party for one app instance; the IdP's metadata is discovered once and then kept. */
export class OidcClient {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const s = this.settings;
      this.discovered = client
        .discovery(
          new URL(s.issuer),
          s.clientId,
          { redirect_uris: [s.redirectUri], response_types: ['code'] },
          s.clientSecret ? client.ClientSecretBasic(s.clientSecret) : client.None(),
          s.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
        )
        .catch((err: unknown) => {
          this.discovered = undefined; // try again on the next login
          throw err;
        });
    }
    return this.discovered;
  }
}

function settingsOf(config: AppConfig): OidcSettings {
  if (!config.oidc) throw new NotFound('Inloggning med e-legitimation är inte aktiverad.');
  return config.oidc;
}

/** Starts a login: state, nonce and PKCE verifier are kept server-side; returns where to send the browser. */
export async function startOidcLogin(
  db: AppDb,
  config: AppConfig,
  rp: OidcClient,
): Promise<{ url: URL; state: string }> {
  const s = settingsOf(config);
  let configuration: client.Configuration;
  try {
    configuration = await rp.configuration();
  } catch {
    throw new OidcUnavailable();
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await withTx(db, {}, async (tx) => {
    await tx.delete(oidcFlow).where(lt(oidcFlow.createdAt, new Date(Date.now() - FLOW_MINUTES * 60_000)));
    await tx.insert(oidcFlow).values({ state, nonce, codeVerifier });
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: s.redirectUri,
    response_type: 'code',
    scope: 'openid',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    acr_values: s.acrValues.join(' '),
  });
  return { url, state };
}

type Refusal = { reason: string; error: DomainError; detail?: Record<string, unknown> };

async function refuse(db: AppDb, ip: string | undefined, r: Refusal, who: Partial<AuditEntry> = {}) {
  await withTx(db, {}, (tx) =>
    writeAudit(tx, {
      action: 'login.failed',
      ip,
      ...who,
      detail: { method: 'oidc', reason: r.reason, ...r.detail },
    }),
  );
  return r.error;
}

const RETRY = 'Försök logga in igen.';

/**
 * Completes a login at the redirect URI. `boundState` is the state from the browser's flow cookie: the
 * callback must come back to the browser that started it (no login CSRF), exactly once, within
 * FLOW_MINUTES. Every refusal is audited as login.failed.
 */
export async function completeOidcLogin(
  db: AppDb,
  config: AppConfig,
  rp: OidcClient,
  currentUrl: URL,
  boundState: string | undefined,
  ip: string | undefined,
): Promise<LoginResult & { userId: string }> {
  const s = settingsOf(config);
  const state = currentUrl.searchParams.get('state');
  // Single use: the flow is removed whatever happens next.
  const [flow] = state
    ? await withTx(db, {}, (tx) => tx.delete(oidcFlow).where(eq(oidcFlow.state, state)).returning())
    : [];
  if (
    !state ||
    !flow ||
    boundState !== state ||
    flow.createdAt.getTime() < Date.now() - FLOW_MINUTES * 60_000
  ) {
    throw await refuse(db, ip, {
      reason: 'state',
      error: new Unauthorized(
        `Inloggningen kunde inte slutföras: den har gått ut, redan använts eller startades i en annan webbläsare. ${RETRY}`,
      ),
    });
  }
  const idpError = currentUrl.searchParams.get('error');
  if (idpError) {
    throw await refuse(db, ip, {
      reason: 'idp_error',
      error: new Unauthorized(`Inloggningen avbröts hos e-legitimationen. ${RETRY}`),
      detail: { error: idpError.slice(0, 100) },
    });
  }

  let configuration: client.Configuration;
  try {
    configuration = await rp.configuration();
  } catch {
    throw new OidcUnavailable();
  }
  let claims: client.IDToken | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (err) {
    const e = err as { code?: unknown; error?: unknown; message?: unknown };
    throw await refuse(db, ip, {
      reason: 'token',
      error: new Unauthorized(`Inloggningen kunde inte verifieras. ${RETRY}`),
      detail: { error: String(e.error ?? e.code ?? e.message ?? 'unknown').slice(0, 200) },
    });
  }
  if (!claims?.sub) {
    throw await refuse(db, ip, {
      reason: 'token',
      error: new Unauthorized(`Inloggningen kunde inte verifieras. ${RETRY}`),
    });
  }
  const sub = claims.sub;
  // The subject may be derived from a personal identity number and the log is append-only: record only a
  // fingerprint that can be matched against a known subject (`subjectFingerprint`), never the value.
  const subHash = subjectFingerprint(sub);
  const acr = typeof claims.acr === 'string' ? claims.acr : null;
  // An empty list accepts nothing: a missing setting must not silently lower the assurance level.
  if (!acr || !s.acrValues.includes(acr)) {
    throw await refuse(db, ip, {
      reason: 'acr',
      error: new Forbidden(
        'Inloggningen gjordes med för låg tillitsnivå. Logga in med en e-legitimation på tillitsnivå 3, t.ex. SITHS-kort eller Freja eID Plus.',
      ),
      detail: { subHash, acr },
    });
  }

  type Outcome =
    | { refusal: Refusal; user?: { id: string; username: string } }
    | { refusal?: undefined; result: LoginResult & { userId: string } };
  const outcome = await withTx(db, {}, async (tx): Promise<Outcome> => {
    const [user] = await tx.select().from(appUser).where(eq(appUser.oidcSubject, sub)).for('update');
    if (!user) {
      return {
        refusal: {
          reason: 'unknown_subject',
          error: new Forbidden(
            `Din e-legitimation är inte kopplad till någon användare i Ombud. Be din verksamhetschef eller administratör att koppla den till ditt konto och ge dem ditt id: ${sub}`,
          ),
          detail: { subHash, acr },
        },
      };
    }
    if (user.disabledAt) {
      return {
        refusal: {
          reason: 'disabled',
          error: new Forbidden('Ditt konto i Ombud är avstängt.'),
          detail: { subHash, acr },
        },
        user,
      };
    }
    // The IdP did the multi-factor authentication: the session needs no TOTP.
    const created = await createSession(tx, user.id, true, {
      idleMinutes: config.sessionIdleMinutes,
      absoluteHours: config.sessionAbsoluteHours,
    });
    await writeAudit(tx, {
      action: 'login.ok',
      userId: user.id,
      username: user.username,
      ip,
      detail: { method: 'oidc', acr, mfa: 'none' },
    });
    return { result: { sessionId: created.id, expiresAt: created.expiresAt, mfa: 'none', userId: user.id } };
  });
  if (outcome.refusal) {
    throw await refuse(
      db,
      ip,
      outcome.refusal,
      outcome.user ? { userId: outcome.user.id, username: outcome.user.username } : {},
    );
  }
  return outcome.result;
}
