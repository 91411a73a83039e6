import { stringify } from 'csv-stringify/sync';
import { type ArendeItem, AVSLUT_ORSAK_ETIKETT } from '../../../contracts/cases.ts';
import { ARENDE_STATUS_ETIKETT, etikett } from '../../../domain/codes.ts';
import { loadExcelJs } from '../../platform/documents/libraries.ts';

/**
 * The ärende list as a file: the columns the page shows, in Swedish, values in words (the status's name,
 * not its code), dates ISO. CSV in the dialect Excel with Swedish settings opens directly (semicolons,
 * UTF-8 with BOM, CRLF), like the open data's default; xlsx with numbers kept as numbers.
 */
export const KOLUMNER = [
  'Klient',
  'Förfrågan',
  'Status',
  'Ombud',
  'Väntedagar',
  'Avslutad',
  'Avslutsorsak',
] as const;

type Cell = string | number | null;

/** A purged client has no alias left: the row says so instead of leaving the cell blank. */
const GALLRAD = 'Gallrad klient';

export function exportRad(a: ArendeItem): Cell[] {
  return [
    a.klientAlias ?? GALLRAD,
    a.forfraganDatum,
    etikett(ARENDE_STATUS_ETIKETT, a.status, 'sv'),
    a.ombud?.displayName ?? null,
    a.vantedagar,
    a.avslutDatum,
    a.avslutOrsak ? etikett(AVSLUT_ORSAK_ETIKETT, a.avslutOrsak, 'sv') : null,
  ];
}

export const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export interface ArendeFil {
  innehall: Buffer;
  mime: string;
  /** The file's name in Swedish (ärenden-…); `ascii` for clients that cannot read RFC 5987 names. */
  filnamn: string;
  ascii: string;
}

export async function arendeFil(
  items: readonly ArendeItem[],
  format: 'csv' | 'xlsx',
  om: { verksamhetKod: string; idag: string },
): Promise<ArendeFil> {
  const kod = om.verksamhetKod.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const namn = (forsta: string) => `${forsta}-${kod}-${om.idag}.${format}`;
  const rader = items.map(exportRad);
  const innehall =
    format === 'csv'
      ? Buffer.from(
          stringify([[...KOLUMNER], ...rader.map((r) => r.map((c) => (c === null ? '' : String(c))))], {
            delimiter: ';',
            record_delimiter: 'windows',
            bom: true,
            // An alias is typed by people: one starting with = + - @ must not run as a formula in Excel.
            escape_formulas: true,
          }),
        )
      : await xlsx(rader);
  return { innehall, mime: MIME[format], filnamn: namn('ärenden'), ascii: namn('arenden') };
}

async function xlsx(rader: Cell[][]): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ombud';
  const ws = wb.addWorksheet('Ärenden', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...KOLUMNER]).font = { bold: true };
  for (const r of rader) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: KOLUMNER.length } };
  const bredd = [24, 12, 14, 24, 12, 12, 30];
  ws.columns.forEach((c, i) => {
    c.width = bredd[i] ?? 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Content-Disposition for a download: an ASCII name and the real one (RFC 6266 / 5987). */
export function bilaga(f: Pick<ArendeFil, 'filnamn' | 'ascii'>): string {
  return `attachment; filename="${f.ascii}"; filename*=UTF-8''${encodeURIComponent(f.filnamn)}`;
}
