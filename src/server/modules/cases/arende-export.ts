import { type ArendeItem, AVSLUT_ORSAK_ETIKETT } from '../../../contracts/cases.ts';
import { ARENDE_STATUS_ETIKETT, etikett } from '../../../domain/codes.ts';
import { type Cell, type ListFil, listFil } from '../../platform/list-file.ts';

/**
 * The ärende list as a file: the columns the page shows, in Swedish, values in words (the status's name,
 * not its code), dates ISO; written by platform/list-file.ts (CSV for Excel with Swedish settings, xlsx).
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

export async function arendeFil(
  items: readonly ArendeItem[],
  format: 'csv' | 'xlsx',
  om: { verksamhetKod: string; idag: string },
): Promise<ListFil> {
  const kod = om.verksamhetKod.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return listFil({
    kolumner: KOLUMNER,
    rader: items.map(exportRad),
    format,
    blad: 'Ärenden',
    bredder: [24, 12, 14, 24, 12, 12, 30],
    namn: `ärenden-${kod}-${om.idag}`,
  });
}
