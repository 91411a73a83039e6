import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDb, type Database, openDatabase, query, withTx } from '../db/client.ts';
import { verksamhetCheck } from '../db/schema/rls.ts';
import { createTestDb, dbError, type TestDatabase } from '../testing/db.ts';

/**
 * Row-level security as the application meets it: a client-data table with the same policy as
 * `clientDataPolicy` (schema/rls.ts), read and written through `withTx` (SET LOCAL ROLE ombud_app).
 */
let database: TestDatabase;
let db: AppDb;
const A = randomUUID();
const B = randomUUID();

const check = verksamhetCheck(sql.raw('verksamhet_id'));

beforeAll(async () => {
  database = await createTestDb();
  db = database.db;
  // As the superuser that owns the schema, like a migration would.
  await db.execute(sql`create table rls_probe (
    id uuid primary key default gen_random_uuid(),
    verksamhet_id uuid not null,
    anteckning text not null
  )`);
  await db.execute(sql`alter table rls_probe enable row level security`);
  await db.execute(
    sql`create policy rls_probe_verksamhet on rls_probe as permissive for all to ombud_app using (${check}) with check (${check})`,
  );
  await db.execute(sql`grant select, insert, update, delete on rls_probe to ombud_app`);
  await db.execute(sql`insert into rls_probe (verksamhet_id, anteckning)
    values (${A}, 'a1'), (${A}, 'a2'), (${B}, 'b1')`);
});
afterAll(async () => {
  await database.close();
});

const notes = (d: AppDb, verksamhetIds?: string[]) =>
  withTx(d, verksamhetIds ? { verksamhetIds } : {}, async (tx) =>
    (await query<{ anteckning: string }>(tx, sql`select anteckning from rls_probe order by anteckning`)).map(
      (r) => r.anteckning,
    ),
  );

describe('row-level security through withTx', () => {
  it('the probe carries the same policy as the real client tables', async () => {
    const policies = await query<{ policyname: string; qual: string; with_check: string }>(
      db,
      sql`select policyname, qual, with_check from pg_policies where policyname like '%_verksamhet'`,
    );
    const probe = policies.find((p) => p.policyname === 'rls_probe_verksamhet')!;
    expect(probe.qual).toBe(probe.with_check);
    for (const p of policies) {
      expect(p.qual, p.policyname).toBe(probe.qual);
      expect(p.with_check, p.policyname).toBe(probe.qual);
    }
  });

  it('runs as ombud_app, which is no superuser and cannot bypass RLS', async () => {
    const [r] = await withTx(db, {}, (tx) =>
      query<{ u: string; su: boolean; bypass: boolean }>(
        tx,
        sql`select current_user as u, r.rolsuper as su, r.rolbypassrls as bypass
            from pg_roles r where r.rolname = current_user`,
      ),
    );
    expect(r).toEqual({ u: 'ombud_app', su: false, bypass: false });
  });

  it('no verksamhet in the context: no rows', async () => {
    expect(await notes(db)).toEqual([]);
    expect(await notes(db, [])).toEqual([]);
  });

  it('A in the context: only A’s rows; A and B: both', async () => {
    expect(await notes(db, [A])).toEqual(['a1', 'a2']);
    expect(await notes(db, [B])).toEqual(['b1']);
    expect(await notes(db, [A, B])).toEqual(['a1', 'a2', 'b1']);
    expect(await notes(db, [randomUUID()])).toEqual([]);
  });

  it('with A’s context a row for B cannot be written, moved to B, changed or deleted', async () => {
    const insert = await dbError(
      withTx(db, { verksamhetIds: [A] }, (tx) =>
        tx.execute(sql`insert into rls_probe (verksamhet_id, anteckning) values (${B}, 'smuggled')`),
      ),
    );
    expect(insert.code).toBe('42501');
    expect(insert.message).toMatch(/row-level security/);
    const move = await dbError(
      withTx(db, { verksamhetIds: [A] }, (tx) =>
        tx.execute(sql`update rls_probe set verksamhet_id = ${B} where anteckning = 'a1'`),
      ),
    );
    expect(move.message).toMatch(/row-level security/);
    const changed = await withTx(db, { verksamhetIds: [A] }, (tx) =>
      query<{ id: string }>(
        tx,
        sql`update rls_probe set anteckning = 'x' where verksamhet_id = ${B} returning id`,
      ),
    );
    expect(changed).toEqual([]);
    const deleted = await withTx(db, { verksamhetIds: [A] }, (tx) =>
      query<{ id: string }>(tx, sql`delete from rls_probe returning verksamhet_id as id`),
    );
    expect(deleted.map((d) => d.id)).toEqual([A, A]);
    // put A's rows back (the delete above was inside A's own rights)
    await withTx(db, { verksamhetIds: [A] }, (tx) =>
      tx.execute(sql`insert into rls_probe (verksamhet_id, anteckning) values (${A}, 'a1'), (${A}, 'a2')`),
    );
    expect(await notes(db, [A, B])).toEqual(['a1', 'a2', 'b1']);
  });

  it('a connection carries nothing into the next transaction (one pooled connection, reused)', async () => {
    // On PostgreSQL: a pool of exactly one connection, so every step below runs on the same one.
    let single: Database | undefined;
    if (database.kind === 'pg') single = await openDatabase({ url: database.url!, poolSize: 1 });
    const d = single?.db ?? db;
    try {
      const outside = async () => {
        const [r] = await query<{ v: string | null; u: string; pid: number }>(
          d,
          sql`select current_setting('app.verksamhet_ids', true) as v, current_user as u, pg_backend_pid() as pid`,
        );
        return r!;
      };
      const first = await outside();
      expect(first.u).not.toBe('ombud_app');
      const contexts = [[A], [B], [], [A, B], [B], []];
      const expected = [['a1', 'a2'], ['b1'], [], ['a1', 'a2', 'b1'], ['b1'], []];
      for (const [i, ctx] of contexts.entries()) {
        expect(await notes(d, ctx)).toEqual(expected[i]);
        const after = await outside();
        expect(after.pid).toBe(first.pid);
        expect(after.v ?? '').toBe('');
        expect(after.u).toBe(first.u);
      }
      // nor does a transaction that failed half-way
      await expect(
        withTx(d, { verksamhetIds: [A] }, async (tx) => {
          await tx.execute(sql`select 1`);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const afterFailure = await outside();
      expect(afterFailure.v ?? '').toBe('');
      expect(afterFailure.u).toBe(first.u);
      expect(await notes(d)).toEqual([]);
    } finally {
      await single?.close();
    }
  });
});
