import { labelOf } from '../contracts/messages/labels.ts';
import type { Principal } from '../domain/access.ts';
import { loadConfig } from '../server/config.ts';
import type { Database } from '../server/db/client.ts';
import { openConfiguredDatabase } from '../server/db/open.ts';
import * as orgRepo from '../server/modules/orgs/repo.ts';
import type { ServiceContext } from '../server/platform/context.ts';
import { DomainError } from '../server/platform/errors.ts';
import { safeError } from '../server/platform/logging.ts';

/**
 * The CLI acts as the operator of this installation: an admin principal (at Socialstyrelsen's
 * organisation) named after the OS user, so every CLI change is audited with a name.
 */
export async function cliContext(): Promise<{ ctx: ServiceContext; database: Database }> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const ss = await orgRepo.findOrganisationByKod(database.db, 'socialstyrelsen', 'socialstyrelsen');
  const principal: Principal = {
    userId: '00000000-0000-0000-0000-000000000000',
    username: `cli:${process.env.USER ?? 'operator'}`,
    medlemskap: [{ organisationId: ss!.id, organisationTyp: 'socialstyrelsen', lanKod: null, roll: 'admin' }],
  };
  return { ctx: { db: database.db, config, principal, ip: 'cli' }, database };
}

/** Runs a command body with an opened database, closing it afterwards; errors become exit code 1. */
export async function withCli(fn: (c: { ctx: ServiceContext; database: Database }) => Promise<void>) {
  let c: Awaited<ReturnType<typeof cliContext>>;
  try {
    c = await cliContext();
  } catch (err) {
    // e.g. the server holds the embedded database (db/lock.ts): say so, exit 1, no stack trace.
    printError(err);
    process.exitCode = 1;
    return;
  }
  try {
    await fn(c);
  } catch (err) {
    printError(err);
    process.exitCode = 1;
  } finally {
    await c.database.close();
  }
}

/** Errors as the operator needs them, without personal data (a database error's values stay out). */
export function printError(err: unknown) {
  const e = err as { message?: string; errors?: Array<{ field: string; label?: string; message: string }> };
  if (err instanceof Error && !(err instanceof DomainError)) {
    const safe = safeError(err);
    const where = [safe.sqlState, safe.constraint].filter(Boolean).join(', ');
    console.error(`Fel: ${String(safe.message)}${where ? ` (${where})` : ''}`);
    return;
  }
  console.error(`Fel: ${e.message ?? String(err)}`);
  // By label ("Rad 8, kolumn kon", "Rubrik"), never by machine path.
  for (const f of e.errors ?? []) console.error(`  ${f.label ?? labelOf(f.field)}: ${f.message}`);
}
