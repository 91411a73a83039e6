/**
 * National and län compilations (seed 003) from the verksamheters' frozen reports, and the Länsstyrelse's
 * yearly report to Socialstyrelsen. Only aggregates leave this module: it reads ombud.redovisning/v1
 * snapshots (figures per verksamhet), never a client table, and per-kommun figures are small-number
 * suppressed. Socialstyrelsen (national:read) sees the nation and every län; a Länsstyrelse (lan:read)
 * its own län.
 */
import type { z } from 'zod';
import type { bristFilterQuery, LanRapportItem } from '../../../contracts/national.ts';
import type { Principal } from '../../../domain/access.ts';
import { type BristFilter, bristbild, bristTexter } from '../../../domain/nationellt/bristbild.ts';
import { kommunTabeller, sammanstall } from '../../../domain/nationellt/rapport.ts';
import { inOrder, mapInOrder, type Queryable } from '../../db/client.ts';
import { authorize, inTx, type ServiceContext } from '../../platform/context.ts';
import { Conflict, Forbidden, NotFound } from '../../platform/errors.ts';
import type { Fordelning } from '../grants/service.ts';
import * as grants from '../grants/service.ts';
import * as repo from './repo.ts';
import { arbetsbok } from './xlsx.ts';

type Underlag = Awaited<ReturnType<typeof laddaUnderlag>>;

export async function laddaUnderlag(
  tx: Queryable,
  q: { ar: number; lanKod?: string; forhandsvisning: boolean },
) {
  const [ref, nu, fore] = await inOrder(
    () => repo.referens(tx),
    () => repo.dokument(tx, q),
    () => repo.dokument(tx, { ...q, ar: q.ar - 1 }),
  );
  return { ...ref, docs: nu.map((s) => s.dokument), foregaende: fore.map((s) => s.dokument) };
}

/** The compilation with its keys in the documented order (docs/national-report.md, seed 003's order). */
function bygg(
  u: Underlag,
  ar: number,
  forhandsvisning: boolean,
  lanKod: string | null,
  tabell1: Fordelning['tabell1'] | null,
) {
  const s = sammanstall({ ar, lanKod, ...u });
  return {
    ar: s.ar,
    lanKod: s.lanKod,
    underlagStatus: forhandsvisning ? ('forhandsvisning' as const) : ('godkanda' as const),
    underlag: s.underlag,
    klienter: s.klienter,
    tabell1,
    tabell2: s.tabell2,
    tabell3: s.tabell3,
    tabell4: s.tabell4,
    kontaktorsaker: s.kontaktorsaker,
    ko: s.ko,
    utforare: s.utforare,
    ledningsgrupp: s.ledningsgrupp,
    personal: s.personal,
    arbetssatt: s.arbetssatt,
    brister: s.brister,
  };
}

/** The national compilation; Tabell 1 when Socialstyrelsen has fixed the year's budget. */
export async function nationellSammanstallning(tx: Queryable, ar: number, forhandsvisning: boolean) {
  const u = await laddaUnderlag(tx, { ar, forhandsvisning });
  const f = await grants.berakna(tx, ar);
  return bygg(u, ar, forhandsvisning, null, f.faststalld ? f.tabell1 : null);
}
export type NationellJson = Awaited<ReturnType<typeof nationellSammanstallning>>;

export async function lanSammanstallning(
  tx: Queryable,
  lanKod: string,
  ar: number,
  forhandsvisning: boolean,
) {
  const u = await laddaUnderlag(tx, { ar, lanKod, forhandsvisning });
  return {
    ...bygg(u, ar, forhandsvisning, lanKod, null),
    perKommun: kommunTabeller(lanKod, u.docs, u.referens),
  };
}
export type LanJson = Awaited<ReturnType<typeof lanSammanstallning>>;

export async function getNational(ctx: ServiceContext, ar: number, forhandsvisning: boolean) {
  authorize(ctx.principal, 'national:read', { typ: 'nation' });
  return inTx(ctx, {}, ({ tx }) => nationellSammanstallning(tx, ar, forhandsvisning));
}

export async function getLan(ctx: ServiceContext, lanKod: string, ar: number, forhandsvisning: boolean) {
  authorize(ctx.principal, 'lan:read', { typ: 'lan', lanKod });
  return inTx(ctx, {}, async ({ tx }) => {
    if (!(await tx.query.lan.findFirst({ where: (l, { eq }) => eq(l.kod, lanKod) }))) throw new NotFound();
    return lanSammanstallning(tx, lanKod, ar, forhandsvisning);
  });
}

type BristQuery = z.infer<typeof bristFilterQuery>;
const filter = (q: BristQuery): BristFilter => ({
  lanKod: q.lan,
  aktor: q.aktor,
  kategori: q.kategori,
  niva: q.niva,
  amne: q.amne,
});

/** Socialstyrelsen: the whole nation, filterable by län; a Länsstyrelse: its own län only. */
function bristScope(p: Principal, q: BristQuery): void {
  if (q.lan) authorize(p, 'lan:read', { typ: 'lan', lanKod: q.lan });
  else authorize(p, 'national:read', { typ: 'nation' });
}

export async function getBrister(ctx: ServiceContext, ar: number, q: BristQuery) {
  bristScope(ctx.principal, q);
  return inTx(ctx, {}, async ({ tx }) => {
    const u = await laddaUnderlag(tx, { ar, forhandsvisning: q.forhandsvisning });
    return bristbild(u.docs, u.foregaende, { aktorer: u.aktorer, amnen: u.amnen }, filter(q));
  });
}

export async function getBristTexter(ctx: ServiceContext, ar: number, q: BristQuery) {
  bristScope(ctx.principal, q);
  return inTx(ctx, {}, async ({ tx }) => {
    const u = await laddaUnderlag(tx, { ar, forhandsvisning: q.forhandsvisning });
    return bristTexter(u.docs, u.aktorer, filter(q));
  });
}

// ------------------------------------------------------------ the län's report to Socialstyrelsen

function arLansstyrelseI(p: Principal, lanKod: string): boolean {
  return p.medlemskap.some(
    (m) => m.roll === 'lansstyrelse' && m.organisationTyp === 'lansstyrelse' && m.lanKod === lanKod,
  );
}

async function rapportItem(tx: Queryable, p: Principal, lanKod: string, ar: number): Promise<LanRapportItem> {
  const l = await tx.query.lan.findFirst({ where: (x, { eq }) => eq(x.kod, lanKod) });
  if (!l) throw new NotFound();
  const r = await repo.getLanRapport(tx, lanKod, ar);
  // A draft is the Länsstyrelse's own work in progress: others see only that it exists.
  const egen = arLansstyrelseI(p, lanKod);
  const synlig = r && (r.status !== 'utkast' || egen);
  return {
    lanKod,
    lanNamn: l.namn,
    ar,
    status: r?.status ?? 'saknas',
    handlingsplan: synlig ? r.handlingsplan : null,
    inskickadAt: r?.inskickadAt ?? null,
    inskickadAvNamn: r?.inskickadAvNamn ?? null,
    godkandAt: r?.godkandAt ?? null,
    godkandAvNamn: r?.godkandAvNamn ?? null,
    snapshot: synlig ? (r.snapshot ?? null) : null,
  };
}

export async function getLanRapport(ctx: ServiceContext, lanKod: string, ar: number) {
  authorize(ctx.principal, 'lan:read', { typ: 'lan', lanKod });
  return inTx(ctx, {}, ({ tx }) => rapportItem(tx, ctx.principal, lanKod, ar));
}

/** Socialstyrelsen's overview: every län's report for the year (drafts show their status only). */
export async function listLanRapporter(ctx: ServiceContext, ar: number) {
  authorize(ctx.principal, 'national:read', { typ: 'nation' });
  return inTx(ctx, {}, async ({ tx }) => {
    const lan = await repo.referens(tx);
    return mapInOrder(lan.referens.lan, (l) => rapportItem(tx, ctx.principal, l.kod, ar));
  });
}

function kravLansstyrelse(p: Principal, lanKod: string) {
  authorize(p, 'lan:read', { typ: 'lan', lanKod });
  if (!arLansstyrelseI(p, lanKod))
    throw new Forbidden('Bara länsstyrelsen i länet kan ändra länets rapport.');
}

export async function sparaLanRapport(
  ctx: ServiceContext,
  lanKod: string,
  ar: number,
  handlingsplan: string,
) {
  kravLansstyrelse(ctx.principal, lanKod);
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const r = await repo.getLanRapport(tx, lanKod, ar);
    if (r && r.status !== 'utkast') throw new Conflict('Rapporten är redan inskickad och kan inte ändras.');
    await repo.sparaUtkast(tx, { lanKod, ar, handlingsplan, namn: ctx.principal.username });
    await audit({ action: 'lan_rapport.sparad', resourceType: 'lan_rapport', resourceId: `${lanKod}/${ar}` });
    return rapportItem(tx, ctx.principal, lanKod, ar);
  });
}

/** Freezes the län's figures (approved reports only) with the handlingsplan: inskickad, immutable. */
export async function skickaInLanRapport(ctx: ServiceContext, lanKod: string, ar: number) {
  kravLansstyrelse(ctx.principal, lanKod);
  return inTx(ctx, {}, async ({ tx, audit }) => {
    let r = await repo.getLanRapport(tx, lanKod, ar);
    if (!r) {
      await repo.sparaUtkast(tx, { lanKod, ar, handlingsplan: '', namn: ctx.principal.username });
      r = (await repo.getLanRapport(tx, lanKod, ar))!;
    }
    if (r.status !== 'utkast') throw new Conflict('Rapporten är redan inskickad.');
    const snapshot = await lanSammanstallning(tx, lanKod, ar, false);
    const ok = await repo.skickaIn(tx, {
      id: r.id,
      snapshot,
      userId: ctx.principal.userId,
      namn: ctx.principal.username,
    });
    if (!ok) throw new Conflict('Rapporten är redan inskickad.');
    await audit({
      action: 'lan_rapport.inskickad',
      resourceType: 'lan_rapport',
      resourceId: `${lanKod}/${ar}`,
      detail: { verksamheter: snapshot.underlag.verksamheter },
    });
    return rapportItem(tx, ctx.principal, lanKod, ar);
  });
}

/** Socialstyrelsen accepts a län's report (grant:admin, its only write right). */
export async function godkannLanRapport(ctx: ServiceContext, lanKod: string, ar: number) {
  authorize(ctx.principal, 'grant:admin', { typ: 'nation' }, 'national:read');
  return inTx(ctx, {}, async ({ tx, audit }) => {
    const r = await repo.getLanRapport(tx, lanKod, ar);
    if (!r || !(await repo.godkann(tx, { id: r.id, namn: ctx.principal.username }))) {
      throw new Conflict('Bara en inskickad rapport kan godkännas.');
    }
    await audit({
      action: 'lan_rapport.godkand',
      resourceType: 'lan_rapport',
      resourceId: `${lanKod}/${ar}`,
    });
    return rapportItem(tx, ctx.principal, lanKod, ar);
  });
}

/** The brist picture (with the current filter) and its texts as a workbook. */
export async function bristerXlsx(ctx: ServiceContext, ar: number, q: BristQuery): Promise<Buffer> {
  const [b, texter] = [await getBrister(ctx, ar, q), await getBristTexter(ctx, ar, q)];
  const rad = (r: (typeof b.amnen)[number]) => [
    r.kod,
    r.namn,
    r.grupp,
    r.iAr.verksamheter,
    r.iAr.lan.join(', '),
    r.iAr.kommuner,
    r.foregaendeAr.verksamheter,
    r.foregaendeAr.lan.join(', '),
    r.foregaendeAr.kommuner,
    r.nivaer.handlaggare,
    r.nivaer.lokal,
    r.nivaer.central,
  ];
  const kolumner = (forsta: string) => [
    'Kod',
    forsta,
    'Grupp',
    `Verksamheter ${ar}`,
    `Län ${ar}`,
    `Kommuner ${ar}`,
    `Verksamheter ${ar - 1}`,
    `Län ${ar - 1}`,
    `Kommuner ${ar - 1}`,
    'Handläggarnivå',
    'Lokal nivå',
    'Central nivå',
  ];
  return arbetsbok([
    { namn: 'Ämnen', kolumner: kolumner('Ämne'), rader: b.amnen.map(rad) },
    { namn: 'Aktörer', kolumner: kolumner('Aktör'), rader: b.aktorer.map(rad) },
    { namn: 'Kategorier', kolumner: kolumner('Kategori'), rader: b.kategorier.map(rad) },
    {
      namn: 'Texter',
      kolumner: ['Län', 'Verksamhet', 'Nivå', 'Ämne', 'Aktörer', 'Titel', 'Beskrivning', 'Åtgärder'],
      rader: texter.map((t) => [
        t.lanKod,
        t.verksamhetNamn,
        t.niva,
        t.amne,
        t.aktorer.join(', '),
        t.titel,
        t.beskrivning,
        t.atgarder.join(' | '),
      ]),
    },
  ]);
}
