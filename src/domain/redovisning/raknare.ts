/**
 * The REFERENCE implementation of the annual-report counting engine (domain brief "Annual report"). The
 * production engine is SQL; it is proved equal to this file by property tests, so this file favours being
 * obviously right over being fast. Dates are ISO strings compared lexically.
 *
 * Rules and the choices made where the brief is silent:
 * - An ärende is STARTED when it has a startDatum and is not ej_aktuell. It is ACTIVE during Y when it
 *   started on or before 31 Dec Y and was not closed before 1 Jan Y (closed ON 1 Jan counts as active).
 *   Requests that never started are not clients. Dates decide, not the status: an ärende with a startDatum
 *   is counted even if its status was never moved on.
 * - totalt: distinct clients with an ärende active during Y. nya: of those, clients with no ärende active
 *   during Y−1 (so totalt − nya are the carried-over clients).
 * - avslutade: ÄRENDEN closed during Y, by the client's gender (the brief: "ärenden closed during Y"; seed
 *   001, Norra innerstaden 2025: "Under året har totalt 91 ärenden avslutats"). A client whose two ärenden
 *   both closed in Y counts twice, so avslutade can exceed totalt. A closed ärende is one that was active
 *   in Y (started, not ej_aktuell) with its avslutDatum in Y: a request closed without starting is not one.
 * - avslutadeKlienter: the people behind avslutade — distinct clients with at least one ärende closed in Y
 *   (counted once however many closed; a client with another ärende still open is counted). It is what
 *   keeps the closed figure checkable: avslutadeKlienter ≤ totalt and ≤ avslutade (validering.ts).
 * - alder: age = Y − birth year. A client under 18 (outside the target group, should not happen) is counted
 *   in 18-29, the youngest national group, so the age groups still add up to totalt.
 * - kontaktorsaker: a client counts once per reason found on any of their ärenden active during Y.
 * - perKommun: every client figure above split by the client's OWN kommun (klient.kommunKod, as recorded
 *   now), whatever kommuner the verksamhet covers, so the parts add up to the verksamhet's figures; a
 *   client with no kommun recorded goes to kommunKod null ("Kommun ej angiven"). Only kommuner with a
 *   client of the year appear. perStadsdelsomrade: the same per (kommun, stadsdelsområde), given only when
 *   some client of the year has a stadsdelsområde (Stockholm); clients without one are (kommun, null).
 * - ko: waiting days = startDatum − forfraganDatum, over ärenden started during Y (zero-day waits
 *   included). The median of an even count is the mean of the two middle values rounded half up
 *   (Math.round): 20 and 31 → 26. An ärende is WAITING on day d when forfraganDatum ≤ d and the wait has not
 *   ended: it ends at startDatum, or — for an ärende closed or found ej aktuell without starting — at its
 *   avslutDatum (at once when that date is missing, since the length of the wait is then unknown).
 *   harKo: some ärende started during Y after waiting ≥ 1 day, or some ärende was waiting on a day of Y.
 *   antalIKo3112: ärenden waiting on 31 December of Y.
 * Inconsistent input (unknown client, impossible date, start before request, close before start, unknown
 * contact reason) throws: the reference must not guess.
 */
import { alderForAr, aldersgrupp } from '../alder.ts';
import {
  type ArendeStatus,
  arKod,
  type BarnUnder18,
  KONTAKTORSAKER,
  type Kon,
  type Kontaktorsak,
} from '../codes.ts';
import { arIsoDatum, dagarMellan, forstaJanuari, sistaDecember } from '../datum.ts';
import { andelIProcent } from '../tal.ts';
import {
  type G,
  jamforKod,
  type KoSiffror,
  laggTill,
  type OmradeSiffror,
  type RedovisningRakning,
  tomOmrade,
} from './typer.ts';

export interface KlientPost {
  id: string;
  kon: Kon;
  fodelsear: number;
  barnUnder18: BarnUnder18;
  /** The client's own kommun; left out or null when not recorded. */
  kommunKod?: string | null;
  /** Stockholm: the client's stadsdelsområde; left out or null when not recorded. */
  stadsdelsomradeKod?: string | null;
}

export interface ArendePost {
  id: string;
  klientId: string;
  status: ArendeStatus;
  forfraganDatum: string;
  startDatum: string | null;
  avslutDatum: string | null;
  kontaktorsaker: readonly string[];
}

type Datumdel = Pick<ArendePost, 'status' | 'forfraganDatum' | 'startDatum' | 'avslutDatum'>;

export function arStartat(a: Datumdel): boolean {
  return a.startDatum !== null && a.status !== 'ej_aktuell';
}

export function arAktivtUnder(a: Datumdel, ar: number): boolean {
  return (
    arStartat(a) &&
    (a.startDatum as string) <= sistaDecember(ar) &&
    (a.avslutDatum === null || a.avslutDatum >= forstaJanuari(ar))
  );
}

export function arAvslutatUnder(a: Datumdel, ar: number): boolean {
  return arAktivtUnder(a, ar) && a.avslutDatum !== null && a.avslutDatum <= sistaDecember(ar);
}

export function arStartatUnder(a: Datumdel, ar: number): boolean {
  return arStartat(a) && (a.startDatum as string).slice(0, 4) === String(ar).padStart(4, '0');
}

/** Days from request to start; null for an ärende that never started. */
export function vantetidDagar(a: Datumdel): number | null {
  return arStartat(a) ? dagarMellan(a.forfraganDatum, a.startDatum as string) : null;
}

/** The first day the ärende no longer waits; null while it still waits. */
export function vantanSlutar(a: Datumdel): string | null {
  if (arStartat(a)) return a.startDatum;
  if (a.status === 'ej_aktuell' || a.status === 'avslutad') return a.avslutDatum ?? a.forfraganDatum;
  return null;
}

export function vantarPaDag(a: Datumdel, dag: string): boolean {
  const slut = vantanSlutar(a);
  return a.forfraganDatum <= dag && (slut === null || dag < slut);
}

export function vantadeUnder(a: Datumdel, ar: number): boolean {
  // The first day of Y on which the request existed: a wait on any later day of Y implies one on this day.
  let forsta = forstaJanuari(ar);
  if (a.forfraganDatum > forsta) forsta = a.forfraganDatum;
  return forsta <= sistaDecember(ar) && vantarPaDag(a, forsta);
}

export function hadeKoUnder(a: Datumdel, ar: number): boolean {
  return (arStartatUnder(a, ar) && (vantetidDagar(a) ?? 0) > 0) || vantadeUnder(a, ar);
}

/** Median of whole numbers; an even count gives the mean of the middle two rounded half up. */
export function median(varden: readonly number[]): number | null {
  if (varden.length === 0) return null;
  const s = [...varden].sort((x, y) => x - y);
  const mitt = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mitt] as number)
    : Math.round(((s[mitt - 1] as number) + (s[mitt] as number)) / 2);
}

function kontrollera(
  klienter: readonly KlientPost[],
  arenden: readonly ArendePost[],
): Map<string, KlientPost> {
  const perId = new Map<string, KlientPost>();
  for (const k of klienter) {
    if (perId.has(k.id)) throw new Error(`Klienten ${k.id} förekommer två gånger.`);
    perId.set(k.id, k);
  }
  for (const a of arenden) {
    const fel = (vad: string) => new Error(`Ärende ${a.id}: ${vad}.`);
    if (!perId.has(a.klientId)) throw fel(`okänd klient ${a.klientId}`);
    for (const d of [a.forfraganDatum, a.startDatum, a.avslutDatum]) {
      if (d !== null && !arIsoDatum(d)) throw fel(`ogiltigt datum ”${d}”`);
    }
    if (a.startDatum !== null && a.startDatum < a.forfraganDatum) throw fel('start före förfrågan');
    if (a.startDatum !== null && a.avslutDatum !== null && a.avslutDatum < a.startDatum) {
      throw fel('avslut före start');
    }
    for (const o of a.kontaktorsaker) if (!arKod(KONTAKTORSAKER, o)) throw fel(`okänd kontaktorsak ”${o}”`);
  }
  return perId;
}

function raknaKo(arenden: readonly ArendePost[], ar: number): KoSiffror {
  const vantetider = arenden.filter((a) => arStartatUnder(a, ar)).map((a) => vantetidDagar(a) as number);
  return {
    harKo: arenden.some((a) => hadeKoUnder(a, ar)),
    vantetidMedianDagar: median(vantetider),
    vantetidMaxDagar: vantetider.length === 0 ? null : Math.max(...vantetider),
    antalIKo3112: arenden.filter((a) => vantarPaDag(a, sistaDecember(ar))).length,
  };
}

export function raknaRedovisning(input: {
  klienter: readonly KlientPost[];
  arenden: readonly ArendePost[];
  ar: number;
}): RedovisningRakning {
  const { arenden, ar } = input;
  const klientPerId = kontrollera(input.klienter, arenden);

  const aktivaIAr = new Set<string>();
  const aktivaForraAret = new Set<string>();
  /** Ärenden closed in Y per client. */
  const avslutadePerKlient = new Map<string, number>();
  const orsakerPerKlient = new Map<string, Set<Kontaktorsak>>();
  for (const a of arenden) {
    if (arAktivtUnder(a, ar - 1)) aktivaForraAret.add(a.klientId);
    if (!arAktivtUnder(a, ar)) continue;
    aktivaIAr.add(a.klientId);
    if (arAvslutatUnder(a, ar))
      avslutadePerKlient.set(a.klientId, (avslutadePerKlient.get(a.klientId) ?? 0) + 1);
    const orsaker = orsakerPerKlient.get(a.klientId) ?? new Set<Kontaktorsak>();
    for (const o of a.kontaktorsaker) orsaker.add(o as Kontaktorsak);
    orsakerPerKlient.set(a.klientId, orsaker);
  }

  const alla = tomOmrade(null);
  const perKommun = new Map<string, OmradeSiffror>();
  const perSdo = new Map<string, OmradeSiffror>();
  let medStadsdel = false;
  for (const id of aktivaIAr) {
    const k = klientPerId.get(id) as KlientPost;
    const kommun = k.kommunKod ?? null;
    const sdo = k.stadsdelsomradeKod ?? null;
    if (sdo !== null) medStadsdel = true;
    const kNyckel = JSON.stringify(kommun);
    const sNyckel = JSON.stringify([kommun, sdo]);
    if (!perKommun.has(kNyckel)) perKommun.set(kNyckel, tomOmrade(kommun));
    if (!perSdo.has(sNyckel)) perSdo.set(sNyckel, tomOmrade(kommun, sdo));
    for (const x of [alla, perKommun.get(kNyckel), perSdo.get(sNyckel)] as OmradeSiffror[]) {
      laggTill(x.totalt, k.kon);
      if (!aktivaForraAret.has(id)) laggTill(x.nya, k.kon);
      const stangda = avslutadePerKlient.get(id) ?? 0;
      for (let i = 0; i < stangda; i++) laggTill(x.avslutade, k.kon);
      if (stangda > 0) laggTill(x.avslutadeKlienter, k.kon);
      if (k.barnUnder18 !== 'nej') laggTill(x.medBarn, k.kon);
      laggTill(x.alder[aldersgrupp(alderForAr(k.fodelsear, ar)) ?? '18-29'], k.kon);
      for (const o of orsakerPerKlient.get(id) ?? []) laggTill(x.kontaktorsaker[o], k.kon);
    }
  }
  const { totalt, nya, avslutade: avslutadeG, avslutadeKlienter, medBarn, alder, kontaktorsaker } = alla;
  const ordning = (a: OmradeSiffror, b: OmradeSiffror) =>
    jamforKod(a.kommunKod, b.kommunKod) || jamforKod(a.stadsdelsomradeKod, b.stadsdelsomradeKod);

  return {
    klienter: { totalt, nya, avslutade: avslutadeG, avslutadeKlienter, medBarn, alder },
    kontaktorsaker,
    ko: raknaKo(arenden, ar),
    perKommun: [...perKommun.values()].sort(ordning),
    perStadsdelsomrade: medStadsdel ? [...perSdo.values()].sort(ordning) : [],
  };
}

/**
 * Share of each gender's clients who gave a reason, in per cent with one decimal (half up); null where the
 * gender has no clients. Derived, not stored: ombud.redovisning/v1 carries the counts.
 */
export function kontaktorsakAndelar(
  r: RedovisningRakning,
): Record<Kontaktorsak, Record<keyof G, number | null>> {
  const andel = (del: number, helhet: number) => andelIProcent(del, helhet, 1);
  const t = r.klienter.totalt;
  return Object.fromEntries(
    KONTAKTORSAKER.map((o) => {
      const g = r.kontaktorsaker[o];
      return [
        o,
        {
          kvinna: andel(g.kvinna, t.kvinna),
          man: andel(g.man, t.man),
          annan: andel(g.annan, t.annan),
          totalt: andel(g.totalt, t.totalt),
        },
      ];
    }),
  ) as Record<Kontaktorsak, Record<keyof G, number | null>>;
}
