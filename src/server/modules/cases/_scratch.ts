import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../../db/client.ts';
for (const url of [undefined]) {
  const d = await openDatabase({ url });
  const a = ['x', null, 'z'];
  const r = await query(d.db, sql`select * from unnest(${sql.param(a)}::text[], ${sql.param([1,2,3])}::int[], ${sql.param(['barn,ung', '', null])}::text[]) as t(a,b,c)`);
  console.log(r);
  const r2 = await query(d.db, sql`select string_to_array(${''}, ',') as e, ${sql.param(['2025-01-01', null])}::date[] as d`);
  console.log(r2);
  await d.close();
}
