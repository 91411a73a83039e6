import { chmodSync, mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgDialect, PgQueryResultHKT, PgSession, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './lock.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type AppDb = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repo can run queries on: the database or a transaction. */
export type Queryable = AppDb | Tx;

/** Runs raw SQL and returns its rows, typed by the caller (both drivers answer with `{ rows }`). */
export async function query<T>(db: Queryable, q: SQL): Promise<T[]> {
  const result = (await db.execute(q)) as unknown as { rows: T[] };
  return result.rows;
}

/** Drizzle's own parts behind `execute` (public at run time, hidden from its types). */
interface DrizzleInternals {
  session: PgSession;
  dialect: PgDialect;
}

/**
 * `query`, as a named prepared statement on PostgreSQL: each connection parses and plans it once and then
 * only binds and runs it. For the few fixed statements every request runs (the session lookup, the
 * transaction's context), where parsing and planning cost more than running. `name` must belong to this
 * one text. PGlite has no named statements and runs it as `query` does.
 */
export async function queryPrepared<T>(db: Queryable, name: string, q: SQL): Promise<T[]> {
  const { session, dialect } = db as unknown as DrizzleInternals;
  const result = await session.prepareQuery(dialect.sqlToQuery(q), undefined, name, false).execute();
  return (result as { rows: T[] }).rows;
}

export interface Database {
  db: AppDb;
  kind: 'pglite' | 'pg';
  /** The embedded database itself (backups dump its data directory). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL connection string; when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; omitted = in memory. */
  dataDir?: string | undefined;
  /** An already opened PGlite (tests load a migrated snapshot into one). */
  pglite?: PGlite;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  if (opts.url) {
    // Timestamps are always UTC on the wire (set at connection start); the UI shows Europe/Stockholm.
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      options: '-c TimeZone=UTC',
    });
    // An idle connection the server drops (a restart, a failover, an admin's terminate) is reported on the
    // pool; without a listener Node treats it as an uncaught error and the whole process stops. The pool
    // has already discarded that connection and opens a new one on the next query, so noting it is enough.
    // pool.end() resolves before its connections have finished closing, so one may still be cut after it
    // (a test dropping its database at once): that is expected and not worth a word.
    let closing = false;
    pool.on('error', (err) => {
      if (closing) return;
      console.warn(
        `PostgreSQL: an idle connection was closed (${err.message}); a new one is opened when needed`,
      );
    });
    const db = drizzlePg(pool, { schema }) as unknown as AppDb;
    const close = () => {
      closing = true;
      return pool.end();
    };
    return { db, kind: 'pg', close };
  }
  let lock: DataDirLock | undefined;
  if (opts.dataDir) {
    // The data directory holds client data (and the keys beside it): for this OS user only.
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(opts.dataDir, 0o700);
    lock = lockDataDir(opts.dataDir);
  }
  try {
    // WAL kept small: single-user PostgreSQL has no checkpointer, and the default max_wal_size (1 GB) let
    // the directory keep every segment an import ever wrote (db/housekeeping.ts checkpoints).
    const client =
      opts.pglite ??
      new PGlite(opts.dataDir, {
        startParams: [...PGlite.defaultStartParams, '-c', 'min_wal_size=32MB', '-c', 'max_wal_size=64MB'],
      });
    await client.waitReady;
    await client.exec("SET TIME ZONE 'UTC'");
    const db = drizzlePglite(client, { schema }) as unknown as AppDb;
    return {
      db,
      kind: 'pglite',
      pglite: client,
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

export interface TxContext {
  /** Verksamheter whose client rows this transaction may touch (row-level security). */
  verksamhetIds?: readonly string[];
  userId?: string | undefined;
}

/**
 * Every application query runs here: one transaction, as the non-privileged role ombud_app, with the
 * RLS context set transaction-locally so that nothing carries over to the next use of a pooled connection.
 * The context and the role are one statement (`set_config('role', …, true)` is `set local role`), prepared
 * once per connection: every request pays for it, so it costs one round trip and no planning.
 */
export function withTx<T>(db: AppDb, ctx: TxContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await queryPrepared(
      tx,
      'ombud_tx_context',
      sql`select set_config('app.verksamhet_ids', ${(ctx.verksamhetIds ?? []).join(',')}, true),
                 set_config('app.user_id', ${ctx.userId ?? ''}, true),
                 set_config('role', 'ombud_app', true)`,
    );
    const hooks: Array<() => Promise<void>> = [];
    beforeCommit.set(tx, hooks);
    const out = await fn(tx);
    for (let i = 0; i < hooks.length; i++) await hooks[i]!();
    return out;
  });
}

const beforeCommit = new WeakMap<object, Array<() => Promise<void>>>();

/**
 * Runs `step` on a withTx transaction after the request's own work, just before the commit, and answers
 * true; false for a transaction withTx did not open (the caller then does the step at once). For work
 * that takes a lock every writer waits for (the audit chain): taken last, it is held only to the commit.
 */
export function runBeforeCommit(tx: Tx, step: () => Promise<void>): boolean {
  const hooks = beforeCommit.get(tx);
  if (!hooks) return false;
  hooks.push(step);
  return true;
}

/**
 * Several queries on one transaction, one after the other. A transaction is one connection, which runs one
 * query at a time anyway; issuing them together (Promise.all) only queued them inside node-postgres, which
 * warns about it and whose next major version refuses it.
 */
export async function inOrder<T extends readonly unknown[]>(
  ...steps: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  const out: unknown[] = [];
  for (const step of steps) out.push(await step());
  return out as unknown as T;
}

/** `items.map(fn)` for queries on one transaction: one after the other (see inOrder). */
export async function mapInOrder<I, O>(items: readonly I[], fn: (item: I) => Promise<O>): Promise<O[]> {
  const out: O[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}
