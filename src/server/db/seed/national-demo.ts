/**
 * The national demo (issue 12, "the demo is the country"): beside the three named demo verksamheter, 113
 * more in all 21 län — 116 in all, as in 2025 (domain brief "Who is who") — with approved redovisningar
 * 2016–2025, so that Socialstyrelsen's tables, the grant and the brist picture can be judged on a fresh
 * `npm start`.
 *
 * What is made, and why so:
 * - Coverage from the reference kommuner: each kommun at most once, none already covered by a demo
 *   verksamhet; about 38 small kommuner (under 15 000 inhabitants) get no PO (252 of 290 offer PO, seed 003).
 *   Per län, verksamheter in proportion to its population and its number of kommuner (at least one, so
 *   Gotland too); the largest kommuner host one each, the others join the host nearest by SCB code (a
 *   rough proxy for a neighbour). Some are run by a kommunförbund, a stiftelse, an ideell förening or a
 *   region; a few started later than 2016, so Tabell 2 shows kommuner joining.
 * - Reports as ombud.redovisning/v1 documents, not casework, so the first start stays fast: FTE from the
 *   population covered (one per ~26 000 inhabitants: seed 004's need is one ombud per 30 000, and seed 003
 *   has 324,5 FTE in the country), ~32 clients per FTE (seed 003: 10 561 clients), growing slowly (~90 per
 *   verksamhet and year, varying with its size); 55 % women; age groups, children and contact reasons
 *   drawn around seed 003's Tabell 3, Tabell 4 and Diagram 1; a queue at ~64 % of verksamheter in 2025.
 *   The ansökan is next year's FTE; the 2024 reports' ansökningar add up (with the demo verksamheter')
 *   to 331,42 FTE, the 2025 basis of seed 003, split over the län so that Socialstyrelsen's 2025 budget,
 *   fixed here at 131 500 000 kr (1 500 000 for its own costs), gives Tabell 1 as published: 392 251 kr per
 *   FTE, 129 999 828 kr paid out, 172 kr unused.
 * - Brister in the 2024 and 2025 reports only (the national picture compares the two years), with actors
 *   of the register: the national authorities everywhere, the regions where the register has them
 *   (Stockholm, Uppsala, Västra Götaland).
 * - Every verksamhet and report is checked with the rules of `ombud verksamhet create` and
 *   `ombud import redovisning` (kontrollera: the ombud.redovisning/v1 schema, valideraDokument with the
 *   texts required, the personal-data guard) and then written as the import and the Länsstyrelse's
 *   approval would write them — working copy, version 1, the events inskickad (before 15 January, a few
 *   late) and godkänd (by the län's Länsstyrelse) — but in a few set-based statements in one transaction:
 *   through `importRedovisningar`, one report at a time, the ~1 100 reports took 20 s on PGlite; this way
 *   about 1,5 s.
 *
 * Deterministic: one mulberry32 stream (synthetic.ts) per verksamhet, from a fixed seed.
 */
import { sql } from 'drizzle-orm';
import { createVerksamhet } from '../../../contracts/orgs.ts';
import {
  FORMAT_V1,
  type GV1 as G,
  type RedovisningV1,
  redovisningV1,
} from '../../../contracts/redovisning-v1.ts';
import type { Principal } from '../../../domain/access.ts';
import {
  ALDERSGRUPPER,
  type Aldersgrupp,
  type BristNiva,
  KONTAKTORSAKER,
  type Kontaktorsak,
  OBLIGATORISKA_ROLLER,
  type ObligatoriskRoll,
  type Utforare,
} from '../../../domain/codes.ts';
import { statsbidragsutfall } from '../../../domain/nationellt/tabell1.ts';
import { loadConfig } from '../../config.ts';
import * as grants from '../../modules/grants/service.ts';
import * as orgRepo from '../../modules/orgs/repo.ts';
import { listSnapshotsForSystem, regler } from '../../modules/redovisning/service.ts';
import { findUserByUsername } from '../../modules/users/repo.ts';
import { loadPrincipal } from '../../platform/auth/principal.ts';
import { inTx, type ServiceContext } from '../../platform/context.ts';
import { type AppDb, withTx } from '../client.ts';
import { prng } from './synthetic.ts';

export const NATIONELL_DEMO = {
  seed: 2025,
  franAr: 2016,
  tillAr: 2025,
  /** Verksamheter beside the three named ones: 116 in all (domain brief). */
  antal: 113,
  /** Kommuner left without PO: 290 − 252 (seed 003). */
  utanPo: 38,
  /** The FTE applied for 2025 in the whole country (seed 003: 130 000 000 / 331,42 = 392 251 kr). */
  ansoktFte2025: 331.42,
  budget2025: { totalBudgetKr: 131_500_000, administrationKr: 1_500_000, avrundning: 'narmast' as const },
  /** Paid to the län in 2025 (seed 003, Tabell 1): 172 kr of 130 000 000 unused. */
  fordelat2025: 129_999_828,
};

/** Every national demo verksamhet's code starts so (po-boras); the named demo ones' do not. */
export const KOD_PREFIX = 'po-';

type Rng = () => number;
const heltal = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const normal = (r: Rng) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
const valj = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
function viktat<T>(r: Rng, vikter: ReadonlyArray<readonly [T, number]>): T {
  let x = r() * vikter.reduce((s, [, v]) => s + v, 0);
  for (const [t, v] of vikter) {
    x -= v;
    if (x < 0) return t;
  }
  return (vikter[vikter.length - 1] as readonly [T, number])[0];
}
/** About n·p of n (exact draws for small n, a normal approximation above), never outside 0…n. */
function binomial(r: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (n < 40) {
    let k = 0;
    for (let i = 0; i < n; i++) if (r() < p) k += 1;
    return k;
  }
  const x = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(r));
  return Math.min(n, Math.max(0, x));
}
/** n split by weights into whole numbers that add up to n (largest remainder). */
function fordela(n: number, vikter: readonly number[]): number[] {
  const summa = vikter.reduce((s, v) => s + v, 0);
  const exakt = vikter.map((v) => (n * v) / summa);
  const delar = exakt.map(Math.floor);
  const rest = n - delar.reduce((s, d) => s + d, 0);
  const ordning = exakt.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let i = 0; i < rest; i++) delar[(ordning[i] as readonly [number, number])[1]]! += 1;
  return delar;
}
const g = (kvinna: number, man: number, annan: number): G => ({
  kvinna,
  man,
  annan,
  totalt: kvinna + man + annan,
});
const perKon = (t: G, f: (n: number, kon: 'kvinna' | 'man' | 'annan') => number): G =>
  g(f(t.kvinna, 'kvinna'), f(t.man, 'man'), f(t.annan, 'annan'));

// ---------------------------------------------------------------- the verksamheter

export interface KommunIn {
  kod: string;
  namn: string;
  lanKod: string;
  folkmangd: number | null;
}

export interface PlaneradVerksamhet {
  kod: string;
  namn: string;
  lanKod: string;
  utforare: Utforare;
  kommunKoder: string[];
  folkmangd: number;
  /** The first year with a report (most: 2016). */
  franAr: number;
}

/** ASCII code from a Swedish name: "Upplands Väsby" → "upplands-vasby". */
export function slug(namn: string): string {
  return namn
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function namnFor(utforare: Utforare, kommuner: readonly KommunIn[]): string {
  const namn = kommuner.map((k) => k.namn);
  const lista =
    namn.length === 1
      ? namn[0]!
      : namn.length <= 3
        ? `${namn.slice(0, -1).join(', ')} och ${namn.at(-1)}`
        : `${namn[0]} med grannkommuner`;
  switch (utforare) {
    case 'stiftelse':
      return `Stiftelsen Personligt ombud ${lista}`;
    case 'ideell_forening':
      return `Föreningen Personligt ombud ${lista}`;
    case 'kommunforbund':
      return `Kommunförbundet Personligt ombud ${lista}`;
    case 'region':
      return `Region ${lista}, personligt ombud`;
    default:
      return `Personligt ombud ${lista}`;
  }
}

/**
 * The verksamheter of the national demo from the reference kommuner, leaving out `upptagna` (kommuner a
 * verksamhet already covers). Pure and deterministic.
 */
export function planeraVerksamheter(
  kommuner: readonly KommunIn[],
  upptagna: ReadonlySet<string>,
  o: { seed: number; antal: number; utanPo: number } = NATIONELL_DEMO,
): PlaneradVerksamhet[] {
  const r = prng(o.seed);
  const lediga = kommuner.filter((k) => !upptagna.has(k.kod)).sort((a, b) => a.kod.localeCompare(b.kod));
  const perLanAlla = new Map<string, KommunIn[]>();
  for (const k of lediga) perLanAlla.set(k.lanKod, [...(perLanAlla.get(k.lanKod) ?? []), k]);

  // Small kommuner without PO, never a län's last one.
  const sma = lediga.filter((k) => (k.folkmangd ?? 0) < 15_000).map((k) => ({ k, nyckel: r() }));
  sma.sort((a, b) => a.nyckel - b.nyckel);
  const utan = new Set<string>();
  for (const { k } of sma) {
    if (utan.size >= o.utanPo) break;
    const lanets = perLanAlla.get(k.lanKod) ?? [];
    if (lanets.filter((x) => !utan.has(x.kod)).length > 1) utan.add(k.kod);
  }
  const perLan = [...perLanAlla.entries()]
    .map(([lanKod, ks]) => ({ lanKod, kommuner: ks.filter((k) => !utan.has(k.kod)) }))
    .filter((l) => l.kommuner.length > 0)
    .sort((a, b) => a.lanKod.localeCompare(b.lanKod));

  // Verksamheter per län: 55 % by population, 45 % by kommuner; at least one, at most one per kommun.
  const folk = (ks: readonly KommunIn[]) => ks.reduce((s, k) => s + (k.folkmangd ?? 0), 0);
  const totFolk = perLan.reduce((s, l) => s + folk(l.kommuner), 0);
  const totKommuner = perLan.reduce((s, l) => s + l.kommuner.length, 0);
  const vikt = perLan.map(
    (l) => 0.55 * (folk(l.kommuner) / totFolk) + 0.45 * (l.kommuner.length / totKommuner),
  );
  const antal = perLan.map(() => 1);
  const fler = Math.max(0, o.antal - perLan.length);
  fordela(fler, vikt).forEach((n, i) => {
    antal[i]! += n;
  });
  // Capped at the län's kommuner; what is over goes to the län with most room.
  let over = 0;
  perLan.forEach((l, i) => {
    if (antal[i]! > l.kommuner.length) {
      over += antal[i]! - l.kommuner.length;
      antal[i] = l.kommuner.length;
    }
  });
  while (over > 0) {
    const i = perLan
      .map((l, j) => [l.kommuner.length - antal[j]!, j] as const)
      .sort((a, b) => b[0] - a[0])[0]![1];
    if (perLan[i]!.kommuner.length - antal[i]! <= 0) break;
    antal[i]! += 1;
    over -= 1;
  }

  const plan: PlaneradVerksamhet[] = [];
  perLan.forEach((l, i) => {
    const storst = [...l.kommuner].sort((a, b) => (b.folkmangd ?? 0) - (a.folkmangd ?? 0));
    const vardar = storst.slice(0, antal[i]);
    const grupper = new Map(vardar.map((v) => [v.kod, [v]]));
    for (const k of storst.slice(antal[i])) {
      // The nearest host by code that has room (at most five kommuner in one verksamhet).
      const narmast = [...vardar]
        .filter((v) => grupper.get(v.kod)!.length < 5)
        .sort((a, b) => Math.abs(Number(a.kod) - Number(k.kod)) - Math.abs(Number(b.kod) - Number(k.kod)))[0];
      grupper.get((narmast ?? vardar[0]!).kod)!.push(k);
    }
    for (const v of vardar) {
      const ks = grupper.get(v.kod)!;
      const ensam = ks.length === 1;
      const utforare: Utforare =
        l.kommuner.length === 1 && l.kommuner[0]!.kod === '0980'
          ? 'region'
          : ks.length >= 3 && r() < 0.35
            ? 'kommunforbund'
            : ensam && r() < 0.07
              ? 'stiftelse'
              : ensam && r() < 0.04
                ? 'ideell_forening'
                : 'kommun';
      plan.push({
        kod: `${KOD_PREFIX}${slug(v.namn)}`,
        namn: namnFor(utforare, ks),
        lanKod: l.lanKod,
        utforare,
        kommunKoder: ks.map((k) => k.kod).sort(),
        folkmangd: folk(ks),
        franAr: NATIONELL_DEMO.franAr,
      });
    }
  });
  // A few started later (kommuner joining over the years; two in the last year).
  const sena = plan.filter((p) => p.folkmangd < 60_000).map((p) => ({ p, nyckel: r() }));
  sena.sort((a, b) => a.nyckel - b.nyckel);
  [2018, 2019, 2021, 2023, 2024, 2025, 2025].forEach((ar, i) => {
    const x = sena[i];
    if (x) x.p.franAr = ar;
  });
  return plan.sort((a, b) => a.kod.localeCompare(b.kod));
}

// ---------------------------------------------------------------- the reports

/** Tabell 3, 2025 (seed 003): clients per age group and gender. */
const ALDER_VIKTER: Record<'kvinna' | 'man' | 'annan', readonly number[]> = {
  kvinna: [1166, 2796, 1560, 292],
  man: [1019, 1995, 1128, 605],
  annan: [2185, 4791, 2688, 897],
};
/** Tabell 4: ~19 % of women and ~9 % of men live with children under 18. */
const BARN_ANDEL = { kvinna: 0.19, man: 0.09, annan: 0.1 };
/** Diagram 1: share of clients per contact reason, women / men. */
const ORSAK_ANDEL: Record<Kontaktorsak, readonly [number, number]> = {
  myndighetskontakter: [0.67, 0.6],
  ekonomi: [0.5, 0.38],
  sjukvardskontakter: [0.44, 0.26],
  bostad: [0.27, 0.3],
  sysselsattning: [0.18, 0.25],
  struktur_i_vardagen: [0.22, 0.18],
  bryta_isolering: [0.14, 0.15],
  relationsfragor: [0.16, 0.08],
  existentiella_fragor: [0.09, 0.07],
  annan: [0.08, 0.08],
};
const SAKNAD_ROLL: ReadonlyArray<readonly [ObligatoriskRoll, number]> = [
  ['primarvard', 6],
  ['psykiatri', 2],
  ['arbetsformedlingen', 2],
  ['forsakringskassan', 1],
  ['kommun', 0.5],
];

/** Regional actors of the register (aktorer.csv): the other regions have none, so no health brister there. */
const REGION: Record<string, { psykiatri: string; primarvard: string }> = {
  '01': { psykiatri: 'region-stockholm-psykiatri', primarvard: 'region-stockholm-primarvard' },
  '03': { psykiatri: 'region-uppsala-psykiatri', primarvard: 'region-uppsala-primarvard' },
  '14': { psykiatri: 'region-vg-psykiatri', primarvard: 'region-vg-primarvard' },
};

interface BristMall {
  amne: string;
  niva: BristNiva;
  /** Actor codes, given the län; null when the register has no such actor there. */
  aktorer: (lanKod: string) => string[] | null;
  titel: string;
  beskrivning: string;
  atgarder: readonly string[];
  vikt: number;
}
const nationell =
  (...koder: string[]) =>
  () =>
    koder;
const regional =
  (roll: 'psykiatri' | 'primarvard', ...fler: string[]) =>
  (lanKod: string) =>
    REGION[lanKod] ? [REGION[lanKod][roll], ...fler] : null;

const BRIST_MALLAR: readonly BristMall[] = [
  {
    amne: 'fk-handlaggningstider',
    niva: 'central',
    aktorer: nationell('forsakringskassan'),
    titel: 'Långa handläggningstider för sjukersättning',
    beskrivning:
      'Beslut om sjukersättning dröjer ofta mer än ett halvår. Under tiden saknar klienterna en säker försörjning och söker ekonomiskt bistånd i väntan på beslut.',
    atgarder: ['Lyft i ledningsgruppen.', 'Skickat till Försäkringskassans samverkansansvariga.'],
    vikt: 5,
  },
  {
    amne: 'fk-kommunikation',
    niva: 'handlaggare',
    aktorer: nationell('forsakringskassan'),
    titel: 'Svårt att nå handläggaren',
    beskrivning:
      'Klienterna får sällan tala med sin handläggare och besked lämnas bara skriftligt, med ett språk som är svårt att förstå.',
    atgarder: ['Tagit upp på samverkansmöte med Försäkringskassan.'],
    vikt: 4,
  },
  {
    amne: 'fk-ersattning-aterkrav',
    niva: 'central',
    aktorer: nationell('forsakringskassan'),
    titel: 'Återkrav som klienten inte kan förstå',
    beskrivning:
      'Återkrav skickas utan en begriplig förklaring av hur beloppet räknats fram, och avbetalningsplaner erbjuds inte självmant.',
    atgarder: ['Rapporterat till Försäkringskassan centralt.'],
    vikt: 2,
  },
  {
    amne: 'fk-fullmakter',
    niva: 'lokal',
    aktorer: nationell('forsakringskassan'),
    titel: 'Fullmakter för ombudet godtas inte',
    beskrivning:
      'Fullmakter som klienten har skrivit under godtas inte alltid, och ombudet måste visa upp nya för varje kontakt.',
    atgarder: ['Rutin för fullmakter diskuterad med det lokala försäkringscentret.'],
    vikt: 2,
  },
  {
    amne: 'sgi-regler',
    niva: 'central',
    aktorer: nationell('forsakringskassan'),
    titel: 'Oklart hur den sjukpenninggrundande inkomsten skyddas',
    beskrivning:
      'Reglerna för att skydda den sjukpenninggrundande inkomsten är svåra att följa för den som växlar mellan studier, arbete och sjukskrivning.',
    atgarder: [],
    vikt: 1,
  },
  {
    amne: 'af-service-kontinuitet',
    niva: 'lokal',
    aktorer: nationell('arbetsformedlingen'),
    titel: 'Byte av handläggare utan överlämning',
    beskrivning:
      'Klienterna byter ofta handläggare på Arbetsförmedlingen utan att planeringen följer med, och får börja om från början.',
    atgarder: ['Lyft i ledningsgruppen.', 'Kontaktperson hos Arbetsförmedlingen utsedd.'],
    vikt: 3,
  },
  {
    amne: 'af-arbetsformagebedomning',
    niva: 'handlaggare',
    aktorer: nationell('arbetsformedlingen'),
    titel: 'Arbetsförmågan bedöms utan hänsyn till psykisk funktionsnedsättning',
    beskrivning:
      'Bedömningar av arbetsförmåga görs utan anpassning, så att klienter med psykisk funktionsnedsättning bedöms stå nära arbetsmarknaden.',
    atgarder: ['Skickat till Arbetsförmedlingen.'],
    vikt: 2,
  },
  {
    amne: 'af-arbetsmarknadsinsatser',
    niva: 'central',
    aktorer: nationell('arbetsformedlingen'),
    titel: 'Få insatser för den som står långt från arbetsmarknaden',
    beskrivning:
      'Arbetsmarknadsinsatserna passar inte den som behöver börja i liten skala, och kommunens sysselsättning är inte samordnad med dem.',
    atgarder: [],
    vikt: 2,
  },
  {
    amne: 'af-samordning',
    niva: 'lokal',
    aktorer: nationell('arbetsformedlingen'),
    titel: 'Ingen samordning med socialtjänsten kring arbetsförberedande insatser',
    beskrivning:
      'Arbetsförmedlingen och socialtjänsten planerar var för sig, och klienterna får motstridiga krav från de två.',
    atgarder: ['Gemensamt möte mellan myndigheterna föreslaget i ledningsgruppen.'],
    vikt: 2,
  },
  {
    amne: 'samordning-myndigheter',
    niva: 'lokal',
    aktorer: nationell('forsakringskassan', 'arbetsformedlingen'),
    titel: 'Klienter hamnar mellan Försäkringskassan och Arbetsförmedlingen',
    beskrivning:
      'Den ena myndigheten bedömer att klienten kan arbeta, den andra att hen inte kan ta del av insatser. Ingen tar ansvar för helheten.',
    atgarder: ['Lyft i ledningsgruppen.', 'Ärendet beskrivet för båda myndigheternas samverkansansvariga.'],
    vikt: 4,
  },
  {
    amne: 'digitalt-utanforskap',
    niva: 'central',
    aktorer: nationell('skatteverket', 'forsakringskassan'),
    titel: 'Tjänster som kräver e-legitimation',
    beskrivning:
      'Allt fler tjänster kräver e-legitimation och en smart telefon. Klienter utan det får vänta länge på ett servicekontor.',
    atgarder: ['Rapporterat till myndigheterna.'],
    vikt: 3,
  },
  {
    amne: 'digitalt-utanforskap',
    niva: 'lokal',
    aktorer: nationell('statens-servicecenter'),
    titel: 'Servicekontoret har korta öppettider',
    beskrivning:
      'Det närmaste servicekontoret har öppet få timmar i veckan, och det är långt dit med kollektivtrafik.',
    atgarder: [],
    vikt: 1,
  },
  {
    amne: 'boende-ekonomisk-utsatthet',
    niva: 'central',
    aktorer: nationell('kronofogden'),
    titel: 'Skuldsanering tar lång tid',
    beskrivning:
      'Handläggningen av skuldsanering tar lång tid och klienterna har svårt att få boende så länge skulderna finns kvar.',
    atgarder: ['Lyft i ledningsgruppen.'],
    vikt: 2,
  },
  {
    amne: 'hs-resurser-psykiatri',
    niva: 'central',
    aktorer: regional('psykiatri'),
    titel: 'Brist på resurser i psykiatrin',
    beskrivning:
      'Psykiatrins öppenvård har inte tid för återbesök, och klienterna hänvisas till primärvården som saknar kunskap om deras behov.',
    atgarder: ['Skickat till regionens psykiatriledning.'],
    vikt: 6,
  },
  {
    amne: 'hs-lakarbrist',
    niva: 'lokal',
    aktorer: regional('primarvard'),
    titel: 'Ingen fast läkarkontakt',
    beskrivning:
      'Klienterna träffar en ny läkare vid varje besök på vårdcentralen, och ingen har överblick över läkemedel och intyg.',
    atgarder: ['Lyft i ledningsgruppen.'],
    vikt: 4,
  },
  {
    amne: 'hs-kunskapsbrist-primarvard',
    niva: 'handlaggare',
    aktorer: regional('primarvard'),
    titel: 'Kunskapsbrist om psykisk ohälsa i primärvården',
    beskrivning: 'Somatiska besvär tas inte på allvar när patienten också har en psykiatrisk diagnos.',
    atgarder: [],
    vikt: 2,
  },
  {
    amne: 'hs-vardplaner',
    niva: 'lokal',
    aktorer: regional('psykiatri'),
    titel: 'Vårdplaner saknas eller är inaktuella',
    beskrivning: 'Vårdplanerna följs inte upp, och klienten vet inte vem som ansvarar för vad.',
    atgarder: ['Tagit upp med psykiatrins enhetschef.'],
    vikt: 2,
  },
  {
    amne: 'hs-intyg-dokumentation',
    niva: 'handlaggare',
    aktorer: regional('psykiatri', 'forsakringskassan'),
    titel: 'Läkarintyg räcker inte för Försäkringskassans bedömning',
    beskrivning:
      'Intygen beskriver diagnosen men inte hur den begränsar förmågan, så ansökningar avslås och måste göras om.',
    atgarder: ['Dialog mellan psykiatrin och Försäkringskassan föreslagen.'],
    vikt: 2,
  },
  {
    amne: 'sip-samordning',
    niva: 'lokal',
    aktorer: regional('psykiatri', 'arbetsformedlingen'),
    titel: 'Samordnad individuell plan upprättas sällan',
    beskrivning:
      'Samordnade individuella planer upprättas sällan trots att klienten önskar det, och de som finns följs inte upp.',
    atgarder: ['Lyft i ledningsgruppen.', 'Informationsinsats om SIP planerad.'],
    vikt: 3,
  },
];

const TEXT_MALGRUPP = [
  'Fler unga vuxna med ekonomiska svårigheter och oro för sitt boende har sökt stöd under året.',
  'Fler klienter behöver stöd i kontakten med Försäkringskassan efter avslag på sjukersättning.',
  'Målgruppen är i stort densamma som tidigare år; fler söker för hjälp med digitala tjänster.',
  'Fler klienter har hemmavarande barn och behov av stöd i kontakten med socialtjänsten.',
];
const TEXT_FORBATTRING = [
  'Kön har prioriterats om så att hushåll med barn och personer som riskerar vräkning får stöd först.',
  'Ombuden har gått en utbildning om ekonomiskt bistånd och samordnad individuell plan.',
  'Verksamheten har informerat psykiatrins öppenvård och primärvården om personligt ombud.',
  'Rutinen för att följa upp brister i ledningsgruppen har setts över.',
];
const TEXT_ATGARDER =
  'Bristerna har lyfts i ledningsgruppen och skickats till berörda myndigheter för återkoppling.';

/**
 * "Verksamhetens arbetssätt" (issue 15 item 6), with seed 003's proportions: nearly all have a
 * prioriteringsordning (all but twelve kommuner, those that never had a queue) and a routine for reporting
 * brister (113 of 116), all but one give handledning, most take part in the Länsstyrelse's networks.
 * Drawn from its own generator per verksamhet (traits) and per year (counts), so the other figures of the
 * demo stay exactly as they were.
 */
const ARBETSSATT_ANDEL = {
  prioriteringsordning: 0.9,
  rutinBrister: 0.97,
  handledning: 0.99,
  introduktionsutbildning: 0.95,
  natverk: 0.85,
} as const;
const AKTIVITET_DEMO = {
  uppsokande: {
    andel: 0.55,
    max: 10,
    texter: [
      'Besök på härbärgen och dagverksamheter för att möta personer som inte själva söker stöd.',
      'Uppsökande besök på mottagningar och träfflokaler tillsammans med socialpsykiatrin.',
      'Närvaro på öppna mötesplatser en gång i månaden.',
    ],
  },
  information: {
    andel: 0.9,
    max: 24,
    texter: [
      'Information om personligt ombud på arbetsplatsträffar inom psykiatrin, primärvården och socialtjänsten.',
      'Information till Försäkringskassan, Arbetsförmedlingen och vårdcentraler i kommunerna.',
      'Informationsmaterial uppdaterat och spritt till mottagningar och boenden.',
    ],
  },
  undervisning: {
    andel: 0.45,
    max: 6,
    texter: [
      'Föreläsningar om personligt ombuds arbete på introduktionsutbildningen för nya handläggare.',
      'Utbildning om systembrister för studenter på socionomprogrammet.',
    ],
  },
  brukarorganisationer: {
    andel: 0.75,
    max: 8,
    texter: [
      'Regelbundna träffar med RSMH och Attention om klienternas behov och brister.',
      'Samverkan med brukar- och anhörigorganisationer i ledningsgruppen och vid gemensamma informationsträffar.',
    ],
  },
} as const;

function arbetssatt(i: number, ar: number, seed: number): NonNullable<RedovisningV1['arbetssatt']> {
  const drag = prng(seed * 3001 + i * 6151 + 5);
  const svar = Object.fromEntries(
    Object.entries(ARBETSSATT_ANDEL).map(([k, p]) => [k, drag() < p]),
  ) as Record<keyof typeof ARBETSSATT_ANDEL, boolean>;
  const aret = prng(seed * 4001 + i * 7477 + ar * 13 + 3);
  const aktiviteter = Object.fromEntries(
    Object.entries(AKTIVITET_DEMO).map(([k, a]) => {
      const gor = drag() < a.andel;
      const antal = gor ? heltal(aret, 1, a.max) : 0;
      return [k, { antal, text: antal ? valj(aret, a.texter) : '' }];
    }),
  ) as Record<keyof typeof AKTIVITET_DEMO, { antal: number; text: string }>;
  return { ...svar, ...aktiviteter };
}

interface Serie {
  fte: Map<number, number>;
  /** FTE applied for, per grant year: next year's FTE, unless moved to reach a published total. */
  ansokt: Map<number, number>;
  perFte: number;
  koBenagenhet: number;
  koMedian: number;
  saknadRoll: { roll: ObligatoriskRoll; franAr: number } | null;
  brukarorganisation: boolean;
  kvinnorOmbud: number;
  text: { malgrupp: number; forbattring: number };
}

const kvartar = (x: number) => Math.max(1, Math.round(x * 4) / 4);

/** One verksamhet's slowly changing traits and its FTE per year (franAr … tillAr + 1, the last applied for). */
function serie(r: Rng, p: PlaneradVerksamhet, tillAr: number): Serie {
  // About one FTE per 26 000 inhabitants covered (≈ 322 FTE for the country outside the three demo ones).
  const bas = (p.folkmangd / 26_000) * Math.exp(0.2 * normal(r));
  const fte = new Map<number, number>();
  for (let ar = p.franAr; ar <= tillAr + 1; ar++) {
    const trend = 1 - 0.018 * (tillAr - ar) + 0.03 * normal(r);
    fte.set(ar, kvartar(bas * trend));
  }
  // FTE do not shrink and grow year by year: keep a step only when it persists.
  for (let ar = p.franAr + 1; ar <= tillAr + 1; ar++) {
    const fore = fte.get(ar - 1)!;
    if (Math.abs(fte.get(ar)! - fore) <= 0.25 && r() < 0.7) fte.set(ar, fore);
  }
  const saknas = r() < 0.13 ? viktat(r, SAKNAD_ROLL) : null;
  return {
    fte,
    ansokt: new Map(fte),
    perFte: 30 * Math.exp(0.15 * normal(r)),
    koBenagenhet: r(),
    koMedian: heltal(r, 20, 70),
    saknadRoll: saknas ? { roll: saknas, franAr: heltal(r, 2016, 2024) } : null,
    brukarorganisation: r() < 0.88,
    kvinnorOmbud: 0.6 + 0.3 * r(),
    text: { malgrupp: heltal(r, 0, 3), forbattring: heltal(r, 0, 3) },
  };
}

function klienter(r: Rng, totalt: number): RedovisningV1['klienter'] {
  const annan = r() < 0.3 ? heltal(r, 0, 1) : 0;
  const ovriga = totalt - annan;
  const kvinna = Math.min(
    ovriga,
    Math.max(0, Math.round(ovriga * 0.5523 + Math.sqrt(ovriga * 0.25) * normal(r))),
  );
  const t = g(kvinna, ovriga - kvinna, annan);
  const avslutadeKlienter = perKon(t, (n) => binomial(r, n, 0.4));
  const avslutade = perKon(avslutadeKlienter, (n) => n + binomial(r, n, 0.06));
  const alder = Object.fromEntries(ALDERSGRUPPER.map((a) => [a, g(0, 0, 0)])) as Record<Aldersgrupp, G>;
  for (const kon of ['kvinna', 'man', 'annan'] as const) {
    const vikter = ALDER_VIKTER[kon].map((v) => v * Math.exp(0.12 * normal(r)));
    fordela(t[kon], vikter).forEach((n, i) => {
      const x = alder[ALDERSGRUPPER[i]!];
      x[kon] = n;
      x.totalt += n;
    });
  }
  return {
    totalt: t,
    nya: perKon(t, (n) => binomial(r, n, 0.45)),
    avslutade,
    avslutadeKlienter,
    medBarn: perKon(t, (n, kon) => binomial(r, n, BARN_ANDEL[kon])),
    alder,
  };
}

function kontaktorsaker(r: Rng, t: G): RedovisningV1['kontaktorsaker'] {
  return Object.fromEntries(
    KONTAKTORSAKER.map((k) => {
      const [kv, m] = ORSAK_ANDEL[k];
      const brus = Math.exp(0.15 * normal(r));
      return [
        k,
        g(
          binomial(r, t.kvinna, Math.min(0.95, kv * brus)),
          binomial(r, t.man, Math.min(0.95, m * brus)),
          binomial(r, t.annan, Math.min(0.95, ((kv + m) / 2) * brus)),
        ),
      ];
    }),
  ) as RedovisningV1['kontaktorsaker'];
}

function brister(r: Rng, lanKod: string, fjol: RedovisningV1['brister']): RedovisningV1['brister'] {
  const mojliga = BRIST_MALLAR.flatMap((m) => {
    const aktorer = m.aktorer(lanKod);
    return aktorer ? [{ m, aktorer }] : [];
  });
  // Some of last year's brister remain; new ones are drawn from the subjects possible in the län.
  const ut = fjol.filter(() => r() < 0.5);
  const antal = heltal(r, 1, 4);
  for (let i = 0; ut.length < antal && i < 20; i++) {
    const { m, aktorer } = viktat(
      r,
      mojliga.map((x) => [x, x.m.vikt] as const),
    );
    if (ut.some((b) => b.titel === m.titel)) continue;
    ut.push({
      niva: m.niva,
      aktorer,
      amne: m.amne,
      titel: m.titel,
      beskrivning: m.beskrivning,
      atgarder: [...m.atgarder],
    });
  }
  return ut;
}

/** FTE in hundredths split over the kommuner, the rest of the division to the first (as the demo does). */
function perKommun(kommuner: readonly string[], fte: number) {
  const h = Math.round(fte * 100);
  const del = Math.floor(h / kommuner.length);
  return kommuner.map((kommunKod, i) => ({
    kommunKod,
    arsarbetare: (del + (i === 0 ? h - del * kommuner.length : 0)) / 100,
  }));
}

/**
 * Moves the FTE applied for in `ar` so that they add up to `mal` exactly (a published total like 331,42
 * needs hundredths somewhere): steps of at most a quarter FTE, the largest verksamheter first.
 */
function justeraFte(serier: ReadonlyArray<readonly [PlaneradVerksamhet, Serie]>, ar: number, mal: number) {
  // Applied for in the report of ar − 1: only verksamheter that had one.
  const med = serier.filter(([v, s]) => v.franAr <= ar - 1 && s.ansokt.has(ar));
  const summa = med.reduce((s, [, x]) => s + Math.round(x.ansokt.get(ar)! * 100), 0);
  let diff = Math.round(mal * 100) - summa;
  const ordning = [...med].sort((a, b) => b[1].ansokt.get(ar)! - a[1].ansokt.get(ar)!);
  // At least 1,00 FTE each: a total that low cannot be reached, and the loop stops after a pass in vain.
  for (let i = 0, forgaves = 0; diff !== 0 && forgaves < ordning.length; i++) {
    const s = ordning[i % ordning.length]![1];
    const steg = Math.sign(diff) * Math.min(Math.abs(diff), 25);
    const nu = Math.round(s.ansokt.get(ar)! * 100);
    if (nu + steg < 100) {
      forgaves += 1;
      continue;
    }
    forgaves = 0;
    s.ansokt.set(ar, (nu + steg) / 100);
    diff -= steg;
  }
}

/**
 * Every report of the national demo (one per verksamhet and year from its start to `tillAr`), in year
 * order. `ansoktFte` fixes the sum of FTE applied for in a year (the ansökan of the year before).
 */
export function nationellaDokument(
  plan: readonly PlaneradVerksamhet[],
  o: { seed: number; tillAr: number; ansoktFte?: Record<number, number> } = NATIONELL_DEMO,
): RedovisningV1[] {
  const serier = plan.map((p, i) => [p, serie(prng(o.seed * 1009 + i * 7919 + 17), p, o.tillAr)] as const);
  for (const [ar, mal] of Object.entries(o.ansoktFte ?? {})) justeraFte(serier, Number(ar), mal);

  const docs: RedovisningV1[] = [];
  serier.forEach(([p, s], i) => {
    const r = prng(o.seed * 2003 + i * 104_729 + 1);
    let fjolBrister: RedovisningV1['brister'] = [];
    let fjolKlienter: number | null = null;
    for (let ar = p.franAr; ar <= o.tillAr; ar++) {
      const fte = s.fte.get(ar)!;
      // One started in the demo's years starts small; then clients follow the FTE, varying a little.
      const ny = p.franAr > NATIONELL_DEMO.franAr;
      const igang = ny ? Math.min(1, 0.55 + 0.2 * (ar - p.franAr)) : 1;
      const trend = 1 + 0.012 * (ar - NATIONELL_DEMO.franAr);
      const antal = Math.max(6, Math.round(fte * s.perFte * igang * trend * Math.exp(0.05 * normal(r))));
      const k = klienter(r, antal);
      const harKo = s.koBenagenhet < 0.5 + 0.016 * (ar - 2016);
      const median = harKo ? Math.max(5, Math.round(s.koMedian * Math.exp(0.25 * normal(r)))) : null;
      // Seed 003: 351 people in 324,5 FTE — most work full time.
      const ombud = Math.max(Math.ceil(fte), Math.round(fte + 0.3)) + (r() < 0.05 ? 1 : 0);
      const kvinnor = Math.min(ombud, Math.round(ombud * s.kvinnorOmbud));
      const roller = Object.fromEntries(OBLIGATORISKA_ROLLER.map((x) => [x, true])) as Record<
        ObligatoriskRoll,
        boolean
      >;
      if (s.saknadRoll && ar >= s.saknadRoll.franAr) roller[s.saknadRoll.roll] = false;
      const b = ar >= o.tillAr - 1 ? brister(r, p.lanKod, fjolBrister) : [];
      fjolBrister = b;
      const ansokt = s.ansokt.get(ar + 1)!;
      const andelKvinnor = Math.round((100 * k.totalt.kvinna) / k.totalt.totalt);
      const forandring =
        fjolKlienter === null
          ? ny
            ? 'Verksamheten startade under året.'
            : 'Antalet klienter är ungefär detsamma som under de senaste åren.'
          : `Antalet klienter ${antal > fjolKlienter ? 'ökade' : antal < fjolKlienter ? 'minskade' : 'var detsamma'} jämfört med föregående år (${fjolKlienter} klienter).`;
      fjolKlienter = antal;
      docs.push({
        format: FORMAT_V1,
        year: ar,
        verksamhet: {
          kod: p.kod,
          namn: p.namn,
          lanKod: p.lanKod,
          kommunKoder: p.kommunKoder,
          utforare: p.utforare,
        },
        klienter: k,
        kontaktorsaker: kontaktorsaker(r, k.totalt),
        ko: {
          harKo,
          vantetidMedianDagar: median,
          vantetidMaxDagar: median === null ? null : Math.min(365, Math.round(median * (1.8 + 3 * r()))),
          antalIKo3112: harKo ? heltal(r, 1, Math.max(2, Math.round(antal * 0.08))) : 0,
        },
        personal: { ombud, arsarbetare: fte, kvinnor, man: ombud - kvinnor },
        ledningsgrupp: {
          roller: { ...roller, brukarorganisation: s.brukarorganisation },
          moten: viktat(r, [
            [1, 2],
            [2, 6],
            [3, 2],
          ]),
        },
        brister: b,
        ansokan: {
          ar: ar + 1,
          arsarbetare: ansokt,
          ...(p.kommunKoder.length > 1 ? { perKommun: perKommun(p.kommunKoder, ansokt) } : {}),
          kontaktperson: 'Verksamhetschefen',
        },
        text: {
          forandringarMalgrupp: `${forandring} ${valj(r, [TEXT_MALGRUPP[s.text.malgrupp]!, ...TEXT_MALGRUPP])}`,
          forbattringsarbete: TEXT_FORBATTRING[(s.text.forbattring + ar) % TEXT_FORBATTRING.length]!,
          jamstalldhetsanalys: `Kvinnor är ${andelKvinnor} procent av klienterna. Männen söker oftare för bostad och sysselsättning, kvinnorna för ekonomi och kontakter med vården.`,
          ...(b.length ? { atgarderBrister: TEXT_ATGARDER } : {}),
        },
        arbetssatt: arbetssatt(i, ar, o.seed),
      });
    }
  });
  return docs.sort((a, b) => a.year - b.year || a.verksamhet.kod.localeCompare(b.verksamhet.kod));
}

/**
 * Moves a few hundredths of an FTE between two län's applications for `ar` (the total stays, so does the
 * amount per FTE) until the län's amounts, each rounded to the nearest krona, add up to `fordelatKr`:
 * with 331,42 FTE the amount is 392 251 kr whatever the split, but what is paid out (seed 003: 129 999 828)
 * depends on how the hundredths fall per län. `andra`: the other verksamheters' applications, which stay.
 * Returns whether it was reached; the documents' ansökan (and its split per kommun) are changed in place.
 */
export function traffaUtfall(
  docs: RedovisningV1[],
  ar: number,
  andra: ReadonlyArray<{ lanKod: string; fteHundradelar: number }>,
  budget: { totalBudgetKr: number; administrationKr: number; avrundning: 'narmast' | 'nedat' },
  fordelatKr: number,
): boolean {
  const egna = docs.filter((d) => d.year === ar - 1 && d.ansokan.ar === ar);
  const perLan = new Map<string, number>();
  for (const x of [
    ...andra,
    ...egna.map((d) => ({
      lanKod: d.verksamhet.lanKod,
      fteHundradelar: Math.round(d.ansokan.arsarbetare * 100),
    })),
  ])
    perLan.set(x.lanKod, (perLan.get(x.lanKod) ?? 0) + x.fteHundradelar);
  const utfall = (m: ReadonlyMap<string, number>) =>
    statsbidragsutfall({
      ...budget,
      lan: [...m].map(([lanKod, fteHundradelar]) => ({ lanKod, fteHundradelar })),
    }).fordelatKr;
  if (utfall(perLan) === fordelatKr) return true;
  const storst = (lanKod: string) =>
    egna
      .filter((d) => d.verksamhet.lanKod === lanKod)
      .sort((a, b) => b.ansokan.arsarbetare - a.ansokan.arsarbetare)[0];
  const lan = [...perLan.keys()].sort();
  for (let k = 1; k <= 25; k++) {
    for (const fran of lan) {
      const givare = storst(fran);
      if (!givare || Math.round(givare.ansokan.arsarbetare * 100) - k < 100) continue;
      for (const till of lan) {
        const tagare = storst(till);
        if (till === fran || !tagare) continue;
        const m = new Map(perLan);
        m.set(fran, m.get(fran)! - k);
        m.set(till, m.get(till)! + k);
        if (utfall(m) !== fordelatKr) continue;
        for (const [d, steg] of [
          [givare, -k],
          [tagare, k],
        ] as const) {
          const fte = (Math.round(d.ansokan.arsarbetare * 100) + steg) / 100;
          d.ansokan = {
            ...d.ansokan,
            arsarbetare: fte,
            ...(d.ansokan.perKommun ? { perKommun: perKommun(d.verksamhet.kommunKoder, fte) } : {}),
          };
        }
        return true;
      }
    }
  }
  return false;
}

// ---------------------------------------------------------------- storing

/** The installation's operator, as the CLI and the other demo parts act. */
function operator(organisationId: string): Principal {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'demo',
    medlemskap: [{ organisationId, organisationTyp: 'socialstyrelsen', lanKod: null, roll: 'admin' }],
  };
}

/**
 * The checks `ombud verksamhet create` and `ombud import redovisning` make (createVerksamhet; the
 * ombud.redovisning/v1 schema and valideraDokument, texts required as on submission, the personal-data
 * guard included), on every verksamhet and document. Throws with the first findings: a demo that breaks the
 * rules would be a bug here.
 */
export function kontrollera(
  plan: readonly PlaneradVerksamhet[],
  docs: readonly RedovisningV1[],
  kommuner: readonly KommunIn[],
): void {
  const fel: string[] = [];
  const lan = new Map(kommuner.map((k) => [k.kod, k.lanKod]));
  for (const v of plan) {
    const parsed = createVerksamhet.safeParse({
      kod: v.kod,
      namn: v.namn,
      lanKod: v.lanKod,
      kommunKoder: v.kommunKoder,
      utforare: v.utforare,
      giltigFranAr: v.franAr,
    });
    if (!parsed.success) fel.push(`${v.kod}: ${parsed.error.issues[0]?.message}`);
    for (const k of v.kommunKoder)
      if (lan.get(k) !== v.lanKod) fel.push(`${v.kod}: ${k} ligger inte i ${v.lanKod}`);
  }
  const nycklar = new Set<string>();
  for (const d of docs) {
    const namn = `${d.verksamhet.kod} ${d.year}`;
    if (nycklar.has(namn)) fel.push(`${namn}: förekommer två gånger`);
    nycklar.add(namn);
    const parsed = redovisningV1.safeParse(d);
    if (!parsed.success) {
      fel.push(`${namn}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join(', ')}`);
      continue;
    }
    for (const f of regler.valideraDokument(parsed.data, { kravText: true }))
      fel.push(`${namn}: ${f.path} ${f.message}`);
  }
  if (fel.length)
    throw new Error(
      `Den nationella demon bryter mot reglerna (${fel.length}): ${fel.slice(0, 5).join('; ')}`,
    );
}

const datum = (ar: number, manad: number, dag: number) =>
  `${ar}-${String(manad).padStart(2, '0')}-${String(dag).padStart(2, '0')}T09:00:00+01:00`;
const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/**
 * Writes the verksamheter and their reports, sent in and approved, in one transaction and a handful of
 * set-based statements: what `importRedovisningar` and `godkann` would write one report at a time (the
 * working copy, version 1 as sent in, the events inskickad and godkänd), dated to the year after the
 * report and attributed to the import ('demo') and to the län's Länsstyrelse.
 */
async function skriv(
  ctx: ServiceContext,
  plan: readonly PlaneradVerksamhet[],
  docs: readonly RedovisningV1[],
) {
  const r = prng(NATIONELL_DEMO.seed + 1);
  // Sent in before 15 January (one in twenty a little late), approved some weeks later.
  const rapporter = docs.map((d) => ({
    kod: d.verksamhet.kod,
    ar: d.year,
    dokument: d,
    inskickad: datum(d.year + 1, 1, r() < 0.05 ? heltal(r, 16, 31) : heltal(r, 5, 15)),
    godkand: datum(d.year + 1, heltal(r, 2, 3), heltal(r, 1, 28)),
  }));
  const verksamheter = plan.map((v) => ({
    kod: v.kod,
    namn: v.namn,
    lan_kod: v.lanKod,
    utforare: v.utforare,
    giltig_fran_ar: v.franAr,
  }));
  const omraden = plan.flatMap((v) => v.kommunKoder.map((kommun_kod) => ({ kod: v.kod, kommun_kod })));
  await inTx(ctx, {}, async ({ tx, audit }) => {
    await tx.execute(sql`
      with t as (select * from jsonb_to_recordset(${json(verksamheter)})
                   as t(kod text, namn text, lan_kod text, utforare text, giltig_fran_ar int)),
           o as (insert into organisation (typ, kod, namn, lan_kod)
                 select 'verksamhet', kod, namn, lan_kod from t returning id, kod)
      insert into verksamhet (organisation_id, utforare, giltig_fran_ar)
      select o.id, t.utforare, t.giltig_fran_ar from o join t using (kod)`);
    await tx.execute(sql`
      insert into verksamhet_omrade (verksamhet_id, kommun_kod)
      select o.id, t.kommun_kod from jsonb_to_recordset(${json(omraden)}) as t(kod text, kommun_kod text)
      join organisation o on o.typ = 'verksamhet' and o.kod = t.kod`);
    await tx.execute(sql`
      with t as (select * from jsonb_to_recordset(${json(rapporter)})
                   as t(kod text, ar int, dokument jsonb, inskickad timestamptz, godkand timestamptz)),
           r as (insert into redovisning (verksamhet_id, ar, status, dokument, kalla, created_at, updated_at, updated_by_namn)
                 select o.id, t.ar, 'godkand', t.dokument, 'import', t.inskickad, t.godkand, ${ctx.principal.username}
                 from t join organisation o on o.typ = 'verksamhet' and o.kod = t.kod
                 returning id, verksamhet_id, dokument, created_at, updated_at),
           v as (insert into redovisning_version (redovisning_id, version, dokument, inskickad_at, inskickad_av_namn)
                 select id, 1, dokument, created_at, ${ctx.principal.username} from r returning redovisning_id)
      insert into redovisning_handelse (redovisning_id, from_status, to_status, version, at, anvandare)
      select r.id, 'utkast', 'inskickad', 1, r.created_at, ${ctx.principal.username} from r
      union all
      select r.id, 'inskickad', 'godkand', 1, r.updated_at, l.namn from r
      join organisation o on o.id = r.verksamhet_id
      join organisation l on l.typ = 'lansstyrelse' and l.kod = o.lan_kod`);
    const detail = { demo: 'nationell', ar: [NATIONELL_DEMO.franAr, NATIONELL_DEMO.tillAr] };
    await audit({
      action: 'verksamhet.created',
      resourceType: 'verksamhet',
      detail: { ...detail, antal: plan.length },
    });
    await audit({
      action: 'redovisning.imported',
      resourceType: 'redovisning',
      detail: { ...detail, antal: docs.length },
    });
    await audit({
      action: 'redovisning.approved',
      resourceType: 'redovisning',
      detail: { ...detail, antal: docs.length },
    });
  });
}

export interface NationalDemoResult {
  verksamheter: number;
  redovisningar: number;
}

/**
 * Seeds the national demo. Returns null (and does nothing) when Socialstyrelsen is missing or the national
 * demo is already there; runs after the named demo verksamheter have their 2024 reports (demo.ts), whose
 * ansökningar count towards the 2025 total.
 */
export async function seedNationalDemo(db: AppDb): Promise<NationalDemoResult | null> {
  const ss = await orgRepo.findOrganisationByKod(db, 'socialstyrelsen', 'socialstyrelsen');
  if (!ss) return null;
  const config = loadConfig();
  const system: ServiceContext = { db, config, principal: operator(ss.id), ip: 'demo' };
  const [kommuner, befintliga] = await withTx(db, {}, async (tx) => [
    await orgRepo.listKommuner(tx),
    await orgRepo.listVerksamheter(tx),
  ]);
  // Once only: its codes all start with "po-" (the named demo verksamheter's do not).
  if (befintliga.some((v) => v.kod.startsWith(KOD_PREFIX))) return null;
  const upptagna = new Set(befintliga.flatMap((v) => v.omraden.map((o) => o.kommunKod)));
  const plan = planeraVerksamheter(kommuner, upptagna);

  // The other verksamheters' ansökningar for 2025 (the demo's 2024 reports) count towards the total.
  const andra = await withTx(db, {}, (tx) =>
    listSnapshotsForSystem(tx, { ar: NATIONELL_DEMO.tillAr - 1, inklusiveInskickade: true }),
  );
  const andraAnsokningar = andra
    // As the grant counts them (grants/service.ts ansokningar): sent in or approved, for the year.
    .filter(
      (s) =>
        (s.status === 'inskickad' || s.status === 'godkand') &&
        s.dokument.ansokan.ar === NATIONELL_DEMO.tillAr,
    )
    .map((s) => ({
      lanKod: s.dokument.verksamhet.lanKod,
      fteHundradelar: Math.round(s.dokument.ansokan.arsarbetare * 100),
    }));
  const andraFte = andraAnsokningar.reduce((s, x) => s + x.fteHundradelar, 0);
  const docs = nationellaDokument(plan, {
    ...NATIONELL_DEMO,
    ansoktFte: { [NATIONELL_DEMO.tillAr]: (Math.round(NATIONELL_DEMO.ansoktFte2025 * 100) - andraFte) / 100 },
  });
  traffaUtfall(
    docs,
    NATIONELL_DEMO.tillAr,
    andraAnsokningar,
    NATIONELL_DEMO.budget2025,
    NATIONELL_DEMO.fordelat2025,
  );
  kontrollera(plan, docs, kommuner);
  await skriv(system, plan, docs);

  // Socialstyrelsen fixes the 2025 budget (as the demo user, when there is one); 2026 stays a preview.
  const sara = await findUserByUsername(db, 'socialstyrelsen');
  const principal = sara ? await withTx(db, {}, (tx) => loadPrincipal(tx, sara.id)) : null;
  if (principal) {
    await grants.setBudget({ db, config, principal, ip: 'demo' }, NATIONELL_DEMO.tillAr, {
      ...NATIONELL_DEMO.budget2025,
    });
  }
  return { verksamheter: plan.length, redovisningar: docs.length };
}

/** The demo extension (demo.ts runs it last). */
export async function nationalDemo(db: AppDb): Promise<void> {
  await seedNationalDemo(db);
}
