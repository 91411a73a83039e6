import { BRIST_STATUS_ETIKETT } from '../../domain/brist-status.ts';
import {
  ALDERSGRUPP_ETIKETT,
  ARENDE_STATUS_ETIKETT,
  BARN_UNDER_18_ETIKETT,
  BRIST_NIVA_ETIKETT,
  type Etiketter,
  FORFRAGAN_FRAN_ETIKETT,
  KLIENT_STATUS_ETIKETT,
  KON_ETIKETT,
  KONTAKTORSAK_ETIKETT,
  LEDNINGSGRUPP_ROLL_ETIKETT,
  PRIORITETSGRUND_ETIKETT,
  UTFORARE_ETIKETT,
} from '../../domain/codes.ts';
import { REDOVISNING_STATUS_ETIKETT } from '../../domain/redovisning-status.ts';

/**
 * The code lists whose values messages name in words ("Välj nivå: handläggarnivå, lokal nivå eller central
 * nivå.") and whose Swedish names the English table turns round. Where two lists share a value (avslutad),
 * the earlier one names it.
 */
export const CODE_LISTS: ReadonlyArray<Etiketter<string>> = [
  KON_ETIKETT,
  ARENDE_STATUS_ETIKETT,
  BRIST_STATUS_ETIKETT,
  REDOVISNING_STATUS_ETIKETT,
  KLIENT_STATUS_ETIKETT,
  BRIST_NIVA_ETIKETT,
  BARN_UNDER_18_ETIKETT,
  FORFRAGAN_FRAN_ETIKETT,
  KONTAKTORSAK_ETIKETT,
  PRIORITETSGRUND_ETIKETT,
  ALDERSGRUPP_ETIKETT,
  UTFORARE_ETIKETT,
  LEDNINGSGRUPP_ROLL_ETIKETT,
];
