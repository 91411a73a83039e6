import { stringify } from 'csv-stringify/sync';
import type { KlientItem } from '../../../contracts/cases.ts';
import { ARENDE_STATUS_ETIKETT, etikett, KON_ETIKETT } from '../../../domain/codes.ts';
import { loadExcelJs } from '../../platform/documents/libraries.ts';
import { type ArendeFil, MIME } from './arende-export.ts';

/**
 * The client list as a file: the columns the page shows, in Swedish, values in words, dates ISO; the
 * same dialects as the ärende export (CSV for Excel with Swedish settings: semicolons, UTF-8 with BOM,
 * CRLF; xlsx with numbers as numbers). Statistics and the alias only: no name, personnummer or contact.
 */
export const KLIENT_KOLUMNER = [
  'Alias',
  'Kön',
  'Födelseår',
  'Hemkommun',
  'Första kontakt',
  'Senaste ärende',
  'Senaste förfrågan',
  'Ombud',
  'Ärenden',
] as const;

type Cell = string | number | null;

const GALLRAD = 'Gallrad klient';

export function klientRad(k: KlientItem): Cell[] {
  return [
    k.alias ?? GALLRAD,
    etikett(KON_ETIKETT, k.kon, 'sv'),
    k.fodelsear,
    k.stadsdelsomradeNamn ?? k.kommunNamn,
    k.forstaKontakt,
    k.senasteArende ? etikett(ARENDE_STATUS_ETIKETT, k.senasteArende.status, 'sv') : null,
    k.senasteArende?.forfraganDatum ?? null,
    k.senasteArende?.ombud?.displayName ?? null,
    k.antalArenden,
  ];
}

export async function klientFil(
  items: readonly KlientItem[],
  format: 'csv' | 'xlsx',
  om: { verksamhetKod: string; idag: string },
): Promise<ArendeFil> {
  const kod = om.verksamhetKod.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const namn = `klienter-${kod}-${om.idag}.${format}`;
  const rader = items.map(klientRad);
  const innehall =
    format === 'csv'
      ? Buffer.from(
          stringify(
            [[...KLIENT_KOLUMNER], ...rader.map((r) => r.map((c) => (c === null ? '' : String(c))))],
            {
              delimiter: ';',
              record_delimiter: 'windows',
              bom: true,
              // An alias is typed by people: one starting with = + - @ must not run as a formula in Excel.
              escape_formulas: true,
            },
          ),
        )
      : await xlsx(rader);
  return { innehall, mime: MIME[format], filnamn: namn, ascii: namn };
}

async function xlsx(rader: Cell[][]): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ombud';
  const ws = wb.addWorksheet('Klienter', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...KLIENT_KOLUMNER]).font = { bold: true };
  for (const r of rader) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: KLIENT_KOLUMNER.length } };
  const bredd = [24, 10, 10, 24, 14, 18, 16, 24, 10];
  ws.columns.forEach((c, i) => {
    c.width = bredd[i] ?? 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
