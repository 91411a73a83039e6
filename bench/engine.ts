/**
 * Benchmark of the redovisning counting engine (src/server/modules/redovisning/engine.ts) on a national-size
 * dataset: ~116 verksamheter across the 21 län, ~11 000 clients a year, synthetic casework for three years.
 */
import { type AppDb, withTx } from '../src/server/db/client.ts';
import { readReferenceCsv } from '../src/server/db/reference/load.ts';
import { seedSynthetic } from '../src/server/db/seed/synthetic.ts';
import * as orgRepo from '../src/server/modules/orgs/repo.ts';
import { raknaManga, raknaVerksamhetAr, redovisningSql } from '../src/server/modules/redovisning/engine.ts';

type KommunRow = { kommun_kod: string; kommun_namn: string; lan_kod: string; folkmangd: string };

/**
 * `antal` verksamheter spread over the län by population (at least one per län, at most one per kommun),
 * each covering a share of its län's kommuner. Returns their ids.
 */
export async function skapaVerksamheter(db: AppDb, antal = 116): Promise<string[]> {
  const kommuner = readReferenceCsv<KommunRow>('kommuner.csv');
  const perLan = new Map<string, KommunRow[]>();
  for (const k of kommuner) perLan.set(k.lan_kod, [...(perLan.get(k.lan_kod) ?? []), k]);
  const lan = [...perLan.keys()].sort();
  const folk = (l: string) => (perLan.get(l) ?? []).reduce((s, k) => s + Number(k.folkmangd), 0);
  const totalt = lan.reduce((s, l) => s + folk(l), 0);
  // Largest remainder over what is left after one each, capped by the number of kommuner.
  const andel = new Map(lan.map((l) => [l, 1 + ((antal - lan.length) * folk(l)) / totalt]));
  const n = new Map(lan.map((l) => [l, Math.min(Math.floor(andel.get(l) ?? 1), perLan.get(l)?.length ?? 1)]));
  let kvar = antal - [...n.values()].reduce((s, x) => s + x, 0);
  const ordning = [...lan].sort((a, b) => ((andel.get(b) ?? 0) % 1) - ((andel.get(a) ?? 0) % 1));
  while (kvar > 0) {
    let lagt = false;
    for (const l of ordning) {
      if (kvar > 0 && (n.get(l) ?? 0) < (perLan.get(l)?.length ?? 0)) {
        n.set(l, (n.get(l) ?? 0) + 1);
        kvar -= 1;
        lagt = true;
      }
    }
    if (!lagt) break;
  }
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const l of lan) {
      const ks = [...(perLan.get(l) ?? [])].sort((a, b) => Number(b.folkmangd) - Number(a.folkmangd));
      const antalHar = n.get(l) ?? 1;
      for (let i = 0; i < antalHar; i++) {
        const omraden = ks
          .filter((_, j) => j % antalHar === i)
          .map((k) => ({ kommunKod: k.kommun_kod, stadsdelsomradeKod: null }));
        ids.push(
          await orgRepo.insertVerksamhet(tx, {
            kod: `bench-${l}-${i + 1}`,
            namn: `Personligt ombud ${(ks[i] as KommunRow).kommun_namn}`,
            lanKod: l,
            utforare: 'kommun',
            giltigFranAr: 2015,
            omraden,
          }),
        );
      }
    }
    return ids;
  });
}

export interface Matning {
  operation: string;
  ms: number;
  mal: string;
  /** engine ÷ raw SQL for engine rows; null for the raw rows. */
  kvot: number | null;
  ok: boolean | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export async function seedNationellt(
  db: AppDb,
  ids: string[],
  o: { scale: number; seed: number; years: number[] },
) {
  const t = performance.now();
  const r = await seedSynthetic(db, { ...o, verksamhetIds: ids });
  return { ...r, ms: performance.now() - t };
}

/** Distinct clients active per year, nationally (through the engine). */
export async function klienterPerAr(db: AppDb, ids: string[], years: number[]) {
  const ut: Record<number, number> = {};
  for (const ar of years) {
    const m = await withTx(db, { verksamhetIds: ids }, (tx) => raknaManga(tx, ids, ar));
    ut[ar] = [...m.values()].reduce((s, r) => s + r.klienter.totalt.totalt, 0);
  }
  return ut;
}

/**
 * (a) one verksamhet-year through raknaVerksamhetAr, (b) all verksamheter for one year through raknaManga,
 * (c) the engine's statements alone for (a) and (b): the same transaction set-up (RLS context, role) and the
 * same four statements, without the mapping. Engine and raw runs alternate so that drift (caches, JIT,
 * other load) hits both alike. One verksamhet-year rotates over five verksamheter
 * and is sampled three times as often (it is short, so noisier).
 */
export async function matEngine(db: AppDb, ids: string[], ar: number, n = 15): Promise<Matning[]> {
  const urval = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 5)) === 0).slice(0, 5);
  const raw = (vs: string[]) =>
    withTx(db, { verksamhetIds: vs }, async (tx) => {
      const s = redovisningSql(vs, ar);
      await tx.execute(s.klienter);
      await tx.execute(s.ko);
    });
  const engineEn = (id: string) => withTx(db, { verksamhetIds: [id] }, (tx) => raknaVerksamhetAr(tx, id, ar));
  const engineAlla = () => withTx(db, { verksamhetIds: ids }, (tx) => raknaManga(tx, ids, ar));

  const tider = { enE: [] as number[], enR: [] as number[], allaE: [] as number[], allaR: [] as number[] };
  const mat = async (ut: number[] | null, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    ut?.push(performance.now() - t);
  };
  for (let i = -3; i < n; i++) {
    const id = urval[(i + 3) % urval.length] as string;
    const varm = i >= 0;
    const par: Array<() => Promise<void>> = [
      () => mat(varm ? tider.enE : null, () => engineEn(id)),
      () => mat(varm ? tider.enR : null, () => raw([id])),
      () => mat(varm ? tider.allaE : null, engineAlla),
      () => mat(varm ? tider.allaR : null, () => raw(ids)),
    ];
    // Every other round the raw statements go first; the short (a) pair runs three times a round.
    for (const j of i % 2 === 0 ? [0, 1, 0, 1, 0, 1, 2, 3] : [1, 0, 1, 0, 1, 0, 3, 2]) {
      await (par[j] as () => Promise<void>)();
    }
  }
  // Sanity: the statements see rows (a benchmark of an empty result would prove nothing).
  const m = await engineAlla();
  if ([...m.values()].every((r) => r.klienter.totalt.totalt === 0)) throw new Error('inga klienter syns');

  const [enE, enR, allaE, allaR] = [
    median(tider.enE),
    median(tider.enR),
    median(tider.allaE),
    median(tider.allaR),
  ];
  return [
    {
      operation: `(a) en verksamhet-år, raknaVerksamhetAr (${ar})`,
      ms: enE,
      mal: '< 50 ms; ≤ 1.5× rå SQL',
      kvot: enE / enR,
      ok: enE < 50 && enE / enR <= 1.5,
    },
    {
      operation: `(b) alla ${ids.length} verksamheter, raknaManga (${ar})`,
      ms: allaE,
      mal: '≤ 1.5× rå SQL',
      kvot: allaE / allaR,
      ok: allaE / allaR <= 1.5,
    },
    { operation: '(c) rå SQL för (a)', ms: enR, mal: '', kvot: null, ok: null },
    { operation: '(c) rå SQL för (b)', ms: allaR, mal: '', kvot: null, ok: null },
  ];
}
