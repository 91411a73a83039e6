import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, pgPolicy, pgRole } from 'drizzle-orm/pg-core';

/**
 * The role every application transaction runs as (`SET LOCAL ROLE`). It is created by
 * `sql/pre-migrate.sql` (roles are cluster-wide, so drizzle must not own it) and is neither owner,
 * superuser nor BYPASSRLS — so row-level security applies to it on PGlite and on a real server alike.
 */
export const appRole = pgRole('ombud_app').existing();

/** The verksamheter the current transaction may see, set by `withTx` with set_config(…, true). */
export const allowedVerksamheter = sql`coalesce(nullif(current_setting('app.verksamhet_ids', true), ''), '00000000-0000-0000-0000-000000000000')`;

/**
 * The policy's condition. The list sits in an uncorrelated sub-select so PostgreSQL computes it once per
 * query (an InitPlan), not once per row: with the bare expression a national count scanned 7.5 s.
 */
export function verksamhetCheck(verksamhetId: AnyPgColumn | SQL) {
  return sql`${verksamhetId} = ANY (array(select unnest(string_to_array(${allowedVerksamheter}, ',')::uuid[])))`;
}

/**
 * Row-level security for a table that holds client data: a row is visible and writable only when its
 * verksamhet is in the transaction's allowed list. Without the setting nothing is visible.
 * Use as the third argument of pgTable: `(t) => [clientDataPolicy('klient', t.verksamhetId)]`.
 */
export function clientDataPolicy(table: string, verksamhetId: AnyPgColumn) {
  const check = verksamhetCheck(verksamhetId);
  return pgPolicy(`${table}_verksamhet`, {
    as: 'permissive',
    for: 'all',
    to: appRole,
    using: check,
    withCheck: check,
  });
}
