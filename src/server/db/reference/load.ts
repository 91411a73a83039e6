import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { loadBristAmnen } from '../../modules/brister/amnen-reference.ts';
import type { Queryable } from '../client.ts';
import { aktor, kommun, lan, organisation, stadsdelsomrade } from '../schema/index.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Reads one of the reference CSV files beside this module; every value stays text (leading zeros). */
export function readReferenceCsv<T extends Record<string, string>>(file: string): T[] {
  return parse(readFileSync(join(here, file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
}

type LanRow = { lan_kod: string; lan_namn: string };
type KommunRow = { kommun_kod: string; kommun_namn: string; lan_kod: string; folkmangd: string };
type SdoRow = { kod: string; namn: string; kommun_kod: string };
type AktorRow = {
  kod: string;
  namn: string;
  kategori: string;
  lan_kod: string;
  kommun_kod: string;
  giltig_fran: string;
  giltig_till: string;
};

export const SOCIALSTYRELSEN_KOD = 'socialstyrelsen';

/**
 * Loads län, kommuner, stadsdelsområden, Socialstyrelsen, the 21 Länsstyrelser and the national external
 * actors. Idempotent: rows are upserted by their codes, so re-running after an edit of a file updates names.
 */
export async function loadReferenceData(db: Queryable): Promise<void> {
  const lanRows = readReferenceCsv<LanRow>('lan.csv');
  await db
    .insert(lan)
    .values(lanRows.map((r) => ({ kod: r.lan_kod, namn: r.lan_namn })))
    .onConflictDoUpdate({ target: lan.kod, set: { namn: sql`excluded.namn` } });

  const kommunRows = readReferenceCsv<KommunRow>('kommuner.csv');
  await db
    .insert(kommun)
    .values(
      kommunRows.map((r) => ({
        kod: r.kommun_kod,
        namn: r.kommun_namn,
        lanKod: r.lan_kod,
        folkmangd: r.folkmangd ? Number(r.folkmangd) : null,
      })),
    )
    .onConflictDoUpdate({
      target: kommun.kod,
      set: { namn: sql`excluded.namn`, lanKod: sql`excluded.lan_kod`, folkmangd: sql`excluded.folkmangd` },
    });

  const sdo = readReferenceCsv<SdoRow>('stadsdelsomraden.csv');
  await db
    .insert(stadsdelsomrade)
    .values(sdo.map((r) => ({ kod: r.kod, namn: r.namn, kommunKod: r.kommun_kod })))
    .onConflictDoUpdate({ target: stadsdelsomrade.kod, set: { namn: sql`excluded.namn` } });

  const orgs = [
    { typ: 'socialstyrelsen' as const, kod: SOCIALSTYRELSEN_KOD, namn: 'Socialstyrelsen', lanKod: null },
    ...lanRows.map((r) => ({
      typ: 'lansstyrelse' as const,
      kod: r.lan_kod,
      namn: `Länsstyrelsen i ${r.lan_namn}`,
      lanKod: r.lan_kod,
    })),
  ];
  await db
    .insert(organisation)
    .values(orgs)
    .onConflictDoUpdate({ target: [organisation.typ, organisation.kod], set: { namn: sql`excluded.namn` } });

  await loadAktorer(db, readReferenceCsv<AktorRow>('aktorer.csv'));
  await loadBristAmnen(db);
}

/**
 * The actor register (aktorer.csv): the 21 regions, the socialtjänst of all 290 kommuner and the national
 * agencies. Upserted by code; a row an administrator has added or changed (`andrad_av_admin`) is left as the
 * administrator left it, so a restart never undoes an edit or revives an ended actor.
 */
async function loadAktorer(db: Queryable, rows: AktorRow[]): Promise<void> {
  await db
    .insert(organisation)
    .values(rows.map((r) => ({ typ: 'aktor' as const, kod: r.kod, namn: r.namn, lanKod: r.lan_kod || null })))
    .onConflictDoUpdate({
      target: [organisation.typ, organisation.kod],
      set: { namn: sql`excluded.namn`, lanKod: sql`excluded.lan_kod` },
      setWhere: sql`not exists (select 1 from ${aktor} where ${aktor.organisationId} = ${organisation.id} and ${aktor.andradAvAdmin})`,
    });
  const ids = await db
    .select({ id: organisation.id, kod: organisation.kod })
    .from(organisation)
    .where(
      and(
        eq(organisation.typ, 'aktor'),
        inArray(
          organisation.kod,
          rows.map((r) => r.kod),
        ),
      ),
    );
  const byKod = new Map(rows.map((r) => [r.kod, r]));
  await db
    .insert(aktor)
    .values(
      ids.map((o) => {
        const r = byKod.get(o.kod)!;
        return {
          organisationId: o.id,
          kategori: r.kategori || 'annan',
          kommunKod: r.kommun_kod || null,
          giltigFran: r.giltig_fran || null,
          giltigTill: r.giltig_till || null,
        };
      }),
    )
    .onConflictDoUpdate({
      target: aktor.organisationId,
      set: {
        kategori: sql`excluded.kategori`,
        kommunKod: sql`excluded.kommun_kod`,
        giltigFran: sql`excluded.giltig_fran`,
        giltigTill: sql`excluded.giltig_till`,
      },
      setWhere: sql`${aktor.andradAvAdmin} = false`,
    });
}
