import { type CreateVerksamhet, createVerksamhet } from '../../../contracts/orgs.ts';
import { type Principal, verksamheterMed } from '../../../domain/access.ts';
import { inOrder, mapInOrder } from '../../db/client.ts';
import { authorize, inTx, type ServiceContext } from '../../platform/context.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../platform/errors.ts';
import * as repo from './repo.ts';

/** Which verksamheter a principal may see (verksamhet:read), as ids, or 'all'. */
function verksamhetScope(p: Principal): { ids?: string[]; lanKod?: string[] } | 'all' {
  const roles = new Set(p.medlemskap.map((m) => m.roll));
  if (roles.has('admin') || roles.has('socialstyrelsen')) return 'all';
  const lanKoder = p.medlemskap.filter((m) => m.roll === 'lansstyrelse' && m.lanKod).map((m) => m.lanKod!);
  return { ids: verksamheterMed(p, 'verksamhet:read'), lanKod: lanKoder };
}

export async function listVerksamheter(ctx: ServiceContext, filter: { lanKod?: string } = {}) {
  return inTx(ctx, {}, async ({ tx }) => {
    const scope = verksamhetScope(ctx.principal);
    if (scope === 'all') return repo.listVerksamheter(tx, filter);
    const own = scope.ids?.length ? await repo.listVerksamheter(tx, { ids: scope.ids }) : [];
    const lanRows = (
      await mapInOrder(scope.lanKod ?? [], (l) => repo.listVerksamheter(tx, { lanKod: l }))
    ).flat();
    const byId = new Map([...own, ...lanRows].map((v) => [v.id, v]));
    return [...byId.values()]
      .filter((v) => !filter.lanKod || v.lanKod === filter.lanKod)
      .sort((a, b) => a.namn.localeCompare(b.namn, 'sv'));
  });
}

export async function getVerksamhet(ctx: ServiceContext, id: string) {
  return inTx(ctx, {}, async ({ tx }) => {
    const [v] = await repo.listVerksamheter(tx, { ids: [id] });
    if (!v) throw new NotFound();
    authorize(ctx.principal, 'verksamhet:read', { typ: 'verksamhet', id: v.id, lanKod: v.lanKod });
    return v;
  });
}

/** Registers a PO-verksamhet with its coverage; validates codes against the reference data. */
export async function createVerksamhetService(ctx: ServiceContext, input: CreateVerksamhet) {
  authorize(ctx.principal, 'org:admin', { typ: 'system' });
  const parsed = createVerksamhet.safeParse(input);
  if (!parsed.success) {
    throw new Invalid(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })),
    );
  }
  // A kommun or area listed twice means the same as once (and would break the area table's key).
  const v = {
    ...parsed.data,
    kommunKoder: [...new Set(parsed.data.kommunKoder)],
    ...(parsed.data.stadsdelsomraden ? { stadsdelsomraden: [...new Set(parsed.data.stadsdelsomraden)] } : {}),
  };
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const errors: FieldError[] = [];
    if (!(await repo.getLan(tx, v.lanKod)))
      errors.push({ field: 'lanKod', message: `Länet ${v.lanKod} finns inte.` });
    const kommuner = await repo.findKommuner(tx, v.kommunKoder);
    for (const k of v.kommunKoder) {
      const found = kommuner.find((x) => x.kod === k);
      if (!found) errors.push({ field: 'kommunKoder', message: `Kommunen ${k} finns inte.` });
      else if (found.lanKod !== v.lanKod)
        errors.push({ field: 'kommunKoder', message: `${found.namn} (${k}) ligger inte i län ${v.lanKod}.` });
    }
    const sdoKoder = v.stadsdelsomraden ?? [];
    const sdos = await repo.findStadsdelsomraden(tx, sdoKoder);
    for (const s of sdoKoder) {
      const found = sdos.find((x) => x.kod === s);
      if (!found) errors.push({ field: 'stadsdelsomraden', message: `Stadsdelsområdet ${s} finns inte.` });
      else if (!v.kommunKoder.includes(found.kommunKod))
        errors.push({
          field: 'stadsdelsomraden',
          message: `${found.namn} hör inte till någon av de angivna kommunerna.`,
        });
    }
    if (errors.length) throw new Invalid(errors);
    // `V001` and `v001` are the same code (the unique index organisation_typ_kod_nyckel says so too).
    const finns = await repo.findOrganisationByKod(tx, 'verksamhet', v.kod);
    if (finns) {
      throw new Conflict(
        finns.kod === v.kod
          ? `Det finns redan en verksamhet med koden ${v.kod}.`
          : `Det finns redan en verksamhet med koden ${finns.kod}; koder skiljer inte på stora och små bokstäver.`,
        [{ field: 'kod', message: 'Koden används redan.' }],
      );
    }
    // A kommun split in stadsdelsområden is covered by those areas only; other kommuner as a whole.
    const omraden = v.kommunKoder.flatMap(
      (k): Array<{ kommunKod: string; stadsdelsomradeKod: string | null }> => {
        const areas = sdos.filter((s) => s.kommunKod === k);
        return areas.length
          ? areas.map((s) => ({ kommunKod: k, stadsdelsomradeKod: s.kod }))
          : [{ kommunKod: k, stadsdelsomradeKod: null }];
      },
    );
    const id = await repo.insertVerksamhet(tx, {
      kod: v.kod,
      namn: v.namn,
      lanKod: v.lanKod,
      utforare: v.utforare,
      giltigFranAr: v.giltigFranAr ?? new Date().getFullYear(),
      omraden,
    });
    await audit({
      action: 'verksamhet.created',
      organisationId: id,
      resourceType: 'verksamhet',
      resourceId: id,
      detail: { kod: v.kod },
    });
    const [created] = await repo.listVerksamheter(tx, { ids: [id] });
    return created!;
  });
}

export async function listLan(ctx: ServiceContext) {
  return inTx(ctx, {}, ({ tx }) => repo.listLan(tx));
}

export async function getLanDetail(ctx: ServiceContext, lanKod: string) {
  authorize(ctx.principal, 'lan:read', { typ: 'lan', lanKod });
  return inTx(ctx, {}, async ({ tx }) => {
    const l = await repo.getLan(tx, lanKod);
    if (!l) throw new NotFound();
    const [kommuner, verksamheter] = await inOrder(
      () => repo.listKommuner(tx, lanKod),
      () => repo.listVerksamheter(tx, { lanKod }),
    );
    return {
      kod: l.kod,
      namn: l.namn,
      kommuner: kommuner.map((k) => ({
        ...k,
        verksamheter: verksamheter
          .filter((v) => v.omraden.some((o) => o.kommunKod === k.kod))
          .map((v) => ({ id: v.id, namn: v.namn })),
      })),
      verksamheter,
    };
  });
}

export async function listKommuner(ctx: ServiceContext, lanKod?: string) {
  return inTx(ctx, {}, ({ tx }) => repo.listKommuner(tx, lanKod));
}

export async function listStadsdelsomraden(ctx: ServiceContext) {
  return inTx(ctx, {}, ({ tx }) => repo.listStadsdelsomraden(tx));
}

export async function listAktorer(ctx: ServiceContext) {
  return inTx(ctx, {}, ({ tx }) => repo.listAktorer(tx));
}
