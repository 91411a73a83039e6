import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import {
  aktor,
  kodNyckel,
  kommun,
  lan,
  organisation,
  stadsdelsomrade,
  verksamhet,
  verksamhetOmrade,
} from '../../db/schema/index.ts';

export async function listLan(db: Queryable) {
  return db
    .select({
      kod: lan.kod,
      namn: lan.namn,
      kommuner: sql<number>`count(${kommun.kod})::int`,
      folkmangd: sql<number>`coalesce(sum(${kommun.folkmangd}), 0)::int`,
    })
    .from(lan)
    .leftJoin(kommun, eq(kommun.lanKod, lan.kod))
    .groupBy(lan.kod, lan.namn)
    .orderBy(asc(lan.kod));
}

export async function getLan(db: Queryable, kod: string) {
  const [row] = await db.select().from(lan).where(eq(lan.kod, kod));
  return row ?? null;
}

export async function listKommuner(db: Queryable, lanKod?: string) {
  return db
    .select()
    .from(kommun)
    .where(lanKod ? eq(kommun.lanKod, lanKod) : undefined)
    .orderBy(asc(kommun.namn));
}

export async function listStadsdelsomraden(db: Queryable) {
  return db.select().from(stadsdelsomrade).orderBy(asc(stadsdelsomrade.namn));
}

export async function findKommuner(db: Queryable, koder: string[]) {
  if (koder.length === 0) return [];
  return db.select().from(kommun).where(inArray(kommun.kod, koder));
}

export async function findStadsdelsomraden(db: Queryable, koder: string[]) {
  if (koder.length === 0) return [];
  return db.select().from(stadsdelsomrade).where(inArray(stadsdelsomrade.kod, koder));
}

export interface VerksamhetFilter {
  ids?: string[];
  lanKod?: string;
}

/** Verksamheter with their län and coverage; `ids` limits to those the caller may see. */
export async function listVerksamheter(db: Queryable, filter: VerksamhetFilter = {}) {
  const conds = [eq(organisation.typ, 'verksamhet')];
  if (filter.ids) conds.push(filter.ids.length ? inArray(organisation.id, filter.ids) : sql`false`);
  if (filter.lanKod) conds.push(eq(organisation.lanKod, filter.lanKod));
  const rows = await db
    .select({
      id: organisation.id,
      kod: organisation.kod,
      namn: organisation.namn,
      lanKod: sql<string>`${organisation.lanKod}`,
      lanNamn: lan.namn,
      utforare: verksamhet.utforare,
      giltigFranAr: verksamhet.giltigFranAr,
      giltigTillAr: verksamhet.giltigTillAr,
    })
    .from(organisation)
    .innerJoin(verksamhet, eq(verksamhet.organisationId, organisation.id))
    .innerJoin(lan, eq(lan.kod, organisation.lanKod))
    .where(and(...conds))
    .orderBy(asc(organisation.namn));
  if (rows.length === 0) return [];
  const omraden = await db
    .select({
      verksamhetId: verksamhetOmrade.verksamhetId,
      kommunKod: verksamhetOmrade.kommunKod,
      kommunNamn: kommun.namn,
      stadsdelsomradeKod: verksamhetOmrade.stadsdelsomradeKod,
      stadsdelsomradeNamn: stadsdelsomrade.namn,
    })
    .from(verksamhetOmrade)
    .innerJoin(kommun, eq(kommun.kod, verksamhetOmrade.kommunKod))
    .leftJoin(stadsdelsomrade, eq(stadsdelsomrade.kod, verksamhetOmrade.stadsdelsomradeKod))
    .where(
      inArray(
        verksamhetOmrade.verksamhetId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(kommun.namn), asc(stadsdelsomrade.namn));
  return rows.map((r) => ({
    ...r,
    omraden: omraden.filter((o) => o.verksamhetId === r.id).map(({ verksamhetId: _v, ...o }) => o),
  }));
}

export async function findOrganisationByKod(
  db: Queryable,
  typ: 'verksamhet' | 'aktor' | 'lansstyrelse' | 'socialstyrelsen',
  kod: string,
) {
  const [row] = await db
    .select()
    .from(organisation)
    // Case does not matter: `V001` finds `v001` (the unique index organisation_typ_kod_nyckel says the same).
    .where(and(eq(organisation.typ, typ), eq(kodNyckel(organisation.kod), kodNyckel(kod))));
  return row ?? null;
}

export async function getOrganisation(db: Queryable, id: string) {
  const [row] = await db.select().from(organisation).where(eq(organisation.id, id));
  return row ?? null;
}

export interface NewVerksamhet {
  kod: string;
  namn: string;
  lanKod: string;
  utforare: 'kommun' | 'stiftelse' | 'kommunforbund' | 'ideell_forening' | 'region' | 'annan';
  giltigFranAr: number;
  omraden: Array<{ kommunKod: string; stadsdelsomradeKod: string | null }>;
}

export async function insertVerksamhet(db: Queryable, v: NewVerksamhet): Promise<string> {
  const [org] = await db
    .insert(organisation)
    .values({ typ: 'verksamhet', kod: v.kod, namn: v.namn, lanKod: v.lanKod })
    .returning({ id: organisation.id });
  const id = org!.id;
  await db
    .insert(verksamhet)
    .values({ organisationId: id, utforare: v.utforare, giltigFranAr: v.giltigFranAr });
  await db.insert(verksamhetOmrade).values(v.omraden.map((o) => ({ verksamhetId: id, ...o })));
  return id;
}

export async function listAktorer(db: Queryable) {
  return db
    .select({
      id: organisation.id,
      kod: organisation.kod,
      namn: organisation.namn,
      kategori: aktor.kategori,
      lanKod: organisation.lanKod,
    })
    .from(organisation)
    .innerJoin(aktor, eq(aktor.organisationId, organisation.id))
    .orderBy(asc(organisation.namn));
}
