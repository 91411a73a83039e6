import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Queryable } from '../db/client.ts';
import { takeAuditCheckpoint } from './audit.ts';

/**
 * The scheduled part of the audit checkpoints: one file per day (UTC) in `<data dir>/audit-checkpoints/`,
 * for operators to copy off the host (docs/operations.md). It runs hourly but walks the chain only when
 * today's file is missing; with several servers writing one directory, `wx` lets exactly one of them
 * write it (the others' work is wasted, never harmful). A broken chain throws, so the scheduler logs it.
 * Returns the file written, or null when today's already exists.
 */
export async function writeDailyCheckpoint(
  db: Queryable,
  dataDir: string,
  now: Date = new Date(),
): Promise<string | null> {
  const dir = join(dataDir, 'audit-checkpoints');
  const file = join(dir, `${now.toISOString().slice(0, 10)}.json`);
  if (existsSync(file)) return null;
  const checkpoint = await takeAuditCheckpoint(db, now);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  try {
    writeFileSync(file, `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw err;
  }
  return file;
}
