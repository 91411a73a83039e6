import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { bristAmne } from '../../db/schema/index.ts';

const FILE = join(dirname(fileURLToPath(import.meta.url)), '../../db/reference/brist-amnen.csv');

type AmneRow = { kod: string; namn: string; grupp: string; aktor_kategori: string };

/**
 * Loads the national brist taxonomy (Socialstyrelsen's lägesrapport 2025, bilaga 1) from brist-amnen.csv.
 * Idempotent: rows are upserted by code; subjects Socialstyrelsen added through the API are left alone.
 */
export async function loadBristAmnen(db: Queryable): Promise<void> {
  const rows: AmneRow[] = parse(readFileSync(FILE, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
  await db
    .insert(bristAmne)
    .values(
      rows.map((r, i) => ({
        kod: r.kod,
        namn: r.namn,
        grupp: r.grupp || null,
        aktorKategori: r.aktor_kategori || null,
        sortering: (i + 1) * 10,
      })),
    )
    .onConflictDoUpdate({
      target: bristAmne.kod,
      set: {
        namn: sql`excluded.namn`,
        grupp: sql`excluded.grupp`,
        aktorKategori: sql`excluded.aktor_kategori`,
        sortering: sql`excluded.sortering`,
      },
      setWhere: sql`${bristAmne.createdBySocialstyrelsen} = false`,
    });
}
