/**
 * Synthetic casework that looks like the published national figures (domain brief "Annual report",
 * seed 003): 55 % women, 45 % men and a few of another gender identity; the age profile of Tabell 3;
 * ~15 % living with children (far more women than men); contact reasons as in Diagram 1 (support with
 * authorities most common, then finances and health care); ~45 % new clients a year; waiting times at ~64 %
 * of the verksamheter, typically 20–70 days.
 *
 * Deterministic per seed: every figure comes from a small seeded PRNG keyed by (seed, verksamhet kod), so the
 * same seed gives the same reports on any database. Row ids are random (they never reach a report), so
 * seeding twice adds a second batch instead of failing. Scale S ≈ 90 × S clients per verksamhet per year.
 *
 * The model: requests arrive evenly over the years (from three years before the first year, so the first
 * year has carried-over clients); each waits (if the verksamhet has a queue), may be found ej aktuell, and
 * then runs for an exponentially distributed time (mean ≈ 446 days, which gives ~45 % new clients a year);
 * some clients come back later with a new ärende. Whatever is unfinished on 31 December of the last year
 * stays open (aktiv) or waiting (ko / forfragan). Ärenden that ended before the year preceding the first
 * year are left out: they would not change a report of the chosen years.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type {
  BarnUnder18,
  ForfraganFran,
  Kon,
  Kontaktorsak,
  Prioritetsgrund,
} from '../../../domain/codes.ts';
import { type AppDb, query, withTx } from '../client.ts';

export interface SyntheticOptions {
  /** ≈ 90 × scale clients per verksamhet per year (each verksamhet varies around that). */
  scale: number;
  seed: number;
  /** The report years to fill, e.g. [2023, 2024, 2025] (the range from the smallest to the largest). */
  years: readonly number[];
  /** Default: every verksamhet. */
  verksamhetIds?: readonly string[];
}

export interface SyntheticResult {
  verksamheter: number;
  klienter: number;
  arenden: number;
}

// ---------------------------------------------------------------- PRNG

/** 32-bit FNV-1a of a string, to key a verksamhet's stream by (seed, kod). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Rng = () => number;
const heltal = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const normal = (r: Rng) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
function valj<T>(r: Rng, vikter: ReadonlyArray<readonly [T, number]>): T {
  const summa = vikter.reduce((s, [, v]) => s + v, 0);
  let x = r() * summa;
  for (const [t, v] of vikter) {
    x -= v;
    if (x < 0) return t;
  }
  return (vikter[vikter.length - 1] as readonly [T, number])[0];
}

// ---------------------------------------------------------------- distributions (seed 003)

const KON_VIKTER: ReadonlyArray<readonly [Kon, number]> = [
  ['kvinna', 55],
  ['man', 44.6],
  ['annan', 0.4],
];
/** Tabell 3, 2025: clients per age group (18–29, 30–49, 50–64, 65+). */
const ALDER_VIKTER: Record<Kon, readonly number[]> = {
  man: [1019, 1995, 1128, 605],
  kvinna: [1166, 2796, 1560, 292],
  annan: [1166 + 1019, 2796 + 1995, 1560 + 1128, 292 + 605],
};
const ALDER_INTERVALL: ReadonlyArray<readonly [number, number]> = [
  [18, 29],
  [30, 49],
  [50, 64],
  [65, 88],
];
/** Tabell 4: ~19 % of women and ~9 % of men live fully or partly with children (15 % of all). */
const BARN_ANDEL: Record<Kon, number> = { kvinna: 0.19, man: 0.09, annan: 0.12 };
/** Diagram 1 and its text: share of clients per reason, women / men. */
const ORSAK_ANDEL: ReadonlyArray<readonly [Kontaktorsak, number, number]> = [
  ['myndighetskontakter', 0.67, 0.6],
  ['ekonomi', 0.5, 0.38],
  ['sjukvardskontakter', 0.44, 0.26],
  ['bostad', 0.27, 0.3],
  ['sysselsattning', 0.18, 0.25],
  ['struktur_i_vardagen', 0.22, 0.18],
  ['bryta_isolering', 0.14, 0.15],
  ['relationsfragor', 0.16, 0.08],
  ['existentiella_fragor', 0.09, 0.07],
  ['annan', 0.08, 0.08],
];
const FRAN_VIKTER: ReadonlyArray<readonly [ForfraganFran, number]> = [
  ['personen', 38],
  ['socialtjansten', 24],
  ['varden', 20],
  ['anhorig', 10],
  ['annan', 8],
];
const MEDEL_LANGD_DAGAR = 446;
const EJ_AKTUELL_ANDEL = 0.07;
const ATERKOMST_ANDEL = 0.12;
const KO_ANDEL = 0.64;

// ---------------------------------------------------------------- dates

const MS_DAG = 86_400_000;
const dagnr = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / MS_DAG;
const iso = (dag: number) => new Date(dag * MS_DAG).toISOString().slice(0, 10);

// ---------------------------------------------------------------- generation (pure)

interface Omrade {
  kommunKod: string;
  stadsdelsomradeKod: string | null;
}

interface Rader {
  klient: {
    id: string[];
    kon: string[];
    fodelsear: number[];
    kommunKod: string[];
    sdo: (string | null)[];
    barn: string[];
    alias: string[];
  };
  arende: {
    klientId: string[];
    forfragan: string[];
    fran: string[];
    status: string[];
    start: (string | null)[];
    avslut: (string | null)[];
    prioritet: string[];
    orsaker: string[];
  };
}

/** The rows for one verksamhet; `nasta(ar)` gives the next alias number of a year. */
export function generera(
  o: { seed: number; kod: string; scale: number; franAr: number; tillAr: number; omraden: readonly Omrade[] },
  nasta: (ar: number) => number,
): Rader {
  const r = prng(hash(`${o.seed}:${o.kod}`));
  const rader: Rader = {
    klient: { id: [], kon: [], fodelsear: [], kommunKod: [], sdo: [], barn: [], alias: [] },
    arende: {
      klientId: [],
      forfragan: [],
      fran: [],
      status: [],
      start: [],
      avslut: [],
      prioritet: [],
      orsaker: [],
    },
  };
  // Verksamheter differ in size (lognormal around 1) and in whether and how long people wait.
  const storlek = Math.exp(0.45 * normal(r) - 0.1);
  const harKo = r() < KO_ANDEL;
  const koMedian = heltal(r, 20, 70);
  const perAr = 90 * o.scale * storlek * (1 / (1 + MEDEL_LANGD_DAGAR / 365));
  const horisont = dagnr(`${o.tillAr}-12-31`);
  const behall = dagnr(`${o.franAr - 1}-01-01`);

  const ankomster: number[] = [];
  for (let ar = o.franAr - 3; ar <= o.tillAr; ar++) {
    const n = Math.max(0, Math.round(perAr + Math.sqrt(perAr) * normal(r)));
    const start = dagnr(`${ar}-01-01`);
    const dagar = dagnr(`${ar}-12-31`) - start + 1;
    for (let i = 0; i < n; i++) ankomster.push(start + Math.floor(r() * dagar));
  }
  ankomster.sort((a, b) => a - b);

  const arende = (
    klientId: string,
    kon: Kon,
    barn: BarnUnder18,
    alder: number,
    forfragan: number,
  ): number | null => {
    const kvinna = kon === 'kvinna' ? 1 : kon === 'man' ? 2 : r() < 0.5 ? 1 : 2;
    const orsaker = ORSAK_ANDEL.filter((x) => r() < (x[kvinna] as number)).map(([k]) => k);
    if (orsaker.length === 0) orsaker.push(r() < 0.6 ? 'myndighetskontakter' : 'ekonomi');
    const prioritet: Prioritetsgrund[] = [];
    if (harKo && barn !== 'nej') prioritet.push('barn');
    if (harKo && alder <= 25) prioritet.push('ung_vuxen');
    if (harKo && orsaker.includes('bostad') && r() < 0.3) prioritet.push('vrakning_hemloshet');
    // Prioritised people wait a third as long; the queue is lognormal around the verksamhet's median.
    let vantan = harKo ? Math.round(koMedian * Math.exp(0.55 * normal(r))) : 0;
    if (prioritet.length > 0) vantan = Math.round(vantan / 3);
    if (harKo && r() < 0.08) vantan = 0;
    vantan = Math.min(vantan, 365);
    const ejAktuell = r() < EJ_AKTUELL_ANDEL;
    const langd = Math.max(1, Math.round(-Math.log(1 - r()) * MEDEL_LANGD_DAGAR));
    const fran = valj(r, FRAN_VIKTER);

    let status: string;
    let start: number | null = null;
    let avslut: number | null = null;
    if (ejAktuell) {
      const beslut = forfragan + Math.min(vantan, heltal(r, 0, 30));
      if (beslut > horisont) status = 'forfragan';
      else [status, avslut] = ['ej_aktuell', beslut];
    } else if (forfragan + vantan > horisont) {
      status = harKo ? 'ko' : 'forfragan';
    } else {
      start = forfragan + vantan;
      if (start + langd > horisont) status = 'aktiv';
      else [status, avslut] = ['avslutad', start + langd];
    }
    if (avslut === null || avslut >= behall) {
      const a = rader.arende;
      a.klientId.push(klientId);
      a.forfragan.push(iso(forfragan));
      a.fran.push(fran);
      a.status.push(status);
      a.start.push(start === null ? null : iso(start));
      a.avslut.push(avslut === null ? null : iso(avslut));
      a.prioritet.push(prioritet.join(','));
      a.orsaker.push(orsaker.join(','));
    }
    return status === 'avslutad' ? avslut : null;
  };

  for (const dag of ankomster) {
    const kon = valj(r, KON_VIKTER);
    const grupp = valj(
      r,
      (ALDER_VIKTER[kon] as number[]).map((v, i) => [i, v] as const),
    );
    const [min, max] = ALDER_INTERVALL[grupp] as readonly [number, number];
    const alder = heltal(r, min, max);
    const ar = Number(iso(dag).slice(0, 4));
    const barn: BarnUnder18 =
      alder < 60 && r() < BARN_ANDEL[kon] * 1.1
        ? r() < (kon === 'kvinna' ? 0.7 : 0.4)
          ? 'helt'
          : 'delvis'
        : 'nej';
    const omrade = o.omraden[Math.floor(r() * o.omraden.length)] as Omrade;
    const id = randomUUID();
    const fore = rader.arende.klientId.length;
    let slut = arende(id, kon, barn, alder, dag);
    // Some clients come back after a while with a new ärende.
    while (slut !== null && r() < ATERKOMST_ANDEL) {
      const igen = slut + heltal(r, 30, 500);
      slut = igen <= horisont ? arende(id, kon, barn, alder + Math.floor((igen - dag) / 365), igen) : null;
    }
    if (rader.arende.klientId.length === fore) continue; // every ärende of this client ended long ago
    const k = rader.klient;
    k.id.push(id);
    k.kon.push(kon);
    k.fodelsear.push(ar - alder);
    k.kommunKod.push(omrade.kommunKod);
    k.sdo.push(omrade.stadsdelsomradeKod);
    k.barn.push(barn);
    k.alias.push(`K-${ar}-${String(nasta(ar)).padStart(4, '0')}`);
  }
  return rader;
}

// ---------------------------------------------------------------- writing

const p = (v: unknown[]) => sql.param(v);

async function skriv(db: AppDb, verksamhetId: string, rader: Rader) {
  const { klient: k, arende: a } = rader;
  if (k.id.length === 0) return;
  await withTx(db, { verksamhetIds: [verksamhetId] }, async (tx) => {
    await tx.execute(
      sql`insert into klient (id, verksamhet_id, kon, fodelsear, kommun_kod, stadsdelsomrade_kod, barn_under_18)
          select id, ${verksamhetId}, kon, fodelsear, kommun_kod, sdo, barn
          from unnest(${p(k.id)}::uuid[], ${p(k.kon)}::text[], ${p(k.fodelsear)}::int[], ${p(k.kommunKod)}::text[],
                      ${p(k.sdo)}::text[], ${p(k.barn)}::text[]) as t(id, kon, fodelsear, kommun_kod, sdo, barn)`,
    );
    await tx.execute(
      sql`insert into klient_identitet (klient_id, verksamhet_id, alias)
          select id, ${verksamhetId}, alias from unnest(${p(k.id)}::uuid[], ${p(k.alias)}::text[]) as t(id, alias)`,
    );
    await tx.execute(
      sql`insert into arende (verksamhet_id, klient_id, forfragan_datum, forfragan_fran, status, start_datum,
                              avslut_datum, prioritet, kontaktorsaker)
          select ${verksamhetId}, klient_id, forfragan, fran, status, start, avslut,
                 string_to_array(prio, ','), string_to_array(orsaker, ',')
          from unnest(${p(a.klientId)}::uuid[], ${p(a.forfragan)}::date[], ${p(a.fran)}::text[], ${p(a.status)}::text[],
                      ${p(a.start)}::date[], ${p(a.avslut)}::date[], ${p(a.prioritet)}::text[], ${p(a.orsaker)}::text[])
               as t(klient_id, forfragan, fran, status, start, avslut, prio, orsaker)`,
    );
  });
}

/**
 * Seeds synthetic casework for the given verksamheter (default: all) and years: klient, klient_identitet
 * (alias only, "K-2024-0012", numbered on from any aliases already there) and arende, one transaction per
 * verksamhet.
 */
export async function seedSynthetic(db: AppDb, o: SyntheticOptions): Promise<SyntheticResult> {
  if (!(o.scale > 0)) throw new Error('scale måste vara större än 0');
  if (o.years.length === 0) throw new Error('inga år angivna');
  const franAr = Math.min(...o.years);
  const tillAr = Math.max(...o.years);
  const ids = o.verksamhetIds ? [...o.verksamhetIds] : null;
  const verksamheter = await query<{ id: string; kod: string; omraden: Omrade[] }>(
    db,
    sql`select o.id, o.kod,
               json_agg(json_build_object('kommunKod', vo.kommun_kod, 'stadsdelsomradeKod', vo.stadsdelsomrade_kod)
                        order by vo.kommun_kod, vo.stadsdelsomrade_kod) as omraden
        from organisation o
        join verksamhet v on v.organisation_id = o.id
        join verksamhet_omrade vo on vo.verksamhet_id = o.id
        where o.typ = 'verksamhet' ${ids ? sql`and o.id = any(string_to_array(${ids.join(',')}, ',')::uuid[])` : sql``}
        group by o.id, o.kod
        order by o.kod`,
  );
  if (ids && verksamheter.length !== new Set(ids).size) throw new Error('okänd verksamhet');
  const ut: SyntheticResult = { verksamheter: 0, klienter: 0, arenden: 0 };
  for (const v of verksamheter) {
    const befintliga = await withTx(db, { verksamhetIds: [v.id] }, (tx) =>
      query<{ ar: string; n: number }>(
        tx,
        sql`select substring(alias from 3 for 4) as ar, max(substring(alias from 8)::int)::int as n
            from klient_identitet
            where verksamhet_id = ${v.id} and alias ~ '^K-[0-9]{4}-[0-9]{1,9}$'
            group by 1`,
      ),
    );
    const nummer = new Map(befintliga.map((b) => [Number(b.ar), b.n]));
    const nasta = (ar: number) => {
      const n = (nummer.get(ar) ?? 0) + 1;
      nummer.set(ar, n);
      return n;
    };
    const rader = generera(
      { seed: o.seed, kod: v.kod, scale: o.scale, franAr, tillAr, omraden: v.omraden },
      nasta,
    );
    await skriv(db, v.id, rader);
    ut.verksamheter += 1;
    ut.klienter += rader.klient.id.length;
    ut.arenden += rader.arende.klientId.length;
  }
  return ut;
}
