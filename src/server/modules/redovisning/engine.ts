/**
 * The annual-report counting engine in SQL (domain brief "Annual report"). It computes exactly what the
 * reference implementation `raknaRedovisning` (src/domain/redovisning/raknare.ts) computes — the rules and
 * the choices where the brief is silent are documented there — and is proved equal to it by the property
 * tests in engine.property.test.ts.
 *
 * Set-based: two counting statements for any number of verksamheter (clients with their contact reasons;
 * the queue), each grouped by verksamhet_id, so a national run costs the same round trips as one verksamhet. Callers run it
 * inside `inTx(ctx, { verksamhetIds }, …)`; row-level security hides every other verksamhet's rows anyway.
 *
 * Where the database can hold what the reference refuses (it throws on input it cannot trust), the engine
 * counts what is valid: a contact reason that is not a national code is ignored.
 */
import { type SQL, sql } from 'drizzle-orm';
import { ALDERSGRUPPER, type Aldersgrupp, KON, KONTAKTORSAKER, type Kon } from '../../../domain/codes.ts';
import { forstaJanuari, sistaDecember } from '../../../domain/datum.ts';
import {
  type G,
  jamforKod,
  nollG,
  type OmradeSiffror,
  type RedovisningRakning,
  tomAlder,
  tommaKontaktorsaker,
  tomOmrade,
} from '../../../domain/redovisning/typer.ts';
import { type Queryable, query } from '../../db/client.ts';

export interface KlientRad {
  verksamhetId: string;
  kon: string;
  /** The client's own kommun and stadsdelsområde (per-kommun figures). */
  kommunKod: string | null;
  stadsdelsomradeKod: string | null;
  totalt: number;
  nya: number;
  /** Ärenden closed in Y (a client may have several). */
  avslutade: number;
  /** Clients with an ärende closed in Y. */
  avslutadeKlienter: number;
  medBarn: number;
  a18: number;
  a30: number;
  a50: number;
  a65: number;
  /** Clients per contact reason, in the order of KONTAKTORSAKER. */
  orsaker: number[];
}

export interface KoRad {
  verksamhetId: string;
  harKo: boolean;
  median: number | null;
  max: number | null;
  iKo3112: number;
}

/** `ids` as a uuid[] expression (one text parameter, so both drivers bind it the same way). */
const uuidLista = (ids: readonly string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

/** "Started": has a start date and is not ej_aktuell (raknare.ts arStartat). */
const startat = sql`(a.start_datum is not null and a.status <> 'ej_aktuell')`;

/**
 * The engine's statements for verksamheter `ids` and year `ar`, exposed so that the benchmark can time the
 * SQL alone. Each returns rows grouped by verksamhet (and gender); absent groups are zero.
 */
export function redovisningSql(ids: readonly string[], ar: number): { klienter: SQL; ko: SQL } {
  const [forsta, sista] = [forstaJanuari(ar), sistaDecember(ar)];
  const [forstaForra, sistaForra] = [forstaJanuari(ar - 1), sistaDecember(ar - 1)];
  const aktivI = (f: string, s: string) =>
    sql`(a.start_datum <= ${s}::date and (a.avslut_datum is null or a.avslut_datum >= ${f}::date))`;
  const aktivIAr = aktivI(forsta, sista);

  // Per client: active in Y, active in Y−1, the number of their ärenden closed in Y, and the contact reasons of
  // their ärenden active in Y as a bit set (bit i = KONTAKTORSAKER[i]; codes outside the list are ignored),
  // so a client counts once per reason without unnesting. Only ärenden that can be active in Y−1 or Y are read.
  const bitar = sql.raw(
    KONTAKTORSAKER.map((o, i) => `(case when '${o}' = any(a.kontaktorsaker) then ${2 ** i} else 0 end)`).join(
      ' | ',
    ),
  );
  const perOrsak = sql.raw(
    KONTAKTORSAKER.map((_, i) => `count(*) filter (where p.orsaker & ${2 ** i} <> 0)::int`).join(', '),
  );
  const klienter = sql`
    with per_klient as (
      select a.verksamhet_id, a.klient_id,
             bool_or(${aktivIAr}) as aktiv,
             bool_or(${aktivI(forstaForra, sistaForra)}) as aktiv_forra,
             count(*) filter (where ${aktivIAr} and a.avslut_datum <= ${sista}::date)::int as avslutade,
             bit_or(${bitar}) filter (where ${aktivIAr}) as orsaker
      from arende a
      where a.verksamhet_id = any(${uuidLista(ids)}) and ${startat}
        and a.start_datum <= ${sista}::date
        and (a.avslut_datum is null or a.avslut_datum >= ${forstaForra}::date)
      group by a.verksamhet_id, a.klient_id
    )
    select p.verksamhet_id as "verksamhetId", k.kon,
           k.kommun_kod as "kommunKod", k.stadsdelsomrade_kod as "stadsdelsomradeKod",
           count(*)::int as totalt,
           count(*) filter (where not p.aktiv_forra)::int as nya,
           sum(p.avslutade)::int as avslutade,
           count(*) filter (where p.avslutade > 0)::int as "avslutadeKlienter",
           count(*) filter (where k.barn_under_18 <> 'nej')::int as "medBarn",
           count(*) filter (where ${ar}::int - k.fodelsear <= 29)::int as a18,
           count(*) filter (where ${ar}::int - k.fodelsear between 30 and 49)::int as a30,
           count(*) filter (where ${ar}::int - k.fodelsear between 50 and 64)::int as a50,
           count(*) filter (where ${ar}::int - k.fodelsear >= 65)::int as a65,
           array[${perOrsak}] as orsaker
    from per_klient p
    join klient k on k.verksamhet_id = p.verksamhet_id and k.id = p.klient_id
    where p.aktiv
    group by p.verksamhet_id, k.kon, k.kommun_kod, k.stadsdelsomrade_kod`;

  // The wait ends at the start; for an ärende closed or found ej aktuell without starting, at its close
  // date (at once when that is missing); otherwise it has not ended (slut is null). An ärende requested
  // after 31 Dec neither started nor waited in Y. `forsta` is the first day of Y the request existed.
  // Median of an even count: (lower middle + upper middle + 1) / 2, i.e. the mean rounded half up.
  const ko = sql`
    with x as (
      select a.verksamhet_id,
             ${startat} and a.start_datum >= ${forsta}::date and a.start_datum <= ${sista}::date as startat_i_ar,
             a.start_datum - a.forfragan_datum as vantan,
             greatest(a.forfragan_datum, ${forsta}::date) as forsta,
             case when ${startat} then a.start_datum
                  when a.status in ('ej_aktuell', 'avslutad') then coalesce(a.avslut_datum, a.forfragan_datum)
             end as slut
      from arende a
      where a.verksamhet_id = any(${uuidLista(ids)}) and a.forfragan_datum <= ${sista}::date
    ), m as (
      select verksamhet_id,
             coalesce(bool_or((startat_i_ar and vantan > 0) or slut is null or forsta < slut), false) as har_ko,
             percentile_disc(0.5) within group (order by vantan) filter (where startat_i_ar) as lag,
             percentile_disc(0.5) within group (order by vantan desc) filter (where startat_i_ar) as hog,
             max(vantan) filter (where startat_i_ar) as max,
             count(*) filter (where slut is null or slut > ${sista}::date)::int as i_ko
      from x
      group by verksamhet_id
    )
    select verksamhet_id as "verksamhetId", har_ko as "harKo", ((lag + hog + 1) / 2)::int as median,
           max::int as max, i_ko as "iKo3112"
    from m`;

  return { klienter, ko };
}

export function tomRakning(): RedovisningRakning {
  return {
    klienter: {
      totalt: nollG(),
      nya: nollG(),
      avslutade: nollG(),
      avslutadeKlienter: nollG(),
      medBarn: nollG(),
      alder: tomAlder(),
    },
    kontaktorsaker: tommaKontaktorsaker(),
    ko: { harKo: false, vantetidMedianDagar: null, vantetidMaxDagar: null, antalIKo3112: 0 },
    perKommun: [],
    perStadsdelsomrade: [],
  };
}

const arKon = (k: string): k is Kon => (KON as readonly string[]).includes(k);

function lagg(g: G, kon: Kon, n: number) {
  g[kon] += n;
  g.totalt += n;
}

/** The figures for several verksamheter and year `ar`: one round of statements, grouped by verksamhet. */
export async function raknaManga(
  tx: Queryable,
  verksamhetIds: string[],
  ar: number,
): Promise<Map<string, RedovisningRakning>> {
  const ut = new Map<string, RedovisningRakning>(verksamhetIds.map((id) => [id, tomRakning()]));
  if (verksamhetIds.length === 0) return ut;
  const s = redovisningSql(verksamhetIds, ar);
  // Row-level security adds the transaction's verksamhet list to every scan; schema/rls.ts makes that
  // list an InitPlan, computed once per statement, so a national count stays a plain scan.
  const klienter = await query<KlientRad>(tx, s.klienter);
  const ko = await query<KoRad>(tx, s.ko);

  const aldrar: Array<[Aldersgrupp, keyof KlientRad]> = [
    [ALDERSGRUPPER[0], 'a18'],
    [ALDERSGRUPPER[1], 'a30'],
    [ALDERSGRUPPER[2], 'a50'],
    [ALDERSGRUPPER[3], 'a65'],
  ];
  // Rows come per (verksamhet, gender, kommun, stadsdelsområde): each adds to the verksamhet's figures,
  // its kommun's and its (kommun, stadsdelsområde)'s, as raknare.ts does client by client.
  const omraden = new Map<string, { kommun: Map<string, OmradeSiffror>; sdo: Map<string, OmradeSiffror> }>();
  for (const r of klienter) {
    const v = ut.get(r.verksamhetId);
    if (!v || !arKon(r.kon)) continue;
    const kommunKod = r.kommunKod?.trim() || null;
    const sdoKod = r.stadsdelsomradeKod ?? null;
    let o = omraden.get(r.verksamhetId);
    if (!o) {
      o = { kommun: new Map(), sdo: new Map() };
      omraden.set(r.verksamhetId, o);
    }
    const [kN, sN] = [JSON.stringify(kommunKod), JSON.stringify([kommunKod, sdoKod])];
    if (!o.kommun.has(kN)) o.kommun.set(kN, tomOmrade(kommunKod));
    if (!o.sdo.has(sN)) o.sdo.set(sN, tomOmrade(kommunKod, sdoKod));
    const mal = [
      { ...v.klienter, kontaktorsaker: v.kontaktorsaker },
      o.kommun.get(kN) as OmradeSiffror,
      o.sdo.get(sN) as OmradeSiffror,
    ];
    for (const k of mal) {
      lagg(k.totalt, r.kon, r.totalt);
      lagg(k.nya, r.kon, r.nya);
      lagg(k.avslutade, r.kon, r.avslutade);
      lagg(k.avslutadeKlienter, r.kon, r.avslutadeKlienter);
      lagg(k.medBarn, r.kon, r.medBarn);
      for (const [grupp, falt] of aldrar) lagg(k.alder[grupp], r.kon, r[falt] as number);
      for (const [i, orsak] of KONTAKTORSAKER.entries())
        lagg(k.kontaktorsaker[orsak], r.kon, r.orsaker[i] ?? 0);
    }
  }
  const ordning = (a: OmradeSiffror, b: OmradeSiffror) =>
    jamforKod(a.kommunKod, b.kommunKod) || jamforKod(a.stadsdelsomradeKod, b.stadsdelsomradeKod);
  for (const [id, o] of omraden) {
    const v = ut.get(id) as RedovisningRakning;
    v.perKommun = [...o.kommun.values()].sort(ordning);
    const sdo = [...o.sdo.values()];
    v.perStadsdelsomrade = sdo.some((x) => x.stadsdelsomradeKod !== null) ? sdo.sort(ordning) : [];
  }
  for (const r of ko) {
    const v = ut.get(r.verksamhetId);
    if (v) {
      v.ko = {
        harKo: r.harKo,
        vantetidMedianDagar: r.median,
        vantetidMaxDagar: r.max,
        antalIKo3112: r.iKo3112,
      };
    }
  }
  return ut;
}

/** The figures of one verksamhet for year `ar`. */
export async function raknaVerksamhetAr(
  tx: Queryable,
  verksamhetId: string,
  ar: number,
): Promise<RedovisningRakning> {
  return (await raknaManga(tx, [verksamhetId], ar)).get(verksamhetId) as RedovisningRakning;
}
