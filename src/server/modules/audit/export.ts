import { stringify } from 'csv-stringify/sync';
import { AUDIT_HANDELSER, AUDIT_OBJEKT } from '../../../contracts/audit-ord.ts';
import { loadExcelJs } from '../../platform/documents/libraries.ts';
import type { AuditRow } from './repo.ts';

/**
 * The log as a file: what the log page shows, events and objects in words (the code where the list has
 * none), the time in Swedish time; plus the entry's number, the object's id and the organisation, which
 * an investigation needs. CSV for Excel with Swedish settings (semicolons, UTF-8 with BOM, CRLF) or xlsx.
 */
export const AUDIT_KOLUMNER = [
  'Nr',
  'Tid',
  'Användarnamn',
  'Namn',
  'Händelse',
  'Objekt',
  'Objektets id',
  'Organisation',
] as const;

export const AUDIT_MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

type Cell = string | number | null;

const tid = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' });
const ord = (m: Record<string, [string, string]>, kod: string | null) => (kod ? (m[kod]?.[0] ?? kod) : null);

export function auditRad(r: AuditRow): Cell[] {
  return [
    r.id,
    tid(r.at),
    r.username,
    r.displayName,
    ord(AUDIT_HANDELSER, r.action),
    ord(AUDIT_OBJEKT, r.resourceType),
    r.resourceId,
    r.organisationNamn,
  ];
}

export async function auditFil(rows: readonly AuditRow[], format: 'csv' | 'xlsx', idag: string) {
  const namn = `logg-${idag}.${format}`;
  const rader = rows.map(auditRad);
  const innehall =
    format === 'csv'
      ? Buffer.from(
          stringify([[...AUDIT_KOLUMNER], ...rader.map((r) => r.map((c) => (c === null ? '' : String(c))))], {
            delimiter: ';',
            record_delimiter: 'windows',
            bom: true,
            // A username is typed by people: one starting with = + - @ must not run as a formula.
            escape_formulas: true,
          }),
        )
      : await xlsx(rader);
  return { innehall, mime: AUDIT_MIME[format], filnamn: namn, ascii: namn };
}

async function xlsx(rader: Cell[][]): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ombud';
  const ws = wb.addWorksheet('Logg', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...AUDIT_KOLUMNER]).font = { bold: true };
  for (const r of rader) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: AUDIT_KOLUMNER.length } };
  const bredd = [10, 20, 18, 24, 36, 18, 38, 30];
  ws.columns.forEach((c, i) => {
    c.width = bredd[i] ?? 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
