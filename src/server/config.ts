import { resolve } from 'node:path';

/** Everything configurable comes from the environment; see README "Configuration". */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  production: boolean;
  demo: boolean;
  /** The public address; https here turns on Secure + __Host- cookies and HSTS. */
  publicUrl: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Login attempts (password and OIDC) per client address and minute before 429. */
  loginRateLimit: number;
  /** Requests to the open statistics per client address and minute before 429 (a page load makes 3). */
  openDataRateLimit: number;
  /** Roles that must use TOTP as a second factor. */
  totpRequiredRoles: string[];
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        redirectUri: string;
        /** Accepted assurance levels (acr), e.g. LoA 3 for SITHS / Freja eID+. */
        acrValues: string[];
        allowInsecure: boolean;
      }
    | undefined;
  /** Days after closing before identity data is purged (gallring). */
  gallringDagar: number;
  /** Server processes (OMBUD_WORKERS, PostgreSQL only): one by default; more share the port. */
  workers: number;
  /**
   * How long a process may reuse a session lookup (OMBUD_PRINCIPAL_CACHE_MS, 0 = off): the longest another
   * process can still accept a session ended or a user changed elsewhere (platform/auth/principal-cache.ts).
   * Off in tests, which change sessions behind the app's back and expect the next request to see it.
   */
  principalCacheMs: number;
}

/** Tillitsnivå 3 in DIGG's (formerly E-legitimationsnämnden's) assurance framework. */
export const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';

function int(v: string | undefined, fallback: number): number {
  const n = v === undefined || v === '' ? Number.NaN : Number(v);
  return Number.isFinite(n) ? n : fallback;
}

function list(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = int(env.PORT, 3000);
  const production = env.NODE_ENV === 'production';
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.OMBUD_DATA_DIR ?? 'data'),
    production,
    demo: env.OMBUD_DEMO !== '0' && !production,
    publicUrl: env.OMBUD_PUBLIC_URL ?? `http://localhost:${port}`,
    sessionIdleMinutes: int(env.OMBUD_SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: int(env.OMBUD_SESSION_ABSOLUTE_HOURS, 12),
    lockoutThreshold: int(env.OMBUD_LOCKOUT_THRESHOLD, 5),
    lockoutMinutes: int(env.OMBUD_LOCKOUT_MINUTES, 15),
    loginRateLimit: int(env.OMBUD_LOGIN_RATE_LIMIT, 30),
    openDataRateLimit: int(env.OMBUD_OPEN_DATA_RATE_LIMIT, 300),
    totpRequiredRoles: list(env.OMBUD_TOTP_REQUIRED_ROLES),
    oidc: env.OIDC_ISSUER
      ? {
          issuer: env.OIDC_ISSUER,
          clientId: env.OIDC_CLIENT_ID ?? 'ombud',
          clientSecret: env.OIDC_CLIENT_SECRET || undefined,
          redirectUri:
            env.OIDC_REDIRECT_URI ??
            `${env.OMBUD_PUBLIC_URL ?? `http://localhost:${port}`}/api/v1/auth/oidc/callback`,
          // Unset means LoA 3 (SITHS, Freja eID Plus, BankID): a lower level is refused at the callback.
          acrValues: list(env.OIDC_ACR_VALUES).length ? list(env.OIDC_ACR_VALUES) : [LOA3],
          allowInsecure: env.OIDC_ALLOW_INSECURE === '1',
        }
      : undefined,
    // A grace period: a client closed by mistake can be reopened before the identity is gone for good.
    gallringDagar: int(env.OMBUD_GALLRING_DAGAR, 30),
    workers: Math.max(1, Math.trunc(int(env.OMBUD_WORKERS, 1))),
    // Under a second: a logout in one process must be seen by the others within one.
    principalCacheMs: Math.min(
      900,
      Math.max(0, int(env.OMBUD_PRINCIPAL_CACHE_MS, env.NODE_ENV === 'test' ? 0 : 500)),
    ),
  };
}

export function isSecure(config: AppConfig): boolean {
  return config.publicUrl.startsWith('https://');
}
