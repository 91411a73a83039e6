/**
 * The state grant (domain brief "The grant"; seed 003 Tabell 1).
 *
 * FTE basis (the brief leaves it open): the sum of ansokan.arsarbetare over the verksamheters' reports for
 * year Y − 1 whose ansokan.ar is Y, taking the latest submitted version of each report whose status is
 * inskickad or godkand (a returned report is not counted until it is sent in again). A report is sent in
 * by 15 January and Socialstyrelsen fixes the amount after the Länsstyrelser have compiled them, so
 * waiting for every approval is not required. Socialstyrelsen fixes the amount per FTE by setting the
 * budget (grant:admin); it is stored, and the Länsstyrelse's decisions use the stored amount.
 */
import { createHash } from 'node:crypto';
import {
  type FaststallBudget,
  type FaststallelseItem,
  type FaststallForhandsvisning,
  faststallForhandsvisning,
  type LanStatsbidrag,
  type OppnaStatsbidrag,
  type SetBeslut,
  type SetBudget,
  type StatsbidragAr,
  type VerksamhetBeslut,
} from '../../../contracts/grants.ts';
import { can } from '../../../domain/access.ts';
import { statsbidragsutfall } from '../../../domain/nationellt/tabell1.ts';
import { tillHundradelar } from '../../../domain/nationellt/tabeller.ts';
import { type Avrundning, beloppForFte, fteTillText } from '../../../domain/statsbidrag.ts';
import { faststallVarningar } from '../../../domain/statsbidrag-varningar.ts';
import { formatKr } from '../../../domain/tal.ts';
import type { Queryable } from '../../db/client.ts';
import { authorize, inTx, type ServiceContext } from '../../platform/context.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { arbetsbok } from '../national/xlsx.ts';
import * as orgRepo from '../orgs/repo.ts';
import { listPerVerksamhet, listSnapshotsForSystem } from '../redovisning/repo.ts';
import * as repo from './repo.ts';

export interface Ansokan {
  verksamhetId: string;
  verksamhetNamn: string;
  lanKod: string;
  fteHundradelar: number;
  status: string;
}

/** The applications for grant year `ar` (see the FTE basis above). */
export async function ansokningar(tx: Queryable, ar: number, lanKod?: string): Promise<Ansokan[]> {
  const snaps = await listSnapshotsForSystem(tx, {
    ar: ar - 1,
    inklusiveInskickade: true,
    ...(lanKod ? { lanKod } : {}),
  });
  return snaps
    .filter((s) => (s.status === 'inskickad' || s.status === 'godkand') && s.dokument.ansokan.ar === ar)
    .map((s) => ({
      verksamhetId: s.verksamhetId,
      verksamhetNamn: s.dokument.verksamhet.namn,
      lanKod: s.dokument.verksamhet.lanKod,
      fteHundradelar: tillHundradelar(s.dokument.ansokan.arsarbetare),
      status: s.status,
    }));
}

function perLan(a: readonly Ansokan[]) {
  const m = new Map<string, { fte: number; verksamheter: number }>();
  for (const x of a) {
    const l = m.get(x.lanKod) ?? { fte: 0, verksamheter: 0 };
    m.set(x.lanKod, { fte: l.fte + x.fteHundradelar, verksamheter: l.verksamheter + 1 });
  }
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export interface BudgetIn {
  totalBudgetKr: number;
  administrationKr: number;
  avrundning: Avrundning;
}

/** Budget and outcome for a year; `forhandsvisning` overrides the stored budget (and amount) for a preview. */
export async function berakna(tx: Queryable, ar: number, forhandsvisning?: BudgetIn) {
  const budget = forhandsvisning ? null : await repo.getBudget(tx, ar);
  const a = await ansokningar(tx, ar);
  const lanNamn = new Map((await orgRepo.listLan(tx)).map((l) => [l.kod, l.namn]));
  const lan = perLan(a);
  const inData: BudgetIn = forhandsvisning ?? {
    totalBudgetKr: budget?.totalBudgetKr ?? 0,
    administrationKr: budget?.administrationKr ?? 0,
    avrundning: budget?.avrundning ?? 'narmast',
  };
  if (inData.administrationKr > inData.totalBudgetKr) {
    throw new Invalid([
      { field: 'administrationKr', message: 'Administrationen kan inte vara större än budgeten.' },
    ]);
  }
  let u: ReturnType<typeof statsbidragsutfall>;
  try {
    u = statsbidragsutfall({
      ...inData,
      lan: lan.map(([lanKod, l]) => ({ lanKod, fteHundradelar: l.fte })),
      ...(budget ? { beloppPerArsarbetareKr: budget.beloppPerArsarbetareKr } : {}),
    });
  } catch (err) {
    throw new Conflict((err as Error).message);
  }
  return {
    ar,
    faststalld: budget !== null,
    totalBudgetKr: u.totalBudgetKr,
    administrationKr: u.administrationKr,
    budgetForOmbudKr: u.budgetForOmbudKr,
    avrundning: inData.avrundning,
    totalArsarbetare: u.totalFteHundradelar / 100,
    beloppPerArsarbetareKr: u.beloppPerArsarbetareKr,
    perLan: u.perLan.map((l) => ({
      lanKod: l.lanKod,
      lanNamn: lanNamn.get(l.lanKod) ?? l.lanKod,
      arsarbetare: l.fteHundradelar / 100,
      verksamheter: lan.find(([k]) => k === l.lanKod)?.[1].verksamheter ?? 0,
      beloppKr: l.beloppKr,
    })),
    fordelatKr: u.fordelatKr,
    outnyttjatKr: u.outnyttjatKr,
    tabell1: u.tabell1,
    updatedAt: budget?.updatedAt ?? null,
    updatedByNamn: budget?.updatedByNamn ?? null,
  };
}
export type Fordelning = Awaited<ReturnType<typeof berakna>>;

/** The year's allocation with every fixing of it (what was known then; reopened when, by whom, why). */
export async function getFordelning(ctx: ServiceContext, ar: number): Promise<StatsbidragAr> {
  authorize(ctx.principal, 'national:read', { typ: 'nation' });
  return inTx(ctx, {}, async ({ tx }) => ({
    ...(await berakna(tx, ar)),
    faststallelser: await faststallelser(tx, ar),
  }));
}

async function faststallelser(tx: Queryable, ar: number): Promise<FaststallelseItem[]> {
  return (await repo.listFaststallelser(tx, ar)).map((r) => {
    const p = faststallForhandsvisning.safeParse(r.forhandsvisning);
    return {
      id: r.id,
      ar: r.ar,
      faststalldAt: r.faststalldAt,
      faststalldAvNamn: r.faststalldAvNamn,
      totalBudgetKr: r.totalBudgetKr,
      administrationKr: r.administrationKr,
      totalArsarbetare: r.totalFteHundradelar / 100,
      beloppPerArsarbetareKr: r.beloppPerArsarbetareKr,
      forhandsvisning: p.success ? p.data : null,
      oppnad:
        r.oppnadAt && r.oppnadAnledning
          ? { at: r.oppnadAt, avNamn: r.oppnadAvNamn ?? '', anledning: r.oppnadAnledning }
          : null,
    };
  });
}

/** A fingerprint of what a preview shows (everything but the fingerprint itself). */
function kontrollsumma(p: Omit<FaststallForhandsvisning, 'kontrollsumma'>): string {
  return createHash('sha256').update(JSON.stringify(p)).digest('hex');
}

/**
 * The allocation the budget would give, without fixing it: which verksamheter (active in ar − 1, whose
 * redovisning carries the application) are in it per län, last year's amount per FTE, and the warnings.
 */
async function beraknaForhandsvisning(
  tx: Queryable,
  ar: number,
  input: BudgetIn,
): Promise<FaststallForhandsvisning> {
  const fordelning = await berakna(tx, ar, input);
  const [aktiva, sokande, lan, foregaende] = [
    await listPerVerksamhet(tx, { ar: ar - 1 }),
    await ansokningar(tx, ar),
    await orgRepo.listLan(tx),
    await repo.getBudget(tx, ar - 1),
  ];
  const perLan = lan.map((l) => ({
    lanKod: l.kod,
    lanNamn: l.namn,
    verksamheter: aktiva.filter((v) => v.lanKod === l.kod).length,
    medAnsokan: sokande.filter((a) => a.lanKod === l.kod).length,
  }));
  const tackning = { verksamheter: aktiva.length, medAnsokan: sokande.length };
  const foregaendeBelopp = foregaende?.beloppPerArsarbetareKr ?? null;
  const p = {
    fordelning,
    tackning: { ...tackning, perLan },
    foregaendeBeloppPerArsarbetareKr: foregaendeBelopp,
    varningar: faststallVarningar({
      ar,
      tackning,
      beloppPerArsarbetareKr: fordelning.beloppPerArsarbetareKr,
      foregaendeBeloppKr: foregaendeBelopp,
    }),
  };
  return { ...p, kontrollsumma: kontrollsumma(p) };
}

/**
 * Fixes the budget and the amount per FTE from the applications as they stand now, and stores the
 * preview with the fixing. A year already fixed is refused (409): an admin reopens it first, with a
 * reason. With `kontrollsumma` (the preview the person saw), a preview that no longer matches is refused
 * (409) — the applications changed in between — so the stored preview is the one that was shown.
 */
export async function faststallBudget(
  tx: Queryable,
  ar: number,
  input: BudgetIn & { kontrollsumma?: string | undefined },
  av: { userId: string | null; namn: string },
) {
  const budget: BudgetIn = {
    totalBudgetKr: input.totalBudgetKr,
    administrationKr: input.administrationKr,
    avrundning: input.avrundning,
  };
  const preview = await beraknaForhandsvisning(tx, ar, budget);
  const redanFaststallt = () =>
    new Conflict(
      `Statsbidraget för ${ar} är redan fastställt. En administratör kan öppna det igen med en anledning.`,
    );
  if (await repo.getBudget(tx, ar)) throw redanFaststallt();
  if (input.kontrollsumma !== undefined && input.kontrollsumma !== preview.kontrollsumma)
    throw new Conflict(
      'Ansökningarna har ändrats sedan förhandsvisningen. Förhandsvisa igen och kontrollera innan du fastställer.',
    );
  const namn = (await repo.anvandarNamn(tx, av.userId)) ?? av.namn;
  const f = preview.fordelning;
  const totalFteHundradelar = Math.round(f.totalArsarbetare * 100);
  const ny = await repo.insertBudget(tx, {
    ar,
    ...budget,
    totalFteHundradelar,
    beloppPerArsarbetareKr: f.beloppPerArsarbetareKr,
    updatedBy: av.userId,
    updatedByNamn: namn,
  });
  if (!ny) throw redanFaststallt();
  const id = await repo.insertFaststallelse(tx, {
    ar,
    ...budget,
    totalFteHundradelar,
    beloppPerArsarbetareKr: f.beloppPerArsarbetareKr,
    forhandsvisning: preview,
    faststalldAv: av.userId,
    faststalldAvNamn: namn,
  });
  return { ...f, faststallelseId: id, varningar: preview.varningar, tackning: preview.tackning };
}

export async function forhandsvisning(
  ctx: ServiceContext,
  ar: number,
  input: SetBudget,
): Promise<FaststallForhandsvisning> {
  authorize(ctx.principal, 'grant:admin', { typ: 'nation' }, 'national:read');
  return inTx(ctx, {}, ({ tx }) =>
    beraknaForhandsvisning(tx, ar, {
      totalBudgetKr: input.totalBudgetKr,
      administrationKr: input.administrationKr,
      avrundning: input.avrundning,
    }),
  );
}

export async function setBudget(ctx: ServiceContext, ar: number, input: FaststallBudget) {
  authorize(ctx.principal, 'grant:admin', { typ: 'nation' }, 'national:read');
  const rattad: BudgetIn = {
    totalBudgetKr: input.totalBudgetKr,
    administrationKr: input.administrationKr,
    avrundning: input.avrundning,
  };
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const f = await faststallBudget(
      tx,
      ar,
      { ...rattad, kontrollsumma: input.kontrollsumma },
      { userId: ctx.principal.userId, namn: ctx.principal.username },
    );
    await audit({
      action: 'statsbidrag.budget_faststalld',
      resourceType: 'statsbidrag_budget',
      resourceId: String(ar),
      detail: {
        ...rattad,
        totalArsarbetare: f.totalArsarbetare,
        beloppPerArsarbetareKr: f.beloppPerArsarbetareKr,
        faststallelseId: f.faststallelseId,
        verksamheter: f.tackning.verksamheter,
        medAnsokan: f.tackning.medAnsokan,
        varningar: f.varningar,
      },
    });
    return { ...(await berakna(tx, ar)), faststallelser: await faststallelser(tx, ar) };
  });
}

/**
 * An admin (grant:admin) reopens a fixed year, with a reason: the year's fixed amount is removed (the
 * Länsstyrelser cannot decide until it is fixed again; decisions already made stand), the fixing is marked
 * reopened with who and why, and the reason goes to the audit log — all in one transaction.
 */
export async function oppnaStatsbidrag(ctx: ServiceContext, ar: number, input: OppnaStatsbidrag) {
  authorize(ctx.principal, 'grant:admin', { typ: 'nation' }, 'national:read');
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const budget = await repo.getBudget(tx, ar);
    if (!budget)
      throw new Conflict(`Statsbidraget för ${ar} är inte fastställt, så det finns inget att öppna.`);
    const namn = (await repo.anvandarNamn(tx, ctx.principal.userId)) ?? ctx.principal.username;
    const oppnad = { userId: ctx.principal.userId, namn, anledning: input.anledning };
    let id = await repo.markeraOppnad(tx, ar, oppnad);
    if (!id) {
      // Fixed before fixings were stored: its row is written now, from the budget, already reopened.
      id = await repo.insertFaststallelse(tx, {
        ar,
        totalBudgetKr: budget.totalBudgetKr,
        administrationKr: budget.administrationKr,
        avrundning: budget.avrundning,
        totalFteHundradelar: budget.totalFteHundradelar,
        beloppPerArsarbetareKr: budget.beloppPerArsarbetareKr,
        forhandsvisning: null,
        faststalldAt: budget.updatedAt,
        faststalldAv: budget.updatedBy,
        faststalldAvNamn: budget.updatedByNamn,
      });
      await repo.markeraOppnad(tx, ar, oppnad);
    }
    await repo.deleteBudget(tx, ar);
    const beslut = await repo.listBeslut(tx, { ar });
    await audit({
      action: 'statsbidrag.budget_oppnad',
      resourceType: 'statsbidrag_budget',
      resourceId: String(ar),
      detail: {
        anledning: input.anledning,
        faststallelseId: id,
        beloppPerArsarbetareKr: budget.beloppPerArsarbetareKr,
        beslutMedBeloppet: beslut.length,
      },
    });
    return { ...(await berakna(tx, ar)), faststallelser: await faststallelser(tx, ar) };
  });
}

/** The Länsstyrelse's name for the decisions: its organisation's name, or the usual form. */
async function lansstyrelseNamn(tx: Queryable, lanKod: string, lanNamn: string): Promise<string> {
  const org = await orgRepo.findOrganisationByKod(tx, 'lansstyrelse', lanKod);
  return org?.namn ?? `Länsstyrelsen i ${lanNamn}`;
}

/** What a Länsstyrelse sees for its län: the amount, the län's frame, its applications and decisions. */
export async function lanVy(tx: Queryable, ar: number, lanKod: string): Promise<LanStatsbidrag> {
  const lan = await orgRepo.getLan(tx, lanKod);
  if (!lan) throw new NotFound();
  const budget = await repo.getBudget(tx, ar);
  const a = await ansokningar(tx, ar, lanKod);
  const beslut = await repo.listBeslut(tx, { ar, lanKod });
  const ramHundradelar = a.reduce((s, x) => s + x.fteHundradelar, 0);
  const avrundning = budget?.avrundning ?? 'narmast';
  return {
    ar,
    lanKod,
    lanNamn: lan.namn,
    lansstyrelseNamn: await lansstyrelseNamn(tx, lanKod, lan.namn),
    faststalld: budget !== null,
    beloppPerArsarbetareKr: budget?.beloppPerArsarbetareKr ?? 0,
    avrundning,
    ramArsarbetare: ramHundradelar / 100,
    ramKr: budget ? beloppForFte(ramHundradelar, budget.beloppPerArsarbetareKr, avrundning) : null,
    ansokningar: a
      .map((x) => ({
        verksamhetId: x.verksamhetId,
        verksamhetNamn: x.verksamhetNamn,
        arsarbetare: x.fteHundradelar / 100,
        status: x.status,
      }))
      .sort((x, y) => x.verksamhetNamn.localeCompare(y.verksamhetNamn, 'sv')),
    beslut,
    summaBeslutKr: beslut.reduce((s, b) => s + b.beloppKr, 0),
  };
}

export async function getLanStatsbidrag(ctx: ServiceContext, ar: number, lanKod: string) {
  authorize(ctx.principal, 'lan:read', { typ: 'lan', lanKod });
  return inTx(ctx, {}, ({ tx }) => lanVy(tx, ar, lanKod));
}

/** The decisions of the län as a workbook (lan:read on the län), audited as a download. */
export async function beslutLanXlsx(ctx: ServiceContext, ar: number, lanKod: string) {
  authorize(ctx.principal, 'lan:read', { typ: 'lan', lanKod });
  const vy = await inTx(ctx, {}, async ({ tx, audit }) => {
    const v = await lanVy(tx, ar, lanKod);
    await audit({
      action: 'statsbidrag.beslut_lan_exporterade',
      resourceType: 'statsbidrag_beslut',
      resourceId: `${lanKod}/${ar}`,
      detail: { ar, lanKod, format: 'xlsx', beslut: v.beslut.length },
    });
    return v;
  });
  const { beslutXlsx } = await import('./beslut-dokument.ts');
  return { body: await beslutXlsx(vy), filename: `statsbidrag-beslut-${ar}-lan-${lanKod}.xlsx` };
}

/**
 * Who may see a verksamhet's grant decision: who reads its redovisning (its ombud, chef and ledamöter,
 * the Länsstyrelse of its län, Socialstyrelsen) or the län's decisions (lan:read). Someone who knows the
 * verksamhet but may not (the administrator) is refused (403); anyone else does not learn it exists (404).
 */
function authorizeBeslutLasning(p: ServiceContext['principal'], v: { id: string; lanKod: string }) {
  const res = { typ: 'verksamhet' as const, id: v.id, lanKod: v.lanKod };
  if (can(p, 'redovisning:read', res) || can(p, 'lan:read', { typ: 'lan', lanKod: v.lanKod })) return;
  if (can(p, 'verksamhet:read', res)) throw new Forbidden();
  throw new NotFound();
}

/** A verksamhet's own view of its decision for grant year `ar`: what it applied for and what was decided. */
export async function getVerksamhetBeslut(
  ctx: ServiceContext,
  ar: number,
  verksamhetId: string,
): Promise<VerksamhetBeslut> {
  return inTx(ctx, {}, async ({ tx }) => {
    const [v] = await orgRepo.listVerksamheter(tx, { ids: [verksamhetId] });
    if (!v) throw new NotFound();
    authorizeBeslutLasning(ctx.principal, v);
    const lan = await orgRepo.getLan(tx, v.lanKod);
    const [beslut] = await repo.listBeslut(tx, { ar, verksamhetId });
    const ansokan = (await ansokningar(tx, ar, v.lanKod)).find((a) => a.verksamhetId === verksamhetId);
    return {
      ar,
      verksamhetId,
      lansstyrelseNamn: await lansstyrelseNamn(tx, v.lanKod, lan?.namn ?? v.lanKod),
      ansoktArsarbetare: ansokan ? ansokan.fteHundradelar / 100 : null,
      beslut: beslut ?? null,
    };
  });
}

/**
 * One verksamhet's decision as a letter (docx or pdf), audited as a download. Who may see the decision
 * may fetch it (authorizeBeslutLasning): the verksamhet's own people fetch their own letter. No decision
 * yet: 404.
 */
export async function beslutDokument(
  ctx: ServiceContext,
  ar: number,
  verksamhetId: string,
  format: 'docx' | 'pdf',
) {
  const underlag = await inTx(ctx, {}, async ({ tx, audit }) => {
    const [v] = await orgRepo.listVerksamheter(tx, { ids: [verksamhetId] });
    if (!v) throw new NotFound();
    authorizeBeslutLasning(ctx.principal, v);
    const vy = await lanVy(tx, ar, v.lanKod);
    const beslut = vy.beslut.find((b) => b.verksamhetId === verksamhetId);
    if (!beslut) throw new NotFound();
    const ansokan = vy.ansokningar.find((x) => x.verksamhetId === verksamhetId) ?? null;
    await audit({
      action: 'statsbidrag.beslut_exporterat',
      organisationId: verksamhetId,
      resourceType: 'statsbidrag_beslut',
      resourceId: beslut.id,
      detail: { ar, format },
    });
    return {
      ar,
      lanNamn: vy.lanNamn,
      lansstyrelseNamn: vy.lansstyrelseNamn,
      verksamhetNamn: v.namn,
      kommuner: [...new Set(v.omraden.map((o) => o.kommunNamn))],
      ansoktArsarbetare: ansokan?.arsarbetare ?? null,
      beslut,
    };
  });
  const { beslutBrev } = await import('./beslut-dokument.ts');
  return {
    body: await beslutBrev(underlag, format),
    filename: `statsbidrag-beslut-${ar}-${slug(underlag.verksamhetNamn)}.${format}`,
  };
}

/** A file name part from a name: "PO Östhammar" → "po-osthammar". */
function slug(namn: string): string {
  return (
    namn
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'verksamhet'
  );
}

/** The Länsstyrelse decides for one verksamhet in its län: FTE granted × the year's fixed amount. */
export async function setBeslut(ctx: ServiceContext, ar: number, verksamhetId: string, input: SetBeslut) {
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const [v] = await orgRepo.listVerksamheter(tx, { ids: [verksamhetId] });
    if (!v) throw new NotFound();
    authorize(
      ctx.principal,
      'redovisning:review',
      { typ: 'verksamhet', id: v.id, lanKod: v.lanKod },
      'verksamhet:read',
    );
    const budget = await repo.getBudget(tx, ar);
    if (!budget)
      throw new Conflict(`Socialstyrelsen har inte fastställt beloppet per årsarbetare för ${ar}.`);
    const fteHundradelar = tillHundradelar(input.arsarbetare);
    const beloppKr = beloppForFte(fteHundradelar, budget.beloppPerArsarbetareKr, budget.avrundning);
    const id = await repo.upsertBeslut(tx, {
      ar,
      verksamhetId,
      lanKod: v.lanKod,
      fteHundradelar,
      beloppPerArsarbetareKr: budget.beloppPerArsarbetareKr,
      beloppKr,
      kommentar: input.kommentar ?? null,
      beslutatAv: ctx.principal.userId,
      // The name is shown through the account; stored too, for when the account is gone.
      beslutatAvNamn: (await repo.anvandarNamn(tx, ctx.principal.userId)) ?? ctx.principal.username,
    });
    await audit({
      action: 'statsbidrag.beslut',
      organisationId: verksamhetId,
      resourceType: 'statsbidrag_beslut',
      resourceId: id,
      detail: { ar, arsarbetare: fteTillText(fteHundradelar), beloppKr },
    });
    const [b] = (await repo.listBeslut(tx, { ar, lanKod: v.lanKod })).filter((x) => x.id === id);
    return b!;
  });
}

/** Tabell 1 and the distribution per län as a workbook. */
export async function fordelningXlsx(f: Fordelning): Promise<Buffer> {
  const t = f.tabell1;
  return arbetsbok([
    {
      namn: 'Tabell 1',
      rubrik: `Tabell 1. Budget och utfall för verksamhet med personligt ombud ${f.ar}`,
      kolumner: ['Kostnader', 'Budget (kr)', 'Fördelade medel (kr)'],
      rader: [
        ['Socialstyrelsen', t.socialstyrelsen.budgetKr, t.socialstyrelsen.fordelatKr],
        ['Ombudstjänster, statsbidrag', t.ombudstjanster.budgetKr, t.ombudstjanster.fordelatKr],
        ['Summa', t.summa.budgetKr, t.summa.fordelatKr],
        [`Oanvända medel ${f.ar}`, null, t.oanvantKr],
      ].map((r) => r.map((c) => (c === null ? '' : c))),
      kalla: `Belopp per årsarbetare: ${formatKr(f.beloppPerArsarbetareKr)} (${f.faststalld ? 'fastställt' : 'förhandsvisning'}).`,
    },
    {
      namn: 'Per län',
      rubrik: `Statsbidrag per län ${f.ar}`,
      kolumner: ['Län', 'Länskod', 'Verksamheter', 'Årsarbetare', 'Belopp (kr)'],
      rader: [
        ...f.perLan.map((l) => [l.lanNamn, l.lanKod, l.verksamheter, l.arsarbetare, l.beloppKr]),
        ['Totalt', '', f.perLan.reduce((s, l) => s + l.verksamheter, 0), f.totalArsarbetare, f.fordelatKr],
      ],
    },
  ]);
}
