import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { DataDirBusy } from './db/lock.ts';
import { openConfiguredDatabase } from './db/open.ts';
import { seedDemo } from './db/seed/demo.ts';
import { startScheduler } from './platform/scheduler.ts';

const config = loadConfig();
const database = await openConfiguredDatabase(config).catch((err: unknown) => {
  if (!(err instanceof DataDirBusy)) throw err;
  console.error(err.message);
  process.exit(1);
});
if (config.demo && (await seedDemo(database.db))) {
  console.log(
    'Demodata skapad: logga in som ombud, chef, ledamot, lansstyrelse, socialstyrelsen, aktor eller admin (lösenord: demo).',
  );
}
const app = await buildApp({ db: database.db, config, logger: true });
const scheduler = startScheduler(database.db, config, app.log);
await app.listen({ port: config.port, host: config.host });
console.log(
  `Ombud körs på ${config.publicUrl} (databas: ${database.kind === 'pg' ? 'PostgreSQL' : `PGlite i ${config.dataDir}`})`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    scheduler.stop();
    await app.close();
    await database.close();
    process.exit(0);
  });
}
