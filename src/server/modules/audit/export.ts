import { AUDIT_HANDELSER, AUDIT_OBJEKT } from '../../../contracts/audit-ord.ts';
import { type Cell, listFil } from '../../platform/list-file.ts';
import type { AuditRow } from './repo.ts';

/**
 * The log as a file: what the log page shows, events and objects in words (the code where the list has
 * none), the time in Swedish time; plus the entry's number, the object's id and the organisation, which
 * an investigation needs. Written by platform/list-file.ts (CSV for Excel with Swedish settings, or xlsx).
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
  return listFil({
    kolumner: AUDIT_KOLUMNER,
    rader: rows.map(auditRad),
    format,
    blad: 'Logg',
    bredder: [10, 20, 18, 24, 36, 18, 38, 30],
    namn: `logg-${idag}`,
  });
}
