import type { AktorRegisterItem, CreateAktor, UpdateAktor } from '../../../contracts/aktorer.ts';
import { idagISverige } from '../../../domain/datum.ts';
import type { Queryable } from '../../db/client.ts';
import { authorize, inTx, type ServiceContext } from '../../platform/context.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../platform/errors.ts';
import * as repo from './repo.ts';

/*
 * The national actor register, kept by the system administrator: add an actor, change it, end it with a
 * last day. Nothing is deleted: brister and their answers keep pointing at the actor and show its name.
 */

const SYSTEM = { typ: 'system' } as const;

export async function listRegister(
  ctx: ServiceContext,
  filter: { status?: 'giltiga' | 'avslutade' | 'alla' } = {},
): Promise<AktorRegisterItem[]> {
  authorize(ctx.principal, 'org:admin', SYSTEM);
  return inTx(ctx, {}, async ({ tx }) => {
    const rows = await repo.listRegister(tx, idagISverige());
    if (filter.status === 'giltiga') return rows.filter((r) => r.giltig);
    if (filter.status === 'avslutade') return rows.filter((r) => !r.giltig);
    return rows;
  });
}

async function one(tx: Queryable, id: string): Promise<AktorRegisterItem> {
  const [row] = await repo.listRegister(tx, idagISverige(), id);
  if (!row) throw new NotFound('Aktören finns inte i registret.');
  return row;
}

/** Län and kommun must exist and agree; a kommun alone gives its län. Every problem at once. */
async function checkPlats(
  tx: Queryable,
  lanKod: string | null,
  kommunKod: string | null,
): Promise<{ lanKod: string | null; kommunKod: string | null }> {
  const errors: FieldError[] = [];
  let lan = lanKod;
  if (lanKod !== null && !(await repo.getLan(tx, lanKod)))
    errors.push({ field: 'lanKod', message: `Länet ${lanKod} finns inte.` });
  if (kommunKod !== null) {
    const k = await repo.getKommun(tx, kommunKod);
    if (!k) errors.push({ field: 'kommun', message: `Kommunen ${kommunKod} finns inte.` });
    else if (lanKod === null) lan = k.lanKod;
    else if (k.lanKod !== lanKod)
      errors.push({ field: 'kommun', message: `${k.namn} ligger inte i det valda länet.` });
  }
  if (errors.length) throw new Invalid(errors);
  return { lanKod: lan, kommunKod };
}

export async function createAktor(ctx: ServiceContext, input: CreateAktor): Promise<AktorRegisterItem> {
  authorize(ctx.principal, 'org:admin', SYSTEM);
  return inTx(ctx, {}, async ({ tx, audit }) => {
    if (await repo.aktorByKod(tx, input.kod))
      throw new Conflict(`Aktören ${input.kod} finns redan.`, [
        { field: 'kod', message: 'Koden används redan av en annan aktör.' },
      ]);
    const plats = await checkPlats(tx, input.lanKod ?? null, input.kommun ?? null);
    const id = await repo.insertAktor(tx, {
      kod: input.kod,
      namn: input.namn,
      kategori: input.kategori,
      ...plats,
      giltigFran: input.giltigFran ?? null,
      giltigTill: input.giltigTill ?? null,
    });
    await audit({
      action: 'aktor.created',
      organisationId: id,
      resourceType: 'aktor',
      resourceId: id,
      detail: { kod: input.kod, kategori: input.kategori },
    });
    return one(tx, id);
  });
}

/** Change an actor; setting `giltigTill` ends it (it is then no longer offered for new brister). */
export async function updateAktor(
  ctx: ServiceContext,
  id: string,
  input: UpdateAktor,
): Promise<AktorRegisterItem> {
  authorize(ctx.principal, 'org:admin', SYSTEM);
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const nu = await one(tx, id);
    const lanKod = input.lanKod !== undefined ? input.lanKod : nu.lanKod;
    // A new län without a kommun drops a kommun that lies elsewhere.
    const kommunKod =
      input.kommun !== undefined
        ? input.kommun
        : input.lanKod !== undefined && nu.kommunKod !== null && input.lanKod !== nu.lanKod
          ? null
          : nu.kommunKod;
    const plats = await checkPlats(tx, lanKod, kommunKod);
    const giltigFran = input.giltigFran !== undefined ? input.giltigFran : nu.giltigFran;
    const giltigTill = input.giltigTill !== undefined ? input.giltigTill : nu.giltigTill;
    if (giltigFran && giltigTill && giltigTill < giltigFran)
      throw new Invalid([{ field: 'giltigTill', message: 'Sista dagen får inte ligga före första dagen.' }]);
    await repo.updateAktor(tx, id, {
      namn: input.namn ?? nu.namn,
      kategori: input.kategori ?? nu.kategori,
      ...plats,
      giltigFran,
      giltigTill,
    });
    const ended = giltigTill !== null && giltigTill !== nu.giltigTill;
    await audit({
      action: ended ? 'aktor.ended' : 'aktor.updated',
      organisationId: id,
      resourceType: 'aktor',
      resourceId: id,
      detail: { fields: Object.keys(input), ...(ended ? { giltigTill } : {}) },
    });
    return one(tx, id);
  });
}
