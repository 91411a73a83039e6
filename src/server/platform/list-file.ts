import { stringify } from 'csv-stringify/sync';
import { loadExcelJs } from './documents/libraries.ts';

/**
 * A filtered list as a file, for the lists whose export is a plain table (brister, användare): a header row
 * and one row per item, values in words and dates ISO. CSV in the dialect Excel with Swedish settings
 * opens directly (semicolons, UTF-8 with BOM, CRLF; a cell starting with = + - @ never runs as a formula);
 * xlsx with numbers kept as numbers, the header frozen and filterable.
 */
export type Cell = string | number | null;

export const LIST_MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export interface ListFil {
  innehall: Buffer;
  mime: string;
  /** The file's name (may hold å, ä, ö); `ascii` for clients that cannot read RFC 5987 names. */
  filnamn: string;
  ascii: string;
}

export async function listFil(t: {
  kolumner: readonly string[];
  rader: readonly Cell[][];
  format: 'csv' | 'xlsx';
  /** The sheet's name (xlsx). */
  blad: string;
  /** Column widths in characters (xlsx). */
  bredder: readonly number[];
  /** The name without extension, e.g. `brister-po-solna-2026-11-29`. */
  namn: string;
}): Promise<ListFil> {
  const innehall =
    t.format === 'csv'
      ? Buffer.from(
          stringify([[...t.kolumner], ...t.rader.map((r) => r.map((c) => (c === null ? '' : String(c))))], {
            delimiter: ';',
            record_delimiter: 'windows',
            bom: true,
            escape_formulas: true,
          }),
        )
      : await xlsx(t);
  const filnamn = `${t.namn}.${t.format}`;
  const ascii = filnamn
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  return { innehall, mime: LIST_MIME[t.format], filnamn, ascii };
}

async function xlsx(t: {
  kolumner: readonly string[];
  rader: readonly Cell[][];
  blad: string;
  bredder: readonly number[];
}): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ombud';
  const ws = wb.addWorksheet(t.blad, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...t.kolumner]).font = { bold: true };
  for (const r of t.rader) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.kolumner.length } };
  ws.columns.forEach((c, i) => {
    c.width = t.bredder[i] ?? 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Content-Disposition for a download: an ASCII name and the real one (RFC 6266 / 5987). */
export function bilaga(f: Pick<ListFil, 'filnamn' | 'ascii'>): string {
  return `attachment; filename="${f.ascii}"; filename*=UTF-8''${encodeURIComponent(f.filnamn)}`;
}
