import type { Command } from 'commander';
import { loadConfig } from '../server/config.ts';
import { openConfiguredDatabase } from '../server/db/open.ts';
import { seedDemo } from '../server/db/seed/demo.ts';

export function dbCommands(program: Command) {
  const db = program.command('db').description('Databasen');
  db.command('migrate')
    .description('Kör migreringar och läser in referensdata (län, kommuner, aktörer)')
    .action(async () => {
      const config = loadConfig();
      const database = await openConfiguredDatabase(config);
      await database.close();
      console.log('Databasen är uppdaterad och referensdata inläst.');
    });
  program
    .command('seed')
    .description('Fyll databasen med data')
    .command('demo')
    .description('Demoverksamheter och en demoanvändare per roll (lösenord demo), om databasen är tom')
    .action(async () => {
      const config = loadConfig();
      const database = await openConfiguredDatabase(config);
      const seeded = await seedDemo(database.db);
      await database.close();
      console.log(seeded ? 'Demodata skapad.' : 'Databasen har redan verksamheter; inget gjordes.');
    });
}
