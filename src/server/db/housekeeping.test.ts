import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from './client.ts';
import { pgliteHousekeeping } from './housekeeping.ts';
import { migrate } from './migrate.ts';

/** Megabytes on disk under `dir` (as an operator sees it with du). */
const du = (dir: string) => Number(execFileSync('du', ['-sm', dir]).toString().split('\t')[0]);

const tmp = mkdtempSync(join(tmpdir(), 'ombud-housekeeping-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(inject('testDb').kind === 'pg')('embedded database upkeep', () => {
  it('gives back the space three aborted 200 000-row imports took (tables and WAL)', {
    timeout: 240_000,
  }, async () => {
    const dir = join(tmp, 'data');
    const database = await openDatabase({ dataDir: dir });
    try {
      await migrate(database);
      await database.db.execute(sql`checkpoint`);
      const start = du(dir);
      for (let i = 0; i < 3; i++) {
        await database.db
          .transaction(async (tx) => {
            await tx.execute(
              sql`insert into audit_log (at, action, username, detail, prev_hash, hash)
                  select now(), 'import.aborted', 'test', '{}'::jsonb, repeat('0', 64), md5(g::text) || md5(g::text)
                  from generate_series(1, 200000) g`,
            );
            throw new Error('aborted');
          })
          .catch(() => undefined);
      }
      const bloated = du(dir);
      expect(bloated - start).toBeGreaterThan(100);
      await pgliteHousekeeping(database.db);
      const after = du(dir);
      console.log(`housekeeping: ${start} MB → ${bloated} MB after three aborted imports → ${after} MB`);
      // What stays is WAL up to max_wal_size (64 MB), reused by the next writes instead of growing.
      expect(after - start).toBeLessThan(80);
    } finally {
      await database.close();
    }
  });
});
