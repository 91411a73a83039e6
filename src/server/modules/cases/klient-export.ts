import type { KlientItem } from '../../../contracts/cases.ts';
import { ARENDE_STATUS_ETIKETT, etikett, KON_ETIKETT } from '../../../domain/codes.ts';
import { type Cell, type ListFil, listFil } from '../../platform/list-file.ts';

/**
 * The client list as a file: the columns the page shows, in Swedish, values in words, dates ISO; the
 * same dialects as the other lists (platform/list-file.ts). Statistics and the alias only: no name,
 * personnummer or contact.
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
): Promise<ListFil> {
  const kod = om.verksamhetKod.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return listFil({
    kolumner: KLIENT_KOLUMNER,
    rader: items.map(klientRad),
    format,
    blad: 'Klienter',
    bredder: [24, 10, 10, 24, 14, 18, 16, 24, 10],
    namn: `klienter-${kod}-${om.idag}`,
  });
}
