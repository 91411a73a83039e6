import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { Client, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { query } from '../client.ts';
import { seedDemo } from './demo.ts';

let database: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createTestDb();
  expect(await seedDemo(database.db)).toBe(true);
  app = await makeApp(database.db);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the demo', () => {
  it('has the three verksamheter of the Foundation issue and one user per role, named after the role', async () => {
    // Beside them, the national demo's 113 (national-demo.ts, codes po-…): 116 in all, as in 2025.
    const v = await query<{ kod: string; utforare: string; omraden: number }>(
      database.db,
      sql`select o.kod, v.utforare, count(vo.*)::int as omraden from organisation o
          join verksamhet v on v.organisation_id = o.id join verksamhet_omrade vo on vo.verksamhet_id = o.id
          where o.kod not like 'po-%'
          group by o.kod, v.utforare order by o.kod`,
    );
    const [alla] = await query<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from organisation where typ = 'verksamhet'`,
    );
    expect(alla?.n).toBe(116);
    expect(v).toEqual([
      { kod: 'norra-uppland', utforare: 'kommunforbund', omraden: 3 },
      { kod: 'stiftelsen-po-goteborg', utforare: 'stiftelse', omraden: 1 },
      { kod: 'stockholm-innerstad', utforare: 'kommun', omraden: 3 },
    ]);
    const roles = await query<{ username: string; roll: string }>(
      database.db,
      sql`select distinct u.username, m.roll from app_user u join membership m on m.user_id = u.id
          where u.username = m.roll order by 1`,
    );
    expect(roles.map((r) => r.username)).toEqual([
      'admin',
      'aktor',
      'chef',
      'lansstyrelse',
      'ledamot',
      'ombud',
      'socialstyrelsen',
    ]);
  });

  it('every demo user logs in with the password demo', async () => {
    for (const u of ['ombud', 'chef', 'ledamot', 'lansstyrelse', 'socialstyrelsen', 'aktor', 'admin']) {
      const res = await new Client(app).post('/api/v1/auth/login', { username: u, password: 'demo' });
      expect(res.statusCode, u).toBe(200);
    }
  });

  it('runs only on an empty database', async () => {
    expect(await seedDemo(database.db)).toBe(false);
  });

  it('is off in production, where demo passwords are refused', async () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ OMBUD_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({}).demo).toBe(true);
    const prod = await makeApp(database.db, { production: true });
    try {
      const res = await new Client(prod).post('/api/v1/auth/login', { username: 'chef', password: 'demo' });
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toContain('Demolösenord');
    } finally {
      await prod.close();
    }
  });
});
