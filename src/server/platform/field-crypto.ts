import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { getKey } from './keys.ts';

/**
 * Encryption at rest for what points at a person — client identity fields, notes, TOTP secrets — so that
 * a copied data directory, a dump, a backup or old WAL reveals nothing without the key, which lives
 * outside the database (platform/keys.ts, `data`).
 *
 * Envelope encryption without a key table: each process makes one random data key (DEK), wraps it with
 * the key-encryption key (KEK) using AES-256-GCM, and every value it writes carries that wrapped DEK in
 * front of its own AES-256-GCM ciphertext. Any process holding the KEK can read any value (unwrapped DEKs
 * are cached), several processes need no coordination, and a new KEK means re-wrapping, not re-encrypting
 * with a shared secret stored in the database.
 *
 * Stored form (text column): `enc1:` + base64( wrappedDek[60] | iv[12] | tag[16] | ciphertext ).
 * A value without the prefix is legacy plaintext from before encryption and is returned as it is.
 */
const PREFIX = 'enc1:';
const IV = 12;
const TAG = 16;
const WRAPPED = IV + 32 + TAG;

function seal(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(IV);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), ct]);
}

function open(key: Buffer, sealed: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV));
  d.setAuthTag(sealed.subarray(IV, IV + TAG));
  return Buffer.concat([d.update(sealed.subarray(IV + TAG)), d.final()]);
}

interface Dek {
  key: Buffer;
  wrapped: Buffer;
}
let current: { kek: Buffer; dek: Dek } | undefined;
const unwrapped = new Map<string, Buffer>();

function dataKey(kek: Buffer): Dek {
  if (current?.kek !== kek) {
    const key = randomBytes(32);
    current = { kek, dek: { key, wrapped: seal(kek, key) } };
  }
  return current.dek;
}

export function encryptField(value: string, kek: Buffer = getKey('data')): string {
  const dek = dataKey(kek);
  return PREFIX + Buffer.concat([dek.wrapped, seal(dek.key, Buffer.from(value, 'utf8'))]).toString('base64');
}

export function encryptOptional(value: string | null | undefined, kek?: Buffer): string | null {
  return value === null || value === undefined ? null : encryptField(value, kek);
}

export function isEncrypted(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** The plaintext; throws if the value was altered or the key is not the one it was written with. */
export function decryptField(stored: string, kek: Buffer = getKey('data')): string {
  if (!isEncrypted(stored)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
  const wrapped = raw.subarray(0, WRAPPED);
  const cacheKey = `${kek.toString('hex').slice(0, 16)}:${wrapped.toString('base64')}`;
  let key = unwrapped.get(cacheKey);
  if (!key) {
    key = open(kek, wrapped);
    unwrapped.set(cacheKey, key);
  }
  return open(key, raw.subarray(WRAPPED)).toString('utf8');
}

export function decryptOptional(stored: string | null | undefined, kek?: Buffer): string | null {
  return stored === null || stored === undefined ? null : decryptField(stored, kek);
}
