import type { AppConfig } from '../config.ts';
import { type Database, openDatabase } from './client.ts';
import { migrate } from './migrate.ts';

/**
 * The app's database as configured: DATABASE_URL, or embedded PGlite in the data directory. Migrated,
 * unless told not to (a worker process, whose primary has migrated before starting it).
 */
export async function openConfiguredDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  if (options.migrate !== false) await migrate(database);
  return database;
}
