/**
 * Spreadsheet files as people have them (issue 11), for every import (klienter, brister): a CSV saved by
 * Excel with Swedish settings (semicolons, UTF-8 with BOM or Windows-1252) as well as a plain comma-separated
 * UTF-8 file, or the `.xlsx` itself. Everything here turns such a file into the same records (`string[]` per
 * line, with its line number), so one validation per import serves every format. Also: codes compared
 * without regard to case, accents or spaces, and the downloadable template's two files.
 * Moved here from modules/cases/import-format.ts so both modules use it without reaching into each other.
 */
import { pipeline } from 'node:stream/promises';
import { parse as csvParse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { Etiketter } from '../../domain/codes.ts';
import { loadExcelJs } from './documents/libraries.ts';

export type Kalla = AsyncIterable<string | Buffer> | NodeJS.ReadableStream;
export interface Post {
  record: string[];
  /** Line (CSV) or row (xlsx) in the file; the header is 1. */
  rad: number;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file that cannot be read at all (not an xlsx, no such sheet): nothing is written. */
export class OlasbarFil extends Error {}

// ---- codes

/** How a typed code is compared: case, accents, surrounding space and inner spaces/hyphens do not matter. */
export function normalKod(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, '_');
}

/** Reads a code or its Swedish label as the user typed it (`Kvinna`, `JA, HELT`, `Bryta isolering`). */
export function kodlasare<K extends string>(
  lista: readonly K[],
  etiketter: Etiketter<K>,
): (text: string) => K | undefined {
  const karta = new Map<string, K>();
  for (const k of lista) {
    karta.set(normalKod(etiketter[k].sv), k);
    karta.set(normalKod(k), k);
  }
  return (text) => karta.get(normalKod(text));
}

// ---- CSV: encoding and delimiter

/** 'ok' for a valid UTF-8 sequence at `i`, 'fel' for an invalid one, 'kort' when the chunk ends inside it. */
function utf8Sekvens(buf: Buffer, i: number): 'ok' | 'fel' | 'kort' {
  const b = buf[i]!;
  const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (n === 0) return 'fel';
  for (let j = 1; j < n; j++) {
    if (i + j >= buf.length) return 'kort';
    const c = buf[i + j]!;
    if (c < 0x80 || c > 0xbf) return 'fel';
  }
  return 'ok';
}

// Windows-1252 is Latin-1 but for 0x80–0x9F. Decoded by hand: some Node versions' TextDecoder('windows-1252')
// decodes those bytes as Latin-1's control characters (nodejs/node#56542), losing € – ‚ „ … and the like.
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
export function avkodaCp1252(buf: Buffer): string {
  return buf.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
}

/**
 * Decodes a file as UTF-8 (a BOM is dropped) or, when its first non-ASCII character is not valid UTF-8, as
 * Windows-1252 (what Excel's "CSV (semikolonavgränsad)" writes on a Swedish Windows). Streamed: only the
 * bytes before the first non-ASCII character decide, and ASCII reads the same in both.
 */
export async function* avkoda(kalla: Kalla): AsyncGenerator<string> {
  let lage: 'ascii' | 'utf8' | 'cp1252' = 'ascii';
  const utf8 = new TextDecoder('utf-8');
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of kalla as AsyncIterable<string | Buffer>) {
    const c = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const buf: Buffer = rest.length ? Buffer.concat([rest, c]) : c;
    rest = Buffer.alloc(0);
    if (lage === 'ascii') {
      const i = buf.findIndex((b) => b >= 0x80);
      if (i === -1) {
        yield buf.toString('latin1');
        continue;
      }
      const s = utf8Sekvens(buf, i);
      if (s === 'kort') {
        if (i > 0) yield buf.subarray(0, i).toString('latin1');
        rest = buf.subarray(i);
        continue;
      }
      lage = s === 'ok' ? 'utf8' : 'cp1252';
    }
    yield lage === 'utf8' ? utf8.decode(buf, { stream: true }) : avkodaCp1252(buf);
  }
  // The file ended inside its first non-ASCII sequence: not UTF-8.
  if (rest.length) yield avkodaCp1252(rest);
  if (lage === 'utf8') {
    const sist = utf8.decode();
    if (sist) yield sist;
  }
}

/** The delimiter of the header line: the one of `;` and `,` that occurs more often outside quotes. */
export function avgransare(rubrik: string): ',' | ';' {
  let semi = 0;
  let komma = 0;
  let citat = false;
  for (const ch of rubrik) {
    if (ch === '"') citat = !citat;
    else if (!citat && ch === ';') semi++;
    else if (!citat && ch === ',') komma++;
  }
  return semi > komma ? ';' : ',';
}

/**
 * The records of a CSV file in any of the accepted dialects; a CsvError is thrown as csv-parse throws it.
 * A record's `rad` is the line where it ends, or with `startrad` the line where it starts (a quoted field
 * may span lines: the brister's descriptions do).
 */
export async function* csvPoster(kalla: Kalla, o: { startrad?: boolean } = {}): AsyncGenerator<Post> {
  const text = avkoda(kalla);
  // Read ahead to the end of the header line: its delimiter is the file's.
  const fore: string[] = [];
  let allt = '';
  for (;;) {
    const n = await text.next();
    if (n.done) break;
    fore.push(n.value);
    allt += n.value;
    if (/[\r\n]/.test(n.value)) break;
  }
  const slut = allt.search(/[\r\n]/);
  const delimiter = avgransare(slut === -1 ? allt : allt.slice(0, slut));
  async function* utf8(): AsyncGenerator<Buffer> {
    for (const s of fore) yield Buffer.from(s, 'utf8');
    for await (const s of text) yield Buffer.from(s, 'utf8');
  }
  const parser = csvParse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    raw: o.startrad === true,
  });
  const matning = pipeline(utf8(), parser);
  matning.catch(() => {}); // its error, if any, also ends the loop below
  for await (const { record, info, raw } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
    raw?: string;
  }>) {
    const radbrytningar = raw === undefined ? 0 : (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    yield { record, rad: info.lines - radbrytningar };
  }
  await matning;
}

// ---- xlsx

async function samla(kalla: Kalla): Promise<Buffer> {
  const delar: Buffer[] = [];
  for await (const c of kalla as AsyncIterable<string | Buffer>) {
    delar.push(typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
  }
  return Buffer.concat(delar);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
// NUL and half surrogate pairs cannot be stored: made U+FFFD, which the row check reports.
const lagrbar = (s: string) =>
  s
    .replaceAll('\u0000', '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** A cell as the CSV path would have it: text as typed, numbers without decoration, dates ISO. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return lagrbar(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : iso(v);
  if (typeof v === 'object') {
    const o = v as {
      richText?: Array<{ text: string }>;
      text?: unknown;
      result?: unknown;
      error?: string;
    };
    if (Array.isArray(o.richText)) return lagrbar(o.richText.map((r) => r.text).join(''));
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return o.error;
  }
  return '';
}

/**
 * The records of an xlsx workbook: the first sheet, or the one named `blad`. Empty rows are skipped (as
 * empty lines in a CSV); rows are cut to the header's width unless they have values beyond it.
 */
export async function* xlsxPoster(kalla: Kalla, blad?: string): AsyncGenerator<Post> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's Buffer type predates Node's generic Buffer.
    await wb.xlsx.load((await samla(kalla)) as unknown as ArrayBuffer);
  } catch {
    throw new OlasbarFil('Filen kan inte läsas som en Excel-arbetsbok (.xlsx).');
  }
  const ws = blad === undefined ? wb.worksheets[0] : wb.getWorksheet(blad);
  if (!ws) {
    throw new OlasbarFil(
      blad === undefined
        ? 'Arbetsboken har inget kalkylblad.'
        : `Arbetsboken har inget blad som heter ”${blad}” (${wb.worksheets.map((w) => w.name).join(', ')}).`,
    );
  }
  let bredd = 0;
  const rader: Post[] = [];
  ws.eachRow({ includeEmpty: false }, (row, nummer) => {
    const varden = (row.values as unknown[]).slice(1).map(cellText);
    while (varden.length && varden.at(-1) === '') varden.pop();
    if (varden.length === 0) return;
    if (rader.length === 0) bredd = varden.length;
    while (varden.length < bredd) varden.push('');
    rader.push({ record: varden, rad: nummer });
  });
  yield* rader;
}

// ---- the template

/** A template's CSV as Excel with Swedish settings opens it: semicolons, UTF-8 with BOM, CRLF. */
export function mallCsvFil(kolumner: readonly string[], exempel: string[]): Buffer {
  return Buffer.from(
    stringify([[...kolumner], exempel], { delimiter: ';', record_delimiter: 'windows', bom: true }),
  );
}

/** A template's workbook: the sheet `blad` (header and example row, as text) and `Koder` (column, code, meaning). */
export async function mallXlsxFil(o: {
  blad: string;
  kolumner: readonly string[];
  exempel: string[];
  koder: Array<[string, string, string]>;
  bredd?: number;
}): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ombud';
  const ws = wb.addWorksheet(o.blad, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...o.kolumner]).font = { bold: true };
  ws.addRow(o.exempel);
  ws.columns.forEach((c) => {
    c.width = o.bredd ?? 18;
    // Text, so Excel leaves 0180 and dates as typed.
    c.numFmt = '@';
  });
  const k = wb.addWorksheet('Koder');
  k.addRow(['Kolumn', 'Kod', 'Betydelse']).font = { bold: true };
  for (const r of o.koder) k.addRow(r);
  k.getColumn(1).width = 18;
  k.getColumn(2).width = 24;
  k.getColumn(3).width = 50;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
