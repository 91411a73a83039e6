import { CASELOAD_REKOMMENDERAD, type Caseload, type KoStatistik } from '../../../contracts/cases.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { median } from '../../../domain/redovisning/raknare.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { NotFound } from '../../platform/errors.ts';
import * as userRepo from '../users/repo.ts';
import { anvandarnamn, arendeItem } from './present.ts';
import * as repo from './repo.ts';
import { iVerksamhet } from './scope.ts';
import { ombudIVerksamhet, plusDagar } from './service.ts';

/** Requests waiting (förfrågan and kö), more priority grounds first, then the longest wait. */
export async function listKo(
  ctx: ServiceContext,
  verksamhetId: string,
  p: { limit: number; offset: number },
) {
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx, audit }) => {
    const idag = idagISverige();
    // The queue is the ärende list's `ko` order over the requests not yet started.
    const { total, rows } = await repo.listArenden(tx, verksamhetId, {
      status: ['forfragan', 'ko'],
      sort: 'ko',
      idag,
      ...p,
    });
    await audit({
      action: 'ko.read',
      organisationId: verksamhetId,
      resourceType: 'arende',
      // The page and how many wait, not each id (as the other lists; opening an ärende logs that ärende).
      detail: { offset: p.offset, antal: total, visade: rows.length },
    });
    const namn = await anvandarnamn(
      tx,
      rows.map((r) => r.ombud_user_id),
    );
    return { total, items: rows.map((r) => arendeItem(r, namn, idag)) };
  });
}

function vantetid(dagar: number[]) {
  return {
    antal: dagar.length,
    medianDagar: median(dagar),
    maxDagar: dagar.length ? Math.max(...dagar) : null,
  };
}

/** Queue length and waiting days (median and max, the redovisning's rule for the median). */
export async function koStatistik(
  ctx: ServiceContext,
  verksamhetId: string,
  idag: string = idagISverige(),
): Promise<KoStatistik> {
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx }) => {
    const iKo = await repo.vantedagarIKo(tx, verksamhetId, idag);
    const startade = await repo.vantedagarStartade(tx, verksamhetId, plusDagar(idag, -364), idag);
    return { datum: idag, iKo: vantetid(iKo), startadeSenasteAret: vantetid(startade) };
  });
}

/** Active ärenden per full-time post against the recommended level (seed 004: 15–21 per ombud). */
export function caseloadNiva(perArsarbetare: number | null): 'under' | 'inom' | 'over' | null {
  if (perArsarbetare === null) return null;
  if (perArsarbetare < CASELOAD_REKOMMENDERAD.min) return 'under';
  if (perArsarbetare > CASELOAD_REKOMMENDERAD.max) return 'over';
  return 'inom';
}

function perArsarbetare(aktiva: number, hundradelar: number | null): number | null {
  if (!hundradelar) return null;
  return Math.round((aktiva * 1000) / hundradelar) / 10;
}

/** Caseload per ombud and for the verksamhet (permission caseload:read: the chef). */
export async function getCaseload(ctx: ServiceContext, verksamhetId: string): Promise<Caseload> {
  return iVerksamhet(ctx, verksamhetId, 'caseload:read', async ({ tx }) => {
    const [ombud, aktiva, tjanst] = [
      await ombudIVerksamhet(tx, verksamhetId),
      await repo.aktivaPerOmbud(tx, verksamhetId),
      await repo.listTjanst(tx, verksamhetId),
    ];
    const aktivaFor = new Map(aktiva.map((a) => [a.ombud_user_id, a.n]));
    const gradFor = new Map(tjanst.map((t) => [t.userId, t.hundradelar]));
    const rader = ombud
      .filter((u) => !u.disabledAt || aktivaFor.has(u.id))
      .map((u) => ({
        userId: u.id,
        username: u.username,
        displayName: u.displayName,
        roller: u.roller,
        aktiva: aktivaFor.get(u.id) ?? 0,
        arsarbetareHundradelar: gradFor.get(u.id) ?? null,
      }));
    // Someone who has left the verksamhet but still holds active ärenden is shown too, so none are hidden.
    const kanda = new Set(rader.map((r) => r.userId));
    const lamnat = aktiva.filter((a) => a.ombud_user_id && !kanda.has(a.ombud_user_id));
    if (lamnat.length) {
      const namn = await anvandarnamn(
        tx,
        lamnat.map((a) => a.ombud_user_id),
      );
      for (const a of lamnat) {
        const id = a.ombud_user_id!;
        const u = await userRepo.getUser(tx, id);
        rader.push({
          userId: id,
          username: u?.username ?? id,
          displayName: namn.get(id) ?? id,
          roller: [],
          aktiva: a.n,
          arsarbetareHundradelar: gradFor.get(id) ?? null,
        });
      }
    }
    const items = rader
      .map((r) => {
        const per = perArsarbetare(r.aktiva, r.arsarbetareHundradelar);
        return { ...r, perArsarbetare: per, niva: caseloadNiva(per) };
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'));
    const totaltAktiva = aktiva.reduce((s, a) => s + a.n, 0);
    const totaltGrad = items.reduce((s, r) => s + (r.arsarbetareHundradelar ?? 0), 0);
    const totaltPer = perArsarbetare(totaltAktiva, totaltGrad);
    return {
      rekommenderat: { ...CASELOAD_REKOMMENDERAD },
      ombud: items,
      totalt: {
        aktiva: totaltAktiva,
        utanOmbud: aktivaFor.get(null) ?? 0,
        arsarbetareHundradelar: totaltGrad,
        perArsarbetare: totaltPer,
        niva: caseloadNiva(totaltPer),
      },
    };
  });
}

/** The chef records an ombud's share of a full-time post (hundredths). */
export async function setTjanstgoringsgrad(
  ctx: ServiceContext,
  verksamhetId: string,
  userId: string,
  hundradelar: number,
) {
  return iVerksamhet(ctx, verksamhetId, 'caseload:read', async ({ tx, audit }) => {
    const ombud = await ombudIVerksamhet(tx, verksamhetId);
    if (!ombud.some((u) => u.id === userId)) throw new NotFound('Användaren är inte ombud i verksamheten.');
    await repo.setTjanst(tx, verksamhetId, userId, hundradelar);
    await audit({
      action: 'ombud_tjanst.set',
      organisationId: verksamhetId,
      resourceType: 'user',
      resourceId: userId,
      detail: { arsarbetareHundradelar: hundradelar },
    });
    return { ok: true as const };
  });
}
