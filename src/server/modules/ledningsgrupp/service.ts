import type {
  CreateBeslut,
  CreateLedamot,
  CreateMote,
  LedningsgruppDetail,
  MoteDetail,
  MoteExportQuery,
  UpdateMote,
} from '../../../contracts/ledningsgrupp.ts';
import type { BristStatus } from '../../../domain/brist-status.ts';
import { OBLIGATORISKA_ROLLER, saknadeRoller } from '../../../domain/codes.ts';
import type { Queryable } from '../../db/client.ts';
import { authorize, inTx, type ServiceContext } from '../../platform/context.ts';
import { type FieldError, Invalid, invalidField, NotFound } from '../../platform/errors.ts';
import { listFil } from '../../platform/list-file.ts';
import * as brister from '../brister/service.ts';
import * as documents from './documents.ts';
import * as repo from './repo.ts';

type Action = 'ledningsgrupp:read' | 'ledningsgrupp:write';

async function verksamhetFor(tx: Queryable, ctx: ServiceContext, verksamhetId: string, action: Action) {
  const v = await repo.verksamhetRef(tx, verksamhetId);
  if (!v) throw new NotFound();
  authorize(ctx.principal, action, brister.verksamhetResource(v), 'ledningsgrupp:read');
  return v;
}

async function moteFor(tx: Queryable, verksamhetId: string, moteId: string) {
  const m = await repo.getMote(tx, verksamhetId, moteId);
  if (!m) throw new NotFound();
  return m;
}

async function ledningsgruppDetail(tx: Queryable, verksamhetId: string): Promise<LedningsgruppDetail> {
  const lg = await repo.getLedningsgrupp(tx, verksamhetId);
  const ledamoter = await repo.listLedamoter(tx, verksamhetId);
  const moten = await repo.listMoten(tx, verksamhetId);
  const saknade = saknadeRoller(ledamoter.map((l) => l.rollkategori));
  const harBrukarorganisation = ledamoter.some((l) => l.rollkategori === 'brukarorganisation');
  const brukarorganisationErbjuden = lg?.brukarorganisationErbjuden ?? false;
  return {
    verksamhetId,
    brukarorganisationErbjuden,
    harBrukarorganisation,
    ledamoter,
    obligatoriskaRoller: [...OBLIGATORISKA_ROLLER],
    saknadeRoller: saknade,
    uppfyllerForordningen: saknade.length === 0 && (brukarorganisationErbjuden || harBrukarorganisation),
    moten,
  };
}

/** Attendees must be current members of this verksamhet's group. */
async function checkNarvaro(tx: Queryable, verksamhetId: string, ids: string[]) {
  const found = await repo.ledamoterById(tx, verksamhetId, ids);
  const errors: FieldError[] = ids
    .filter((id) => !found.some((l) => l.id === id && l.avgickAt === null))
    .map((id) => ({ field: 'narvaro', message: `${id} är ingen ledamot i ledningsgruppen.` }));
  if (errors.length) throw new Invalid(errors);
}

const stockholmDate = (ts: string) =>
  new Date(ts).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

async function moteDetail(
  tx: Queryable,
  verksamhet: { id: string; namn: string },
  moteId: string,
): Promise<MoteDetail> {
  const m = await moteFor(tx, verksamhet.id, moteId);
  const narvaro = await repo.narvaro(tx, moteId);
  const punkter = await repo.agenda(tx, moteId);
  const forra = await repo.previousMoteDatum(tx, verksamhet.id, m.datum, m.id);
  const items = await brister.bristerInTx(
    tx,
    verksamhet.id,
    punkter.map((p) => p.bristId),
  );
  return {
    id: m.id,
    verksamhetId: verksamhet.id,
    verksamhetNamn: verksamhet.namn,
    datum: m.datum,
    protokoll: m.protokoll,
    narvaro,
    dagordning: items
      .map((b) => {
        const p = punkter.find((x) => x.bristId === b.id)!;
        return {
          bristId: b.id,
          titel: b.titel,
          niva: b.niva,
          amneKod: b.amne.kod,
          amneNamn: b.amne.namn,
          status: b.status,
          aktorer: b.aktorer.map((a) => a.namn),
          antalKlienter: b.antalKlienter,
          observeradDatum: b.observeradDatum,
          ny: forra === null || stockholmDate(b.createdAt) > forra,
          beslut: p.beslut,
          beslutAt: p.beslutAt,
        };
      })
      // New brister first, then the open ones carried over; oldest observation first within each.
      .sort((a, b) => Number(b.ny) - Number(a.ny) || a.observeradDatum.localeCompare(b.observeradDatum)),
  };
}

// ---- the group and its members ----

export async function getLedningsgrupp(ctx: ServiceContext, verksamhetId: string) {
  return inTx(ctx, {}, async ({ tx }) => {
    await verksamhetFor(tx, ctx, verksamhetId, 'ledningsgrupp:read');
    return ledningsgruppDetail(tx, verksamhetId);
  });
}

export async function updateLedningsgrupp(
  ctx: ServiceContext,
  verksamhetId: string,
  input: { brukarorganisationErbjuden: boolean },
) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    await verksamhetFor(tx, ctx, verksamhetId, 'ledningsgrupp:write');
    await repo.upsertLedningsgrupp(tx, verksamhetId, input.brukarorganisationErbjuden);
    await audit({
      action: 'ledningsgrupp.updated',
      organisationId: verksamhetId,
      resourceType: 'ledningsgrupp',
      resourceId: verksamhetId,
      detail: input,
    });
    return ledningsgruppDetail(tx, verksamhetId);
  });
}

export async function addLedamot(ctx: ServiceContext, verksamhetId: string, input: CreateLedamot) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    await verksamhetFor(tx, ctx, verksamhetId, 'ledningsgrupp:write');
    if (input.userId && !(await repo.userInVerksamhet(tx, input.userId, verksamhetId)))
      throw invalidField(
        'userId',
        'Användaren har ingen roll i verksamheten; ge henne eller honom rollen ledamot först.',
      );
    const id = await repo.insertLedamot(tx, {
      verksamhetId,
      rollkategori: input.rollkategori,
      organisation: input.organisation,
      namn: input.namn,
      userId: input.userId ?? null,
    });
    await audit({
      action: 'ledamot.created',
      organisationId: verksamhetId,
      resourceType: 'ledamot',
      resourceId: id,
      detail: { rollkategori: input.rollkategori },
    });
    return ledningsgruppDetail(tx, verksamhetId);
  });
}

export async function removeLedamot(ctx: ServiceContext, verksamhetId: string, ledamotId: string) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    await verksamhetFor(tx, ctx, verksamhetId, 'ledningsgrupp:write');
    if (!(await repo.markLedamotAvgick(tx, verksamhetId, ledamotId))) throw new NotFound();
    await audit({
      action: 'ledamot.removed',
      organisationId: verksamhetId,
      resourceType: 'ledamot',
      resourceId: ledamotId,
    });
    return ledningsgruppDetail(tx, verksamhetId);
  });
}

// ---- meetings ----

/** A meeting is in year `ar` by its date; no year = every meeting. */
const iAret = (ar: number | undefined) => (m: { datum: string }) =>
  ar === undefined || m.datum.startsWith(`${ar}-`);

export async function listMoten(ctx: ServiceContext, verksamhetId: string, ar?: number) {
  return inTx(ctx, {}, async ({ tx }) => {
    await verksamhetFor(tx, ctx, verksamhetId, 'ledningsgrupp:read');
    return (await repo.listMoten(tx, verksamhetId)).filter(iAret(ar));
  });
}

/** The meetings of the selection as a file (a group meets about twice a year: the rows are few). */
export async function exportMoten(ctx: ServiceContext, verksamhetId: string, q: MoteExportQuery) {
  return inTx(ctx, {}, async ({ tx }) => {
    const v = await verksamhetFor(tx, ctx, verksamhetId, 'ledningsgrupp:read');
    const moten = (await repo.listMoten(tx, verksamhetId)).filter(iAret(q.ar));
    return listFil({
      kolumner: ['Datum', 'Närvarande', 'Punkter på dagordningen', 'Beslutade', 'Protokoll'],
      rader: moten.map((m) => [m.datum, m.narvarande, m.punkter, m.beslutade, m.harProtokoll ? 'Ja' : 'Nej']),
      format: q.format,
      blad: 'Möten',
      bredder: [12, 12, 24, 12, 10],
      namn: `moten-${v.kod}-${q.ar ?? 'alla'}`,
    });
  });
}

/** A meeting; its agenda is the brister registered since the previous meeting plus the open ones. */
export async function createMote(ctx: ServiceContext, verksamhetId: string, input: CreateMote) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const v = await verksamhetFor(tx, ctx, verksamhetId, 'ledningsgrupp:write');
    const narvaro = [...new Set(input.narvaro ?? [])];
    await checkNarvaro(tx, verksamhetId, narvaro);
    const forra = await repo.previousMoteDatum(tx, verksamhetId, input.datum);
    const id = await repo.insertMote(tx, { verksamhetId, datum: input.datum });
    await repo.setNarvaro(tx, id, narvaro);
    const punkter = await brister.agendaIdsInTx(tx, verksamhetId, forra);
    await repo.addToAgenda(tx, id, punkter);
    await audit({
      action: 'mote.created',
      organisationId: verksamhetId,
      resourceType: 'mote',
      resourceId: id,
      detail: { datum: input.datum, punkter: punkter.length },
    });
    return moteDetail(tx, v, id);
  });
}

export async function getMote(ctx: ServiceContext, verksamhetId: string, moteId: string) {
  return inTx(ctx, {}, async ({ tx }) => {
    const v = await verksamhetFor(tx, ctx, verksamhetId, 'ledningsgrupp:read');
    return moteDetail(tx, v, moteId);
  });
}

/** Date, attendance and minutes; the minutes go to every member, so they are checked for personal data. */
export async function updateMote(
  ctx: ServiceContext,
  verksamhetId: string,
  moteId: string,
  input: UpdateMote,
) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const v = await verksamhetFor(tx, ctx, verksamhetId, 'ledningsgrupp:write');
    await moteFor(tx, verksamhetId, moteId);
    brister.guardPersonalData({ protokoll: input.protokoll });
    if (input.narvaro) {
      const narvaro = [...new Set(input.narvaro)];
      await checkNarvaro(tx, verksamhetId, narvaro);
      await repo.setNarvaro(tx, moteId, narvaro);
    }
    await repo.updateMote(tx, moteId, {
      ...(input.datum !== undefined ? { datum: input.datum } : {}),
      ...(input.protokoll !== undefined ? { protokoll: input.protokoll || null } : {}),
    });
    await audit({
      action: 'mote.updated',
      organisationId: verksamhetId,
      resourceType: 'mote',
      resourceId: moteId,
      detail: { fields: Object.keys(input) },
    });
    return moteDetail(tx, v, moteId);
  });
}

/**
 * The group's decision on a brist. Taking it up at the meeting lifts a registered (or persisting) brist to
 * lyft_i_ledningsgrupp; a further status decided (sent to the actor, persists, closed) follows in the same
 * transaction. Each change lands in the brist's history with the meeting date and the decision.
 */
export async function addBeslut(
  ctx: ServiceContext,
  verksamhetId: string,
  moteId: string,
  input: CreateBeslut,
) {
  return inTx(ctx, {}, async (t) => {
    const v = await verksamhetFor(t.tx, ctx, verksamhetId, 'ledningsgrupp:write');
    const m = await moteFor(t.tx, verksamhetId, moteId);
    brister.guardPersonalData({ beslut: input.beslut });
    const b = await brister.bristRefInTx(t.tx, verksamhetId, input.bristId);
    if (!b) throw invalidField('bristId', 'Bristen finns inte i verksamhetens register.');
    await repo.setBeslut(t.tx, moteId, b.id, input.beslut);
    const kommentar = `Ledningsgruppens möte ${m.datum}: ${input.beslut}`;
    let status: BristStatus = b.status;
    const step = async (to: BristStatus) => {
      await brister.transitionInTx(t, ctx.principal, { ...b, status }, to, kommentar);
      status = to;
    };
    if (status === 'registrerad' || (status === 'kvarstar' && input.status === undefined))
      await step('lyft_i_ledningsgrupp');
    if (input.status !== undefined && input.status !== status) await step(input.status);
    await t.audit({
      action: 'mote.beslut',
      organisationId: verksamhetId,
      resourceType: 'mote',
      resourceId: moteId,
      detail: { bristId: b.id, status },
    });
    return moteDetail(t.tx, v, moteId);
  });
}

// ---- documents ----

export type DocumentKind = 'dagordning' | 'protokoll';
export type DocumentFormat = 'pdf' | 'docx';

export async function moteDocument(
  ctx: ServiceContext,
  verksamhetId: string,
  moteId: string,
  kind: DocumentKind,
  format: DocumentFormat,
) {
  const { detail, ledamoter } = await inTx(ctx, {}, async ({ tx }) => {
    const v = await verksamhetFor(tx, ctx, verksamhetId, 'ledningsgrupp:read');
    return { detail: await moteDetail(tx, v, moteId), ledamoter: await repo.listLedamoter(tx, verksamhetId) };
  });
  const body = await documents.build(kind, format, detail, ledamoter);
  return {
    body,
    filename: `${kind}-${detail.datum}.${format}`,
    contentType:
      format === 'pdf'
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}
