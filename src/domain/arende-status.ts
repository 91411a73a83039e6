/**
 * The ärende workflow (domain brief "Casework"): a request (förfrågan) either waits in the queue (kö) or
 * starts at once (aktiv); a request or a queued person can be found not to be for PO (ej aktuell); active
 * support ends (avslutad). Closed and ej aktuell are final: a person who comes back is a new ärende, so that
 * last year's figures never change.
 */
import { ARENDE_STATUS_ETIKETT, type ArendeStatus } from './codes.ts';
import { type Overgangar, skapaTillstandsmaskin } from './tillstand.ts';

export const ARENDE_OVERGANGAR: Overgangar<ArendeStatus> = {
  forfragan: ['ko', 'aktiv', 'ej_aktuell'],
  ko: ['aktiv', 'ej_aktuell'],
  aktiv: ['avslutad'],
  avslutad: [],
  ej_aktuell: [],
};

const maskin = skapaTillstandsmaskin(ARENDE_OVERGANGAR, ARENDE_STATUS_ETIKETT, 'Ärendet');

export const kanOvergaTill = maskin.kanOvergaTill;
export const assertOvergang = maskin.assertOvergang;
export const arSlutlage = maskin.arSlutlage;
