/**
 * The redovisning of a verksamhet for a year: draft (pre-filled from casework), submission as an immutable
 * version, the Länsstyrelse's review (comments, return, approval) and the snapshots the national module
 * reads.
 *
 * Who sees what:
 * - the verksamhet's own people (redovisning:read; chef also :write) see the draft and everything about it;
 * - a Länsstyrelse (redovisning:read/review on its län's verksamheter) and Socialstyrelsen (redovisning:read
 *   on all) see SUBMITTED versions only — never the draft, never the casework behind it; anything else
 *   answers 404 as if it did not exist.
 */

import { kodNyckel } from '../../../contracts/orgs.ts';
import {
  type GranskningView,
  type LanList,
  type LanSort,
  LISTSTATUS,
  type NationStatus,
  type RedovisningView,
  type SaveRedovisning,
} from '../../../contracts/redovisning.ts';
import { type RedovisningV1, redovisningV1 } from '../../../contracts/redovisning-v1.ts';
import { can, type Principal, type Resource, verksamheterMed } from '../../../domain/access.ts';
import { idagISverige } from '../../../domain/datum.ts';
import * as regler from '../../../domain/redovisning/dokumentregler.ts';
import { assertOvergang, type RedovisningStatus } from '../../../domain/redovisning-status.ts';
import { type AppDb, inOrder, mapInOrder, type Tx } from '../../db/client.ts';
import { authorize, inTx, type ServiceContext } from '../../platform/context.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../platform/errors.ts';
import * as orgRepo from '../orgs/repo.ts';
import { createVerksamhetService } from '../orgs/service.ts';
import { ordnaLanRader } from './lan-ordning.ts';
import * as repo from './repo.ts';
import * as underlag from './underlag.ts';

export type { Snapshot } from './repo.ts';
export { listSnapshotsForSystem } from './repo.ts';

type Verksamhet = underlag.Verksamhet;

const resource = (v: { id: string; lanKod: string }): Resource => ({
  typ: 'verksamhet',
  id: v.id,
  lanKod: v.lanKod,
});

async function laddaVerksamhet(tx: Tx, id: string): Promise<Verksamhet> {
  const [v] = await orgRepo.listVerksamheter(tx, { ids: [id] });
  if (!v) throw new NotFound();
  return v;
}

/** Is the principal one of the verksamhet's own people (who may see the draft)? */
function egen(p: Principal, verksamhetId: string): boolean {
  return verksamheterMed(p, 'redovisning:read').includes(verksamhetId);
}

function toFieldErrors(fel: regler.Fel[]): FieldError[] {
  return fel.map((f) => ({ field: f.path, rule: f.rule, message: f.message }));
}

const datumSv = (iso: string) => idagISverige(new Date(iso));

// ---------------------------------------------------------------- snapshots for the national module

/**
 * The latest submitted version per verksamhet for year `ar` (approved only unless inklusiveInskickade).
 * A Länsstyrelse gets its own län's; Socialstyrelsen gets all (or one län's with lanKod); anyone else 404.
 */
export async function listSnapshots(
  ctx: ServiceContext,
  q: { ar: number; lanKod?: string; inklusiveInskickade?: boolean },
): Promise<
  Array<{
    verksamhetId: string;
    status: 'inskickad' | 'returnerad' | 'godkand';
    version: number;
    dokument: RedovisningV1;
  }>
> {
  const p = ctx.principal;
  const nationell = p.medlemskap.some(
    (m) => m.roll === 'socialstyrelsen' && m.organisationTyp === 'socialstyrelsen',
  );
  let lanKoder: string[] | null;
  if (nationell) lanKoder = q.lanKod ? [q.lanKod] : null;
  else {
    const egna = [
      ...new Set(
        p.medlemskap
          .filter((m) => m.roll === 'lansstyrelse' && m.organisationTyp === 'lansstyrelse' && m.lanKod)
          .map((m) => m.lanKod as string),
      ),
    ];
    if (egna.length === 0) throw new NotFound();
    if (q.lanKod && !egna.includes(q.lanKod)) throw new NotFound();
    lanKoder = q.lanKod ? [q.lanKod] : egna;
  }
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const base = { ar: q.ar, ...(q.inklusiveInskickade ? { inklusiveInskickade: true } : {}) };
    const rows =
      lanKoder === null
        ? await repo.listSnapshotsForSystem(tx, base)
        : (
            await mapInOrder(lanKoder, (lanKod) => repo.listSnapshotsForSystem(tx, { ...base, lanKod }))
          ).flat();
    await audit({
      action: 'redovisning.snapshots.read',
      resourceType: 'redovisning',
      detail: { ar: q.ar, lanKod: q.lanKod ?? null, antal: rows.length },
    });
    return rows.map((r) => ({
      verksamhetId: r.verksamhetId,
      status: r.status,
      version: r.version,
      dokument: r.dokument,
    }));
  });
}

// ---------------------------------------------------------------- the verksamhet's view

async function forraAret(
  tx: Tx,
  v: Verksamhet,
  ar: number,
  motor: boolean,
): Promise<RedovisningView['forraAret']> {
  const [snap] = await repo.listSnapshotsForSystem(tx, {
    ar: ar - 1,
    inklusiveInskickade: true,
    verksamhetIds: [v.id],
  });
  if (snap) return { ar: ar - 1, kalla: 'inskickad', dokument: snap.dokument };
  if (!motor) return null;
  const r = await underlag.rakning(tx, v.id, ar - 1);
  if (!underlag.harArendedata(r)) return null;
  return { ar: ar - 1, kalla: 'arendehantering', dokument: underlag.somV1(r) };
}

/**
 * Last year's report as the checks across years need it: submitted or approved only (a returned report
 * is being corrected, a draft was never sent), else null and nothing is checked across years.
 */
async function forraArSiffror(tx: Tx, verksamhetId: string, ar: number) {
  const [snap] = await repo.listSnapshotsForSystem(tx, {
    ar: ar - 1,
    inklusiveInskickade: true,
    verksamhetIds: [verksamhetId],
  });
  return snap && (snap.status === 'inskickad' || snap.status === 'godkand')
    ? regler.forraArSiffror(snap.dokument)
    : null;
}

/** The names of the kommuner and stadsdelsområden the document names (its own and its per-kommun rows). */
async function ortnamn(tx: Tx, d: RedovisningV1) {
  const kommuner = new Set<string>(d.verksamhet.kommunKoder);
  const sdo = new Set<string>(d.verksamhet.stadsdelsomraden ?? []);
  for (const x of [...(d.klienter.perKommun ?? []), ...(d.klienter.perStadsdelsomrade ?? [])]) {
    if (x.kommunKod) kommuner.add(x.kommunKod);
    if ('stadsdelsomradeKod' in x && typeof x.stadsdelsomradeKod === 'string') sdo.add(x.stadsdelsomradeKod);
  }
  return repo.ortnamn(tx, { kommuner: [...kommuner], stadsdelsomraden: [...sdo] });
}

function versionItems(versions: repo.VersionRow[], ar: number) {
  return versions.map((x) => ({
    version: x.version,
    inskickadAt: x.inskickadAt,
    inskickadAv: x.inskickadAvNamn,
    forsenad: regler.arForsenad(x.inskickadAt, ar),
  }));
}

function forsenad(versions: repo.VersionRow[], ar: number, nu = new Date()): boolean {
  const forsta = versions[0];
  return forsta ? regler.arForsenad(forsta.inskickadAt, ar) : idagISverige(nu) > regler.deadline(ar);
}

function verksamhetRef(v: Verksamhet) {
  return { id: v.id, kod: v.kod, namn: v.namn, lanKod: v.lanKod, lanNamn: v.lanNamn };
}

async function byggView(
  tx: Tx,
  p: Principal,
  v: Verksamhet,
  ar: number,
  row: repo.RedovisningRow | null,
  proposal: { dokument: RedovisningV1; kalla: repo.Kalla } | null,
): Promise<RedovisningView> {
  const dokument = row?.dokument ?? proposal!.dokument;
  const status: RedovisningStatus = row?.status ?? 'utkast';
  const [versions, handelser, kommentarer] = row
    ? await inOrder(
        () => repo.listVersions(tx, row.id),
        () => repo.handelser(tx, row.id),
        () => repo.listKommentarer(tx, row.id),
      )
    : [[], [], []];
  const fore = await forraAret(tx, v, ar, true);
  const foreSiffror = await forraArSiffror(tx, v.id, ar);
  const senaste = handelser.at(-1);
  const last = status === 'inskickad' || status === 'godkand';
  let anledning: string | null = null;
  if (status === 'inskickad' && senaste)
    anledning = `Redovisningen skickades in ${datumSv(senaste.at)} av ${senaste.anvandare} och granskas av Länsstyrelsen. Den kan inte ändras förrän den returneras.`;
  if (status === 'godkand' && senaste)
    anledning = `Redovisningen godkändes ${datumSv(senaste.at)} av ${senaste.anvandare} och kan inte längre ändras.`;
  return {
    id: row?.id ?? null,
    verksamhet: verksamhetRef(v),
    ar,
    status,
    kalla: row?.kalla ?? proposal!.kalla,
    dokument,
    validering: regler.valideraDokument(dokument, { kravText: true, forraAret: foreSiffror }),
    varningar: regler.varningar(dokument, foreSiffror),
    forraAret: fore,
    forraArSiffror: foreSiffror,
    ortnamn: await ortnamn(tx, dokument),
    jamforelse: regler.jamforelse(dokument, fore?.dokument ?? null),
    andelar: regler.andelar(dokument),
    deadline: regler.deadline(ar),
    forsenad: forsenad(versions, ar),
    las: {
      last,
      anledning,
      av: last && senaste ? senaste.anvandare : null,
      at: last && senaste ? senaste.at : null,
    },
    returAnledning: status === 'returnerad' ? (senaste?.kommentar ?? null) : null,
    versioner: versionItems(versions, ar),
    kommentarer,
    handelser,
    kanAndra: !last && can(p, 'redovisning:write', resource(v)),
    uppdateradAv: row?.updatedByNamn ?? null,
    uppdateradAt: row?.updatedAt ?? null,
  };
}

/** The RLS scope for reading the verksamhet's casework aggregates: only its own people. */
function rls(p: Principal, verksamhetId: string) {
  return verksamheterMed(p, 'redovisning:read').filter((id) => id === verksamhetId);
}

export async function getRedovisning(
  ctx: ServiceContext,
  verksamhetId: string,
  ar: number,
): Promise<RedovisningView> {
  return inTx(ctx, { verksamhetIds: rls(ctx.principal, verksamhetId) }, async ({ tx, audit }) => {
    const v = await laddaVerksamhet(tx, verksamhetId);
    if (!egen(ctx.principal, v.id)) throw new NotFound();
    authorize(ctx.principal, 'redovisning:read', resource(v));
    const row = await repo.getRedovisning(tx, v.id, ar);
    const proposal = row ? null : await underlag.forslag(tx, v, ar);
    await audit({
      action: 'redovisning.read',
      organisationId: v.id,
      resourceType: 'redovisning',
      resourceId: row?.id ?? null,
      detail: { ar },
    });
    return byggView(tx, ctx.principal, v, ar, row, proposal);
  });
}

/** Loads (or creates from the proposal) the draft for a write, checking it may still be changed. */
async function skrivbar(
  tx: Tx,
  ctx: ServiceContext,
  verksamhetId: string,
  ar: number,
): Promise<{ v: Verksamhet; row: repo.RedovisningRow }> {
  const v = await laddaVerksamhet(tx, verksamhetId);
  if (!egen(ctx.principal, v.id)) throw new NotFound();
  authorize(ctx.principal, 'redovisning:write', resource(v), 'redovisning:read');
  let row = await repo.getRedovisning(tx, v.id, ar);
  if (!row) {
    const p = await underlag.forslag(tx, v, ar);
    const id = await repo.insertRedovisning(tx, {
      verksamhetId: v.id,
      ar,
      dokument: p.dokument,
      kalla: p.kalla,
      userId: ctx.principal.userId,
      anvandare: ctx.principal.username,
    });
    await repo.insertHandelse(tx, {
      redovisningId: id,
      fromStatus: null,
      toStatus: 'utkast',
      version: null,
      userId: ctx.principal.userId,
      anvandare: ctx.principal.username,
      kommentar: null,
    });
    row = (await repo.getRedovisning(tx, v.id, ar))!;
  }
  await repo.lockRedovisning(tx, row.id);
  row = (await repo.getRedovisningById(tx, row.id))!;
  return { v, row };
}

function assertAndringsbar(row: repo.RedovisningRow) {
  if (row.status === 'inskickad')
    throw new Conflict(
      'Redovisningen är inskickad och granskas av Länsstyrelsen; den kan inte ändras förrän den returneras.',
    );
  if (row.status === 'godkand') throw new Conflict('Redovisningen är godkänd och kan inte längre ändras.');
}

const SIFFERBLOCK = ['klienter', 'kontaktorsaker', 'ko'] as const;

/** The same leaves whatever the key order (a stored jsonb document comes back with its keys reordered). */
function sammaVarden(a: unknown, b: unknown): boolean {
  const [x, y] = [regler.lov(a), regler.lov(b)];
  return x.size === y.size && [...x].every(([k, v]) => y.has(k) && Object.is(y.get(k), v));
}

export async function saveRedovisning(
  ctx: ServiceContext,
  verksamhetId: string,
  ar: number,
  input: SaveRedovisning,
): Promise<RedovisningView> {
  const pfel = regler.personuppgiftsFel(input);
  if (pfel.length) throw new Invalid(toFieldErrors(pfel));
  return inTx(ctx, { verksamhetIds: rls(ctx.principal, verksamhetId) }, async ({ tx, audit }) => {
    const { v, row } = await skrivbar(tx, ctx, verksamhetId, ar);
    assertAndringsbar(row);
    const dokument = { ...row.dokument, ...input } as RedovisningV1;
    // The figures per kommun were counted from the casework with the client figures they split: once a
    // client figure or contact reason is typed over, they no longer add up and are left out.
    const utanOmraden = ({ perKommun: _k, perStadsdelsomrade: _s, ...k }: RedovisningV1['klienter']) => k;
    const klientsiffrorAndrade =
      (input.klienter !== undefined &&
        !sammaVarden(utanOmraden(input.klienter), utanOmraden(row.dokument.klienter))) ||
      (input.kontaktorsaker !== undefined && !sammaVarden(input.kontaktorsaker, row.dokument.kontaktorsaker));
    if (klientsiffrorAndrade) dokument.klienter = utanOmraden(dokument.klienter);
    else if (input.klienter && !('perKommun' in input.klienter)) {
      // The same figures sent without their split (the form leaves it out): the stored split stays.
      const { perKommun, perStadsdelsomrade } = row.dokument.klienter;
      dokument.klienter = {
        ...input.klienter,
        ...(perKommun ? { perKommun } : {}),
        ...(perStadsdelsomrade ? { perStadsdelsomrade } : {}),
      };
    }
    const parsed = redovisningV1.safeParse(dokument);
    if (!parsed.success)
      throw new Invalid(
        parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })),
      );
    // Figures typed over the computed ones make the report a hand-made one.
    const handgjord = SIFFERBLOCK.some(
      (k) => input[k] !== undefined && JSON.stringify(input[k]) !== JSON.stringify(row.dokument[k]),
    );
    await repo.updateDokument(tx, row.id, {
      dokument,
      ...(handgjord ? { kalla: 'manuell' as const } : {}),
      userId: ctx.principal.userId,
      anvandare: ctx.principal.username,
    });
    await audit({
      action: 'redovisning.saved',
      organisationId: v.id,
      resourceType: 'redovisning',
      resourceId: row.id,
      detail: { ar, block: Object.keys(input) },
    });
    return byggView(tx, ctx.principal, v, ar, await repo.getRedovisningById(tx, row.id), null);
  });
}

/** Replaces the figures (and staff, ledningsgrupp, brister) with freshly computed ones; texts and ansökan stay. */
export async function hamtaSiffror(
  ctx: ServiceContext,
  verksamhetId: string,
  ar: number,
): Promise<RedovisningView> {
  return inTx(ctx, { verksamhetIds: rls(ctx.principal, verksamhetId) }, async ({ tx, audit }) => {
    const { v, row } = await skrivbar(tx, ctx, verksamhetId, ar);
    assertAndringsbar(row);
    const p = await underlag.forslag(tx, v, ar);
    const dokument: RedovisningV1 = {
      ...row.dokument,
      verksamhet: p.dokument.verksamhet,
      klienter: p.dokument.klienter,
      kontaktorsaker: p.dokument.kontaktorsaker,
      ko: p.dokument.ko,
      personal: p.dokument.personal,
      ledningsgrupp: p.dokument.ledningsgrupp,
      brister: p.dokument.brister,
    };
    await repo.updateDokument(tx, row.id, {
      dokument,
      kalla: p.kalla,
      userId: ctx.principal.userId,
      anvandare: ctx.principal.username,
    });
    await audit({
      action: 'redovisning.recomputed',
      organisationId: v.id,
      resourceType: 'redovisning',
      resourceId: row.id,
      detail: { ar },
    });
    return byggView(tx, ctx.principal, v, ar, await repo.getRedovisningById(tx, row.id), null);
  });
}

async function frys(
  tx: Tx,
  ctx: ServiceContext,
  row: repo.RedovisningRow,
  dokument: RedovisningV1,
  at?: string,
): Promise<repo.VersionRow> {
  const hinder = assertOvergang(row.status, 'inskickad');
  if (hinder) throw new Conflict(hinder);
  const version = await repo.insertVersion(tx, {
    redovisningId: row.id,
    dokument,
    userId: ctx.principal.userId === '00000000-0000-0000-0000-000000000000' ? null : ctx.principal.userId,
    anvandare: ctx.principal.username,
    ...(at ? { at } : {}),
  });
  await repo.setStatus(tx, row.id, 'inskickad');
  await repo.insertHandelse(tx, {
    redovisningId: row.id,
    fromStatus: row.status,
    toStatus: 'inskickad',
    version: version.version,
    userId: ctx.principal.userId === '00000000-0000-0000-0000-000000000000' ? null : ctx.principal.userId,
    anvandare: ctx.principal.username,
    kommentar: null,
  });
  return version;
}

export async function skickaIn(
  ctx: ServiceContext,
  verksamhetId: string,
  ar: number,
): Promise<RedovisningView> {
  return inTx(ctx, { verksamhetIds: rls(ctx.principal, verksamhetId) }, async ({ tx, audit }) => {
    const { v, row } = await skrivbar(tx, ctx, verksamhetId, ar);
    const hinder = assertOvergang(row.status, 'inskickad');
    if (hinder) throw new Conflict(hinder);
    const fel = regler.valideraDokument(row.dokument, {
      kravText: true,
      forraAret: await forraArSiffror(tx, v.id, ar),
    });
    if (fel.length) {
      throw new Invalid(
        toFieldErrors(fel),
        `Redovisningen kan inte skickas in: ${fel.length === 1 ? 'en uppgift behöver' : `${fel.length} uppgifter behöver`} rättas.`,
      );
    }
    const version = await frys(tx, ctx, row, row.dokument);
    await audit({
      action: 'redovisning.submitted',
      organisationId: v.id,
      resourceType: 'redovisning',
      resourceId: row.id,
      detail: { ar, version: version.version },
    });
    return byggView(tx, ctx.principal, v, ar, await repo.getRedovisningById(tx, row.id), null);
  });
}

// ---------------------------------------------------------------- review (Länsstyrelse) and reading snapshots

/** A submitted redovisning the principal may read (`action`); drafts never submitted answer 404. */
async function inskickad(
  tx: Tx,
  p: Principal,
  id: string,
  action: 'redovisning:read' | 'redovisning:review',
) {
  const row = await repo.getRedovisningById(tx, id);
  if (!row) throw new NotFound();
  const v = await laddaVerksamhet(tx, row.verksamhetId);
  authorize(p, action, resource(v), action === 'redovisning:review' ? 'redovisning:read' : undefined);
  const versions = await repo.listVersions(tx, row.id);
  // Never submitted: a draft only, which no one outside the verksamhet may know of.
  if (versions.length === 0) throw new NotFound();
  return { row, v, versions };
}

export async function getGranskning(ctx: ServiceContext, id: string): Promise<GranskningView> {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const { row, v, versions } = await inskickad(tx, ctx.principal, id, 'redovisning:read');
    const senaste = versions.at(-1)!;
    const [handelser, kommentarer] = await inOrder(
      () => repo.handelser(tx, row.id),
      () => repo.listKommentarer(tx, row.id),
    );
    const fore = await forraAret(tx, v, row.ar, false);
    const foreSiffror = await forraArSiffror(tx, v.id, row.ar);
    const foregaende = versions.at(-2);
    // The status the reviewer sees is that of the submitted version: a returned report being reworked
    // is 'returnerad' until it comes back.
    const status = row.status === 'utkast' ? 'returnerad' : row.status;
    await audit({
      action: 'redovisning.snapshot.read',
      organisationId: v.id,
      resourceType: 'redovisning',
      resourceId: row.id,
      detail: { ar: row.ar, version: senaste.version },
    });
    return {
      id: row.id,
      verksamhet: verksamhetRef(v),
      ar: row.ar,
      status,
      version: senaste.version,
      dokument: senaste.dokument,
      validering: regler.valideraDokument(senaste.dokument, { kravText: false, forraAret: foreSiffror }),
      varningar: regler.varningar(senaste.dokument, foreSiffror),
      forraAret: fore,
      jamforelse: regler.jamforelse(senaste.dokument, fore?.dokument ?? null),
      andelar: regler.andelar(senaste.dokument),
      deadline: regler.deadline(row.ar),
      forsenad: forsenad(versions, row.ar),
      versioner: versionItems(versions, row.ar),
      kommentarer,
      // The draft's own history (edits) is not shown, only what happened to submissions.
      handelser: handelser.filter((h) => h.toStatus !== 'utkast'),
      diff: foregaende
        ? { motVersion: foregaende.version, rader: regler.diff(foregaende.dokument, senaste.dokument) }
        : null,
      kanGranska: can(ctx.principal, 'redovisning:review', resource(v)),
    };
  });
}

export async function getVersion(ctx: ServiceContext, id: string, version: number) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const { row, v, versions } = await inskickad(tx, ctx.principal, id, 'redovisning:read');
    const x = versions.find((y) => y.version === version);
    if (!x) throw new NotFound();
    await audit({
      action: 'redovisning.snapshot.read',
      organisationId: v.id,
      resourceType: 'redovisning',
      resourceId: row.id,
      detail: { ar: row.ar, version },
    });
    return {
      id: row.id,
      verksamhetId: v.id,
      ar: row.ar,
      version: x.version,
      inskickadAt: x.inskickadAt,
      inskickadAv: x.inskickadAvNamn,
      forsenad: regler.arForsenad(x.inskickadAt, row.ar),
      dokument: x.dokument,
    };
  });
}

/** The status a verksamhet's report for the year has in the review lists (LISTSTATUS). */
function listStatusFor(r: repo.LanRad, passerad: boolean): LanList['rader'][number]['status'] {
  if (r.version === null) return passerad ? 'sen' : 'saknas';
  // A returned report is a draft again until it is sent in anew.
  return r.status === 'utkast' ? 'returnerad' : (r.status as 'inskickad' | 'returnerad' | 'godkand');
}

export async function listLan(
  ctx: ServiceContext,
  lanKod: string,
  ar: number,
  sort: LanSort = 'verksamhet',
): Promise<LanList> {
  // Any verksamhet of the län stands for the län here: the review right reaches the län's verksamheter.
  if (!can(ctx.principal, 'redovisning:review', { typ: 'verksamhet', id: '', lanKod })) throw new NotFound();
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const rader = await repo.listPerVerksamhet(tx, { ar, lanKod });
    const skickade = rader.filter((r) => r.version !== null && r.redovisningId).map((r) => r.redovisningId!);
    const nyckeltal = await repo.nyckeltalForSenasteVersion(tx, skickade);
    const passerad = idagISverige() > regler.deadline(ar);
    await audit({ action: 'redovisning.lan.read', resourceType: 'redovisning', detail: { lanKod, ar } });
    return {
      lanKod,
      ar,
      deadline: regler.deadline(ar),
      rader: ordnaLanRader(
        rader.map((r) => {
          const skickad = r.version !== null;
          return {
            verksamhetId: r.verksamhetId,
            kod: r.kod,
            namn: r.namn,
            redovisningId: skickad ? r.redovisningId : null,
            status: listStatusFor(r, passerad),
            version: r.version,
            inskickadAt: r.senastInskickadAt,
            forsenad: skickad ? regler.arForsenad(r.forstaInskickadAt!, ar) : passerad,
            nyckeltal: (skickad && nyckeltal.get(r.redovisningId!)) || null,
          };
        }),
        sort,
      ),
    };
  });
}

/** Per län, how many of the year's redovisningar are missing, sent in, returned and approved: counts only. */
export async function nationStatus(ctx: ServiceContext, ar: number): Promise<NationStatus> {
  authorize(ctx.principal, 'national:read', { typ: 'nation' });
  return inTx(ctx, {}, async ({ tx }) => {
    const [lan, rader] = await inOrder(
      () => orgRepo.listLan(tx),
      () => repo.listPerVerksamhet(tx, { ar }),
    );
    const passerad = idagISverige() > regler.deadline(ar);
    return {
      ar,
      deadline: regler.deadline(ar),
      rader: lan.map((l) => {
        const egna = rader.filter((r) => r.lanKod === l.kod);
        const antal = Object.fromEntries(LISTSTATUS.map((s) => [s, 0])) as Record<
          (typeof LISTSTATUS)[number],
          number
        >;
        let forsenade = 0;
        for (const r of egna) {
          antal[listStatusFor(r, passerad)] += 1;
          if (r.version === null ? passerad : regler.arForsenad(r.forstaInskickadAt!, ar)) forsenade += 1;
        }
        return { lanKod: l.kod, lanNamn: l.namn, verksamheter: egna.length, antal, forsenade };
      }),
    };
  });
}

function granskareOrg(p: Principal, lanKod: string): string | null {
  return p.medlemskap.find((m) => m.roll === 'lansstyrelse' && m.lanKod === lanKod)?.organisationId ?? null;
}

export async function kommentera(
  ctx: ServiceContext,
  id: string,
  input: { path?: string | undefined; text: string },
) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const { row, v, versions } = await inskickad(tx, ctx.principal, id, 'redovisning:review');
    const senaste = versions.at(-1)!;
    if (input.path !== undefined && !regler.finnsSokvag(senaste.dokument, input.path)) {
      throw new Invalid([
        { field: 'path', message: `”${input.path}” finns inte i redovisningen.`, rule: 'okand_sokvag' },
      ]);
    }
    const kid = await repo.insertKommentar(tx, {
      redovisningId: row.id,
      version: senaste.version,
      path: input.path ?? null,
      text: input.text,
      organisationId: granskareOrg(ctx.principal, v.lanKod),
      userId: ctx.principal.userId,
      anvandare: ctx.principal.username,
    });
    await audit({
      action: 'redovisning.commented',
      organisationId: v.id,
      resourceType: 'redovisning',
      resourceId: row.id,
      detail: { version: senaste.version, path: input.path ?? null, kommentarId: kid },
    });
    return (await repo.listKommentarer(tx, row.id)).find((k) => k.id === kid)!;
  });
}

async function overga(
  tx: Tx,
  ctx: ServiceContext,
  id: string,
  till: 'returnerad' | 'godkand',
  kommentar: string | null,
) {
  const { row, v, versions } = await inskickad(tx, ctx.principal, id, 'redovisning:review');
  await repo.lockRedovisning(tx, row.id);
  const aktuell = (await repo.getRedovisningById(tx, row.id))!;
  const hinder = assertOvergang(aktuell.status, till);
  if (hinder) throw new Conflict(`${v.namn}: ${hinder}`);
  await repo.setStatus(tx, row.id, till);
  const version = versions.at(-1)!.version;
  await repo.insertHandelse(tx, {
    redovisningId: row.id,
    fromStatus: aktuell.status,
    toStatus: till,
    version,
    userId: ctx.principal.userId,
    anvandare: ctx.principal.username,
    kommentar,
  });
  return { row, v, version };
}

export async function returnera(ctx: ServiceContext, id: string, anledning: string): Promise<GranskningView> {
  await inTx(ctx, {}, async ({ tx, audit }) => {
    const { row, v, version } = await overga(tx, ctx, id, 'returnerad', anledning);
    await audit({
      action: 'redovisning.returned',
      organisationId: v.id,
      resourceType: 'redovisning',
      resourceId: row.id,
      detail: { version },
    });
  });
  return getGranskning(ctx, id);
}

/** Approves one or several submitted reports, all or nothing. */
export async function godkann(ctx: ServiceContext, ids: string[]) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const ut: Array<{ id: string; status: 'godkand'; version: number }> = [];
    for (const id of [...new Set(ids)]) {
      const { row, v, version } = await overga(tx, ctx, id, 'godkand', null);
      await audit({
        action: 'redovisning.approved',
        organisationId: v.id,
        resourceType: 'redovisning',
        resourceId: row.id,
        detail: { version },
      });
      ut.push({ id: row.id, status: 'godkand', version });
    }
    return ut;
  });
}

// ---------------------------------------------------------------- documents

export interface Underlag {
  dokument: RedovisningV1;
  forraAret: RedovisningView['forraAret'];
  status: RedovisningStatus;
  version: number | null;
  verksamhetNamn: string;
  lanNamn: string;
}

/**
 * What a document (json, xlsx, pdf, docx) is made from. The verksamhet's own people get the current draft
 * (or the proposal); a Länsstyrelse and Socialstyrelsen get the latest submitted version only.
 */
export async function underlagFor(
  ctx: ServiceContext,
  verksamhetId: string,
  ar: number,
  format: string,
): Promise<Underlag> {
  return inTx(ctx, { verksamhetIds: rls(ctx.principal, verksamhetId) }, async ({ tx, audit }) => {
    const v = await laddaVerksamhet(tx, verksamhetId);
    authorize(ctx.principal, 'redovisning:read', resource(v));
    const row = await repo.getRedovisning(tx, v.id, ar);
    let u: Underlag;
    if (egen(ctx.principal, v.id)) {
      const dokument = row?.dokument ?? (await underlag.forslag(tx, v, ar)).dokument;
      const versions = row ? await repo.listVersions(tx, row.id) : [];
      u = {
        dokument,
        forraAret: await forraAret(tx, v, ar, true),
        status: row?.status ?? 'utkast',
        version:
          row?.status === 'inskickad' || row?.status === 'godkand'
            ? (versions.at(-1)?.version ?? null)
            : null,
        verksamhetNamn: v.namn,
        lanNamn: v.lanNamn,
      };
    } else {
      const versions = row ? await repo.listVersions(tx, row.id) : [];
      const senaste = versions.at(-1);
      if (!row || !senaste) throw new NotFound();
      u = {
        dokument: senaste.dokument,
        forraAret: await forraAret(tx, v, ar, false),
        status: row.status === 'utkast' ? 'returnerad' : row.status,
        version: senaste.version,
        verksamhetNamn: v.namn,
        lanNamn: v.lanNamn,
      };
    }
    await audit({
      action: 'redovisning.exported',
      organisationId: v.id,
      resourceType: 'redovisning',
      resourceId: row?.id ?? null,
      detail: { ar, format, version: u.version },
    });
    return u;
  });
}

// ---------------------------------------------------------------- exchange (CLI)

/**
 * The document for `ombud report redovisning` (the operator, no user policy): the latest submitted version,
 * else the draft, else the proposal computed from casework.
 */
export async function underlagForSystem(
  ctx: ServiceContext,
  kod: string,
  ar: number,
  format: string,
): Promise<Underlag> {
  authorize(ctx.principal, 'org:admin', { typ: 'system' });
  const org = await orgRepo.findOrganisationByKod(ctx.db, 'verksamhet', kod);
  if (!org) throw new NotFound(`Det finns ingen verksamhet med koden ${kod}.`);
  return inTx(ctx, { verksamhetIds: [org.id] }, async ({ tx, audit }) => {
    const v = await laddaVerksamhet(tx, org.id);
    const row = await repo.getRedovisning(tx, v.id, ar);
    const versions = row ? await repo.listVersions(tx, row.id) : [];
    const senaste = versions.at(-1);
    const dokument = senaste?.dokument ?? row?.dokument ?? (await underlag.forslag(tx, v, ar)).dokument;
    await audit({
      action: 'redovisning.exported',
      organisationId: v.id,
      resourceType: 'redovisning',
      resourceId: row?.id ?? null,
      detail: { ar, format, version: senaste?.version ?? null, via: 'cli' },
    });
    return {
      dokument,
      forraAret: await forraAret(tx, v, ar, true),
      status: row?.status ?? 'utkast',
      version: senaste?.version ?? null,
      verksamhetNamn: v.namn,
      lanNamn: v.lanNamn,
    };
  });
}

/**
 * `ombud import redovisning`: each document is checked against the format and the rules and stored as a
 * submitted redovisning (a new version when a returned or draft one exists); an unknown verksamhet is
 * registered from the document's verksamhet block. All or nothing; errors name the document's index.
 */
export async function importRedovisningar(
  ctx: ServiceContext,
  input: unknown,
): Promise<Array<{ kod: string; ar: number; version: number; ny: boolean }>> {
  authorize(ctx.principal, 'org:admin', { typ: 'system' });
  const docs = Array.isArray(input) ? input : [input];
  const fel: FieldError[] = [];
  const giltiga: RedovisningV1[] = [];
  docs.forEach((d, i) => {
    const parsed = redovisningV1.safeParse(d);
    if (!parsed.success) {
      for (const is of parsed.error.issues)
        fel.push({ field: `[${i}].${is.path.join('.')}`, rule: 'schema', message: is.message });
      return;
    }
    for (const f of regler.valideraDokument(parsed.data, { kravText: false }))
      fel.push({ field: `[${i}].${f.path}`, rule: f.rule, message: f.message });
    giltiga[i] = parsed.data;
  });
  const nycklar = new Set<string>();
  giltiga.forEach((d, i) => {
    if (!d) return;
    const k = `${d.verksamhet.kod}/${d.year}`;
    // Codes are compared without regard to case: V001/2025 and v001/2025 are the same report.
    if (nycklar.has(kodNyckel(k)))
      fel.push({
        field: `[${i}].verksamhet.kod`,
        rule: 'dubblett',
        message: `${k} förekommer flera gånger i filen.`,
      });
    nycklar.add(kodNyckel(k));
  });
  if (fel.length) throw new Invalid(fel, `Filen kan inte importeras: ${fel.length} fel.`);

  return inTx(ctx, {}, async ({ tx, audit }) => {
    const ut: Array<{ kod: string; ar: number; version: number; ny: boolean }> = [];
    for (const [i, d] of giltiga.entries()) {
      let org = await orgRepo.findOrganisationByKod(tx, 'verksamhet', d.verksamhet.kod);
      const ny = !org;
      if (!org) {
        org = (await orgRepo.getOrganisation(tx, await registrera(tx, ctx, d, i)))!;
      }
      let row = await repo.getRedovisning(tx, org.id, d.year);
      if (!row) {
        const id = await repo.insertRedovisning(tx, {
          verksamhetId: org.id,
          ar: d.year,
          dokument: d,
          kalla: 'import',
          userId: null,
          anvandare: ctx.principal.username,
        });
        row = (await repo.getRedovisningById(tx, id))!;
      } else {
        if (row.status === 'inskickad' || row.status === 'godkand') {
          throw new Conflict(
            `Dokument ${i}: ${d.verksamhet.kod} har redan en inskickad redovisning för ${d.year}.`,
            [{ field: `[${i}].year`, rule: 'redan_inskickad', message: 'Redovisningen är redan inskickad.' }],
          );
        }
        await repo.updateDokument(tx, row.id, {
          dokument: d,
          kalla: 'import',
          userId: null,
          anvandare: ctx.principal.username,
        });
      }
      const version = await frys(tx, ctx, row, d);
      await audit({
        action: 'redovisning.imported',
        organisationId: org.id,
        resourceType: 'redovisning',
        resourceId: row.id,
        detail: { ar: d.year, version: version.version },
      });
      ut.push({ kod: d.verksamhet.kod, ar: d.year, version: version.version, ny });
    }
    return ut;
  });
}

/**
 * Registers the verksamhet of an imported document through the orgs service (same reference checks), in a
 * savepoint of the import's transaction so that a later failure undoes it too. Its field errors are
 * prefixed with the document's index.
 */
async function registrera(tx: Tx, ctx: ServiceContext, d: RedovisningV1, i: number): Promise<string> {
  const b = d.verksamhet;
  try {
    const v = await createVerksamhetService(
      { ...ctx, db: tx as unknown as AppDb },
      {
        kod: b.kod,
        namn: b.namn,
        lanKod: b.lanKod,
        kommunKoder: b.kommunKoder,
        ...(b.stadsdelsomraden?.length ? { stadsdelsomraden: b.stadsdelsomraden } : {}),
        utforare: b.utforare,
        giltigFranAr: d.year,
      },
    );
    return v.id;
  } catch (err) {
    if (err instanceof Invalid || err instanceof Conflict) {
      throw new Invalid(
        (err.errors.length ? err.errors : [{ field: 'kod', message: err.message }]).map((e) => ({
          ...e,
          field: `[${i}].verksamhet.${e.field}`,
          rule: e.rule ?? 'verksamhet',
        })),
        `Dokument ${i}: verksamheten ${b.kod} kan inte registreras: ${err.message}`,
      );
    }
    throw err;
  }
}

export { regler };
