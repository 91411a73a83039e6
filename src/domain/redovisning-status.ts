/**
 * The redovisning workflow (domain brief "Who is who": the verksamhet reports by 15 January, the
 * Länsstyrelse reviews): utkast → inskickad → (returnerad → inskickad)* → godkand. A returned report is
 * completed and sent in again as often as needed; an approved one is final and feeds the national figures.
 */
import type { Etiketter } from './codes.ts';
import { type Overgangar, skapaTillstandsmaskin } from './tillstand.ts';

export const REDOVISNING_STATUS = ['utkast', 'inskickad', 'returnerad', 'godkand'] as const;
export type RedovisningStatus = (typeof REDOVISNING_STATUS)[number];

export const REDOVISNING_STATUS_ETIKETT: Etiketter<RedovisningStatus> = {
  utkast: { sv: 'Utkast', en: 'Draft' },
  inskickad: { sv: 'Inskickad', en: 'Submitted' },
  returnerad: { sv: 'Returnerad för komplettering', en: 'Returned for completion' },
  godkand: { sv: 'Godkänd', en: 'Approved' },
};

export const REDOVISNING_OVERGANGAR: Overgangar<RedovisningStatus> = {
  utkast: ['inskickad'],
  inskickad: ['returnerad', 'godkand'],
  returnerad: ['inskickad'],
  godkand: [],
};

const maskin = skapaTillstandsmaskin(REDOVISNING_OVERGANGAR, REDOVISNING_STATUS_ETIKETT, 'Redovisningen');

export const kanOvergaTill = maskin.kanOvergaTill;
export const assertOvergang = maskin.assertOvergang;
export const arSlutlage = maskin.arSlutlage;
