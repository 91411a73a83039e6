/**
 * The dates of an ärende must tell a possible story (domain brief "Casework": request → queue → start of
 * work → closed; waiting time = days from request to start). The counting engine (redovisning/raknare.ts)
 * relies on these checks having passed.
 *
 * avslutDatum normally means "support ended" and needs a start. When `status` is given as ej_aktuell,
 * avslutDatum is the day the request was closed without starting; it may then stand without a start date,
 * and it tells the queue figures when the wait ended. When `status` is given, the dates must also fit it
 * (an active ärende has a start and no end, and so on); without it only the dates are compared.
 */
import type { ArendeStatus } from './codes.ts';
import { arIsoDatum, idagISverige } from './datum.ts';

export interface ArendeDatum {
  forfraganDatum: string;
  startDatum: string | null;
  avslutDatum: string | null;
  status?: ArendeStatus;
}

export type ArendeDatumFalt = 'forfraganDatum' | 'startDatum' | 'avslutDatum';

export type ArendeDatumRegel =
  | 'ogiltigt_datum'
  | 'framtida_datum'
  | 'start_fore_forfragan'
  | 'avslut_fore_start'
  | 'avslut_fore_forfragan'
  | 'avslut_utan_start'
  | 'start_saknas'
  | 'avslut_saknas'
  | 'start_ej_tillaten'
  | 'avslut_ej_tillaten';

export interface ArendeDatumFel {
  field: ArendeDatumFalt;
  rule: ArendeDatumRegel;
  message: string;
}

const NAMN: Record<ArendeDatumFalt, string> = {
  forfraganDatum: 'Datum för förfrågan',
  startDatum: 'Startdatum',
  avslutDatum: 'Avslutsdatum',
};

export function valideraArendeDatum(d: ArendeDatum, idag: string = idagISverige()): ArendeDatumFel[] {
  const fel: ArendeDatumFel[] = [];
  const lagg = (field: ArendeDatumFalt, rule: ArendeDatumRegel, message: string) =>
    fel.push({ field, rule, message });

  // Only well-formed dates take part in the comparisons, so one typo gives one message.
  const giltiga: Partial<Record<ArendeDatumFalt, string>> = {};
  for (const falt of ['forfraganDatum', 'startDatum', 'avslutDatum'] as const) {
    const v = d[falt];
    if (v === null) continue;
    if (!arIsoDatum(v)) {
      lagg(falt, 'ogiltigt_datum', `${NAMN[falt]} ”${v}” är inget giltigt datum (ÅÅÅÅ-MM-DD).`);
      continue;
    }
    giltiga[falt] = v;
    if (v > idag) lagg(falt, 'framtida_datum', `${NAMN[falt]} (${v}) kan inte ligga efter i dag (${idag}).`);
  }

  const { forfraganDatum: f, startDatum: s, avslutDatum: a } = giltiga;
  if (f !== undefined && s !== undefined && s < f) {
    lagg('startDatum', 'start_fore_forfragan', `Startdatum (${s}) kan inte ligga före förfrågan (${f}).`);
  }
  if (s !== undefined && a !== undefined && a < s) {
    lagg('avslutDatum', 'avslut_fore_start', `Avslutsdatum (${a}) kan inte ligga före startdatum (${s}).`);
  }
  if (d.avslutDatum !== null && d.startDatum === null) {
    if (d.status !== 'ej_aktuell') {
      lagg(
        'avslutDatum',
        'avslut_utan_start',
        'Ett ärende som aldrig startade kan inte avslutas; markera det som ej aktuellt i stället.',
      );
    } else if (f !== undefined && a !== undefined && a < f) {
      lagg(
        'avslutDatum',
        'avslut_fore_forfragan',
        `Avslutsdatum (${a}) kan inte ligga före förfrågan (${f}).`,
      );
    }
  }

  if (d.status !== undefined) {
    const harStart = d.startDatum !== null;
    const harAvslut = d.avslutDatum !== null;
    const behoverStart = d.status === 'aktiv' || d.status === 'avslutad';
    if (behoverStart && !harStart) {
      lagg('startDatum', 'start_saknas', 'Ett aktivt eller avslutat ärende behöver ett startdatum.');
    }
    if (!behoverStart && harStart) {
      lagg('startDatum', 'start_ej_tillaten', 'Ett ärende som inte har startat kan inte ha ett startdatum.');
    }
    if (d.status === 'avslutad' && !harAvslut) {
      lagg('avslutDatum', 'avslut_saknas', 'Ett avslutat ärende behöver ett avslutsdatum.');
    }
    if ((d.status === 'forfragan' || d.status === 'ko' || d.status === 'aktiv') && harAvslut && harStart) {
      lagg('avslutDatum', 'avslut_ej_tillaten', 'Ett ärende som pågår kan inte ha ett avslutsdatum.');
    }
  }
  return fel;
}
