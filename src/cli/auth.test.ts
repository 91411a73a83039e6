// `ombud user create --password …` obeys the same password rule as the API and the web form: on PostgreSQL
// the real command as an operator runs it (Swedish message, exit code 1, nobody created).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { query } from '../server/db/client.ts';
import { createTestDb, type TestDatabase } from '../server/testing/db.ts';
import { makeVerksamhet } from '../server/testing/factories.ts';
import { runCli } from '../server/testing/server-process.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await database.close();
});

const cli = (url: string, args: string[]) =>
  runCli(args, { DATABASE_URL: url, NODE_ENV: 'test', OMBUD_DEMO: '0' });

describe('ombud user create', () => {
  it.skipIf(inject('testDb').kind !== 'pg')(
    'refuses a short, a common or the username as password with the Swedish message and exit code 1',
    { timeout: 120_000 }, // four runs of the real command, each starting tsx
    async () => {
      const v = await makeVerksamhet(database.db);
      const create = (username: string, password: string) =>
        cli(database.url!, [
          'user',
          'create',
          '--username',
          username,
          '--namn',
          'Anna Andersson',
          '--password',
          password,
          '--roll',
          `chef@verksamhet:${v.kod}`,
        ]);
      const refused: Array<[string, string, string]> = [
        ['anna.kort', 'kort-ord', 'Lösenordet ska ha minst 12 tecken.'],
        ['anna.vanlig', 'Qwerty123456', 'Lösenordet är för vanligt. Välj ett längre eller ovanligare.'],
        ['anna.samma12', 'Anna.Samma12', 'Lösenordet får inte vara samma som användarnamnet.'],
      ];
      for (const [username, password, message] of refused) {
        const r = await create(username, password);
        expect(r.code, r.err).toBe(1);
        expect(r.err).toContain(`--password: ${message}`);
      }
      const ok = await create('anna.ok', 'en lång mening som lösenord');
      expect(ok.code, ok.err).toBe(0);
      expect(ok.out).toContain('Användaren anna.ok är skapad.');
      const users = await query<{ username: string }>(
        database.db,
        sql`select username from app_user where username like 'anna.%' order by username`,
      );
      expect(users.map((u) => u.username)).toEqual(['anna.ok']);
    },
  );
});
