/**
 * Gallring: once every ärende of a client has ended and its grace period (config.gallringDagar after the
 * closing date) is over, the client's identity and all notes are deleted for good. The statistical record
 * (klient, arende, arende_aktor) is left untouched, so every figure counted for any year stays the same.
 * A closed client comes back as a new client: there is nothing left to recognise the person by.
 */
import { idagISverige } from '../../../domain/datum.ts';
import type { AppConfig } from '../../config.ts';
import type { AppDb } from '../../db/client.ts';
import { inTx, type ServiceContext, systemPrincipal } from '../../platform/context.ts';
import { NotFound } from '../../platform/errors.ts';
import * as orgRepo from '../orgs/repo.ts';
import * as repo from './repo.ts';
import { iVerksamhet, somSystem } from './scope.ts';

/** Clients of the verksamhet due for gallring today. */
export async function listAttGallra(
  ctx: ServiceContext,
  verksamhetId: string,
  idag: string = idagISverige(),
) {
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx, audit }) => {
    const rows = await repo.attGallra(tx, verksamhetId, idag);
    await audit({
      action: 'gallring.list',
      organisationId: verksamhetId,
      resourceType: 'klient',
      detail: { klientIds: rows.map((r) => r.klient_id) },
    });
    return {
      items: rows.map((r) => ({
        klientId: r.klient_id,
        alias: r.alias ?? '',
        gallrasEfter: r.gallras_efter,
      })),
    };
  });
}

/** An ombud or chef runs gallring for the own verksamhet now (instead of waiting for the job). */
export async function gallraVerksamhet(
  ctx: ServiceContext,
  verksamhetId: string,
  idag: string = idagISverige(),
) {
  const result = await iVerksamhet(ctx, verksamhetId, 'klient:write', async ({ tx, audit }) => {
    const ids = (await repo.attGallra(tx, verksamhetId, idag)).map((r) => r.klient_id);
    const gallrade = await repo.gallra(tx, verksamhetId, ids);
    if (gallrade) {
      await audit({
        action: 'klient.gallrad',
        organisationId: verksamhetId,
        resourceType: 'klient',
        detail: { antal: gallrade, klientIds: ids },
      });
    }
    return { gallrade };
  });
  if (result.gallrade) await repo.vacuumIdentitet(ctx.db);
  return result;
}

/**
 * The system operation behind the scheduled job and `ombud purge`: every verksamhet (or one), each in its
 * own transaction with its own RLS context, audited with ids only.
 */
export async function gallraSomSystem(
  ctx: ServiceContext,
  opts: { verksamhetId?: string; idag?: string } = {},
): Promise<{ gallrade: number; verksamheter: number }> {
  const idag = opts.idag ?? idagISverige();
  const ids = await inTx(ctx, {}, async ({ tx }) =>
    (await orgRepo.listVerksamheter(tx, opts.verksamhetId ? { ids: [opts.verksamhetId] } : {})).map(
      (v) => v.id,
    ),
  );
  if (opts.verksamhetId && ids.length === 0) throw new NotFound('Verksamheten finns inte.');
  let gallrade = 0;
  for (const verksamhetId of ids) {
    gallrade += await somSystem(ctx, verksamhetId, async ({ tx, audit }) => {
      const klientIds = (await repo.attGallra(tx, verksamhetId, idag)).map((r) => r.klient_id);
      const n = await repo.gallra(tx, verksamhetId, klientIds);
      if (n) {
        await audit({
          action: 'klient.gallrad',
          organisationId: verksamhetId,
          resourceType: 'klient',
          detail: { antal: n, klientIds },
        });
      }
      return n;
    });
  }
  if (gallrade) await repo.vacuumIdentitet(ctx.db);
  return { gallrade, verksamheter: ids.length };
}

/** The scheduled job (platform/scheduler.ts). */
export function gallringJob(db: AppDb, config: AppConfig) {
  return gallraSomSystem({ db, config, principal: systemPrincipal('system:gallring') });
}
