import type { z } from 'zod';
import {
  ARENDE_SORT_STANDARD,
  type ArendeSort,
  type ArendeTransition,
  arendeExportQuery,
  arendeQuery,
  arendeTransition,
  type CreateArende,
  type CreateKlient,
  createArende,
  createKlient,
  type KlientDetail,
  type KlientSok,
  type KlientSokParsed,
  klientExport,
  klientSok,
  type UpdateArende,
  type UpdateKlient,
  updateArende,
  updateKlient,
} from '../../../contracts/cases.ts';
import { type ArendeDatumFel, valideraArendeDatum } from '../../../domain/arende-datum.ts';
import { arSlutlage, assertOvergang } from '../../../domain/arende-status.ts';
import type { ArendeStatus } from '../../../domain/codes.ts';
import { idagISverige } from '../../../domain/datum.ts';
import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../platform/errors.ts';
import * as orgRepo from '../orgs/repo.ts';
import * as userRepo from '../users/repo.ts';
import { arendeFil } from './arende-export.ts';
import { klientFil } from './klient-export.ts';
import { anteckningarPdf } from './pdf.ts';
import { anteckningItem, anvandarnamn, arendeItem, klientItem } from './present.ts';
import { alderFel, omradeFel, personnummerArFel, unika } from './regler.ts';
import * as repo from './repo.ts';
import { iVerksamhet, type Verksamhet } from './scope.ts';

// ------------------------------------------------------------------ helpers

/** Parses with a contract inside the service too (the CLI and other callers do not pass through HTTP). */
function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success) {
    throw new Invalid(
      r.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'body', message: i.message })),
    );
  }
  return r.data;
}

/** ISO date plus whole days (UTC arithmetic: every day has 24 hours). */
export function plusDagar(iso: string, dagar: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dagar);
  return d.toISOString().slice(0, 10);
}

/** Is the user an ombud or chef of this verksamhet (who may be responsible for an ärende)? */
export async function arOmbudI(tx: Tx, verksamhetId: string, userId: string): Promise<boolean> {
  const ms = await userRepo.membershipsOf(tx, [userId]);
  return ms.some((m) => m.organisationId === verksamhetId && (m.roll === 'ombud' || m.roll === 'chef'));
}

/** Users who are ombud or chef of the verksamhet, with those roles. */
export async function ombudIVerksamhet(tx: Tx, verksamhetId: string) {
  const users = await userRepo.listUsers(tx, [verksamhetId]);
  const ms = await userRepo.membershipsOf(
    tx,
    users.map((u) => u.id),
  );
  return users
    .map((u) => ({
      ...u,
      roller: ms
        .filter((m) => m.userId === u.id && m.organisationId === verksamhetId)
        .map((m) => m.roll)
        .filter((r): r is 'ombud' | 'chef' => r === 'ombud' || r === 'chef'),
    }))
    .filter((u) => u.roller.length > 0);
}

async function kravOmbud(tx: Tx, verksamhetId: string, userId: string, field: string) {
  if (!(await arOmbudI(tx, verksamhetId, userId))) {
    throw new Invalid([{ field, message: 'Användaren är inte ombud eller chef i verksamheten.' }]);
  }
}

async function kravAktorer(tx: Tx, ids: string[] | undefined) {
  if (!ids?.length) return;
  const kanda = new Set((await orgRepo.listAktorer(tx)).map((a) => a.id));
  const okanda = ids.filter((id) => !kanda.has(id));
  if (okanda.length) {
    throw new Invalid(okanda.map((id) => ({ field: 'aktorIds', message: `Aktören ${id} finns inte.` })));
  }
}

function datumFel(fel: ArendeDatumFel[], falt?: (f: ArendeDatumFel['field']) => string): FieldError[] {
  return fel.map((f) => ({ field: falt ? falt(f.field) : f.field, message: f.message, rule: f.rule }));
}

async function klientFel(
  tx: Tx,
  v: Verksamhet,
  k: { fodelsear: number; kommunKod: string; stadsdelsomradeKod: string | null; personnummer: string | null },
): Promise<FieldError[]> {
  const fel: FieldError[] = [];
  const alder = alderFel(k.fodelsear, Number(idagISverige().slice(0, 4)));
  if (alder) fel.push({ field: 'fodelsear', message: alder });
  const pnr = personnummerArFel(k.personnummer, k.fodelsear);
  if (pnr) fel.push({ field: 'personnummer', message: pnr });
  const sdoRef = k.stadsdelsomradeKod ? await orgRepo.findStadsdelsomraden(tx, [k.stadsdelsomradeKod]) : [];
  const omrade = omradeFel(v.omraden, sdoRef, k.kommunKod, k.stadsdelsomradeKod);
  if (omrade) fel.push(omrade);
  return fel;
}

const aliasUpptaget = () =>
  new Conflict('Aliaset används redan av en annan klient i verksamheten.', [
    { field: 'alias', message: 'Aliaset används redan.' },
  ]);

async function kravAliasLedigt(tx: Tx, verksamhetId: string, alias: string, utom?: string) {
  if (await repo.aliasFinns(tx, verksamhetId, alias, utom)) throw aliasUpptaget();
}

/** Two requests registering the same alias at once: the unique index decides, and the loser gets a 409. */
async function medAliasKontroll<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
    const pg = e.cause ?? e;
    if (pg.code === '23505' && pg.constraint === 'klient_identitet_alias') throw aliasUpptaget();
    throw err;
  }
}

async function detalj(tx: Tx, verksamhetId: string, klientId: string): Promise<KlientDetail> {
  const k = await repo.getKlient(tx, verksamhetId, klientId);
  if (!k) throw new NotFound('Klienten hittades inte.');
  const arenden = await repo.arendenForKlient(tx, verksamhetId, klientId);
  const namn = await anvandarnamn(tx, [k.senaste_ombud, ...arenden.map((a) => a.ombud_user_id)]);
  const idag = idagISverige();
  const gallrad = k.gallrad_at !== null;
  return {
    ...klientItem(k, namn),
    namn: gallrad ? null : k.namn,
    personnummer: gallrad ? null : k.personnummer,
    telefon: gallrad ? null : k.telefon,
    adress: gallrad ? null : k.adress,
    arenden: arenden.map((a) => arendeItem(a, namn, idag)),
  };
}

async function arendeSvar(tx: Tx, verksamhetId: string, arendeId: string) {
  const a = await repo.getArende(tx, verksamhetId, arendeId);
  if (!a) throw new NotFound('Ärendet hittades inte.');
  return arendeItem(a, await anvandarnamn(tx, [a.ombud_user_id]), idagISverige());
}

async function hamtaArende(tx: Tx, verksamhetId: string, arendeId: string) {
  const a = await repo.getArende(tx, verksamhetId, arendeId);
  if (!a) throw new NotFound('Ärendet hittades inte.');
  return a;
}

/** The verksamhet's ombud and chefs (to choose a responsible ombud). */
export async function listOmbud(ctx: ServiceContext, verksamhetId: string) {
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx }) =>
    (await ombudIVerksamhet(tx, verksamhetId))
      .filter((u) => !u.disabledAt)
      .map((u) => ({ id: u.id, username: u.username, displayName: u.displayName }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv')),
  );
}

// ------------------------------------------------------------------ klienter

/** The client list's filters as the repo takes them ('jag' is the caller, 'ingen' no ombud). */
function klientFilter(ctx: ServiceContext, q: KlientUrval): repo.KlientFilter {
  return {
    q: q.q,
    status: q.status,
    gallrad: q.gallrad,
    ombudUserId: q.ombud === 'jag' ? ctx.principal.userId : q.ombud === 'ingen' ? null : q.ombud,
    kommunKod: q.kommunKod,
    kon: q.kon,
    fran: q.fran,
    till: q.till,
  };
}

/**
 * The client filters as the audit entry records them: codes, dates and ids. A search term is recorded
 * as made (`sok: true`), never as typed: it is part of an alias.
 */
function klientUrvalIAudit(q: KlientUrval) {
  const u: Record<string, unknown> = {};
  for (const k of ['status', 'ombud', 'kommunKod', 'kon', 'fran', 'till', 'sort'] as const)
    if (q[k]) u[k] = q[k];
  if (q.gallrad && q.gallrad !== 'alla') u.gallrad = q.gallrad;
  if (q.q) u.sok = true;
  return u;
}

type KlientUrval = Omit<KlientSokParsed, 'limit' | 'offset'>;

/**
 * One page of the verksamhet's clients. The read is logged as one entry: the filters, the order, the page
 * and how many clients matched (the list shows alias and statistics; opening a client logs that client).
 */
export async function listKlienter(ctx: ServiceContext, verksamhetId: string, input: KlientSok) {
  const q = parse(klientSok, input);
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx, audit }) => {
    const { total, gallrade, rows } = await repo.listKlienter(tx, verksamhetId, {
      ...klientFilter(ctx, q),
      sort: q.sort,
      limit: q.limit,
      offset: q.offset,
    });
    const namn = await anvandarnamn(
      tx,
      rows.map((r) => r.senaste_ombud),
    );
    await audit({
      action: 'klient.list',
      organisationId: verksamhetId,
      resourceType: 'klient',
      detail: { urval: klientUrvalIAudit(q), offset: q.offset, antal: total, visade: rows.length },
    });
    return { total, gallrade, items: rows.map((r) => klientItem(r, namn)) };
  });
}

/**
 * Every client the filters select, as a file (CSV or xlsx) in the list's order. The file leaves the
 * system, so the audit entry names each exported client besides the filters.
 */
export async function exportKlienter(ctx: ServiceContext, verksamhetId: string, input: unknown) {
  const q = parse(klientExport, input);
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx, audit, v }) => {
    const rows = await repo.allaKlienter(tx, verksamhetId, { ...klientFilter(ctx, q), sort: q.sort });
    const namn = await anvandarnamn(
      tx,
      rows.map((r) => r.senaste_ombud),
    );
    await audit({
      action: 'klient.exported',
      organisationId: verksamhetId,
      resourceType: 'klient',
      detail: {
        format: q.format,
        urval: klientUrvalIAudit(q),
        antal: rows.length,
        klientIds: rows.map((r) => r.id),
      },
    });
    return klientFil(
      rows.map((r) => klientItem(r, namn)),
      q.format,
      { verksamhetKod: v.kod, idag: idagISverige() },
    );
  });
}

export async function getKlient(ctx: ServiceContext, verksamhetId: string, klientId: string) {
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx, audit }) => {
    const d = await detalj(tx, verksamhetId, klientId);
    await audit({
      action: 'klient.read',
      organisationId: verksamhetId,
      resourceType: 'klient',
      resourceId: klientId,
    });
    return d;
  });
}

export async function createKlientService(ctx: ServiceContext, verksamhetId: string, input: CreateKlient) {
  const k = parse(createKlient, input);
  return medAliasKontroll(() =>
    iVerksamhet(ctx, verksamhetId, 'klient:write', async ({ tx, audit, v }) => {
      const stadsdelsomradeKod = k.stadsdelsomradeKod || null;
      const fel = await klientFel(tx, v, { ...k, stadsdelsomradeKod });
      if (fel.length) throw new Invalid(fel);
      await kravAliasLedigt(tx, verksamhetId, k.alias);
      const id = await repo.insertKlient(
        tx,
        verksamhetId,
        {
          kon: k.kon,
          fodelsear: k.fodelsear,
          kommunKod: k.kommunKod,
          stadsdelsomradeKod,
          barnUnder18: k.barnUnder18,
        },
        { alias: k.alias, namn: k.namn, personnummer: k.personnummer, telefon: k.telefon, adress: k.adress },
      );
      await audit({
        action: 'klient.created',
        organisationId: verksamhetId,
        resourceType: 'klient',
        resourceId: id,
      });
      return detalj(tx, verksamhetId, id);
    }),
  );
}

export async function updateKlientService(
  ctx: ServiceContext,
  verksamhetId: string,
  klientId: string,
  input: UpdateKlient,
) {
  const u = parse(updateKlient, input);
  return medAliasKontroll(() =>
    iVerksamhet(ctx, verksamhetId, 'klient:write', async ({ tx, audit, v }) => {
      const k = await repo.getKlient(tx, verksamhetId, klientId);
      if (!k) throw new NotFound('Klienten hittades inte.');
      if (k.gallrad_at) throw new Conflict('Klienten är gallrad och kan inte ändras.');
      const merged = {
        fodelsear: u.fodelsear ?? k.fodelsear,
        kommunKod: u.kommunKod ?? k.kommun_kod,
        stadsdelsomradeKod:
          u.stadsdelsomradeKod !== undefined
            ? u.stadsdelsomradeKod || null
            : u.kommunKod && u.kommunKod !== k.kommun_kod
              ? null
              : k.stadsdelsomrade_kod,
        personnummer: u.personnummer !== undefined ? u.personnummer : k.personnummer,
      };
      const fel = await klientFel(tx, v, merged);
      if (fel.length) throw new Invalid(fel);
      if (u.alias !== undefined) await kravAliasLedigt(tx, verksamhetId, u.alias, klientId);
      const s: Partial<repo.KlientStatistik> = {};
      if (u.kon !== undefined) s.kon = u.kon;
      if (u.fodelsear !== undefined) s.fodelsear = u.fodelsear;
      if (u.kommunKod !== undefined || u.stadsdelsomradeKod !== undefined) {
        s.kommunKod = merged.kommunKod;
        s.stadsdelsomradeKod = merged.stadsdelsomradeKod;
      }
      if (u.barnUnder18 !== undefined) s.barnUnder18 = u.barnUnder18;
      const i: Partial<repo.KlientIdentitet> = {};
      for (const f of ['alias', 'namn', 'personnummer', 'telefon', 'adress'] as const) {
        if (u[f] !== undefined) (i as Record<string, unknown>)[f] = u[f];
      }
      await repo.updateKlient(tx, verksamhetId, klientId, s, i);
      // Which fields changed is recorded by name only: the values are identity or statistics of a person.
      await audit({
        action: 'klient.updated',
        organisationId: verksamhetId,
        resourceType: 'klient',
        resourceId: klientId,
        detail: { falt: Object.keys(input).sort() },
      });
      return detalj(tx, verksamhetId, klientId);
    }),
  );
}

// ------------------------------------------------------------------ ärenden

/** The list's filters as the repo takes them ('jag' is the caller, 'ingen' no ombud at all). */
function arendeFilter(ctx: ServiceContext, q: ArendeUrval): repo.ArendeFilter & repo.ArendeOrdning {
  return {
    status: q.status,
    klientId: q.klientId,
    ombudUserId: q.ombud === 'jag' ? ctx.principal.userId : q.ombud === 'ingen' ? null : q.ombud,
    fran: q.fran,
    till: q.till,
    sort: q.sort ?? ARENDE_SORT_STANDARD,
    idag: idagISverige(),
  };
}

/** The filters as the audit entry records them (codes, dates and ids only: nothing about a person). */
function urvalIAudit(q: ArendeUrval) {
  const u: Record<string, unknown> = {};
  for (const k of ['status', 'klientId', 'ombud', 'fran', 'till', 'sort'] as const) if (q[k]) u[k] = q[k];
  return u;
}

export type ArendeUrval = {
  status?: ArendeStatus[] | undefined;
  klientId?: string | undefined;
  ombud?: string | undefined;
  fran?: string | undefined;
  till?: string | undefined;
  sort?: ArendeSort | undefined;
};

export async function listArenden(
  ctx: ServiceContext,
  verksamhetId: string,
  q: ArendeUrval & { limit: number; offset: number },
) {
  const f = parse(arendeQuery, q);
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx, audit }) => {
    const filter = arendeFilter(ctx, f);
    const { total, rows } = await repo.listArenden(tx, verksamhetId, {
      ...filter,
      limit: f.limit,
      offset: f.offset,
    });
    const namn = await anvandarnamn(
      tx,
      rows.map((r) => r.ombud_user_id),
    );
    await audit({
      action: 'arende.list',
      organisationId: verksamhetId,
      resourceType: 'arende',
      // As the client list: the selection and how many it matched, not every id on the page (issue 16:
      // a row of 100 ids per page view; opening an ärende logs that ärende, an export every id it holds).
      detail: { urval: urvalIAudit(f), offset: f.offset, antal: total, visade: rows.length },
    });
    return { total, items: rows.map((r) => arendeItem(r, namn, filter.idag)) };
  });
}

/**
 * Every ärende the filters select, as a file (CSV or xlsx) in the list's order. A read of client data like
 * the list: the audit entry names each exported ärende and the filters that chose them.
 */
export async function exportArenden(
  ctx: ServiceContext,
  verksamhetId: string,
  q: ArendeUrval & { format: 'csv' | 'xlsx' },
) {
  const f = parse(arendeExportQuery, q);
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx, audit, v }) => {
    const filter = arendeFilter(ctx, f);
    const rows = await repo.allaArenden(tx, verksamhetId, filter);
    const namn = await anvandarnamn(
      tx,
      rows.map((r) => r.ombud_user_id),
    );
    await audit({
      action: 'arende.exported',
      organisationId: verksamhetId,
      resourceType: 'arende',
      detail: {
        format: f.format,
        urval: urvalIAudit(f),
        antal: rows.length,
        arendeIds: rows.map((r) => r.id),
      },
    });
    const items = rows.map((r) => arendeItem(r, namn, filter.idag));
    return arendeFil(items, f.format, { verksamhetKod: v.kod, idag: filter.idag });
  });
}

export async function getArende(ctx: ServiceContext, verksamhetId: string, arendeId: string) {
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx, audit }) => {
    const item = await arendeSvar(tx, verksamhetId, arendeId);
    await audit({
      action: 'arende.read',
      organisationId: verksamhetId,
      resourceType: 'arende',
      resourceId: arendeId,
    });
    return item;
  });
}

/** A new request (förfrågan). A client has at most one ärende in progress at a time. */
export async function createArendeService(ctx: ServiceContext, verksamhetId: string, input: CreateArende) {
  const a = parse(createArende, input);
  return iVerksamhet(ctx, verksamhetId, 'klient:write', async ({ tx, audit }) => {
    const k = await repo.getKlient(tx, verksamhetId, a.klientId);
    if (!k) throw new Invalid([{ field: 'klientId', message: 'Klienten finns inte i verksamheten.' }]);
    if (k.gallrad_at) {
      throw new Conflict('Klienten är gallrad. Registrera personen som en ny klient.', [
        { field: 'klientId', message: 'Klienten är gallrad.' },
      ]);
    }
    const fel = datumFel(
      valideraArendeDatum({
        forfraganDatum: a.forfraganDatum,
        startDatum: null,
        avslutDatum: null,
        status: 'forfragan',
      }),
    );
    const alder = alderFel(k.fodelsear, Number(a.forfraganDatum.slice(0, 4)));
    if (alder) fel.push({ field: 'forfraganDatum', message: `Vid förfrågan: ${alder}` });
    if (fel.length) throw new Invalid(fel);
    const pagaende = (await repo.arendenForKlient(tx, verksamhetId, a.klientId)).find(
      (x) => !arSlutlage(x.status),
    );
    if (pagaende) {
      throw new Conflict('Klienten har redan ett pågående ärende; avsluta det först.', [
        { field: 'klientId', message: 'Klienten har redan ett pågående ärende.' },
      ]);
    }
    await kravAktorer(tx, a.aktorIds);
    const id = await repo.insertArende(tx, verksamhetId, {
      klientId: a.klientId,
      forfraganDatum: a.forfraganDatum,
      forfraganFran: a.forfraganFran,
      prioritet: unika(a.prioritet),
      kontaktorsaker: unika(a.kontaktorsaker),
      sip: a.sip ?? false,
    });
    await repo.setAktorer(tx, verksamhetId, id, unika(a.aktorIds));
    await audit({
      action: 'arende.created',
      organisationId: verksamhetId,
      resourceType: 'arende',
      resourceId: id,
      detail: { klientId: a.klientId },
    });
    return arendeSvar(tx, verksamhetId, id);
  });
}

/** Corrections and additions (reasons, actors, SIP, priority, dates that fit the status). */
export async function updateArendeService(
  ctx: ServiceContext,
  verksamhetId: string,
  arendeId: string,
  input: UpdateArende,
) {
  const u = parse(updateArende, input);
  return iVerksamhet(ctx, verksamhetId, 'klient:write', async ({ tx, audit }) => {
    const a = await hamtaArende(tx, verksamhetId, arendeId);
    if (a.gallrad) throw new Conflict('Klienten är gallrad; ärendet kan inte längre ändras.');
    const next = {
      forfraganDatum: u.forfraganDatum ?? a.forfragan_datum,
      startDatum: u.startDatum ?? a.start_datum,
      avslutDatum: u.avslutDatum ?? a.avslut_datum,
      status: a.status,
    };
    const fel = datumFel(valideraArendeDatum(next));
    if (u.avslutOrsak && (a.status === 'forfragan' || a.status === 'ko' || a.status === 'aktiv')) {
      fel.push({ field: 'avslutOrsak', message: 'Avslutsorsak anges när ärendet avslutas.' });
    }
    if (u.avslutOrsak === null && a.status === 'avslutad') {
      fel.push({ field: 'avslutOrsak', message: 'Ett avslutat ärende behöver en avslutsorsak.' });
    }
    if (fel.length) throw new Invalid(fel);
    if (u.ombudUserId) await kravOmbud(tx, verksamhetId, u.ombudUserId, 'ombudUserId');
    await kravAktorer(tx, u.aktorIds);
    const c: repo.ArendeAndring = {};
    if (u.forfraganDatum !== undefined) c.forfraganDatum = u.forfraganDatum;
    if (u.forfraganFran !== undefined) c.forfraganFran = u.forfraganFran;
    if (u.startDatum !== undefined) c.startDatum = u.startDatum;
    if (u.avslutDatum !== undefined) {
      c.avslutDatum = u.avslutDatum;
      c.gallrasEfter = plusDagar(u.avslutDatum, ctx.config.gallringDagar);
    }
    if (u.avslutOrsak !== undefined) c.avslutOrsak = u.avslutOrsak;
    if (u.ombudUserId !== undefined) c.ombudUserId = u.ombudUserId;
    if (u.sip !== undefined) c.sip = u.sip;
    if (u.prioritet !== undefined) c.prioritet = unika(u.prioritet);
    if (u.kontaktorsaker !== undefined) c.kontaktorsaker = unika(u.kontaktorsaker);
    await repo.updateArende(tx, verksamhetId, arendeId, c);
    if (u.aktorIds !== undefined) await repo.setAktorer(tx, verksamhetId, arendeId, unika(u.aktorIds));
    await audit({
      action: 'arende.updated',
      organisationId: verksamhetId,
      resourceType: 'arende',
      resourceId: arendeId,
      detail: { falt: Object.keys(input).sort() },
    });
    return arendeSvar(tx, verksamhetId, arendeId);
  });
}

/**
 * Moves an ärende along the workflow (domain/arende-status.ts). → aktiv takes a request into work: start
 * date (today when omitted) and the responsible ombud (the caller when omitted). → avslutad and → ej_aktuell
 * set the closing date and the day from which gallring may delete the client's identity.
 */
export async function transitionArende(
  ctx: ServiceContext,
  verksamhetId: string,
  arendeId: string,
  input: ArendeTransition,
) {
  const t = parse(arendeTransition, input);
  return iVerksamhet(ctx, verksamhetId, 'klient:write', async ({ tx, audit }) => {
    const a = await hamtaArende(tx, verksamhetId, arendeId);
    const hinder = assertOvergang(a.status, t.status);
    if (hinder) throw new Conflict(hinder, [{ field: 'status', message: hinder, rule: 'overgang' }]);
    const datum = t.datum ?? idagISverige();
    const c: repo.ArendeAndring = { status: t.status };
    const fel: FieldError[] = [];
    if (t.status !== 'aktiv' && t.ombudUserId) {
      fel.push({ field: 'ombudUserId', message: 'Ansvarigt ombud anges när ärendet startar.' });
    }
    if (t.status === 'ko' || t.status === 'aktiv') {
      if (t.avslutOrsak)
        fel.push({ field: 'avslutOrsak', message: 'Avslutsorsak anges när ärendet avslutas.' });
    }
    if (t.status === 'ko' && t.datum) {
      fel.push({
        field: 'datum',
        message: 'Ett ärende som ställs i kö får inget datum; kötiden räknas från förfrågan.',
      });
    }
    if (t.status === 'aktiv') {
      c.startDatum = datum;
      c.ombudUserId = t.ombudUserId ?? ctx.principal.userId;
    }
    if (t.status === 'avslutad' || t.status === 'ej_aktuell') {
      c.avslutDatum = datum;
      c.avslutOrsak = t.avslutOrsak ?? null;
      c.gallrasEfter = plusDagar(datum, ctx.config.gallringDagar);
      if (t.status === 'avslutad' && !t.avslutOrsak) {
        fel.push({ field: 'avslutOrsak', message: 'Ange varför ärendet avslutas.' });
      }
    }
    fel.push(
      ...datumFel(
        valideraArendeDatum({
          forfraganDatum: a.forfragan_datum,
          startDatum: c.startDatum !== undefined ? c.startDatum : a.start_datum,
          avslutDatum: c.avslutDatum !== undefined ? c.avslutDatum : a.avslut_datum,
          status: t.status,
        }),
        (f) => (f === 'forfraganDatum' ? f : 'datum'),
      ),
    );
    if (fel.length) throw new Invalid(fel);
    if (c.ombudUserId) await kravOmbud(tx, verksamhetId, c.ombudUserId, 'ombudUserId');
    await repo.updateArende(tx, verksamhetId, arendeId, c);
    await audit({
      action: 'arende.status',
      organisationId: verksamhetId,
      resourceType: 'arende',
      resourceId: arendeId,
      detail: { fran: a.status, till: t.status },
    });
    return arendeSvar(tx, verksamhetId, arendeId);
  });
}

// ------------------------------------------------------------------ anteckningar

export async function listAnteckningar(ctx: ServiceContext, verksamhetId: string, arendeId: string) {
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx, audit }) => {
    await hamtaArende(tx, verksamhetId, arendeId);
    const rows = await repo.listAnteckningar(tx, verksamhetId, arendeId);
    await audit({
      action: 'anteckning.list',
      organisationId: verksamhetId,
      resourceType: 'arende',
      resourceId: arendeId,
      detail: { anteckningIds: rows.map((r) => r.id) },
    });
    const namn = await anvandarnamn(
      tx,
      rows.map((r) => r.created_by),
    );
    return rows.map((r) => anteckningItem(r, namn));
  });
}

export async function createAnteckning(
  ctx: ServiceContext,
  verksamhetId: string,
  arendeId: string,
  text: string,
) {
  return iVerksamhet(ctx, verksamhetId, 'klient:write', async ({ tx, audit }) => {
    const a = await hamtaArende(tx, verksamhetId, arendeId);
    if (a.gallrad) throw new Conflict('Klienten är gallrad; anteckningar kan inte läggas till.');
    const id = await repo.insertAnteckning(tx, verksamhetId, arendeId, text.trim(), ctx.principal.userId);
    await audit({
      action: 'anteckning.created',
      organisationId: verksamhetId,
      resourceType: 'anteckning',
      resourceId: id,
      detail: { arendeId },
    });
    const row = (await repo.listAnteckningar(tx, verksamhetId, arendeId)).find((r) => r.id === id)!;
    return anteckningItem(row, await anvandarnamn(tx, [row.created_by]));
  });
}

export async function deleteAnteckning(
  ctx: ServiceContext,
  verksamhetId: string,
  arendeId: string,
  anteckningId: string,
) {
  return iVerksamhet(ctx, verksamhetId, 'klient:write', async ({ tx, audit }) => {
    if (!(await repo.deleteAnteckning(tx, verksamhetId, arendeId, anteckningId))) {
      throw new NotFound('Anteckningen hittades inte.');
    }
    await audit({
      action: 'anteckning.deleted',
      organisationId: verksamhetId,
      resourceType: 'anteckning',
      resourceId: anteckningId,
      detail: { arendeId },
    });
    return { ok: true as const };
  });
}

/** The notes as a PDF for handing to the client (before closing, or any time while the case is open). */
export async function anteckningarSomPdf(ctx: ServiceContext, verksamhetId: string, arendeId: string) {
  return iVerksamhet(ctx, verksamhetId, 'klient:read', async ({ tx, audit, v }) => {
    const a = await hamtaArende(tx, verksamhetId, arendeId);
    if (a.gallrad) throw new Conflict('Klienten är gallrad; anteckningarna finns inte längre.');
    const rows = await repo.listAnteckningar(tx, verksamhetId, arendeId);
    const namn = await anvandarnamn(tx, [a.ombud_user_id, ...rows.map((r) => r.created_by)]);
    const idag = idagISverige();
    const pdf = await anteckningarPdf({
      verksamhetNamn: v.namn,
      alias: a.alias ?? '',
      arende: arendeItem(a, namn, idag),
      anteckningar: rows.map((r) => anteckningItem(r, namn)),
      utskriven: idag,
    });
    await audit({
      action: 'anteckning.printed',
      organisationId: verksamhetId,
      resourceType: 'arende',
      resourceId: arendeId,
      detail: { anteckningIds: rows.map((r) => r.id) },
    });
    return pdf;
  });
}
