import type { z } from 'zod';
import type { BristAktorVal } from '../../../contracts/aktorer.ts';
import {
  type BristDetail,
  type BristExportQuery,
  type BristFilter,
  type BristFilterParsed,
  type BristItem,
  type BristList,
  bristExportQuery,
  bristFilter,
  type ChangeBristStatus,
  type CreateAterkoppling,
  type CreateAtgard,
  type CreateBrist,
  type CreateBristAmne,
  type InboxItem,
  type UpdateBrist,
} from '../../../contracts/brister.ts';
import { can, type Principal, type Resource } from '../../../domain/access.ts';
import { assertOvergang, type BristStatus } from '../../../domain/brist-status.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { assertNoPersonalData } from '../../../domain/personuppgiftsskydd.ts';
import type { Queryable } from '../../db/client.ts';
import { type Audited, authorize, inTx, type ServiceContext } from '../../platform/context.ts';
import { Conflict, type FieldError, Invalid, invalidField, NotFound } from '../../platform/errors.ts';
import { bristFil } from './export.ts';
import * as repo from './repo.ts';

const NO_USER = '00000000-0000-0000-0000-000000000000';
export const DEFAULT_ATERKOPPLING_DAGAR = 60;

/** Days an actor has to answer before a sent brist is flagged (env OMBUD_ATERKOPPLING_DAGAR, default 60). */
export function aterkopplingDagar(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.OMBUD_ATERKOPPLING_DAGAR;
  const n = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_ATERKOPPLING_DAGAR;
}

/** The acting user as stored in the history: a real user id (the CLI operator is none) and a name. */
export function actor(p: Principal) {
  return { userId: p.userId === NO_USER ? null : p.userId, anvandare: p.username };
}

/**
 * Text that leaves the verksamhet must not identify a person: one 400 listing every finding by field.
 * Used for brister, åtgärder, återkoppling, status comments and the ledningsgrupp's decisions and minutes.
 */
export function guardPersonalData(fields: Record<string, string | null | undefined>): void {
  const fel = assertNoPersonalData(fields);
  if (fel.length) {
    throw new Invalid(
      fel.map((f) => ({ field: f.field, message: f.message, rule: `personuppgift.${f.kind}` })),
    );
  }
}

type VerksamhetRef = NonNullable<Awaited<ReturnType<typeof repo.verksamhetRef>>>;

export function verksamhetResource(v: { id: string; lanKod: string }): Resource {
  return { typ: 'verksamhet', id: v.id, lanKod: v.lanKod };
}

async function verksamhetOr404(tx: Queryable, id: string): Promise<VerksamhetRef> {
  const v = await repo.verksamhetRef(tx, id);
  if (!v) throw new NotFound();
  return v;
}

/** A brist and its verksamhet, after the object check: 404 when the principal may not read it. */
async function bristFor(tx: Queryable, p: Principal, id: string, action: 'brist:read' | 'brist:write') {
  const b = await repo.getBristRef(tx, id);
  if (!b) throw new NotFound();
  const v = await verksamhetOr404(tx, b.verksamhetId);
  authorize(p, action, verksamhetResource(v), 'brist:read');
  return { brist: b, verksamhet: v };
}

const today = () => new Date().toISOString().slice(0, 10);

/** Checks subject, actors, kommuner and date against the reference data; every problem at once. */
async function validateRefs(
  tx: Queryable,
  verksamhetId: string,
  input: { amneKod?: string; aktorIds?: string[]; kommunKoder?: string[]; observeradDatum?: string },
  tidigareAktorer: string[] = [],
) {
  const errors: FieldError[] = [];
  if (input.amneKod !== undefined) {
    const amne = await repo.getAmne(tx, input.amneKod);
    if (!amne) errors.push({ field: 'amneKod', message: `Ämnet ${input.amneKod} finns inte i taxonomin.` });
    else if (!amne.valbar)
      errors.push({
        field: 'amneKod',
        message: `${amne.namn} är en grupp; välj ett av ämnena under den.`,
      });
  }
  if (input.aktorIds !== undefined) {
    const found = await repo.findAktorer(tx, { ids: input.aktorIds });
    // An ended actor stays on the brister it already had, but is not chosen anew.
    const nya = input.aktorIds.filter((id) => !tidigareAktorer.includes(id));
    const giltiga = await repo.giltigaAktorIds(tx, nya, idagISverige());
    for (const id of input.aktorIds) {
      const a = found.find((x) => x.id === id);
      if (!a) errors.push({ field: 'aktorIds', message: `Aktören ${id} finns inte.` });
      else if (nya.includes(id) && !giltiga.has(id))
        errors.push({
          field: 'aktorIds',
          message: `${a.namn} finns inte längre i aktörsregistret och kan inte väljas för nya brister.`,
        });
    }
  }
  if (input.kommunKoder !== undefined) {
    const coverage = await repo.verksamhetKommuner(tx, verksamhetId);
    for (const k of input.kommunKoder)
      if (!coverage.includes(k))
        errors.push({ field: 'kommunKoder', message: `Kommunen ${k} ingår inte i verksamhetens område.` });
  }
  if (input.observeradDatum !== undefined && input.observeradDatum > today())
    errors.push({ field: 'observeradDatum', message: 'Datumet kan inte ligga i framtiden.' });
  if (errors.length) throw new Invalid(errors);
}

// ---- taxonomy ----

export async function listAmnen(ctx: ServiceContext) {
  return inTx(ctx, {}, ({ tx }) => repo.listAmnen(tx));
}

/** Socialstyrelsen, or the system administrator who keeps the register, extends the national taxonomy. */
export async function createAmne(ctx: ServiceContext, input: CreateBristAmne) {
  if (!can(ctx.principal, 'org:admin', { typ: 'system' }))
    authorize(ctx.principal, 'national:read', { typ: 'nation' });
  return inTx(ctx, {}, async ({ tx, audit }) => {
    if (await repo.getAmne(tx, input.kod))
      throw new Conflict(`Ämnet ${input.kod} finns redan.`, [
        { field: 'kod', message: 'Koden används redan.' },
      ]);
    if (input.grupp !== undefined) {
      const grupp = await repo.getAmne(tx, input.grupp);
      if (!grupp) throw invalidField('grupp', `Gruppen ${input.grupp} finns inte.`);
      if (grupp.grupp !== null) throw invalidField('grupp', `${grupp.namn} är ett ämne, inte en grupp.`);
    }
    await repo.insertAmne(tx, {
      kod: input.kod,
      namn: input.namn,
      grupp: input.grupp ?? null,
      aktorKategori: input.aktorKategori ?? null,
    });
    await audit({ action: 'brist_amne.created', resourceType: 'brist_amne', resourceId: input.kod });
    return (await repo.getAmne(tx, input.kod))!;
  });
}

// ---- presenting ----

async function present(
  tx: Queryable,
  rows: Awaited<ReturnType<typeof repo.listBristRows>>,
): Promise<BristItem[]> {
  const ids = rows.map((r) => r.id);
  const aktorer = await repo.aktorerFor(tx, ids, aterkopplingDagar());
  const kommuner = await repo.kommunerFor(tx, ids);
  return rows.map((r) => {
    const own = aktorer.filter((a) => a.bristId === r.id).map(({ bristId: _b, ...a }) => a);
    return {
      ...r,
      kommuner: kommuner.filter((k) => k.bristId === r.id).map(({ bristId: _b, ...k }) => k),
      aktorer: own,
      aterkopplingForsenad: own.some((a) => a.aterkopplingForsenad),
    };
  });
}

async function detail(tx: Queryable, id: string): Promise<BristDetail> {
  const [item] = await present(tx, await repo.listBristRows(tx, { ids: [id] }));
  if (!item) throw new NotFound();
  const handelser = await repo.handelserFor(tx, id);
  const atgarder = await repo.atgarderFor(tx, id);
  const aterkopplingar = await repo.aterkopplingarFor(tx, [id]);
  return {
    ...item,
    handelser,
    atgarder,
    aterkopplingar: aterkopplingar.map(({ bristId: _b, ...a }) => a),
  };
}

// ---- the actors to choose from ----

/**
 * The actors a verksamhet may send a new brist to, in force today: its own region and län first, then the
 * kommuner it covers, the national agencies, and the rest of the register.
 */
export async function aktorVal(ctx: ServiceContext, verksamhetId: string): Promise<BristAktorVal[]> {
  return inTx(ctx, {}, async ({ tx }) => {
    const v = await verksamhetOr404(tx, verksamhetId);
    authorize(ctx.principal, 'brist:read', verksamhetResource(v));
    const kommuner = await repo.verksamhetKommuner(tx, verksamhetId);
    return repo.aktorValFor(tx, { lanKod: v.lanKod, kommuner }, idagISverige());
  });
}

// ---- the verksamhet's register ----

/** The filters as the repo takes them (the list and its export). */
function bristUrval(verksamhetId: string, f: Omit<BristFilterParsed, 'limit' | 'offset'>): repo.ListFilter {
  return {
    verksamhetId,
    ...(f.niva ? { niva: f.niva } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.aktor ? { aktorId: f.aktor } : {}),
    ...(f.amne ? { amneKod: f.amne } : {}),
    ...(f.fran ? { fran: f.fran } : {}),
    ...(f.till ? { till: f.till } : {}),
    ...(f.q ? { q: f.q } : {}),
    ...(f.forsenad ? { forsenad: { ja: f.forsenad === 'true', dagar: aterkopplingDagar() } } : {}),
  };
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success)
    throw new Invalid(
      r.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'query', message: i.message })),
    );
  return r.data;
}

/** One page of the register, sorted and filtered, and how many brister the filters match. */
export async function listBrister(
  ctx: ServiceContext,
  verksamhetId: string,
  q: BristFilter = {},
): Promise<BristList> {
  const f = parse(bristFilter, q);
  return inTx(ctx, {}, async ({ tx }) => {
    const v = await verksamhetOr404(tx, verksamhetId);
    authorize(ctx.principal, 'brist:read', verksamhetResource(v));
    const { total, rows } = await repo.sidaBrister(tx, {
      ...bristUrval(verksamhetId, f),
      sort: f.sort,
      limit: f.limit,
      offset: f.offset,
    });
    return { total, items: await present(tx, rows) };
  });
}

/** Every brist the filters select, as a file (CSV or xlsx) in the list's order. */
export async function exportBrister(ctx: ServiceContext, verksamhetId: string, q: Partial<BristExportQuery>) {
  const f = parse(bristExportQuery, q);
  return inTx(ctx, {}, async ({ tx }) => {
    const v = await verksamhetOr404(tx, verksamhetId);
    authorize(ctx.principal, 'brist:read', verksamhetResource(v));
    const rows = await repo.allaBrister(tx, { ...bristUrval(verksamhetId, f), sort: f.sort });
    return bristFil(await present(tx, rows), f.format, { verksamhetKod: v.kod, idag: idagISverige() });
  });
}

export async function getBrist(ctx: ServiceContext, id: string) {
  return inTx(ctx, {}, async ({ tx }) => {
    await bristFor(tx, ctx.principal, id, 'brist:read');
    return detail(tx, id);
  });
}

export async function createBrist(ctx: ServiceContext, verksamhetId: string, input: CreateBrist) {
  return inTx(ctx, {}, async (t) => {
    const { tx, audit } = t;
    const v = await verksamhetOr404(tx, verksamhetId);
    authorize(ctx.principal, 'brist:write', verksamhetResource(v), 'brist:read');
    guardPersonalData({ titel: input.titel, beskrivning: input.beskrivning });
    await validateRefs(tx, verksamhetId, input);
    const kommunKoder = input.kommunKoder ?? (await repo.verksamhetKommuner(tx, verksamhetId));
    const who = actor(ctx.principal);
    const id = await repo.insertBrist(tx, {
      verksamhetId,
      titel: input.titel,
      beskrivning: input.beskrivning,
      niva: input.niva,
      amneKod: input.amneKod,
      observeradDatum: input.observeradDatum,
      antalKlienter: input.antalKlienter,
      createdBy: who.userId,
    });
    await repo.setAktorer(tx, id, [...new Set(input.aktorIds)]);
    await repo.setKommuner(tx, id, [...new Set(kommunKoder)]);
    await repo.insertHandelse(tx, {
      bristId: id,
      fromStatus: null,
      toStatus: 'registrerad',
      ...who,
      kommentar: null,
    });
    await audit({
      action: 'brist.created',
      organisationId: verksamhetId,
      resourceType: 'brist',
      resourceId: id,
      detail: { niva: input.niva, amne: input.amneKod },
    });
    // Straight to the actors, in the same transaction, without waiting for the ledningsgrupp (seed 001).
    if (input.skickaDirekt)
      await transitionInTx(
        t,
        ctx.principal,
        { id, verksamhetId, status: 'registrerad' },
        'skickad_till_aktor',
        null,
      );
    return detail(tx, id);
  });
}

/** Editable until the brist has been sent: what an actor received must not change under it. */
export async function updateBrist(ctx: ServiceContext, id: string, input: UpdateBrist) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const { brist, verksamhet } = await bristFor(tx, ctx.principal, id, 'brist:write');
    const current = await detail(tx, id);
    if (current.aktorer.some((a) => a.skickadAt !== null) || brist.status === 'avslutad')
      throw new Conflict('Bristen har skickats till en aktör eller avslutats och kan inte längre ändras.');
    guardPersonalData({ titel: input.titel, beskrivning: input.beskrivning });
    await validateRefs(
      tx,
      verksamhet.id,
      input,
      current.aktorer.map((a) => a.id),
    );
    const { aktorIds, kommunKoder, ...fields } = input;
    await repo.updateBrist(tx, id, fields);
    if (aktorIds) await repo.setAktorer(tx, id, [...new Set(aktorIds)]);
    if (kommunKoder) await repo.setKommuner(tx, id, [...new Set(kommunKoder)]);
    await audit({
      action: 'brist.updated',
      organisationId: verksamhet.id,
      resourceType: 'brist',
      resourceId: id,
      detail: { fields: Object.keys(input) },
    });
    return detail(tx, id);
  });
}

/**
 * One status change inside the caller's transaction: checked against the state machine, written to the
 * history and the audit log. Sending marks the brist as sent to every actor it concerns.
 */
export async function transitionInTx(
  t: Audited,
  p: Principal,
  b: { id: string; verksamhetId: string; status: BristStatus },
  to: BristStatus,
  kommentar: string | null,
) {
  const why = assertOvergang(b.status, to);
  if (why) throw new Conflict(why, [{ field: 'status', message: why }]);
  if (to === 'skickad_till_aktor') {
    const sentTo = await repo.markSkickad(t.tx, b.id);
    if (sentTo.length === 0) throw invalidField('status', 'Bristen har ingen aktör att skicka till.');
    await t.audit({
      action: 'brist.sent',
      organisationId: b.verksamhetId,
      resourceType: 'brist',
      resourceId: b.id,
      detail: { aktorIds: sentTo },
    });
  }
  await repo.setStatus(t.tx, b.id, to);
  await repo.insertHandelse(t.tx, {
    bristId: b.id,
    fromStatus: b.status,
    toStatus: to,
    ...actor(p),
    kommentar,
  });
  await t.audit({
    action: 'brist.status_changed',
    organisationId: b.verksamhetId,
    resourceType: 'brist',
    resourceId: b.id,
    detail: { from: b.status, to },
  });
}

export async function changeStatus(ctx: ServiceContext, id: string, input: ChangeBristStatus) {
  return inTx(ctx, {}, async (t) => {
    const { brist } = await bristFor(t.tx, ctx.principal, id, 'brist:write');
    guardPersonalData({ kommentar: input.kommentar });
    await transitionInTx(t, ctx.principal, brist, input.status, input.kommentar ?? null);
    return detail(t.tx, id);
  });
}

export async function addAtgard(ctx: ServiceContext, id: string, input: CreateAtgard) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const { verksamhet } = await bristFor(tx, ctx.principal, id, 'brist:write');
    guardPersonalData({ text: input.text });
    if (input.datum > today()) throw invalidField('datum', 'Datumet kan inte ligga i framtiden.');
    const atgardId = await repo.insertAtgard(tx, { bristId: id, ...input, ...actor(ctx.principal) });
    await audit({
      action: 'atgard.created',
      organisationId: verksamhet.id,
      resourceType: 'brist',
      resourceId: id,
      detail: { atgardId },
    });
    return detail(tx, id);
  });
}

// ---- for the ledningsgrupp module (inside its transaction) ----

/** The brister for a meeting's agenda: open ones plus those registered after the previous meeting. */
export function agendaIdsInTx(tx: Queryable, verksamhetId: string, sedan: string | null) {
  return repo.agendaIds(tx, verksamhetId, sedan);
}

export async function bristerInTx(tx: Queryable, verksamhetId: string, ids: string[]) {
  return present(tx, await repo.listBristRows(tx, { verksamhetId, ids }));
}

export async function bristRefInTx(tx: Queryable, verksamhetId: string, id: string) {
  const b = await repo.getBristRef(tx, id);
  return b && b.verksamhetId === verksamhetId ? b : null;
}

// ---- the actor's inbox ----

/** The actor organisations where the principal answers for brister. */
function aktorIdsOf(p: Principal): string[] {
  return [
    ...new Set(
      p.medlemskap
        .filter(
          (m) =>
            m.organisationTyp === 'aktor' && can(p, 'aktor:inbox', { typ: 'aktor', id: m.organisationId }),
        )
        .map((m) => m.organisationId),
    ),
  ];
}

async function inboxItems(tx: Queryable, aktorIds: string[], bristId?: string): Promise<InboxItem[]> {
  const rows = await repo.inboxRows(tx, aktorIds, bristId);
  if (rows.length === 0) return [];
  const bristIds = [...new Set(rows.map((r) => r.bristId))];
  const brister = await repo.listBristRows(tx, { ids: bristIds });
  const kommuner = await repo.kommunerFor(tx, bristIds);
  const svar = await repo.aterkopplingarFor(tx, bristIds, aktorIds);
  const aktorer = await repo.findAktorer(tx, { ids: aktorIds });
  const verksamheter = await repo.verksamheterRefs(tx, [...new Set(brister.map((b) => b.verksamhetId))]);
  const grans = Date.now() - aterkopplingDagar() * 86_400_000;
  return rows.map((r) => {
    const b = brister.find((x) => x.id === r.bristId)!;
    const egnaSvar = svar
      .filter((s) => s.bristId === r.bristId && s.aktor.id === r.aktorId)
      .map(({ bristId: _b, ...s }) => s);
    const besvarad = egnaSvar.some((s) => Date.parse(s.at) >= Date.parse(r.skickadAt));
    return {
      id: b.id,
      aktor: aktorer.find((a) => a.id === r.aktorId)!,
      verksamhet: verksamheter.find((v) => v.id === b.verksamhetId)!,
      titel: b.titel,
      beskrivning: b.beskrivning,
      niva: b.niva,
      amne: b.amne,
      observeradDatum: b.observeradDatum,
      antalKlienter: b.antalKlienter,
      kommuner: kommuner.filter((k) => k.bristId === b.id).map(({ bristId: _b, ...k }) => k),
      skickadAt: r.skickadAt,
      besvarad,
      aterkopplingForsenad: !besvarad && Date.parse(r.skickadAt) < grans,
      aterkopplingar: egnaSvar,
    };
  });
}

export async function inbox(ctx: ServiceContext, filter: { obesvarade?: 'true' | 'false' } = {}) {
  const aktorIds = aktorIdsOf(ctx.principal);
  return inTx(ctx, {}, async ({ tx }) => {
    const items = await inboxItems(tx, aktorIds);
    if (filter.obesvarade === undefined) return items;
    return items.filter((i) => !i.besvarad === (filter.obesvarade === 'true'));
  });
}

export async function inboxBrist(ctx: ServiceContext, bristId: string) {
  const aktorIds = aktorIdsOf(ctx.principal);
  return inTx(ctx, {}, async ({ tx }) => {
    // Someone answering for several actors sees the brist as sent to the first of them.
    const [item] = await inboxItems(tx, aktorIds, bristId);
    if (!item) throw new NotFound();
    return item;
  });
}

/** An actor answers a brist sent to it; the first answer moves a sent brist to aterkoppling_mottagen. */
export async function answer(ctx: ServiceContext, bristId: string, input: CreateAterkoppling) {
  const mine = aktorIdsOf(ctx.principal);
  const aktorIds = input.aktorId ? mine.filter((id) => id === input.aktorId) : mine;
  return inTx(ctx, {}, async (t) => {
    const rows = await repo.inboxRows(t.tx, aktorIds, bristId);
    if (rows.length === 0) throw new NotFound();
    if (rows.length > 1)
      throw invalidField(
        'aktorId',
        'Bristen har skickats till flera av dina organisationer; ange vilken som svarar.',
      );
    guardPersonalData({ text: input.text });
    const aktorId = rows[0]!.aktorId;
    const b = (await repo.getBristRef(t.tx, bristId))!;
    const id = await repo.insertAterkoppling(t.tx, {
      bristId,
      aktorId,
      typ: input.typ,
      text: input.text,
      ...actor(ctx.principal),
    });
    await t.audit({
      action: 'aterkoppling.created',
      organisationId: b.verksamhetId,
      resourceType: 'brist',
      resourceId: bristId,
      detail: { aterkopplingId: id, aktorId, typ: input.typ },
    });
    if (b.status === 'skickad_till_aktor') {
      const [a] = await repo.findAktorer(t.tx, { ids: [aktorId] });
      await transitionInTx(
        t,
        ctx.principal,
        b,
        'aterkoppling_mottagen',
        `Återkoppling från ${a?.namn ?? 'aktören'}.`,
      );
    }
    const [item] = await inboxItems(t.tx, [aktorId], bristId);
    return item!;
  });
}
