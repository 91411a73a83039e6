import { and, eq, type SQL, sql } from 'drizzle-orm';
import type {
  ArendeSort,
  ArendeSortFalt,
  KlientSort,
  KlientSortFalt,
  KlientStatus,
} from '../../../contracts/cases.ts';
import { arSlutlage } from '../../../domain/arende-status.ts';
import {
  ARENDE_STATUS,
  type ArendeStatus,
  type BarnUnder18,
  type ForfraganFran,
  KON,
  type Kon,
} from '../../../domain/codes.ts';
import { type AppDb, type Queryable, query } from '../../db/client.ts';
import {
  anteckning,
  arende,
  arendeAktor,
  klient,
  klientIdentitet,
  ombudTjanst,
} from '../../db/schema/index.ts';
import { decryptField, decryptOptional, encryptField, encryptOptional } from '../../platform/field-crypto.ts';

// Raw reads cast dates and timestamps to text so that both drivers (pg parses dates into Date objects,
// PGlite does not) answer with the same strings.
const ts = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// ---------------------------------------------------------------- klient

export interface KlientRow {
  id: string;
  verksamhet_id: string;
  kon: Kon;
  fodelsear: number;
  kommun_kod: string;
  kommun_namn: string;
  stadsdelsomrade_kod: string | null;
  stadsdelsomrade_namn: string | null;
  barn_under_18: BarnUnder18;
  gallrad_at: string | null;
  created_at: string;
  alias: string | null;
  namn: string | null;
  personnummer: string | null;
  telefon: string | null;
  adress: string | null;
  antal_arenden: number;
  forsta_kontakt: string | null;
  senaste_id: string | null;
  senaste_status: ArendeStatus | null;
  senaste_forfragan: string | null;
  senaste_ombud: string | null;
}

/** Identity fields are stored encrypted (platform/field-crypto.ts); the alias, a pseudonym, in clear. */
function klartext(r: KlientRow): KlientRow {
  return {
    ...r,
    namn: decryptOptional(r.namn),
    personnummer: decryptOptional(r.personnummer),
    telefon: decryptOptional(r.telefon),
    adress: decryptOptional(r.adress),
  };
}

function krypterad<T extends Partial<KlientIdentitet>>(i: T): T {
  const out = { ...i };
  for (const f of ['namn', 'personnummer', 'telefon', 'adress'] as const)
    if (out[f] !== undefined) out[f] = encryptOptional(out[f]);
  return out;
}

const KLIENT_SELECT = sql`
  select k.id, k.verksamhet_id, k.kon, k.fodelsear, k.kommun_kod, km.namn as kommun_namn,
         k.stadsdelsomrade_kod, s.namn as stadsdelsomrade_namn, k.barn_under_18,
         ${ts(sql`k.gallrad_at`)} as gallrad_at, ${ts(sql`k.created_at`)} as created_at,
         i.alias, i.namn, i.personnummer, i.telefon, i.adress,
         (select count(*)::int from arende a where a.verksamhet_id = k.verksamhet_id and a.klient_id = k.id)
           as antal_arenden,
         (select min(a.forfragan_datum)::text from arende a
          where a.verksamhet_id = k.verksamhet_id and a.klient_id = k.id) as forsta_kontakt,
         l.id as senaste_id, l.status as senaste_status, l.forfragan_datum::text as senaste_forfragan,
         l.ombud_user_id as senaste_ombud
  from klient k
  join kommun km on km.kod = k.kommun_kod
  left join stadsdelsomrade s on s.kod = k.stadsdelsomrade_kod
  left join klient_identitet i on i.verksamhet_id = k.verksamhet_id and i.klient_id = k.id
  left join lateral (
    select a.id, a.status, a.forfragan_datum, a.ombud_user_id from arende a
    where a.verksamhet_id = k.verksamhet_id and a.klient_id = k.id
    order by a.forfragan_datum desc, a.created_at desc, a.id desc limit 1
  ) l on true`;

export interface KlientFilter {
  q?: string | undefined;
  status?: KlientStatus[] | undefined;
  gallrad?: 'ja' | 'nej' | 'alla' | undefined;
  /** The latest ärende's ombud: a user id, or null = none (or no ärende at all). */
  ombudUserId?: string | null | undefined;
  kommunKod?: string | undefined;
  kon?: Kon | undefined;
  /** First contact (the earliest request) from … to, inclusive (ISO dates). */
  fran?: string | undefined;
  till?: string | undefined;
}

const PAGAENDE = ARENDE_STATUS.filter((s) => !arSlutlage(s));

/** What a filter or an order needs beyond the klient row; only those joins are made. */
interface Behov {
  identitet?: boolean;
  senaste?: boolean;
  summa?: boolean;
  hem?: boolean;
  ombudNamn?: boolean;
}

function klientBehov(f: KlientFilter, sort?: KlientSort): Behov {
  const falt = sort ? (sort.replace(/^-/, '') as KlientSortFalt) : undefined;
  return {
    identitet: Boolean(f.q) || falt === 'klient',
    senaste: f.ombudUserId !== undefined || falt === 'status' || falt === 'ombud',
    summa: Boolean(f.status?.length || f.fran || f.till) || falt === 'forstaKontakt',
    hem: falt === 'kommun',
    ombudNamn: falt === 'ombud',
  };
}

/**
 * The clients a filter selects, with what it and the order read: the latest ärende (status, ombud: what
 * the list shows) and the ärenden summed up (the first request, whether one is in progress).
 */
function klientFran(b: Behov): SQL {
  return sql`from klient k
    ${b.identitet ? sql`left join klient_identitet i on i.verksamhet_id = k.verksamhet_id and i.klient_id = k.id` : sql``}
    ${
      b.senaste || b.ombudNamn
        ? sql`left join lateral (
            select a.status, a.ombud_user_id from arende a
            where a.verksamhet_id = k.verksamhet_id and a.klient_id = k.id
            order by a.forfragan_datum desc, a.created_at desc, a.id desc limit 1) fl on true`
        : sql``
    }
    ${
      b.summa
        ? sql`left join lateral (
            select min(a.forfragan_datum) as forsta, count(*)::int as antal,
                   coalesce(bool_or(a.status in (${sql.join(
                     PAGAENDE.map((x) => sql`${x}`),
                     sql`, `,
                   )})), false) as pagaende
            from arende a where a.verksamhet_id = k.verksamhet_id and a.klient_id = k.id) fa on true`
        : sql``
    }
    ${
      b.hem
        ? sql`join kommun fkm on fkm.kod = k.kommun_kod
              left join stadsdelsomrade fso on fso.kod = k.stadsdelsomrade_kod`
        : sql``
    }
    ${b.ombudNamn ? sql`left join app_user fu on fu.id = fl.ombud_user_id` : sql``}`;
}

const KLIENT_STATUS_VILLKOR: Record<KlientStatus, SQL> = {
  gallrad: sql`k.gallrad_at is not null`,
  pagaende: sql`(k.gallrad_at is null and fa.pagaende)`,
  avslutad: sql`(k.gallrad_at is null and fa.antal > 0 and not fa.pagaende)`,
  utan_arende: sql`(k.gallrad_at is null and fa.antal = 0)`,
};

function klientWhere(verksamhetId: string, f: KlientFilter): SQL {
  const conds: SQL[] = [sql`k.verksamhet_id = ${verksamhetId}`];
  if (f.gallrad === 'ja') conds.push(sql`k.gallrad_at is not null`);
  if (f.gallrad === 'nej') conds.push(sql`k.gallrad_at is null`);
  if (f.q) conds.push(sql`strpos(lower(i.alias), lower(${f.q})) > 0`);
  if (f.status?.length)
    conds.push(
      sql`(${sql.join(
        f.status.map((x) => KLIENT_STATUS_VILLKOR[x]),
        sql` or `,
      )})`,
    );
  if (f.ombudUserId === null) conds.push(sql`fl.ombud_user_id is null`);
  else if (f.ombudUserId) conds.push(sql`fl.ombud_user_id = ${f.ombudUserId}`);
  if (f.kommunKod) conds.push(sql`k.kommun_kod = ${f.kommunKod}`);
  if (f.kon) conds.push(sql`k.kon = ${f.kon}`);
  if (f.fran) conds.push(sql`fa.forsta >= ${f.fran}::date`);
  if (f.till) conds.push(sql`fa.forsta <= ${f.till}::date`);
  return sql.join(conds, sql` and `);
}

const koder = (lista: readonly string[]) =>
  sql`array[${sql.join(
    lista.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;

/**
 * The value each sort order compares, in SQL. `kon` and `status` follow their code lists' order (the
 * status the workflow's); `kommun` is the home as the list shows it (the stadsdelsområde where there is
 * one); an empty value (no alias once purged, no ärende, no ombud) comes last either way.
 */
function klientSortVarde(falt: KlientSortFalt): SQL {
  switch (falt) {
    case 'klient':
      return sql`lower(i.alias)`;
    case 'kon':
      return sql`array_position(${koder(KON)}, k.kon)`;
    case 'fodelsear':
      return sql`k.fodelsear`;
    case 'kommun':
      return sql`lower(coalesce(fso.namn, fkm.namn))`;
    case 'forstaKontakt':
      return sql`fa.forsta`;
    case 'status':
      return sql`array_position(${koder(ARENDE_STATUS)}, fl.status)`;
    case 'ombud':
      return sql`lower(fu.display_name)`;
  }
}

function klientOrder(sort: KlientSort): SQL {
  const fallande = sort.startsWith('-');
  const falt = (fallande ? sort.slice(1) : sort) as KlientSortFalt;
  const dir = fallande ? sql`desc` : sql`asc`;
  return sql`${klientSortVarde(falt)} ${dir} nulls last, k.id ${dir}`;
}

/** How many clients the filter selects, and how many of those are purged. */
export async function countKlienter(db: Queryable, verksamhetId: string, f: KlientFilter) {
  const [n] = await query<{ n: number; g: number }>(
    db,
    sql`select count(*)::int as n, (count(*) filter (where k.gallrad_at is not null))::int as g
        ${klientFran(klientBehov(f))} where ${klientWhere(verksamhetId, f)}`,
  );
  return { total: n?.n ?? 0, gallrade: n?.g ?? 0 };
}

/** The selected clients' ids in order, with their place in the whole selection (1, 2, …). */
function klientUrval(verksamhetId: string, f: KlientFilter, sort: KlientSort, sida?: Sida): SQL {
  const order = klientOrder(sort);
  return sql`select k.id, row_number() over (order by ${order}) as nr
    ${klientFran(klientBehov(f, sort))}
    where ${klientWhere(verksamhetId, f)}
    order by ${order}
    ${sida ? sql`limit ${sida.limit} offset ${sida.offset}` : sql``}`;
}

interface Sida {
  limit: number;
  offset: number;
}

/** One page of the filtered, sorted list; the details are computed for that page only. */
export async function listKlienter(
  db: Queryable,
  verksamhetId: string,
  f: KlientFilter & Sida & { sort: KlientSort },
) {
  const { total, gallrade } = await countKlienter(db, verksamhetId, f);
  const rows = await query<KlientRow>(
    db,
    sql`${KLIENT_SELECT}
        join (${klientUrval(verksamhetId, f, f.sort, f)}) p on p.id = k.id
        where k.verksamhet_id = ${verksamhetId}
        order by p.nr`,
  );
  return { total, gallrade, rows: rows.map(klartext) };
}

/** Every client the filter selects, in the list's order (the export). */
export async function allaKlienter(
  db: Queryable,
  verksamhetId: string,
  f: KlientFilter & { sort: KlientSort },
) {
  const rows = await query<KlientRow>(
    db,
    sql`${KLIENT_SELECT}
        join (${klientUrval(verksamhetId, f, f.sort)}) p on p.id = k.id
        where k.verksamhet_id = ${verksamhetId}
        order by p.nr`,
  );
  return rows.map(klartext);
}

export async function getKlient(db: Queryable, verksamhetId: string, id: string): Promise<KlientRow | null> {
  const [row] = await query<KlientRow>(
    db,
    sql`${KLIENT_SELECT} where k.verksamhet_id = ${verksamhetId} and k.id = ${id}`,
  );
  return row ? klartext(row) : null;
}

export async function aliasFinns(db: Queryable, verksamhetId: string, alias: string, utomKlientId?: string) {
  const rows = await query<{ klient_id: string }>(
    db,
    sql`select klient_id from klient_identitet
        where verksamhet_id = ${verksamhetId} and lower(alias) = lower(${alias})
        ${utomKlientId ? sql`and klient_id <> ${utomKlientId}` : sql``}`,
  );
  return rows.length > 0;
}

/** Every current (not purged) alias of the verksamhet, lower-cased (the import checks against these). */
export async function allaAlias(db: Queryable, verksamhetId: string): Promise<Set<string>> {
  const rows = await query<{ a: string }>(
    db,
    sql`select lower(alias) as a from klient_identitet where verksamhet_id = ${verksamhetId}`,
  );
  return new Set(rows.map((r) => r.a));
}

export interface KlientStatistik {
  kon: Kon;
  fodelsear: number;
  kommunKod: string;
  stadsdelsomradeKod: string | null;
  barnUnder18: BarnUnder18;
}
export interface KlientIdentitet {
  alias: string;
  namn: string | null;
  personnummer: string | null;
  telefon: string | null;
  adress: string | null;
}

export async function insertKlient(
  db: Queryable,
  verksamhetId: string,
  s: KlientStatistik,
  i: KlientIdentitet,
): Promise<string> {
  const [row] = await db
    .insert(klient)
    .values({ verksamhetId, ...s })
    .returning({ id: klient.id });
  await db.insert(klientIdentitet).values({ klientId: row!.id, verksamhetId, ...krypterad(i) });
  return row!.id;
}

export async function updateKlient(
  db: Queryable,
  verksamhetId: string,
  id: string,
  s: Partial<KlientStatistik>,
  i: Partial<KlientIdentitet>,
) {
  if (Object.keys(s).length) {
    await db
      .update(klient)
      .set(s)
      .where(and(eq(klient.verksamhetId, verksamhetId), eq(klient.id, id)));
  }
  if (Object.keys(i).length) {
    await db
      .update(klientIdentitet)
      .set(krypterad(i))
      .where(and(eq(klientIdentitet.verksamhetId, verksamhetId), eq(klientIdentitet.klientId, id)));
  }
}

// ---------------------------------------------------------------- ärende

export interface ArendeRow {
  id: string;
  verksamhet_id: string;
  klient_id: string;
  alias: string | null;
  gallrad: boolean;
  kon: Kon;
  fodelsear: number;
  barn_under_18: BarnUnder18;
  forfragan_datum: string;
  forfragan_fran: ForfraganFran | null;
  status: ArendeStatus;
  start_datum: string | null;
  avslut_datum: string | null;
  avslut_orsak: string | null;
  ombud_user_id: string | null;
  sip: boolean;
  prioritet: string[];
  kontaktorsaker: string[];
  aktor_ids: string[];
  gallras_efter: string | null;
  created_at: string;
  updated_at: string;
}

const ARENDE_SELECT = sql`
  select a.id, a.verksamhet_id, a.klient_id, i.alias, (k.gallrad_at is not null) as gallrad,
         k.kon, k.fodelsear, k.barn_under_18,
         a.forfragan_datum::text as forfragan_datum, a.forfragan_fran, a.status,
         a.start_datum::text as start_datum, a.avslut_datum::text as avslut_datum, a.avslut_orsak,
         a.ombud_user_id, a.sip, a.prioritet, a.kontaktorsaker,
         coalesce((select array_agg(aa.aktor_id::text order by aa.aktor_id) from arende_aktor aa
                   where aa.verksamhet_id = a.verksamhet_id and aa.arende_id = a.id), '{}'::text[]) as aktor_ids,
         a.gallras_efter::text as gallras_efter,
         ${ts(sql`a.created_at`)} as created_at, ${ts(sql`a.updated_at`)} as updated_at
  from arende a
  join klient k on k.verksamhet_id = a.verksamhet_id and k.id = a.klient_id
  left join klient_identitet i on i.verksamhet_id = a.verksamhet_id and i.klient_id = a.klient_id`;

export interface ArendeFilter {
  status?: ArendeStatus[] | undefined;
  klientId?: string | undefined;
  /** A user id; null = only ärenden without a responsible ombud. */
  ombudUserId?: string | null | undefined;
  /** forfragan_datum from … to, inclusive (ISO dates). */
  fran?: string | undefined;
  till?: string | undefined;
}

export interface ArendeOrdning {
  sort: ArendeSort;
  /** Today in Sweden: the day a waiting request's days are counted to (the `vantedagar` order). */
  idag: string;
}

function arendeWhere(verksamhetId: string, f: ArendeFilter): SQL {
  const conds: SQL[] = [sql`a.verksamhet_id = ${verksamhetId}`];
  if (f.status?.length)
    conds.push(
      sql`a.status in (${sql.join(
        f.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (f.klientId) conds.push(sql`a.klient_id = ${f.klientId}`);
  if (f.ombudUserId === null) conds.push(sql`a.ombud_user_id is null`);
  else if (f.ombudUserId) conds.push(sql`a.ombud_user_id = ${f.ombudUserId}`);
  if (f.fran) conds.push(sql`a.forfragan_datum >= ${f.fran}::date`);
  if (f.till) conds.push(sql`a.forfragan_datum <= ${f.till}::date`);
  return sql.join(conds, sql` and `);
}

/**
 * The value each sort order compares, in SQL (never in JS after fetching: the order decides the page).
 * `vantedagar` is presentation's `vantedagar` (present.ts) as an expression; `status` follows the
 * workflow (förfrågan, kö, aktiv, avslutad, ej aktuell); `klient` is the alias, which a purged client no
 * longer has (those come last).
 */
function sortVarde(falt: ArendeSortFalt, idag: string): SQL {
  switch (falt) {
    case 'forfraganDatum':
      return sql`a.forfragan_datum`;
    case 'vantedagar':
      return sql`(case when a.start_datum is not null then a.start_datum - a.forfragan_datum
                       when a.status in ('forfragan', 'ko') then greatest(0, ${idag}::date - a.forfragan_datum)
                  end)`;
    case 'status':
      return sql`array_position(array[${sql.join(
        ARENDE_STATUS.map((s) => sql`${s}`),
        sql`, `,
      )}]::text[], a.status)`;
    case 'avslutDatum':
      return sql`a.avslut_datum`;
    case 'klient':
      return sql`lower(i.alias)`;
    case 'ko':
      // One value for a two-part order (a row compares part by part), so `-ko` reverses both parts.
      return sql`row(-cardinality(a.prioritet), a.forfragan_datum)`;
  }
}

/** The orders whose value may be empty (no start, not closed, a purged client's alias). */
const KAN_SAKNAS: ReadonlySet<ArendeSortFalt> = new Set(['vantedagar', 'avslutDatum', 'klient']);

/**
 * ORDER BY for a sort order: empty values last either way, then the id in the same direction. `nulls last`
 * only where a value can be empty: on a column that never is, it would keep the planner from reading the
 * index (verksamhet, request date, id) backwards for the default order, newest first.
 */
function arendeOrder(o: ArendeOrdning): SQL {
  const fallande = o.sort.startsWith('-');
  const falt = (fallande ? o.sort.slice(1) : o.sort) as ArendeSortFalt;
  const dir = fallande ? sql`desc` : sql`asc`;
  const tomma = KAN_SAKNAS.has(falt) ? sql` nulls last` : sql``;
  return sql`${sortVarde(falt, o.idag)} ${dir}${tomma}, a.id ${dir}`;
}

/** Only the alias order reads the identity table. */
const ordningensJoin = (o: ArendeOrdning) =>
  o.sort.endsWith('klient')
    ? sql`left join klient_identitet i on i.verksamhet_id = a.verksamhet_id and i.klient_id = a.klient_id`
    : sql``;

export async function countArenden(db: Queryable, verksamhetId: string, f: ArendeFilter) {
  const [n] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from arende a where ${arendeWhere(verksamhetId, f)}`,
  );
  return n?.n ?? 0;
}

/** One page of the filtered list in the chosen order, and how many match in all. */
export async function listArenden(
  db: Queryable,
  verksamhetId: string,
  f: ArendeFilter & ArendeOrdning & { limit: number; offset: number },
) {
  const where = arendeWhere(verksamhetId, f);
  const order = arendeOrder(f);
  const total = await countArenden(db, verksamhetId, f);
  // The page is chosen on the bare table (an index on verksamhet and request date serves the default
  // order); the details are read for that page only.
  const rows = await query<ArendeRow>(
    db,
    sql`${ARENDE_SELECT}
        where a.verksamhet_id = ${verksamhetId} and a.id in (
          select a.id from arende a ${ordningensJoin(f)} where ${where}
          order by ${order} limit ${f.limit} offset ${f.offset})
        order by ${order}`,
  );
  return { total, rows };
}

/** Every row of the filtered list, in the chosen order (the export). */
export async function allaArenden(db: Queryable, verksamhetId: string, f: ArendeFilter & ArendeOrdning) {
  return query<ArendeRow>(
    db,
    sql`${ARENDE_SELECT} where ${arendeWhere(verksamhetId, f)} order by ${arendeOrder(f)}`,
  );
}

export async function arendenForKlient(db: Queryable, verksamhetId: string, klientId: string) {
  return query<ArendeRow>(
    db,
    sql`${ARENDE_SELECT} where a.verksamhet_id = ${verksamhetId} and a.klient_id = ${klientId}
        order by a.forfragan_datum desc, a.created_at desc, a.id`,
  );
}

export async function getArende(db: Queryable, verksamhetId: string, id: string): Promise<ArendeRow | null> {
  const [row] = await query<ArendeRow>(
    db,
    sql`${ARENDE_SELECT} where a.verksamhet_id = ${verksamhetId} and a.id = ${id}`,
  );
  return row ?? null;
}

/** Waiting days now (request → today) of everything in the queue. */
export async function vantedagarIKo(db: Queryable, verksamhetId: string, idag: string): Promise<number[]> {
  const rows = await query<{ d: number }>(
    db,
    sql`select (${idag}::date - forfragan_datum)::int as d from arende
        where verksamhet_id = ${verksamhetId} and status in ('forfragan', 'ko')`,
  );
  return rows.map((r) => r.d);
}

/** Waiting days (request → start) of ärenden started from `fran` to `till`. */
export async function vantedagarStartade(db: Queryable, verksamhetId: string, fran: string, till: string) {
  const rows = await query<{ d: number }>(
    db,
    sql`select (start_datum - forfragan_datum)::int as d from arende
        where verksamhet_id = ${verksamhetId} and status in ('aktiv', 'avslutad')
          and start_datum between ${fran}::date and ${till}::date`,
  );
  return rows.map((r) => r.d);
}

export interface NyttArende {
  klientId: string;
  forfraganDatum: string;
  forfraganFran: ForfraganFran;
  prioritet: string[];
  kontaktorsaker: string[];
  sip: boolean;
}

export async function insertArende(db: Queryable, verksamhetId: string, a: NyttArende): Promise<string> {
  const [row] = await db
    .insert(arende)
    .values({ verksamhetId, status: 'forfragan', ...a })
    .returning({ id: arende.id });
  return row!.id;
}

export type ArendeAndring = Partial<{
  forfraganDatum: string;
  forfraganFran: ForfraganFran;
  status: ArendeStatus;
  startDatum: string | null;
  avslutDatum: string | null;
  avslutOrsak: string | null;
  ombudUserId: string | null;
  sip: boolean;
  prioritet: string[];
  kontaktorsaker: string[];
  gallrasEfter: string | null;
}>;

export async function updateArende(db: Queryable, verksamhetId: string, id: string, c: ArendeAndring) {
  await db
    .update(arende)
    .set({ ...c, updatedAt: sql`now()` })
    .where(and(eq(arende.verksamhetId, verksamhetId), eq(arende.id, id)));
}

export async function setAktorer(db: Queryable, verksamhetId: string, arendeId: string, aktorIds: string[]) {
  await db
    .delete(arendeAktor)
    .where(and(eq(arendeAktor.verksamhetId, verksamhetId), eq(arendeAktor.arendeId, arendeId)));
  if (aktorIds.length) {
    await db.insert(arendeAktor).values(aktorIds.map((aktorId) => ({ verksamhetId, arendeId, aktorId })));
  }
}

/** Active ärenden per responsible ombud (null = nobody assigned). */
export async function aktivaPerOmbud(db: Queryable, verksamhetId: string) {
  return query<{ ombud_user_id: string | null; n: number }>(
    db,
    sql`select ombud_user_id, count(*)::int as n from arende
        where verksamhet_id = ${verksamhetId} and status = 'aktiv' group by ombud_user_id`,
  );
}

// ---------------------------------------------------------------- anteckning

export interface AnteckningRow {
  id: string;
  arende_id: string;
  text: string;
  created_by: string | null;
  created_at: string;
}

export async function listAnteckningar(db: Queryable, verksamhetId: string, arendeId: string) {
  const rows = await query<AnteckningRow>(
    db,
    sql`select id, arende_id, text, created_by, ${ts(sql`created_at`)} as created_at from anteckning
        where verksamhet_id = ${verksamhetId} and arende_id = ${arendeId} order by created_at, id`,
  );
  return rows.map((r) => ({ ...r, text: decryptField(r.text) }));
}

export async function insertAnteckning(
  db: Queryable,
  verksamhetId: string,
  arendeId: string,
  text: string,
  createdBy: string,
): Promise<string> {
  const [row] = await db
    .insert(anteckning)
    .values({ verksamhetId, arendeId, text: encryptField(text), createdBy })
    .returning({ id: anteckning.id });
  return row!.id;
}

export async function deleteAnteckning(db: Queryable, verksamhetId: string, arendeId: string, id: string) {
  const rows = await db
    .delete(anteckning)
    .where(
      and(
        eq(anteckning.verksamhetId, verksamhetId),
        eq(anteckning.arendeId, arendeId),
        eq(anteckning.id, id),
      ),
    )
    .returning({ id: anteckning.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------- tjänstgöringsgrad

export async function listTjanst(db: Queryable, verksamhetId: string) {
  return db
    .select({ userId: ombudTjanst.userId, hundradelar: ombudTjanst.arsarbetareHundradelar })
    .from(ombudTjanst)
    .where(eq(ombudTjanst.verksamhetId, verksamhetId));
}

export async function setTjanst(db: Queryable, verksamhetId: string, userId: string, hundradelar: number) {
  await db
    .insert(ombudTjanst)
    .values({ verksamhetId, userId, arsarbetareHundradelar: hundradelar })
    .onConflictDoUpdate({
      target: [ombudTjanst.verksamhetId, ombudTjanst.userId],
      set: { arsarbetareHundradelar: hundradelar, updatedAt: sql`now()` },
    });
}

// ---------------------------------------------------------------- gallring

/**
 * Clients whose identity may now be purged: not yet purged, at least one ärende, every ärende ended
 * (avslutad or ej aktuell) and each one's grace period over.
 */
export async function attGallra(db: Queryable, verksamhetId: string, idag: string) {
  return query<{ klient_id: string; alias: string | null; gallras_efter: string }>(
    db,
    sql`select k.id as klient_id, i.alias, max(a.gallras_efter)::text as gallras_efter
        from klient k
        join arende a on a.verksamhet_id = k.verksamhet_id and a.klient_id = k.id
        left join klient_identitet i on i.verksamhet_id = k.verksamhet_id and i.klient_id = k.id
        where k.verksamhet_id = ${verksamhetId} and k.gallrad_at is null
        group by k.id, i.alias
        having bool_and(a.status in ('avslutad', 'ej_aktuell') and a.gallras_efter is not null
                        and a.gallras_efter <= ${idag}::date)
        order by max(a.gallras_efter), k.id`,
  );
}

/** Deletes the identity and every note of these clients for good and marks them gallrad. */
export async function gallra(db: Queryable, verksamhetId: string, klientIds: string[]) {
  if (klientIds.length === 0) return 0;
  const ids = sql`${sql.param(klientIds)}::uuid[]`;
  await query(
    db,
    sql`delete from anteckning n using arende a
        where n.verksamhet_id = ${verksamhetId} and a.verksamhet_id = n.verksamhet_id and a.id = n.arende_id
          and a.klient_id = any(${ids})`,
  );
  await query(
    db,
    sql`delete from klient_identitet where verksamhet_id = ${verksamhetId} and klient_id = any(${ids})`,
  );
  const done = await query<{ id: string }>(
    db,
    sql`update klient set gallrad_at = now()
        where verksamhet_id = ${verksamhetId} and id = any(${ids}) and gallrad_at is null returning id`,
  );
  return done.length;
}

/**
 * After a purge: rewrite the identity and note tables so the deleted rows' bytes leave the table files.
 * A DELETE only marks rows dead, and plain VACUUM only makes their space reusable; VACUUM FULL writes the
 * live rows to new files and drops the old ones. It cannot run inside a transaction and needs the table
 * owner, so it runs on the database handle itself (never as ombud_app). It locks the two tables for the
 * moment it takes (they hold only current clients' identities); with several processes, concurrent
 * vacuums simply queue.
 */
export async function vacuumIdentitet(db: AppDb) {
  await db.execute(sql`vacuum full klient_identitet, anteckning`);
}

// ---------------------------------------------------------------- import (set-based)

export interface ImportKlienter {
  id: string[];
  kon: string[];
  fodelsear: number[];
  kommunKod: string[];
  stadsdelsomradeKod: (string | null)[];
  barnUnder18: string[];
  alias: string[];
}

export interface ImportArenden {
  klientId: string[];
  forfraganDatum: string[];
  status: string[];
  startDatum: (string | null)[];
  avslutDatum: (string | null)[];
  ombudUserId: (string | null)[];
  /** Comma-joined codes ('' for none). */
  prioritet: string[];
  kontaktorsaker: string[];
  gallrasEfter: (string | null)[];
}

/** One batch of new clients: two `insert … select from unnest(…)` statements. */
export async function importKlienter(db: Queryable, verksamhetId: string, k: ImportKlienter) {
  if (k.id.length === 0) return;
  const p = (v: unknown[]) => sql.param(v);
  await db.execute(
    sql`insert into klient (id, verksamhet_id, kon, fodelsear, kommun_kod, stadsdelsomrade_kod, barn_under_18)
        select id, ${verksamhetId}, kon, fodelsear, kommun_kod, sdo, barn
        from unnest(${p(k.id)}::uuid[], ${p(k.kon)}::text[], ${p(k.fodelsear)}::int[], ${p(k.kommunKod)}::text[],
                    ${p(k.stadsdelsomradeKod)}::text[], ${p(k.barnUnder18)}::text[])
             as t(id, kon, fodelsear, kommun_kod, sdo, barn)`,
  );
  await db.execute(
    sql`insert into klient_identitet (klient_id, verksamhet_id, alias)
        select id, ${verksamhetId}, alias from unnest(${p(k.id)}::uuid[], ${p(k.alias)}::text[]) as t(id, alias)`,
  );
}

/** One batch of ärenden; who made the request is not in the file, so forfragan_fran stays null. */
export async function importArenden(db: Queryable, verksamhetId: string, a: ImportArenden) {
  if (a.klientId.length === 0) return;
  const p = (v: unknown[]) => sql.param(v);
  await db.execute(
    sql`insert into arende (verksamhet_id, klient_id, forfragan_datum, forfragan_fran, status, start_datum,
                            avslut_datum, ombud_user_id, prioritet, kontaktorsaker, gallras_efter)
        select ${verksamhetId}, klient_id, forfragan, null, status, start, avslut, ombud,
               string_to_array(prio, ','), string_to_array(orsaker, ','), gallras
        from unnest(${p(a.klientId)}::uuid[], ${p(a.forfraganDatum)}::date[], ${p(a.status)}::text[],
                    ${p(a.startDatum)}::date[], ${p(a.avslutDatum)}::date[], ${p(a.ombudUserId)}::uuid[],
                    ${p(a.prioritet)}::text[], ${p(a.kontaktorsaker)}::text[], ${p(a.gallrasEfter)}::date[])
             as t(klient_id, forfragan, status, start, avslut, ombud, prio, orsaker, gallras)`,
  );
}
