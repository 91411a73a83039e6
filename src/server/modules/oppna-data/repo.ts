import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { redovisning } from '../../db/schema/index.ts';

/**
 * The years with at least one approved report. Read here (not through the redovisning module) because it
 * is one aggregate over the report table's year and status, with nothing about a verksamhet in it.
 */
export async function arMedGodkandaRedovisningar(db: Queryable): Promise<number[]> {
  const rows = await db
    .selectDistinct({ ar: redovisning.ar })
    .from(redovisning)
    .where(eq(redovisning.status, 'godkand'))
    .orderBy(asc(redovisning.ar));
  return rows.map((r) => r.ar);
}
