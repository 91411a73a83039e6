import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Secrets that must live OUTSIDE the database, so that someone with only database access (or a copied
 * data directory or backup) can neither rewrite the audit chain nor read encrypted client identity:
 *
 * - `audit`: the HMAC key of the audit chain (docs/operations.md, "Granskningsloggen").
 * - `data`:  the key-encryption key that wraps the data keys of encrypted identity fields, notes and TOTP
 *            secrets (envelope encryption).
 *
 * Each comes from its environment variable (32 bytes, base64 or hex) — what several server processes on
 * one PostgreSQL must share — or else from a file `<name>.key` in the key folder, generated on first use
 * with mode 600 (folder 700). `wx` makes two processes starting at once agree on one key. The key folder
 * is OMBUD_KEY_DIR, by default `keys` BESIDE the data directory, never inside it: the embedded database
 * is the data directory, and a copy or backup of it must not carry the keys that protect it.
 */
export type KeyName = 'audit' | 'data';

export const KEY_ENV: Readonly<Record<KeyName, string>> = {
  audit: 'OMBUD_AUDIT_KEY',
  data: 'OMBUD_DATA_KEY',
};

const KEY_BYTES = 32;
const cache = new Map<KeyName, Buffer>();

function parseKey(name: KeyName, raw: string): Buffer {
  const s = raw.trim();
  const key = /^[0-9a-f]{64}$/i.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(
      `${KEY_ENV[name]} måste vara en nyckel på 32 byte (64 hexadecimala tecken eller base64). Skapa en med: openssl rand -hex 32`,
    );
  }
  return key;
}

/** The key folder: OMBUD_KEY_DIR, or `keys` beside the data directory (./data → ./keys). */
export function keyDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.OMBUD_KEY_DIR) return resolve(env.OMBUD_KEY_DIR);
  return join(dirname(resolve(env.OMBUD_DATA_DIR ?? 'data')), 'keys');
}

function loadOrCreate(name: KeyName, env: NodeJS.ProcessEnv): Buffer {
  const fromEnv = env[KEY_ENV[name]];
  if (fromEnv) return parseKey(name, fromEnv);
  const dir = keyDir(env);
  const file = join(dir, `${name}.key`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  try {
    writeFileSync(file, randomBytes(KEY_BYTES).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return parseKey(name, readFileSync(file, 'utf8'));
}

/** The key, loaded once per process. */
export function getKey(name: KeyName, env: NodeJS.ProcessEnv = process.env): Buffer {
  let key = cache.get(name);
  if (!key) {
    key = loadOrCreate(name, env);
    cache.set(name, key);
  }
  return key;
}

/** Forgets the loaded keys (tests that change OMBUD_DATA_DIR or the key variables). */
export function resetKeysForTests(): void {
  cache.clear();
}
