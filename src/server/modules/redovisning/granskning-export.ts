import type { LanList, ListStatus } from '../../../contracts/redovisning.ts';
import { type Cell, type ListFil, listFil } from '../../platform/list-file.ts';

/**
 * The Länsstyrelse's review list as a file: one row per verksamhet of the län and year, what the list
 * page shows (status, late, version, sent, the key figures to approve from, comments), in words; the same
 * status filter as the page (`?status=`). Written by platform/list-file.ts (CSV for Excel, or xlsx).
 */
export const GRANSKNING_KOLUMNER = [
  'Verksamhet',
  'Kod',
  'Status',
  'Försenad',
  'Version',
  'Inskickad',
  'Klienter',
  'Nya klienter',
  'Sökta årsarbetare',
  'Kommentarer',
] as const;

const STATUS_ORD: Record<ListStatus, string> = {
  saknas: 'Saknas',
  sen: 'Sen',
  inskickad: 'Inskickad',
  returnerad: 'Returnerad',
  godkand: 'Godkänd',
};

const tid = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' });

export function granskningRad(r: LanList['rader'][number]): Cell[] {
  return [
    r.namn,
    r.kod,
    STATUS_ORD[r.status],
    r.forsenad ? 'Ja' : 'Nej',
    r.version,
    r.inskickadAt ? tid(r.inskickadAt) : null,
    r.nyckeltal?.klienter ?? null,
    r.nyckeltal?.nyaKlienter ?? null,
    r.nyckeltal?.soktaArsarbetare ?? null,
    r.nyckeltal?.kommentarer ?? null,
  ];
}

export function granskningFil(
  list: LanList,
  status: ListStatus | undefined,
  format: 'csv' | 'xlsx',
): Promise<ListFil> {
  return listFil({
    kolumner: GRANSKNING_KOLUMNER,
    rader: list.rader.filter((r) => !status || r.status === status).map(granskningRad),
    format,
    blad: `Redovisningar ${list.ar}`,
    bredder: [36, 12, 12, 10, 9, 20, 10, 12, 16, 12],
    namn: `redovisningar-lan-${list.lanKod}-${list.ar}${status ? `-${status}` : ''}`,
  });
}
