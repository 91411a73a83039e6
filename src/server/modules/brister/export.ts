import type { BristItem } from '../../../contracts/brister.ts';
import { BRIST_STATUS_ETIKETT } from '../../../domain/brist-status.ts';
import { BRIST_NIVA_ETIKETT, etikett } from '../../../domain/codes.ts';
import { type Cell, listFil } from '../../platform/list-file.ts';

/** The register as a file: the columns the list shows, in Swedish, values in words, dates ISO. */
export const BRIST_KOLUMNER = [
  'Brist',
  'Nivå',
  'Ämne',
  'Aktörer',
  'Status',
  'Återkoppling försenad',
  'Observerad',
  'Klienter',
] as const;

export function bristRad(b: BristItem): Cell[] {
  return [
    b.titel,
    etikett(BRIST_NIVA_ETIKETT, b.niva, 'sv'),
    b.amne.namn,
    b.aktorer.map((a) => a.namn).join(', '),
    etikett(BRIST_STATUS_ETIKETT, b.status, 'sv'),
    b.aterkopplingForsenad ? 'Ja' : 'Nej',
    b.observeradDatum,
    b.antalKlienter,
  ];
}

export function bristFil(
  items: readonly BristItem[],
  format: 'csv' | 'xlsx',
  om: { verksamhetKod: string; idag: string },
) {
  const kod = om.verksamhetKod.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return listFil({
    kolumner: BRIST_KOLUMNER,
    rader: items.map(bristRad),
    format,
    blad: 'Brister',
    bredder: [40, 16, 30, 36, 22, 12, 12, 10],
    namn: `brister-${kod}-${om.idag}`,
  });
}
