import type { AppConfig } from '../config.ts';
import { type Database, openDatabase } from './client.ts';
import { migrate } from './migrate.ts';

/** The app's database as configured: DATABASE_URL, or embedded PGlite in the data directory. Migrated. */
export async function openConfiguredDatabase(config: AppConfig): Promise<Database> {
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  await migrate(database);
  return database;
}
