import { and, asc, desc, eq, gte, inArray, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { BristSort, BristSortFalt } from '../../../contracts/brister.ts';
import { BRIST_STATUS, type BristStatus } from '../../../domain/brist-status.ts';
import { BRIST_NIVA, type BristNiva } from '../../../domain/codes.ts';
import { type Queryable, query } from '../../db/client.ts';
import {
  aktor,
  brist,
  bristAktor,
  bristAmne,
  bristAterkoppling,
  bristAtgard,
  bristHandelse,
  bristKommun,
  kodNyckel,
  kommun,
  lan,
  organisation,
  verksamhetOmrade,
} from '../../db/schema/index.ts';

/** A timestamp as ISO 8601 in UTC, the API's form, the same from both drivers. */
export const iso = (col: AnyPgColumn | SQL) =>
  sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// ---- reference look-ups (read-only joins on the organisation and reference tables) ----

export async function verksamhetRef(db: Queryable, id: string) {
  const [row] = await db
    .select({
      id: organisation.id,
      kod: organisation.kod,
      namn: organisation.namn,
      lanKod: organisation.lanKod,
      lanNamn: lan.namn,
    })
    .from(organisation)
    .innerJoin(lan, eq(lan.kod, organisation.lanKod))
    .where(and(eq(organisation.id, id), eq(organisation.typ, 'verksamhet')));
  return row ? { ...row, lanKod: row.lanKod ?? '' } : null;
}

export async function verksamhetByKod(db: Queryable, kod: string) {
  const [row] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(kodNyckel(organisation.kod), kodNyckel(kod)), eq(organisation.typ, 'verksamhet')));
  return row ? verksamhetRef(db, row.id) : null;
}

/** The kommuner a verksamhet covers, with their names (the import reads a kommun by code or name). */
export async function verksamhetKommunerMedNamn(db: Queryable, verksamhetId: string) {
  return db
    .selectDistinct({ kod: verksamhetOmrade.kommunKod, namn: kommun.namn })
    .from(verksamhetOmrade)
    .innerJoin(kommun, eq(kommun.kod, verksamhetOmrade.kommunKod))
    .where(eq(verksamhetOmrade.verksamhetId, verksamhetId))
    .orderBy(asc(verksamhetOmrade.kommunKod));
}

/** The actor is in force on `dag` (YYYY-MM-DD): begun and not ended. */
export function aktorGiltig(dag: string): SQL {
  return sql`((${aktor.giltigFran} is null or ${aktor.giltigFran} <= ${dag}::date) and (${aktor.giltigTill} is null or ${aktor.giltigTill} >= ${dag}::date))`;
}

/**
 * The actor register: the import matches typed codes and names against it. With `giltigaPa`, only the actors
 * in force that day (an ended actor is not offered for new brister).
 */
export async function listAktorer(db: Queryable, opts: { giltigaPa?: string } = {}) {
  return db
    .select(aktorCols)
    .from(organisation)
    .innerJoin(aktor, eq(aktor.organisationId, organisation.id))
    .where(and(eq(organisation.typ, 'aktor'), opts.giltigaPa ? aktorGiltig(opts.giltigaPa) : undefined))
    .orderBy(asc(organisation.kod));
}

/**
 * The actors in force on `dag`, each placed in a group for one verksamhet: its own län's bodies (the
 * region, its psykiatri and primärvård, the förvaltningsrätt …), the bodies of the kommuner it covers, the
 * national agencies, the rest. Ordered by group, then name.
 */
export async function aktorValFor(db: Queryable, v: { lanKod: string; kommuner: string[] }, dag: string) {
  const kommuner = v.kommuner.length ? v.kommuner : [''];
  const grupp = sql<'lan' | 'kommun' | 'nationell' | 'ovrig'>`case
    when ${aktor.kommunKod} in (${sql.join(
      kommuner.map((k) => sql`${k}`),
      sql`, `,
    )}) then 'kommun'
    when ${aktor.kommunKod} is null and ${organisation.lanKod} = ${v.lanKod} then 'lan'
    when ${aktor.kommunKod} is null and ${organisation.lanKod} is null then 'nationell'
    else 'ovrig' end`;
  const rows = await db
    .select({ ...aktorCols, lanKod: organisation.lanKod, grupp })
    .from(organisation)
    .innerJoin(aktor, eq(aktor.organisationId, organisation.id))
    .where(and(eq(organisation.typ, 'aktor'), aktorGiltig(dag)));
  const ordning = ['lan', 'kommun', 'nationell', 'ovrig'];
  return rows.sort(
    (a, b) => ordning.indexOf(a.grupp) - ordning.indexOf(b.grupp) || a.namn.localeCompare(b.namn, 'sv'),
  );
}

/** Which of these actors are in force on `dag`. */
export async function giltigaAktorIds(db: Queryable, ids: string[], dag: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: aktor.organisationId })
    .from(aktor)
    .where(and(inArray(aktor.organisationId, ids), aktorGiltig(dag)));
  return new Set(rows.map((r) => r.id));
}

/** The kommuner a verksamhet covers (whole, or through some of its stadsdelsområden). */
export async function verksamhetKommuner(db: Queryable, verksamhetId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ kod: verksamhetOmrade.kommunKod })
    .from(verksamhetOmrade)
    .where(eq(verksamhetOmrade.verksamhetId, verksamhetId))
    .orderBy(asc(verksamhetOmrade.kommunKod));
  return rows.map((r) => r.kod);
}

const aktorCols = {
  id: organisation.id,
  kod: organisation.kod,
  namn: organisation.namn,
  kategori: aktor.kategori,
};

export async function findAktorer(db: Queryable, where: { ids?: string[]; koder?: string[] }) {
  const cond = where.ids ? inArray(organisation.id, where.ids) : inArray(organisation.kod, where.koder ?? []);
  if ((where.ids ?? where.koder ?? []).length === 0) return [];
  return db
    .select(aktorCols)
    .from(organisation)
    .innerJoin(aktor, eq(aktor.organisationId, organisation.id))
    .where(and(eq(organisation.typ, 'aktor'), cond));
}

// ---- taxonomy ----

export async function listAmnen(db: Queryable) {
  const child = sql`exists (select 1 from brist_amne c where c.grupp = ${bristAmne.kod})`;
  return db
    .select({
      kod: bristAmne.kod,
      namn: bristAmne.namn,
      grupp: bristAmne.grupp,
      aktorKategori: bristAmne.aktorKategori,
      valbar: sql<boolean>`not ${child}`,
      createdBySocialstyrelsen: bristAmne.createdBySocialstyrelsen,
    })
    .from(bristAmne)
    .orderBy(asc(bristAmne.sortering), asc(bristAmne.namn));
}

export async function getAmne(db: Queryable, kod: string) {
  const all = await listAmnen(db);
  return all.find((a) => a.kod === kod) ?? null;
}

export async function insertAmne(
  db: Queryable,
  a: { kod: string; namn: string; grupp: string | null; aktorKategori: string | null },
) {
  const [max] = await query<{ m: number }>(
    db,
    sql`select coalesce(max(sortering), 0)::int as m from brist_amne`,
  );
  await db.insert(bristAmne).values({ ...a, sortering: (max?.m ?? 0) + 10, createdBySocialstyrelsen: true });
}

// ---- brister ----

export interface NewBrist {
  verksamhetId: string;
  titel: string;
  beskrivning: string;
  niva: BristNiva;
  amneKod: string;
  observeradDatum: string;
  antalKlienter: number;
  createdBy: string | null;
}

export async function insertBrist(db: Queryable, b: NewBrist): Promise<string> {
  const [row] = await db.insert(brist).values(b).returning({ id: brist.id });
  return row!.id;
}

/** Many brister at once (the import): one statement per table. */
export async function insertBristerBulk(
  db: Queryable,
  rows: Array<NewBrist & { aktorIds: string[]; kommunKoder: string[]; anvandare: string }>,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(brist)
    .values(rows.map(({ aktorIds: _a, kommunKoder: _k, anvandare: _u, ...b }) => b))
    .returning({ id: brist.id });
  const ids = inserted.map((r) => r.id);
  await db
    .insert(bristAktor)
    .values(rows.flatMap((r, i) => r.aktorIds.map((aktorId) => ({ bristId: ids[i]!, aktorId }))));
  await db
    .insert(bristKommun)
    .values(rows.flatMap((r, i) => r.kommunKoder.map((kommunKod) => ({ bristId: ids[i]!, kommunKod }))));
  await db.insert(bristHandelse).values(
    rows.map((r, i) => ({
      bristId: ids[i]!,
      fromStatus: null,
      toStatus: 'registrerad' as const,
      userId: r.createdBy,
      anvandare: r.anvandare,
      kommentar: 'Importerad från fil.',
    })),
  );
  return ids;
}

export async function updateBrist(
  db: Queryable,
  id: string,
  fields: Partial<Omit<NewBrist, 'verksamhetId' | 'createdBy'>>,
) {
  await db
    .update(brist)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(brist.id, id));
}

export async function setAktorer(db: Queryable, bristId: string, aktorIds: string[]) {
  await db.delete(bristAktor).where(eq(bristAktor.bristId, bristId));
  await db.insert(bristAktor).values(aktorIds.map((aktorId) => ({ bristId, aktorId })));
}

export async function setKommuner(db: Queryable, bristId: string, koder: string[]) {
  await db.delete(bristKommun).where(eq(bristKommun.bristId, bristId));
  await db.insert(bristKommun).values(koder.map((kommunKod) => ({ bristId, kommunKod })));
}

export async function getBristRef(db: Queryable, id: string) {
  const [row] = await db
    .select({
      id: brist.id,
      verksamhetId: brist.verksamhetId,
      status: brist.status,
      createdAt: brist.createdAt,
    })
    .from(brist)
    .where(eq(brist.id, id));
  return row ?? null;
}

export async function setStatus(db: Queryable, id: string, status: BristStatus) {
  await db.update(brist).set({ status, updatedAt: sql`now()` }).where(eq(brist.id, id));
}

export async function insertHandelse(
  db: Queryable,
  h: {
    bristId: string;
    fromStatus: BristStatus | null;
    toStatus: BristStatus;
    userId: string | null;
    anvandare: string;
    kommentar: string | null;
  },
) {
  await db.insert(bristHandelse).values(h);
}

/** Marks the brist as sent (again) to every actor it concerns; an answer counts from this moment. */
export async function markSkickad(db: Queryable, bristId: string): Promise<string[]> {
  const rows = await db
    .update(bristAktor)
    .set({ skickadAt: sql`now()` })
    .where(eq(bristAktor.bristId, bristId))
    .returning({ aktorId: bristAktor.aktorId });
  return rows.map((r) => r.aktorId);
}

export interface ListFilter {
  verksamhetId?: string;
  ids?: string[];
  niva?: BristNiva | readonly BristNiva[];
  status?: BristStatus | readonly BristStatus[];
  aktorId?: string;
  amneKod?: string;
  fran?: string;
  till?: string;
  /** Part of the title (case does not matter). */
  q?: string;
  /** Only those with an overdue answer (true) or with none (false), counted with `dagar` days to answer. */
  forsenad?: { ja: boolean; dagar: number };
}

const amneCols = { kod: bristAmne.kod, namn: bristAmne.namn, grupp: bristAmne.grupp };
const enEllerFlera = <T>(v: T | readonly T[] | undefined): readonly T[] =>
  v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T];

function bristWhere(f: ListFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.verksamhetId) conds.push(eq(brist.verksamhetId, f.verksamhetId));
  if (f.ids) conds.push(f.ids.length ? inArray(brist.id, f.ids) : sql`false`);
  const niva = enEllerFlera(f.niva);
  if (niva.length) conds.push(inArray(brist.niva, [...niva]));
  const status = enEllerFlera(f.status);
  if (status.length) conds.push(inArray(brist.status, [...status]));
  if (f.fran) conds.push(gte(brist.observeradDatum, f.fran));
  if (f.till) conds.push(lte(brist.observeradDatum, f.till));
  if (f.q) conds.push(sql`strpos(lower(${brist.titel}), lower(${f.q})) > 0`);
  if (f.aktorId)
    conds.push(
      sql`exists (select 1 from brist_aktor ba where ba.brist_id = ${brist.id} and ba.aktor_id = ${f.aktorId})`,
    );
  // A group code matches its subjects too.
  if (f.amneKod)
    conds.push(
      sql`(${brist.amneKod} = ${f.amneKod} or ${brist.amneKod} in (select kod from brist_amne where grupp = ${f.amneKod}))`,
    );
  if (f.forsenad) {
    // As aktorerFor: sent longer ago than the days allowed and not answered since.
    const forsenad = sql`exists (select 1 from brist_aktor ba where ba.brist_id = ${brist.id}
        and ba.skickad_at is not null and ba.skickad_at < now() - make_interval(days => ${f.forsenad.dagar}::int)
        and not exists (select 1 from brist_aterkoppling a where a.brist_id = ba.brist_id
          and a.aktor_id = ba.aktor_id and a.at >= ba.skickad_at))`;
    conds.push(f.forsenad.ja ? forsenad : sql`not ${forsenad}`);
  }
  return and(...conds);
}

const bristCols = {
  id: brist.id,
  verksamhetId: brist.verksamhetId,
  titel: brist.titel,
  beskrivning: brist.beskrivning,
  niva: brist.niva,
  amne: amneCols,
  observeradDatum: brist.observeradDatum,
  antalKlienter: brist.antalKlienter,
  status: brist.status,
  createdAt: iso(brist.createdAt),
  updatedAt: iso(brist.updatedAt),
};

export async function listBristRows(db: Queryable, f: ListFilter) {
  return db
    .select(bristCols)
    .from(brist)
    .innerJoin(bristAmne, eq(bristAmne.kod, brist.amneKod))
    .where(bristWhere(f))
    .orderBy(desc(brist.observeradDatum), desc(brist.createdAt));
}

/** The list's orders (contracts/brister.ts BRIST_SORT): the column's value, then creation, then id. */
function bristOrder(sort: BristSort): SQL {
  const fallande = sort.startsWith('-');
  const falt = (fallande ? sort.slice(1) : sort) as BristSortFalt;
  const listan = (koder: readonly string[]) =>
    sql.raw(`array[${koder.map((k) => `'${k}'`).join(', ')}]::text[]`);
  const nyckel: Record<BristSortFalt, SQL> = {
    observeradDatum: sql`${brist.observeradDatum}`,
    titel: sql`lower(${brist.titel})`,
    status: sql`array_position(${listan(BRIST_STATUS)}, ${brist.status}::text)`,
    niva: sql`array_position(${listan(BRIST_NIVA)}, ${brist.niva}::text)`,
    aktor: sql`(select min(lower(o.namn)) from brist_aktor ba join organisation o on o.id = ba.aktor_id
        where ba.brist_id = ${brist.id})`,
    amne: sql`lower(${bristAmne.namn})`,
  };
  const dir = sql.raw(fallande ? 'desc' : 'asc');
  return sql`${nyckel[falt]} ${dir} nulls last, ${brist.createdAt} ${dir}, ${brist.id} ${dir}`;
}

/** One page of the filtered register and how many brister the filters match. */
export async function sidaBrister(
  db: Queryable,
  f: ListFilter & { sort: BristSort; limit: number; offset: number },
) {
  const where = bristWhere(f);
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(brist)
    .innerJoin(bristAmne, eq(bristAmne.kod, brist.amneKod))
    .where(where);
  const rows = await db
    .select(bristCols)
    .from(brist)
    .innerJoin(bristAmne, eq(bristAmne.kod, brist.amneKod))
    .where(where)
    .orderBy(bristOrder(f.sort))
    .limit(f.limit)
    .offset(f.offset);
  return { total: n?.n ?? 0, rows };
}

/** Every brist of the filtered register, in the list's order (the export). */
export async function allaBrister(db: Queryable, f: ListFilter & { sort: BristSort }) {
  return db
    .select(bristCols)
    .from(brist)
    .innerJoin(bristAmne, eq(bristAmne.kod, brist.amneKod))
    .where(bristWhere(f))
    .orderBy(bristOrder(f.sort));
}

/** The actors of these brister, with whether each has answered and whether its answer is overdue. */
export async function aktorerFor(db: Queryable, bristIds: string[], dagar: number) {
  if (bristIds.length === 0) return [];
  // Answered since it was (last) sent.
  const answered = sql`exists (select 1 from brist_aterkoppling a where a.brist_id = ${bristAktor.bristId}
      and a.aktor_id = ${bristAktor.aktorId} and a.at >= ${bristAktor.skickadAt})`;
  return db
    .select({
      bristId: bristAktor.bristId,
      ...aktorCols,
      skickadAt: sql<string | null>`${iso(bristAktor.skickadAt)}`,
      besvarad: sql<boolean>`(${bristAktor.skickadAt} is not null and ${answered})`,
      aterkopplingForsenad: sql<boolean>`(${bristAktor.skickadAt} is not null
          and ${bristAktor.skickadAt} < now() - make_interval(days => ${dagar}::int)
          and not ${answered})`,
    })
    .from(bristAktor)
    .innerJoin(organisation, eq(organisation.id, bristAktor.aktorId))
    .innerJoin(aktor, eq(aktor.organisationId, bristAktor.aktorId))
    .where(inArray(bristAktor.bristId, bristIds))
    .orderBy(asc(organisation.namn));
}

export async function kommunerFor(db: Queryable, bristIds: string[]) {
  if (bristIds.length === 0) return [];
  return db
    .select({ bristId: bristKommun.bristId, kod: kommun.kod, namn: kommun.namn })
    .from(bristKommun)
    .innerJoin(kommun, eq(kommun.kod, bristKommun.kommunKod))
    .where(inArray(bristKommun.bristId, bristIds))
    .orderBy(asc(kommun.namn));
}

export async function handelserFor(db: Queryable, bristId: string) {
  return db
    .select({
      fromStatus: bristHandelse.fromStatus,
      toStatus: bristHandelse.toStatus,
      at: iso(bristHandelse.at),
      anvandare: bristHandelse.anvandare,
      kommentar: bristHandelse.kommentar,
    })
    .from(bristHandelse)
    .where(eq(bristHandelse.bristId, bristId))
    .orderBy(asc(bristHandelse.at), asc(bristHandelse.id));
}

export async function insertAtgard(
  db: Queryable,
  a: { bristId: string; datum: string; text: string; userId: string | null; anvandare: string },
): Promise<string> {
  const [row] = await db.insert(bristAtgard).values(a).returning({ id: bristAtgard.id });
  return row!.id;
}

export async function atgarderFor(db: Queryable, bristId: string) {
  return db
    .select({
      id: bristAtgard.id,
      datum: bristAtgard.datum,
      text: bristAtgard.text,
      at: iso(bristAtgard.at),
      anvandare: bristAtgard.anvandare,
    })
    .from(bristAtgard)
    .where(eq(bristAtgard.bristId, bristId))
    .orderBy(asc(bristAtgard.datum), asc(bristAtgard.at));
}

export async function insertAterkoppling(
  db: Queryable,
  a: {
    bristId: string;
    aktorId: string;
    typ: 'atgard_vidtagen' | 'atgard_planerad' | 'ingen_atgard';
    text: string;
    userId: string | null;
    anvandare: string;
  },
): Promise<string> {
  const [row] = await db.insert(bristAterkoppling).values(a).returning({ id: bristAterkoppling.id });
  return row!.id;
}

/** Answers to these brister, optionally only those of some actors. */
export async function aterkopplingarFor(db: Queryable, bristIds: string[], aktorIds?: string[]) {
  if (bristIds.length === 0) return [];
  const conds = [inArray(bristAterkoppling.bristId, bristIds)];
  if (aktorIds) conds.push(aktorIds.length ? inArray(bristAterkoppling.aktorId, aktorIds) : sql`false`);
  const rows = await db
    .select({
      bristId: bristAterkoppling.bristId,
      id: bristAterkoppling.id,
      aktor: aktorCols,
      typ: bristAterkoppling.typ,
      text: bristAterkoppling.text,
      at: iso(bristAterkoppling.at),
      anvandare: bristAterkoppling.anvandare,
    })
    .from(bristAterkoppling)
    .innerJoin(organisation, eq(organisation.id, bristAterkoppling.aktorId))
    .innerJoin(aktor, eq(aktor.organisationId, bristAterkoppling.aktorId))
    .where(and(...conds))
    .orderBy(asc(bristAterkoppling.at));
  return rows;
}

/** The brister sent to these actors, from every verksamhet: one row per brist and actor. */
export async function inboxRows(db: Queryable, aktorIds: string[], bristId?: string) {
  if (aktorIds.length === 0) return [];
  const conds = [inArray(bristAktor.aktorId, aktorIds), isNotNull(bristAktor.skickadAt)];
  if (bristId) conds.push(eq(bristAktor.bristId, bristId));
  return db
    .select({
      bristId: bristAktor.bristId,
      aktorId: bristAktor.aktorId,
      skickadAt: iso(bristAktor.skickadAt),
    })
    .from(bristAktor)
    .where(and(...conds))
    .orderBy(desc(bristAktor.skickadAt));
}

export async function verksamheterRefs(db: Queryable, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisation.id, namn: organisation.namn, lanNamn: lan.namn })
    .from(organisation)
    .innerJoin(lan, eq(lan.kod, organisation.lanKod))
    .where(inArray(organisation.id, ids));
}

/** Brister of a verksamhet for a meeting's agenda: the open ones and those registered after `sedan`. */
export async function agendaIds(
  db: Queryable,
  verksamhetId: string,
  sedan: string | null,
): Promise<string[]> {
  const rows = await db
    .select({ id: brist.id })
    .from(brist)
    .where(
      and(
        eq(brist.verksamhetId, verksamhetId),
        sedan
          ? sql`(${brist.status} <> 'avslutad' or (${brist.createdAt} at time zone 'Europe/Stockholm')::date > ${sedan}::date)`
          : sql`${brist.status} <> 'avslutad'`,
      ),
    )
    .orderBy(asc(brist.createdAt));
  return rows.map((r) => r.id);
}
