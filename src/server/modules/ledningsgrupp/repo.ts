import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { LedningsgruppRoll } from '../../../domain/codes.ts';
import type { Queryable } from '../../db/client.ts';
import {
  ledningsgrupp,
  ledningsgruppLedamot,
  membership,
  mote,
  moteBrist,
  moteNarvaro,
  organisation,
} from '../../db/schema/index.ts';

/** A timestamp as ISO 8601 in UTC, the API's form, the same from both drivers. */
const iso = (col: AnyPgColumn) =>
  sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function verksamhetRef(db: Queryable, id: string) {
  const [row] = await db
    .select({
      id: organisation.id,
      namn: organisation.namn,
      kod: organisation.kod,
      lanKod: organisation.lanKod,
    })
    .from(organisation)
    .where(and(eq(organisation.id, id), eq(organisation.typ, 'verksamhet')));
  return row ? { ...row, lanKod: row.lanKod ?? '' } : null;
}

export async function getLedningsgrupp(db: Queryable, verksamhetId: string) {
  const [row] = await db.select().from(ledningsgrupp).where(eq(ledningsgrupp.verksamhetId, verksamhetId));
  return row ?? null;
}

export async function upsertLedningsgrupp(
  db: Queryable,
  verksamhetId: string,
  brukarorganisationErbjuden: boolean,
) {
  await db
    .insert(ledningsgrupp)
    .values({ verksamhetId, brukarorganisationErbjuden })
    .onConflictDoUpdate({
      target: ledningsgrupp.verksamhetId,
      set: { brukarorganisationErbjuden, updatedAt: sql`now()` },
    });
}

const ledamotCols = {
  id: ledningsgruppLedamot.id,
  rollkategori: ledningsgruppLedamot.rollkategori,
  organisation: ledningsgruppLedamot.organisation,
  namn: ledningsgruppLedamot.namn,
  userId: ledningsgruppLedamot.userId,
};

/** The current members (those who have not left). */
export async function listLedamoter(db: Queryable, verksamhetId: string) {
  return db
    .select(ledamotCols)
    .from(ledningsgruppLedamot)
    .where(and(eq(ledningsgruppLedamot.verksamhetId, verksamhetId), isNull(ledningsgruppLedamot.avgickAt)))
    .orderBy(asc(ledningsgruppLedamot.createdAt), asc(ledningsgruppLedamot.namn));
}

export async function insertLedamot(
  db: Queryable,
  l: {
    verksamhetId: string;
    rollkategori: LedningsgruppRoll;
    organisation: string;
    namn: string;
    userId: string | null;
  },
): Promise<string> {
  const [row] = await db.insert(ledningsgruppLedamot).values(l).returning({ id: ledningsgruppLedamot.id });
  return row!.id;
}

export async function markLedamotAvgick(db: Queryable, verksamhetId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(ledningsgruppLedamot)
    .set({ avgickAt: sql`now()` })
    .where(
      and(
        eq(ledningsgruppLedamot.id, id),
        eq(ledningsgruppLedamot.verksamhetId, verksamhetId),
        isNull(ledningsgruppLedamot.avgickAt),
      ),
    )
    .returning({ id: ledningsgruppLedamot.id });
  return rows.length > 0;
}

/** Whether the user holds any role in the verksamhet (a member's login must belong to it). */
export async function userInVerksamhet(db: Queryable, userId: string, verksamhetId: string) {
  const rows = await db
    .select({ id: membership.id })
    .from(membership)
    .where(and(eq(membership.userId, userId), eq(membership.organisationId, verksamhetId)));
  return rows.length > 0;
}

export async function listMoten(db: Queryable, verksamhetId: string) {
  return db
    .select({
      id: mote.id,
      datum: mote.datum,
      narvarande: sql<number>`(select count(*) from mote_narvaro n where n.mote_id = ${mote.id})::int`,
      punkter: sql<number>`(select count(*) from mote_brist b where b.mote_id = ${mote.id})::int`,
      beslutade: sql<number>`(select count(*) from mote_brist b
          where b.mote_id = ${mote.id} and b.beslut is not null)::int`,
      harProtokoll: sql<boolean>`(${mote.protokoll} is not null and ${mote.protokoll} <> '')`,
    })
    .from(mote)
    .where(eq(mote.verksamhetId, verksamhetId))
    .orderBy(desc(mote.datum), desc(mote.createdAt));
}

export async function getMote(db: Queryable, verksamhetId: string, id: string) {
  const [row] = await db
    .select()
    .from(mote)
    .where(and(eq(mote.id, id), eq(mote.verksamhetId, verksamhetId)));
  return row ?? null;
}

/** The date of the meeting before `datum` (the agenda's "since the last meeting"). */
export async function previousMoteDatum(
  db: Queryable,
  verksamhetId: string,
  datum: string,
  exceptId?: string,
) {
  const conds = [eq(mote.verksamhetId, verksamhetId), lt(mote.datum, datum)];
  if (exceptId) conds.push(sql`${mote.id} <> ${exceptId}`);
  const [row] = await db
    .select({ datum: mote.datum })
    .from(mote)
    .where(and(...conds))
    .orderBy(desc(mote.datum))
    .limit(1);
  return row?.datum ?? null;
}

export async function insertMote(db: Queryable, m: { verksamhetId: string; datum: string }): Promise<string> {
  const [row] = await db.insert(mote).values(m).returning({ id: mote.id });
  return row!.id;
}

export async function updateMote(
  db: Queryable,
  id: string,
  fields: { datum?: string; protokoll?: string | null },
) {
  if (Object.keys(fields).length) await db.update(mote).set(fields).where(eq(mote.id, id));
}

export async function setNarvaro(db: Queryable, moteId: string, ledamotIds: string[]) {
  await db.delete(moteNarvaro).where(eq(moteNarvaro.moteId, moteId));
  if (ledamotIds.length)
    await db.insert(moteNarvaro).values(ledamotIds.map((ledamotId) => ({ moteId, ledamotId })));
}

export async function narvaro(db: Queryable, moteId: string) {
  return db
    .select(ledamotCols)
    .from(moteNarvaro)
    .innerJoin(ledningsgruppLedamot, eq(ledningsgruppLedamot.id, moteNarvaro.ledamotId))
    .where(eq(moteNarvaro.moteId, moteId))
    .orderBy(asc(ledningsgruppLedamot.createdAt), asc(ledningsgruppLedamot.namn));
}

/** Members by id, current or former, of one verksamhet. */
export async function ledamoterById(db: Queryable, verksamhetId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ ...ledamotCols, avgickAt: ledningsgruppLedamot.avgickAt })
    .from(ledningsgruppLedamot)
    .where(and(eq(ledningsgruppLedamot.verksamhetId, verksamhetId), inArray(ledningsgruppLedamot.id, ids)));
}

export async function addToAgenda(db: Queryable, moteId: string, bristIds: string[]) {
  if (bristIds.length === 0) return;
  await db
    .insert(moteBrist)
    .values(bristIds.map((bristId) => ({ moteId, bristId })))
    .onConflictDoNothing();
}

export async function agenda(db: Queryable, moteId: string) {
  return db
    .select({ bristId: moteBrist.bristId, beslut: moteBrist.beslut, beslutAt: iso(moteBrist.beslutAt) })
    .from(moteBrist)
    .where(eq(moteBrist.moteId, moteId));
}

export async function setBeslut(db: Queryable, moteId: string, bristId: string, beslut: string) {
  await db
    .insert(moteBrist)
    .values({ moteId, bristId, beslut, beslutAt: sql`now()` })
    .onConflictDoUpdate({
      target: [moteBrist.moteId, moteBrist.bristId],
      set: { beslut, beslutAt: sql`now()` },
    });
}
