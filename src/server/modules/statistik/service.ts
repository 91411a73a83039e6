import type { VerksamhetStatistik } from '../../../contracts/statistik.ts';
import { KONTAKTORSAKER } from '../../../domain/codes.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { mapInOrder } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { iVerksamhet } from '../cases/scope.ts';
import * as underlag from '../redovisning/underlag.ts';
import * as repo from './repo.ts';

/**
 * A verksamhet's own development over the years, for its charts: clients per year (new, continuing,
 * closed) counted by the redovisning's engine so the charts and the report never disagree; the queue by
 * month; contact reasons by gender. Aggregates only — no client is named — but they are computed from
 * client data, so only the verksamhet's ombud and chef may read them, and the read is logged.
 */
export async function verksamhetStatistik(
  ctx: ServiceContext,
  verksamhetId: string,
  valtAr: number | undefined,
  idag: string = idagISverige(),
): Promise<VerksamhetStatistik> {
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx, audit }) => {
    const iAr = Number(idag.slice(0, 4));
    const forsta = await repo.forstaAret(tx, verksamhetId);
    const ar = forsta === null ? [] : Array.from({ length: iAr - forsta + 1 }, (_, i) => forsta + i);
    const rakningar = await mapInOrder(ar, (y) => underlag.rakning(tx, verksamhetId, y));
    const kontaktAr = valtAr ?? ar.at(-1) ?? iAr;
    const kontakt = rakningar[ar.indexOf(kontaktAr)] ?? (await underlag.rakning(tx, verksamhetId, kontaktAr));
    const ko = await repo.koPerManad(tx, verksamhetId, idag);
    await audit({
      action: 'statistik.read',
      organisationId: verksamhetId,
      resourceType: 'verksamhet',
      resourceId: verksamhetId,
    });
    return {
      idag,
      ar: ar.map((y, i) => {
        const k = rakningar[i]!.klienter;
        return {
          ar: y,
          klienter: k.totalt.totalt,
          nya: k.nya.totalt,
          fortsatta: k.totalt.totalt - k.nya.totalt,
          avslutade: k.avslutade.totalt,
        };
      }),
      ko,
      kontaktorsaker: {
        ar: kontaktAr,
        rader: KONTAKTORSAKER.map((orsak) => ({ orsak, ...kontakt.kontaktorsaker[orsak] })),
      },
    };
  });
}
