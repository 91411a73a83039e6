/**
 * The brist workflow (domain brief "System deficiencies": brister go to the ledningsgrupp, on to the actor
 * concerned, and the authority's feedback — återkoppling — is tracked).
 *
 * registrerad → lyft_i_ledningsgrupp → skickad_till_aktor → aterkoppling_mottagen → avslutad, or straight
 * registrerad → skickad_till_aktor: an ombud may send a brist to the actor directly, without waiting for the
 * ledningsgrupp (seed 001: "lyfta utmaningar direkt med den myndighet eller instans som berörs", besides the ledningsgrupp).
 * kvarstar ("still there") can be set from any state that is not final, because most brister are "redan
 * kända och återkommande" (seed 003): one raised, sent and answered may still persist. From kvarstar it is
 * raised again in the ledningsgrupp, sent again to the actor, or closed. avslutad is final: a brist that
 * comes back later is registered anew, so the history of the old one stays true.
 */
import type { Etiketter } from './codes.ts';
import { type Overgangar, skapaTillstandsmaskin } from './tillstand.ts';

export const BRIST_STATUS = [
  'registrerad',
  'lyft_i_ledningsgrupp',
  'skickad_till_aktor',
  'aterkoppling_mottagen',
  'kvarstar',
  'avslutad',
] as const;
export type BristStatus = (typeof BRIST_STATUS)[number];

export const BRIST_STATUS_ETIKETT: Etiketter<BristStatus> = {
  registrerad: { sv: 'Registrerad', en: 'Registered' },
  lyft_i_ledningsgrupp: { sv: 'Lyft i ledningsgruppen', en: 'Raised in the steering group' },
  skickad_till_aktor: { sv: 'Skickad till aktör', en: 'Sent to the actor' },
  aterkoppling_mottagen: { sv: 'Återkoppling mottagen', en: 'Feedback received' },
  kvarstar: { sv: 'Kvarstår', en: 'Persists' },
  avslutad: { sv: 'Avslutad', en: 'Closed' },
};

export const BRIST_OVERGANGAR: Overgangar<BristStatus> = {
  registrerad: ['lyft_i_ledningsgrupp', 'skickad_till_aktor', 'kvarstar'],
  lyft_i_ledningsgrupp: ['skickad_till_aktor', 'kvarstar'],
  skickad_till_aktor: ['aterkoppling_mottagen', 'kvarstar'],
  aterkoppling_mottagen: ['avslutad', 'kvarstar'],
  kvarstar: ['lyft_i_ledningsgrupp', 'skickad_till_aktor', 'avslutad'],
  avslutad: [],
};

const maskin = skapaTillstandsmaskin(BRIST_OVERGANGAR, BRIST_STATUS_ETIKETT, 'Bristen');

export const kanOvergaTill = maskin.kanOvergaTill;
export const assertOvergang = maskin.assertOvergang;
export const arSlutlage = maskin.arSlutlage;
