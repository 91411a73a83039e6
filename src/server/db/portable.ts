import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, type Queryable, query } from './client.ts';
import { migrate } from './migrate.ts';

/**
 * The portable backup (`ombud backup --portable`): every row of every table as JSON, gzipped, one line per
 * batch. Unlike PGlite's own dump (a physical copy tied to PGlite's PostgreSQL 18) it restores into any
 * PostgreSQL the project supports and into PGlite: the way from the embedded database to a server
 * (docs/operations.md, "From PGlite to PostgreSQL"). Rows go back through `json_populate_recordset`, so each
 * value takes the column's own type on the way in; the file records the migrations the rows were written
 * under, and a restore refuses a schema that differs.
 */
export const PORTABLE_FORMAT = 'ombud-portable';
const VERSION = 1;
const BATCH = 2_000;

interface Header {
  format: typeof PORTABLE_FORMAT;
  version: number;
  /** Hashes of the applied migrations, in order (drizzle's journal). */
  migrations: string[];
  created: string;
}

const id = (name: string) => sql.identifier(name);

async function appliedMigrations(db: Queryable): Promise<string[]> {
  const rows = await query<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((r) => r.hash);
}

async function tables(db: Queryable): Promise<string[]> {
  const rows = await query<{ t: string }>(
    db,
    sql`select tablename as t from pg_tables where schemaname = 'public' order by tablename`,
  );
  return rows.map((r) => r.t);
}

async function primaryKey(db: Queryable, table: string): Promise<string[]> {
  const rows = await query<{ c: string }>(
    db,
    sql`select a.attname as c from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${`public.${table}`}::regclass and i.indisprimary order by a.attnum`,
  );
  return rows.map((r) => r.c);
}

/** Writes the portable backup of `database` to `file`; returns how many tables and rows it holds. */
export async function exportPortable(
  database: Database,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const lines: string[] = [];
  let count = 0;
  // One snapshot for every table: a backup taken while the server writes is still consistent.
  const inSnapshot = <T>(fn: (tx: Queryable) => Promise<T>) =>
    database.kind === 'pg'
      ? database.db.transaction(fn, { isolationLevel: 'repeatable read', accessMode: 'read only' })
      : database.db.transaction(fn); // PGlite has one connection: nothing writes beside it
  const names = await inSnapshot(async (tx) => {
    const header: Header = {
      format: PORTABLE_FORMAT,
      version: VERSION,
      migrations: await appliedMigrations(tx),
      created: new Date().toISOString(),
    };
    lines.push(JSON.stringify(header));
    const names = await tables(tx);
    for (const table of names) {
      const pk = await primaryKey(tx, table);
      const order: SQL = pk.length ? sql.join(pk.map(id), sql`, `) : sql`ctid`;
      for (let offset = 0; ; offset += BATCH) {
        const rows = await query<{ r: string }>(
          tx,
          sql`select row_to_json(t)::text as r from ${id(table)} t order by ${order} limit ${BATCH} offset ${offset}`,
        );
        if (!rows.length) break;
        lines.push(`{"table":${JSON.stringify(table)},"rows":[${rows.map((r) => r.r).join(',')}]}`);
        count += rows.length;
        if (rows.length < BATCH) break;
      }
    }
    return names;
  });
  writeFileSync(file, gzipSync(`${lines.join('\n')}\n`), { mode: 0o600 });
  return { tables: names.length, rows: count };
}

/** True when `file` is a portable backup (both it and PGlite's dump are gzip; the first line tells). */
export function isPortable(file: string): boolean {
  try {
    const text = gunzipSync(readFileSync(file)).subarray(0, 64).toString('utf8');
    return text.startsWith(`{"format":"${PORTABLE_FORMAT}"`);
  } catch {
    return false;
  }
}

interface ForeignKey {
  child: string;
  parent: string;
  childColumn: string;
  parentColumn: string;
}

async function foreignKeys(db: Queryable): Promise<ForeignKey[]> {
  return query<ForeignKey>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
               a.attname as "childColumn", af.attname as "parentColumn"
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
        where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );
}

/** Tables in an order where every table comes after the tables it refers to. */
export function insertOrder(names: string[], fks: ForeignKey[]): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const fk of fks) if (fk.child === t && fk.parent !== t) visit(fk.parent, path);
    path.delete(t);
    done.add(t);
    out.push(t);
  };
  for (const t of names) visit(t, new Set());
  return out;
}

type Row = Record<string, unknown>;

/** Rows of a table that refers to itself (a subject's parent subject), parents first. */
export function parentsFirst(rows: Row[], fk: Pick<ForeignKey, 'childColumn' | 'parentColumn'>): Row[] {
  const out: Row[] = [];
  const placed = new Set<unknown>();
  let rest = rows;
  while (rest.length) {
    const next = rest.filter((r) => r[fk.childColumn] == null || placed.has(r[fk.childColumn]));
    if (!next.length) throw new Error('Säkerhetskopian har en rad som pekar på sig själv i en slinga.');
    for (const r of next) {
      out.push(r);
      placed.add(r[fk.parentColumn]);
    }
    rest = rest.filter((r) => !next.includes(r));
  }
  return out;
}

/**
 * Restores a portable backup into `database`, which must be empty (the caller checks): migrates it to the
 * current schema, refuses if the backup was written under other migrations, then replaces every table's
 * rows (the reference data the migration loaded included) in one transaction, and moves the sequences past
 * the restored ids.
 */
export async function importPortable(database: Database, file: string): Promise<{ rows: number }> {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  const header = JSON.parse(lines[0] ?? '{}') as Partial<Header>;
  if (header.format !== PORTABLE_FORMAT || header.version !== VERSION)
    throw new Error('Filen är inte en flyttbar säkerhetskopia från Ombud.');
  await migrate(database);
  const db = database.db;
  const have = await appliedMigrations(db);
  if (JSON.stringify(have) !== JSON.stringify(header.migrations))
    throw new Error(
      `Säkerhetskopian är skriven med ${header.migrations?.length ?? 0} databasmigreringar, den här versionen av Ombud har ${have.length}. Återställ med samma version av Ombud som tog kopian.`,
    );
  const batches = new Map<string, Row[]>();
  for (const line of lines.slice(1)) {
    const b = JSON.parse(line) as { table: string; rows: Row[] };
    batches.set(b.table, [...(batches.get(b.table) ?? []), ...b.rows]);
  }
  let rows = 0;
  await db.transaction(async (tx) => {
    const names = await tables(tx);
    const unknown = [...batches.keys()].filter((t) => !names.includes(t));
    if (unknown.length)
      throw new Error(`Säkerhetskopian har tabeller som inte finns: ${unknown.join(', ')}.`);
    await tx.execute(sql`truncate ${sql.join(names.map(id), sql`, `)}`);
    const fks = await foreignKeys(tx);
    for (const table of insertOrder(names, fks)) {
      let data = batches.get(table) ?? [];
      const self = fks.find((fk) => fk.child === table && fk.parent === table);
      if (self) data = parentsFirst(data, self);
      for (let i = 0; i < data.length; i += BATCH) {
        const json = JSON.stringify(data.slice(i, i + BATCH));
        await tx.execute(
          sql`insert into ${id(table)} select * from json_populate_recordset(null::${id(table)}, ${json}::json)`,
        );
      }
      rows += data.length;
    }
    const serials = await query<{ t: string; c: string }>(
      tx,
      sql`select table_name as t, column_name as c from information_schema.columns
          where table_schema = 'public' and column_default like 'nextval(%'`,
    );
    for (const { t, c } of serials) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${`public.${t}`}, ${c}), coalesce(max(${id(c)}), 1), max(${id(c)}) is not null) from ${id(t)}`,
      );
    }
  });
  return { rows };
}
