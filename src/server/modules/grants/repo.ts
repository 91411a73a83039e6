import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { organisation, statsbidragBeslut, statsbidragBudget } from '../../db/schema/index.ts';

export type BudgetRow = typeof statsbidragBudget.$inferSelect;

export async function getBudget(db: Queryable, ar: number): Promise<BudgetRow | null> {
  const [r] = await db.select().from(statsbidragBudget).where(eq(statsbidragBudget.ar, ar));
  return r ?? null;
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

export async function listBeslut(db: Queryable, q: { ar: number; lanKod?: string }) {
  const conds = [eq(statsbidragBeslut.ar, q.ar)];
  if (q.lanKod) conds.push(eq(statsbidragBeslut.lanKod, q.lanKod));
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
      beslutatAvNamn: statsbidragBeslut.beslutatAvNamn,
    })
    .from(statsbidragBeslut)
    .innerJoin(organisation, eq(organisation.id, statsbidragBeslut.verksamhetId))
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
