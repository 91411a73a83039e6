import { asc, eq } from 'drizzle-orm';
import type { TackningReferens } from '../../../domain/oppna-data/tackning.ts';
import { inOrder, type Queryable } from '../../db/client.ts';
import { kommun, lan, redovisning } from '../../db/schema/index.ts';

/**
 * The year of the population in the reference data: kommuner.csv's folkmangd is SCB's folkmängd on
 * 31 December 2024 (src/server/db/reference/SOURCES.md). Change it with the file.
 */
export const FOLKMANGD_AR = 2024;

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

/** Län and kommuner with their population (reference data, no verksamhet in it). */
export async function referensMedFolkmangd(db: Queryable): Promise<TackningReferens> {
  const [lanRows, kommunRows] = await inOrder(
    () => db.select({ kod: lan.kod, namn: lan.namn }).from(lan).orderBy(asc(lan.kod)),
    () =>
      db
        .select({ kod: kommun.kod, namn: kommun.namn, lanKod: kommun.lanKod, folkmangd: kommun.folkmangd })
        .from(kommun)
        .orderBy(asc(kommun.kod)),
  );
  return { lan: lanRows, kommuner: kommunRows };
}
