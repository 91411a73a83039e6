/**
 * The two file formats of a published table (docs/open-data.md):
 * - CSV, by default the variant Excel with Swedish settings opens directly (semicolon between fields, UTF-8
 *   with a byte-order mark, decimal comma), or RFC 4180 (comma, no byte-order mark, decimal point).
 *   A suppressed cell is `..`, the sign Swedish official statistics use.
 * - JSON-stat 2.0, the dataset format SCB and Eurostat publish: two dimensions (the rows and the columns),
 *   values in row-major order, null with status ".." where suppressed.
 */
import { stringify } from 'csv-stringify/sync';
import type { PubliceradTabell } from './tabeller.ts';

export type CsvVariant = 'excel' | 'rfc';

/** Numbers as plain digits (no grouping: a spreadsheet must read them as numbers), decimals as the variant. */
function csvTal(v: number | null, decimaler: number, variant: CsvVariant): string {
  if (v === null) return '..';
  const s = decimaler > 0 ? String(v) : String(Math.round(v));
  return variant === 'excel' ? s.replace('.', ',') : s;
}

export function somCsv(t: PubliceradTabell, variant: CsvVariant): string {
  const rader = [
    [t.radDimension.etikett, ...t.kolumner.map((k) => k.etikett)],
    ...t.rader.map((r, i) => [
      r.etikett,
      ...t.kolumner.map((k, c) => csvTal(t.varden[i]![c]!, k.decimaler ?? 0, variant)),
    ]),
  ];
  // RFC 4180 ends records with CRLF; Excel reads it too. The BOM tells Excel the file is UTF-8.
  return stringify(rader, {
    delimiter: variant === 'excel' ? ';' : ',',
    record_delimiter: 'windows',
    bom: variant === 'excel',
  });
}

export interface JsonStatKategori {
  index: Record<string, number>;
  label: Record<string, string>;
}
export interface JsonStatDataset {
  version: '2.0';
  class: 'dataset';
  label: string;
  source: string;
  updated?: string;
  note: string[];
  id: string[];
  size: number[];
  dimension: Record<string, { label: string; category: JsonStatKategori }>;
  value: Array<number | null>;
  status: Record<string, string>;
  extension: { ar: number; tabell: string };
}

const kategori = (k: ReadonlyArray<{ kod: string; etikett: string }>): JsonStatKategori => ({
  index: Object.fromEntries(k.map((x, i) => [x.kod, i])),
  label: Object.fromEntries(k.map((x) => [x.kod, x.etikett])),
});

export function somJsonStat(t: PubliceradTabell, ar: number, anmarkning: string): JsonStatDataset {
  const [rd, kd] = [t.radDimension.kod, t.kolumnDimension.kod];
  const value = t.varden.flat();
  const status: Record<string, string> = {};
  value.forEach((v, i) => {
    if (v === null) status[String(i)] = '..';
  });
  return {
    version: '2.0',
    class: 'dataset',
    label: `${t.titel}, ${ar}`,
    source: 'Ombud – redovisningar från verksamheter med personligt ombud (godkända)',
    note: [anmarkning],
    id: [rd, kd],
    size: [t.rader.length, t.kolumner.length],
    dimension: {
      [rd]: { label: t.radDimension.etikett, category: kategori(t.rader) },
      [kd]: { label: t.kolumnDimension.etikett, category: kategori(t.kolumner) },
    },
    value,
    status,
    extension: { ar, tabell: t.id },
  };
}
