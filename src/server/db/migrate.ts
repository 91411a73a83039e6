import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.ts';
import { loadReferenceData } from './reference/load.ts';

const here = dirname(fileURLToPath(import.meta.url));
const migrationsFolder = join(here, 'migrations');

async function runSqlFile(database: Database, file: string) {
  const text = readFileSync(join(here, 'sql', file), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) {
    if (statement.replace(/--.*$/gm, '').trim()) await database.db.execute(sql.raw(statement));
  }
}

/** The cluster-wide roles the schema's policies name (a restore needs them before the dump's grants). */
export function prepareRoles(database: Database): Promise<void> {
  return runSqlFile(database, 'pre-migrate.sql');
}

/** Brings a database to the current schema and loads the reference data (idempotent). */
export async function migrate(database: Database): Promise<void> {
  await runSqlFile(database, 'pre-migrate.sql');
  if (database.kind === 'pg') {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  } else {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  }
  await runSqlFile(database, 'post-migrate.sql');
  await loadReferenceData(database.db);
}
