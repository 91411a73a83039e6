/**
 * The client/ärende import's codes and template. Reading the file (CSV in any of the accepted dialects,
 * xlsx) is shared with the brister import and lives in platform/spreadsheet.ts; re-exported here.
 */
import { IMPORT_KOLUMNER } from '../../../contracts/cases.ts';
import {
  BARN_UNDER_18,
  BARN_UNDER_18_ETIKETT,
  type Etiketter,
  KON,
  KON_ETIKETT,
  KONTAKTORSAK_ETIKETT,
  KONTAKTORSAKER,
  PRIORITETSGRUND_ETIKETT,
  PRIORITETSGRUNDER,
} from '../../../domain/codes.ts';
import { kodlasare, mallCsvFil, mallXlsxFil } from '../../platform/spreadsheet.ts';

export {
  avgransare,
  avkoda,
  avkodaCp1252,
  cellText,
  csvPoster,
  type Kalla,
  kodlasare,
  normalKod,
  OlasbarFil,
  type Post,
  XLSX_MIME,
  xlsxPoster,
} from '../../platform/spreadsheet.ts';

export const lasKon = kodlasare(KON, KON_ETIKETT);
export const lasBarnUnder18 = kodlasare(BARN_UNDER_18, BARN_UNDER_18_ETIKETT);
export const lasKontaktorsak = kodlasare(KONTAKTORSAKER, KONTAKTORSAK_ETIKETT);
export const lasPrioritet = kodlasare(PRIORITETSGRUNDER, PRIORITETSGRUND_ETIKETT);

// ---- the template

export interface MallOmrade {
  kod: string;
  namn: string;
}

/** One row that imports as it is into the verksamhet (a client in its first area, last year). */
export function mallExempel(omraden: readonly MallOmrade[], idag: string): string[] {
  const ar = Number(idag.slice(0, 4)) - 1;
  const rad: Record<(typeof IMPORT_KOLUMNER)[number], string> = {
    alias: 'Exempel Ekorren',
    fodelsear: '1980',
    kon: 'kvinna',
    kommun_kod: omraden[0]?.kod ?? '0180',
    barn_under_18: 'nej',
    forfragan_datum: `${ar}-03-01`,
    start_datum: `${ar}-03-15`,
    avslut_datum: '',
    kontaktorsaker: 'ekonomi;bostad',
    prioritet: '',
    ombud: '',
  };
  return IMPORT_KOLUMNER.map((k) => rad[k]);
}

/** The allowed codes with their Swedish meaning, for the template's second sheet. */
export function mallKoder(omraden: readonly MallOmrade[]): Array<[string, string, string]> {
  const ut: Array<[string, string, string]> = [];
  const lagg = <K extends string>(kolumn: string, lista: readonly K[], e: Etiketter<K>) => {
    for (const k of lista) ut.push([kolumn, k, e[k].sv]);
  };
  lagg('kon', KON, KON_ETIKETT);
  for (const o of omraden) ut.push(['kommun_kod', o.kod, o.namn]);
  lagg('barn_under_18', BARN_UNDER_18, BARN_UNDER_18_ETIKETT);
  lagg('kontaktorsaker', KONTAKTORSAKER, KONTAKTORSAK_ETIKETT);
  lagg('prioritet', PRIORITETSGRUNDER, PRIORITETSGRUND_ETIKETT);
  return ut;
}

/** CSV as Excel with Swedish settings opens it: semicolons, UTF-8 with BOM, CRLF. */
/** CSV as Excel with Swedish settings opens it: semicolons, UTF-8 with BOM, CRLF. */
export function mallCsv(exempel: string[]): Buffer {
  return mallCsvFil(IMPORT_KOLUMNER, exempel);
}

export function mallXlsx(exempel: string[], koder: Array<[string, string, string]>): Promise<Buffer> {
  return mallXlsxFil({ blad: 'Klienter', kolumner: IMPORT_KOLUMNER, exempel, koder });
}
