import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { AppConfig } from '../config.ts';
import { Conflict } from '../platform/errors.ts';
import { type Database, openDatabase, query } from './client.ts';
import { lockDataDir } from './lock.ts';
import { migrate, prepareRoles } from './migrate.ts';
import { exportPortable, importPortable, isPortable } from './portable.ts';

const run = promisify(execFile);

/**
 * Backup and restore in one step for an operator (`ombud backup`, `ombud restore`).
 * - PostgreSQL: pg_dump's custom format, restored with pg_restore into an EMPTY database (the role
 *   ombud_app is created first: roles are cluster-wide and not in a dump), then migrated so grants and
 *   newer migrations apply. Any pg_dump-compatible tool can read the file.
 * - PGlite: PGlite's own dump of the data directory (a gzipped tar), taken while holding the directory's
 *   lock — so never while the server runs (db/lock.ts refuses with a clear message) — and restored into an
 *   empty data directory. It is tied to the PGlite version: restore with the same Ombud version.
 * - Portable (`--portable`, either database): every row as JSON (db/portable.ts); restores into PostgreSQL
 *   or PGlite, the way from the embedded database to a server.
 * None holds the keys (OMBUD_KEY_DIR): back those up on their own.
 */
export interface BackupResult {
  kind: 'pglite' | 'pg' | 'portable';
  file: string;
  bytes: number;
}

async function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[]) {
  try {
    await run(tool, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      throw new Error(
        `${tool} finns inte på den här datorn. Installera PostgreSQL-klienten (Debian: postgresql-client).`,
      );
    throw new Error(
      `${tool} misslyckades: ${(e.stderr ?? e.message).trim().split('\n').slice(-3).join(' ')}`,
    );
  }
}

export async function backupDatabase(
  config: AppConfig,
  file: string,
  opts: { portable?: boolean } = {},
): Promise<BackupResult> {
  if (opts.portable) {
    if (!config.databaseUrl && !existsSync(config.dataDir))
      throw new Error(`Det finns ingen databas i ${config.dataDir} att säkerhetskopiera.`);
    const database = await openDatabase(
      config.databaseUrl ? { url: config.databaseUrl, poolSize: 1 } : { dataDir: config.dataDir },
    );
    try {
      await exportPortable(database, file);
    } finally {
      await database.close();
    }
    chmodSync(file, 0o600);
    return { kind: 'portable', file, bytes: readFileSync(file).length };
  }
  if (config.databaseUrl) {
    await pgTool('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${config.databaseUrl}`]);
  } else {
    if (!existsSync(config.dataDir))
      throw new Error(`Det finns ingen databas i ${config.dataDir} att säkerhetskopiera.`);
    const database = await openDatabase({ dataDir: config.dataDir });
    try {
      const dump = await database.pglite!.dumpDataDir('gzip');
      writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    } finally {
      await database.close();
    }
  }
  chmodSync(file, 0o600);
  return { kind: config.databaseUrl ? 'pg' : 'pglite', file, bytes: readFileSync(file).length };
}

const NOT_EMPTY =
  'Måldatabasen är inte tom. Återställ till en ny, tom databas (PostgreSQL: createdb; inbäddad: en ny OMBUD_DATA_DIR) så att inget skrivs över.';

async function assertEmpty(database: Database) {
  const [row] = await query<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`,
  );
  if (row!.n > 0) throw new Conflict(NOT_EMPTY);
}

export async function restoreDatabase(config: AppConfig, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`Filen ${file} finns inte.`);
  if (isPortable(file)) {
    if (!config.databaseUrl && existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0)
      throw new Conflict(NOT_EMPTY);
    const database = await openDatabase(
      config.databaseUrl ? { url: config.databaseUrl, poolSize: 1 } : { dataDir: config.dataDir },
    );
    try {
      await assertEmpty(database);
      await importPortable(database, file);
    } finally {
      await database.close();
    }
    return;
  }
  if (config.databaseUrl) {
    const database = await openDatabase({ url: config.databaseUrl, poolSize: 1 });
    try {
      await assertEmpty(database);
      await prepareRoles(database);
      await pgTool('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${config.databaseUrl}`, file]);
      await migrate(database);
    } finally {
      await database.close();
    }
    return;
  }
  if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) throw new Conflict(NOT_EMPTY);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataDir(config.dataDir);
  try {
    const client = new PGlite({ dataDir: config.dataDir, loadDataDir: new Blob([readFileSync(file)]) });
    await client.waitReady;
    await client.close();
  } finally {
    lock.release();
  }
  // Open it the ordinary way once: migrations newer than the backup, grants, reference data.
  const database = await openDatabase({ dataDir: config.dataDir });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
}
