import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.ts';
import {
  appUser,
  organisation,
  statsbidragBeslut,
  statsbidragBudget,
  statsbidragFaststallelse,
} from '../../db/schema/index.ts';

export type BudgetRow = typeof statsbidragBudget.$inferSelect;

/** The year's fixed budget; who fixed it by name (the stored name when the account is gone). */
export async function getBudget(db: Queryable, ar: number): Promise<BudgetRow | null> {
  const [r] = await db
    .select({
      ar: statsbidragBudget.ar,
      totalBudgetKr: statsbidragBudget.totalBudgetKr,
      administrationKr: statsbidragBudget.administrationKr,
      avrundning: statsbidragBudget.avrundning,
      totalFteHundradelar: statsbidragBudget.totalFteHundradelar,
      beloppPerArsarbetareKr: statsbidragBudget.beloppPerArsarbetareKr,
      updatedAt: statsbidragBudget.updatedAt,
      updatedBy: statsbidragBudget.updatedBy,
      updatedByNamn: sql<string>`coalesce(${appUser.displayName}, ${statsbidragBudget.updatedByNamn})`,
    })
    .from(statsbidragBudget)
    .leftJoin(appUser, eq(appUser.id, statsbidragBudget.updatedBy))
    .where(eq(statsbidragBudget.ar, ar));
  return r ?? null;
}

/** Fixes a year: false when it is already fixed (two fixings at once: one wins, the other is refused). */
export async function insertBudget(
  db: Queryable,
  b: typeof statsbidragBudget.$inferInsert,
): Promise<boolean> {
  const r = await db
    .insert(statsbidragBudget)
    .values(b)
    .onConflictDoNothing({ target: statsbidragBudget.ar })
    .returning({ ar: statsbidragBudget.ar });
  return r.length > 0;
}

/** Reopening: the year has no fixed amount until it is fixed again. */
export async function deleteBudget(db: Queryable, ar: number): Promise<boolean> {
  const r = await db
    .delete(statsbidragBudget)
    .where(eq(statsbidragBudget.ar, ar))
    .returning({ ar: statsbidragBudget.ar });
  return r.length > 0;
}

/** A user's name as people see it ("Lena Länsson"); null when there is no such account. */
export async function anvandarNamn(db: Queryable, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [r] = await db.select({ namn: appUser.displayName }).from(appUser).where(eq(appUser.id, userId));
  return r?.namn ?? null;
}

// ---- fixings (one row each time a year is fixed; reopening marks the row) ----

export async function insertFaststallelse(
  db: Queryable,
  f: typeof statsbidragFaststallelse.$inferInsert,
): Promise<string> {
  const [r] = await db
    .insert(statsbidragFaststallelse)
    .values(f)
    .returning({ id: statsbidragFaststallelse.id });
  return r!.id;
}

/** Marks the year's open fixing as reopened; returns its id, or null when none is open. */
export async function markeraOppnad(
  db: Queryable,
  ar: number,
  o: { userId: string | null; namn: string; anledning: string },
): Promise<string | null> {
  const r = await db
    .update(statsbidragFaststallelse)
    .set({ oppnadAt: sql`now()`, oppnadAv: o.userId, oppnadAvNamn: o.namn, oppnadAnledning: o.anledning })
    .where(and(eq(statsbidragFaststallelse.ar, ar), isNull(statsbidragFaststallelse.oppnadAt)))
    .returning({ id: statsbidragFaststallelse.id });
  return r[0]?.id ?? null;
}

const fixare = alias(appUser, 'fixare');
const oppnare = alias(appUser, 'oppnare');

/** The year's fixings, newest first, with names as people see them. */
export async function listFaststallelser(db: Queryable, ar: number) {
  const f = statsbidragFaststallelse;
  return db
    .select({
      id: f.id,
      ar: f.ar,
      totalBudgetKr: f.totalBudgetKr,
      administrationKr: f.administrationKr,
      totalFteHundradelar: f.totalFteHundradelar,
      beloppPerArsarbetareKr: f.beloppPerArsarbetareKr,
      forhandsvisning: f.forhandsvisning,
      faststalldAt: f.faststalldAt,
      faststalldAvNamn: sql<string>`coalesce(${fixare.displayName}, ${f.faststalldAvNamn})`,
      oppnadAt: f.oppnadAt,
      oppnadAvNamn: sql<string | null>`coalesce(${oppnare.displayName}, ${f.oppnadAvNamn})`,
      oppnadAnledning: f.oppnadAnledning,
    })
    .from(f)
    .leftJoin(fixare, eq(fixare.id, f.faststalldAv))
    .leftJoin(oppnare, eq(oppnare.id, f.oppnadAv))
    .where(eq(f.ar, ar))
    .orderBy(desc(f.faststalldAt), desc(f.id));
}

export async function upsertBudget(db: Queryable, b: typeof statsbidragBudget.$inferInsert) {
  await db
    .insert(statsbidragBudget)
    .values(b)
    .onConflictDoUpdate({
      target: statsbidragBudget.ar,
      set: {
        totalBudgetKr: b.totalBudgetKr,
        administrationKr: b.administrationKr,
        avrundning: b.avrundning ?? 'narmast',
        totalFteHundradelar: b.totalFteHundradelar,
        beloppPerArsarbetareKr: b.beloppPerArsarbetareKr,
        updatedAt: sql`now()`,
        updatedBy: b.updatedBy ?? null,
        updatedByNamn: b.updatedByNamn,
      },
    });
}

export async function listBeslut(db: Queryable, q: { ar: number; lanKod?: string; verksamhetId?: string }) {
  const conds = [eq(statsbidragBeslut.ar, q.ar)];
  if (q.lanKod) conds.push(eq(statsbidragBeslut.lanKod, q.lanKod));
  if (q.verksamhetId) conds.push(eq(statsbidragBeslut.verksamhetId, q.verksamhetId));
  const rows = await db
    .select({
      id: statsbidragBeslut.id,
      ar: statsbidragBeslut.ar,
      verksamhetId: statsbidragBeslut.verksamhetId,
      verksamhetNamn: organisation.namn,
      lanKod: statsbidragBeslut.lanKod,
      fteHundradelar: statsbidragBeslut.fteHundradelar,
      beloppPerArsarbetareKr: statsbidragBeslut.beloppPerArsarbetareKr,
      beloppKr: statsbidragBeslut.beloppKr,
      kommentar: statsbidragBeslut.kommentar,
      beslutatAt: statsbidragBeslut.beslutatAt,
      // Who decided, by name; the name stored with the decision when the account is gone.
      beslutatAvNamn: sql<string>`coalesce(${appUser.displayName}, ${statsbidragBeslut.beslutatAvNamn})`,
    })
    .from(statsbidragBeslut)
    .innerJoin(organisation, eq(organisation.id, statsbidragBeslut.verksamhetId))
    .leftJoin(appUser, eq(appUser.id, statsbidragBeslut.beslutatAv))
    .where(and(...conds))
    .orderBy(asc(statsbidragBeslut.lanKod), asc(organisation.namn));
  return rows.map(({ fteHundradelar, ...r }) => ({ ...r, arsarbetare: fteHundradelar / 100 }));
}

/** One decision per verksamhet and year; a new decision replaces the old (the audit log keeps both). */
export async function upsertBeslut(db: Queryable, b: typeof statsbidragBeslut.$inferInsert): Promise<string> {
  const [r] = await db
    .insert(statsbidragBeslut)
    .values(b)
    .onConflictDoUpdate({
      target: [statsbidragBeslut.ar, statsbidragBeslut.verksamhetId],
      set: {
        fteHundradelar: b.fteHundradelar,
        beloppPerArsarbetareKr: b.beloppPerArsarbetareKr,
        beloppKr: b.beloppKr,
        kommentar: b.kommentar ?? null,
        beslutatAt: sql`now()`,
        beslutatAv: b.beslutatAv ?? null,
        beslutatAvNamn: b.beslutatAvNamn,
      },
    })
    .returning({ id: statsbidragBeslut.id });
  return r!.id;
}
