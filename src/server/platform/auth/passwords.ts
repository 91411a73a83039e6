import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 });
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Compared against when the user does not exist, so timing does not reveal which usernames are real. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$NNgtJAUpiEhwfYYGoRkgzA$IEEGqwmrt5LvjhgUhH4a72zNij0fLHcAu0fnaxTbefE';

export const DEMO_PASSWORD = 'demo';
