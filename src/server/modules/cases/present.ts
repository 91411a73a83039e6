import type { AnteckningItem, ArendeItem, AvslutOrsak, KlientItem } from '../../../contracts/cases.ts';
import { ARENDE_OVERGANGAR } from '../../../domain/arende-status.ts';
import type { Kontaktorsak, Prioritetsgrund } from '../../../domain/codes.ts';
import { dagarMellan } from '../../../domain/datum.ts';
import { foreslaPrioritetsgrunder } from '../../../domain/prioritet.ts';
import type { Tx } from '../../db/client.ts';
import * as userRepo from '../users/repo.ts';
import type { AnteckningRow, ArendeRow, KlientRow } from './repo.ts';

export type Namn = Map<string, string>;

/** Display names of the users these ids point at (responsible ombud, note authors). */
export async function anvandarnamn(tx: Tx, ids: Iterable<string | null>): Promise<Namn> {
  const namn: Namn = new Map();
  for (const id of new Set([...ids].filter((x): x is string => x !== null))) {
    const u = await userRepo.getUser(tx, id);
    namn.set(id, u?.displayName ?? 'Okänd användare');
  }
  return namn;
}

const ref = (id: string | null, namn: Namn) =>
  id ? { id, displayName: namn.get(id) ?? 'Okänd användare' } : null;

/** Days waited: request → start, or request → today while the request still waits. */
export function vantedagar(r: Pick<ArendeRow, 'status' | 'forfragan_datum' | 'start_datum'>, idag: string) {
  if (r.start_datum) return dagarMellan(r.forfragan_datum, r.start_datum);
  if (r.status === 'forfragan' || r.status === 'ko') return Math.max(0, dagarMellan(r.forfragan_datum, idag));
  return null;
}

export function arendeItem(r: ArendeRow, namn: Namn, idag: string): ArendeItem {
  return {
    id: r.id,
    klientId: r.klient_id,
    klientAlias: r.gallrad ? null : r.alias,
    gallrad: r.gallrad,
    forfraganDatum: r.forfragan_datum,
    forfraganFran: r.forfragan_fran,
    status: r.status,
    startDatum: r.start_datum,
    avslutDatum: r.avslut_datum,
    avslutOrsak: r.avslut_orsak as AvslutOrsak | null,
    ombud: ref(r.ombud_user_id, namn),
    sip: r.sip,
    prioritet: r.prioritet as Prioritetsgrund[],
    foreslagenPrioritet: foreslaPrioritetsgrunder({
      barnUnder18: r.barn_under_18,
      fodelsear: r.fodelsear,
      ar: Number(r.forfragan_datum.slice(0, 4)),
    }),
    kontaktorsaker: r.kontaktorsaker as Kontaktorsak[],
    aktorIds: r.aktor_ids,
    vantedagar: vantedagar(r, idag),
    gallrasEfter: r.gallras_efter,
    mojligaStatus: [...ARENDE_OVERGANGAR[r.status]],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function klientItem(r: KlientRow, namn: Namn): KlientItem {
  return {
    id: r.id,
    alias: r.gallrad_at ? null : r.alias,
    gallrad: r.gallrad_at !== null,
    kon: r.kon,
    fodelsear: r.fodelsear,
    kommunKod: r.kommun_kod,
    kommunNamn: r.kommun_namn,
    stadsdelsomradeKod: r.stadsdelsomrade_kod,
    stadsdelsomradeNamn: r.stadsdelsomrade_namn,
    barnUnder18: r.barn_under_18,
    antalArenden: r.antal_arenden,
    forstaKontakt: r.forsta_kontakt,
    senasteArende:
      r.senaste_id && r.senaste_status && r.senaste_forfragan
        ? {
            id: r.senaste_id,
            status: r.senaste_status,
            forfraganDatum: r.senaste_forfragan,
            ombud: ref(r.senaste_ombud, namn),
          }
        : null,
    createdAt: r.created_at,
  };
}

export function anteckningItem(r: AnteckningRow, namn: Namn): AnteckningItem {
  return {
    id: r.id,
    arendeId: r.arende_id,
    text: r.text,
    createdBy: ref(r.created_by, namn),
    createdAt: r.created_at,
  };
}
