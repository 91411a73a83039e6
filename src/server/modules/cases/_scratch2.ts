import { benchImportClients } from '../../../../bench/import-clients.ts';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { startPostgres } from '../../testing/postgres-server.ts';
const s = await startPostgres();
try {
  const d = await openDatabase({ url: s.url('postgres'), poolSize: 2 });
  await migrate(d);
  await benchImportClients(d, 100_000);
  await d.close();
} finally { s.stop(); }
