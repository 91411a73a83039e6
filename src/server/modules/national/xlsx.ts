import { loadExcelJs } from '../../platform/documents/libraries.ts';

/** One sheet: a title row, column headings and rows. null cells are written as '..' (suppressed). */
export interface Blad {
  namn: string;
  rubrik?: string;
  kolumner: string[];
  rader: Array<Array<string | number | null>>;
  /** A source line under the table, as in seed 003 ("Källa: …"). */
  kalla?: string;
}

/** An .xlsx workbook (numbers stay numbers so that they can be summed in Excel). */
export async function arbetsbok(blad: readonly Blad[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ombud';
  for (const b of blad) {
    // Excel sheet names: at most 31 characters, no []:*?/\
    const ws = wb.addWorksheet(b.namn.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    if (b.rubrik) {
      ws.addRow([b.rubrik]).font = { bold: true, size: 12 };
      ws.addRow([]);
    }
    ws.addRow(b.kolumner).font = { bold: true };
    for (const r of b.rader) ws.addRow(r.map((c) => (c === null ? '..' : c)));
    if (b.kalla) {
      ws.addRow([]);
      ws.addRow([b.kalla]).font = { italic: true };
    }
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 34 : 16;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads a workbook back into sheet name → rows of cell values (for tests and round trips). */
export async function lasArbetsbok(buf: Buffer): Promise<Record<string, unknown[][]>> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ut: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rader: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      rader.push((row.values as unknown[]).slice(1));
    });
    ut[ws.name] = rader;
  });
  return ut;
}
