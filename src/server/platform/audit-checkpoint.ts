import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Invalid } from './errors.ts';

/**
 * Signed checkpoints of the audit chain (decision 0003). The chain alone cannot show that its newest
 * entries were removed: what is left is still a valid chain. A checkpoint records how long the chain was
 * and which entry was last, signed with the audit key, and is kept outside the database; `verify
 * --checkpoint` then fails if the log no longer reaches that entry. Pure: no database, the key is passed in.
 */
export const CHECKPOINT_FORMAT = 'ombud.audit-checkpoint/v1';

/** Where the chain stood: its number of entries and its last entry (an empty log: 0, 0, the genesis hash). */
export interface AuditHead {
  count: number;
  headId: number;
  headHash: string;
}

export interface AuditCheckpoint extends AuditHead {
  format: typeof CHECKPOINT_FORMAT;
  /** When the checkpoint was taken (ISO 8601, UTC). */
  at: string;
  /** HMAC-SHA256 with the audit key over the canonical content, hex. */
  signature: string;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const checkpointSchema = z.strictObject({
  format: z.literal(CHECKPOINT_FORMAT),
  count: z.int().nonnegative(),
  headId: z.int().nonnegative(),
  headHash: hex64,
  at: z.iso.datetime(),
  signature: hex64,
});

/**
 * The signed bytes: the fields in a fixed order, so that how the file was formatted does not matter.
 * They start with `{`, an entry hash's input with 64 hex digits, so a signature can never pass for an
 * entry hash made with the same key or the other way round.
 */
function canonical(c: Omit<AuditCheckpoint, 'signature'>): string {
  return JSON.stringify({
    format: c.format,
    count: c.count,
    headId: c.headId,
    headHash: c.headHash,
    at: c.at,
  });
}

function sign(c: Omit<AuditCheckpoint, 'signature'>, key: Buffer): string {
  return createHmac('sha256', key).update(canonical(c)).digest('hex');
}

export function signCheckpoint(head: AuditHead, key: Buffer, at: Date = new Date()): AuditCheckpoint {
  const content = {
    format: CHECKPOINT_FORMAT,
    count: head.count,
    headId: head.headId,
    headHash: head.headHash,
    at: at.toISOString(),
  } as const;
  return { ...content, signature: sign(content, key) };
}

/** Parses a checkpoint file and checks its signature; refuses anything else with a Swedish message. */
export function readCheckpoint(text: string, key: Buffer): AuditCheckpoint {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Invalid([], 'Kontrollpunkten är inte giltig JSON.');
  }
  const parsed = checkpointSchema.safeParse(json);
  if (!parsed.success) {
    throw new Invalid(
      [],
      `Kontrollpunkten har fel form (väntade formatet ${CHECKPOINT_FORMAT} med count, headId, headHash, at och signature).`,
    );
  }
  const cp = parsed.data;
  const expected = Buffer.from(sign(cp, key), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(cp.signature, 'hex'))) {
    throw new Invalid(
      [],
      'Kontrollpunktens signatur stämmer inte: filen har ändrats eller skapats med en annan nyckel för granskningsloggen.',
    );
  }
  return cp;
}

/**
 * Whether a whole chain of `count` entries still reaches the checkpoint: it must be at least as long, and
 * its entry number `cp.count` must be the checkpoint's head. `atPosition` is that entry, if the chain has
 * one. Returns why not, or null.
 */
export function checkpointFailure(
  cp: AuditHead,
  count: number,
  atPosition: { id: number; hash: string } | undefined,
): string | null {
  if (count < cp.count) {
    return `loggen har ${count} poster men hade ${cp.count} när kontrollpunkten togs, så de senaste posterna har tagits bort`;
  }
  if (cp.count === 0) return null;
  if (!atPosition || atPosition.id !== cp.headId || atPosition.hash !== cp.headHash) {
    return `post nummer ${cp.count} i loggen är inte den som kontrollpunkten anger (post ${cp.headId}), så poster har tagits bort och ersatts`;
  }
  return null;
}
