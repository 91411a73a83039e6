import { and, asc, eq, sql } from 'drizzle-orm';
import { inOrder, type Queryable } from '../../db/client.ts';
import { bristAmne, kommun, lan, lanRapport } from '../../db/schema/index.ts';
import * as orgRepo from '../orgs/repo.ts';
import { listSnapshotsForSystem } from '../redovisning/repo.ts';

/** Reference data the tables need: län, kommuner, the actor register, the brist taxonomy. */
export async function referens(db: Queryable) {
  const [lanRows, kommunRows, aktorer, amnen] = await inOrder(
    () => db.select({ kod: lan.kod, namn: lan.namn }).from(lan).orderBy(asc(lan.kod)),
    () =>
      db
        .select({ kod: kommun.kod, namn: kommun.namn, lanKod: kommun.lanKod })
        .from(kommun)
        .orderBy(asc(kommun.kod)),
    () => orgRepo.listAktorer(db),
    () => db.select({ kod: bristAmne.kod, namn: bristAmne.namn, grupp: bristAmne.grupp }).from(bristAmne),
  );
  return {
    referens: { lan: lanRows, kommuner: kommunRows },
    aktorer: aktorer.map((a) => ({ kod: a.kod, namn: a.namn, kategori: a.kategori })),
    amnen,
  };
}

/**
 * The frozen reports of a year: approved ones, or (preview) submitted and approved ones. Returned reports
 * are left out of a preview: the Länsstyrelse has asked for changes, so their figures are not the answer.
 */
export async function dokument(db: Queryable, q: { ar: number; lanKod?: string; forhandsvisning: boolean }) {
  const snaps = await listSnapshotsForSystem(db, {
    ar: q.ar,
    ...(q.lanKod ? { lanKod: q.lanKod } : {}),
    inklusiveInskickade: q.forhandsvisning,
  });
  return snaps.filter((s) => s.status === 'godkand' || (q.forhandsvisning && s.status === 'inskickad'));
}

export type LanRapportRow = typeof lanRapport.$inferSelect;

export async function getLanRapport(
  db: Queryable,
  lanKod: string,
  ar: number,
): Promise<LanRapportRow | null> {
  const [r] = await db
    .select()
    .from(lanRapport)
    .where(and(eq(lanRapport.lanKod, lanKod), eq(lanRapport.ar, ar)));
  return r ?? null;
}

export async function listLanRapporter(db: Queryable, ar: number): Promise<LanRapportRow[]> {
  return db.select().from(lanRapport).where(eq(lanRapport.ar, ar)).orderBy(asc(lanRapport.lanKod));
}

export async function sparaUtkast(
  db: Queryable,
  r: { lanKod: string; ar: number; handlingsplan: string; namn: string },
) {
  await db
    .insert(lanRapport)
    .values({ lanKod: r.lanKod, ar: r.ar, handlingsplan: r.handlingsplan, updatedByNamn: r.namn })
    .onConflictDoUpdate({
      target: [lanRapport.lanKod, lanRapport.ar],
      set: { handlingsplan: r.handlingsplan, updatedByNamn: r.namn, updatedAt: sql`now()` },
      // Only a draft may change: the row of a sent-in report is left as it is.
      setWhere: sql`${lanRapport.status} = 'utkast'`,
    });
}

export async function skickaIn(
  db: Queryable,
  r: { id: string; snapshot: unknown; userId: string | null; namn: string },
): Promise<boolean> {
  const res = await db
    .update(lanRapport)
    .set({
      status: 'inskickad',
      snapshot: r.snapshot,
      inskickadAt: sql`now()`,
      inskickadAv: r.userId,
      inskickadAvNamn: r.namn,
      updatedAt: sql`now()`,
      updatedByNamn: r.namn,
    })
    .where(and(eq(lanRapport.id, r.id), eq(lanRapport.status, 'utkast')))
    .returning({ id: lanRapport.id });
  return res.length === 1;
}

export async function godkann(db: Queryable, r: { id: string; namn: string }): Promise<boolean> {
  const res = await db
    .update(lanRapport)
    .set({ status: 'godkand', godkandAt: sql`now()`, godkandAvNamn: r.namn })
    .where(and(eq(lanRapport.id, r.id), eq(lanRapport.status, 'inskickad')))
    .returning({ id: lanRapport.id });
  return res.length === 1;
}
