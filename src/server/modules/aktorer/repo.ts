import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { aktor, kodNyckel, kommun, lan, organisation } from '../../db/schema/index.ts';

/** The actor register, every row, with its län and kommun names and whether it is in force on `dag`. */
export async function listRegister(db: Queryable, dag: string, id?: string) {
  const giltig = sql<boolean>`((${aktor.giltigFran} is null or ${aktor.giltigFran} <= ${dag}::date) and (${aktor.giltigTill} is null or ${aktor.giltigTill} >= ${dag}::date))`;
  return db
    .select({
      id: organisation.id,
      kod: organisation.kod,
      namn: organisation.namn,
      kategori: aktor.kategori,
      lanKod: organisation.lanKod,
      lanNamn: lan.namn,
      kommunKod: aktor.kommunKod,
      kommunNamn: kommun.namn,
      giltigFran: aktor.giltigFran,
      giltigTill: aktor.giltigTill,
      giltig: giltig,
      andradAvAdmin: aktor.andradAvAdmin,
    })
    .from(organisation)
    .innerJoin(aktor, eq(aktor.organisationId, organisation.id))
    .leftJoin(lan, eq(lan.kod, organisation.lanKod))
    .leftJoin(kommun, eq(kommun.kod, aktor.kommunKod))
    .where(and(eq(organisation.typ, 'aktor'), id ? eq(organisation.id, id) : undefined))
    .orderBy(asc(organisation.namn));
}

/** An organisation of any kind already holding this code as an actor (codes compare without case). */
export async function aktorByKod(db: Queryable, kod: string) {
  const [row] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.typ, 'aktor'), eq(kodNyckel(organisation.kod), kodNyckel(kod))));
  return row ?? null;
}

export async function getKommun(db: Queryable, kod: string) {
  const [row] = await db.select().from(kommun).where(eq(kommun.kod, kod));
  return row ?? null;
}

export async function getLan(db: Queryable, kod: string) {
  const [row] = await db.select().from(lan).where(eq(lan.kod, kod));
  return row ?? null;
}

export interface AktorFalt {
  namn: string;
  kategori: string;
  lanKod: string | null;
  kommunKod: string | null;
  giltigFran: string | null;
  giltigTill: string | null;
}

export async function insertAktor(db: Queryable, a: AktorFalt & { kod: string }): Promise<string> {
  const [org] = await db
    .insert(organisation)
    .values({ typ: 'aktor', kod: a.kod, namn: a.namn, lanKod: a.lanKod })
    .returning({ id: organisation.id });
  await db.insert(aktor).values({
    organisationId: org!.id,
    kategori: a.kategori,
    kommunKod: a.kommunKod,
    giltigFran: a.giltigFran,
    giltigTill: a.giltigTill,
    andradAvAdmin: true,
  });
  return org!.id;
}

export async function updateAktor(db: Queryable, id: string, a: AktorFalt) {
  await db.update(organisation).set({ namn: a.namn, lanKod: a.lanKod }).where(eq(organisation.id, id));
  await db
    .update(aktor)
    .set({
      kategori: a.kategori,
      kommunKod: a.kommunKod,
      giltigFran: a.giltigFran,
      giltigTill: a.giltigTill,
      andradAvAdmin: true,
    })
    .where(eq(aktor.organisationId, id));
}
