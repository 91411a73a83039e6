import cluster from 'node:cluster';
import { buildApp } from './app.ts';
import { type AppConfig, loadConfig } from './config.ts';
import { DataDirBusy } from './db/lock.ts';
import { openConfiguredDatabase } from './db/open.ts';
import { seedDemo } from './db/seed/demo.ts';
import { startScheduler } from './platform/scheduler.ts';

const config = loadConfig();

async function openOrExit(migrate: boolean) {
  return openConfiguredDatabase(config, { migrate }).catch((err: unknown) => {
    if (!(err instanceof DataDirBusy)) throw err;
    console.error(err.message);
    process.exit(1);
  });
}

/** Migrates and seeds once, before any process serves (several migrating at once would race). */
async function prepare() {
  const database = await openOrExit(true);
  if (config.demo && (await seedDemo(database.db))) {
    console.log(
      'Demodata skapad: logga in som ombud, chef, ledamot, lansstyrelse, socialstyrelsen, aktor eller admin (lösenord: demo).',
    );
  }
  return database;
}

/** One server process: the app and its scheduler (the database decides which process runs a job). */
async function serve(database: Awaited<ReturnType<typeof prepare>>, cfg: AppConfig) {
  const app = await buildApp({ db: database.db, config: cfg, logger: true });
  const scheduler = startScheduler(database.db, cfg, app.log);
  await app.listen({ port: cfg.port, host: cfg.host });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      scheduler.stop();
      await app.close();
      await database.close();
      process.exit(0);
    });
  }
}

const where = (kind: 'pg' | 'pglite') => (kind === 'pg' ? 'PostgreSQL' : `PGlite i ${config.dataDir}`);

if (config.workers > 1 && !config.databaseUrl) {
  // PGlite is one process's database (its data directory is locked to the process that opened it).
  console.error(
    'OMBUD_WORKERS större än 1 kräver PostgreSQL: ange DATABASE_URL. Den inbyggda databasen (PGlite) kan bara användas av en process.',
  );
  process.exit(1);
} else if (config.workers > 1 && cluster.isPrimary) {
  // node:cluster: the workers share the port; the primary only prepares the database and keeps N running.
  const database = await prepare();
  await database.close();
  let stopping = false;
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`Serverprocess ${worker.process.pid} avslutades (${signal ?? code}); startar en ny.`);
    cluster.fork();
  });
  let online = 0;
  cluster.on('listening', () => {
    if (++online === config.workers)
      console.log(
        `Ombud körs på ${config.publicUrl} (databas: PostgreSQL, ${config.workers} serverprocesser)`,
      );
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
      cluster.on('exit', () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
    });
  }
} else if (config.workers > 1) {
  // A worker: the primary has migrated and seeded.
  await serve(await openOrExit(false), config);
} else {
  const database = await prepare();
  await serve(database, config);
  console.log(`Ombud körs på ${config.publicUrl} (databas: ${where(database.kind)})`);
}
