/**
 * Open statistics (issue 12, item 3): the national tables and per-län figures of a year for anyone,
 * without login. Only approved reports count (national's underlag with forhandsvisning false), and every
 * count about people is small-number suppressed (src/domain/oppna-data/roja.ts) before it leaves.
 */

import type { z } from 'zod';
import type { jsonStatDataset, OppnaDataSvar, OppnaTidsserie } from '../../../contracts/oppna-data.ts';
import { sammanstall } from '../../../domain/nationellt/rapport.ts';
import { type CsvVariant, somCsv, somJsonStat } from '../../../domain/oppna-data/format.ts';
import { oppnaData } from '../../../domain/oppna-data/svar.ts';
import { ANMARKNING, lanUnderlag, oppnaTabeller } from '../../../domain/oppna-data/tabeller.ts';
import { tackning } from '../../../domain/oppna-data/tackning.ts';
import {
  ANMARKNING_TACKNING,
  publiceraTackning,
  tidsserie,
} from '../../../domain/oppna-data/tackning-svar.ts';
import { tabellPunkter } from '../../../domain/oppna-data/tidsserie-tabeller.ts';
import type { AppConfig } from '../../config.ts';
import { type AppDb, mapInOrder, type Tx, withTx } from '../../db/client.ts';
import { NotFound } from '../../platform/errors.ts';
import { laddaUnderlag } from '../national/service.ts';
import { listSnapshotsForSystem } from '../redovisning/service.ts';
import * as repo from './repo.ts';

type JsonStat = z.infer<typeof jsonStatDataset>;

export interface OppnaCtx {
  db: AppDb;
  config: AppConfig;
}

/** Nobody in particular reads these: the transaction has no user and may touch no client row (RLS). */
const lasning = <T>(ctx: OppnaCtx, fn: (tx: Tx) => Promise<T>) => withTx(ctx.db, { verksamhetIds: [] }, fn);

export async function listAr(ctx: OppnaCtx): Promise<{ ar: number[] }> {
  return { ar: await lasning(ctx, (tx) => repo.arMedGodkandaRedovisningar(tx)) };
}

async function underlag(ctx: OppnaCtx, ar: number) {
  return lasning(ctx, async (tx) => {
    const aren = await repo.arMedGodkandaRedovisningar(tx);
    if (!aren.includes(ar)) {
      const finns = aren.length
        ? `Det finns statistik för ${aren.join(', ')}.`
        : 'Det finns ingen statistik än.';
      throw new NotFound(`Ingen öppen statistik för ${ar}: inga godkända redovisningar. ${finns}`);
    }
    const u = await laddaUnderlag(tx, { ar, forhandsvisning: false });
    const s = sammanstall({ ar, lanKod: null, ...u });
    const docs = u.docs.filter((d) => d.year === ar);
    const ref = await repo.referensMedFolkmangd(tx);
    return { s, docs, ref, lan: lanUnderlag(docs, u.referens) };
  });
}

// The domain builds the answer with plain strings for codes; the contract names them (and the response
// serializer checks every answer against it).
export async function getAr(ctx: OppnaCtx, ar: number): Promise<OppnaDataSvar> {
  const { s, docs, ref, lan } = await underlag(ctx, ar);
  return {
    ...oppnaData(s, lan),
    tackning: publiceraTackning(tackning(ar, docs, ref), repo.FOLKMANGD_AR),
  } as OppnaDataSvar;
}

/**
 * Coverage and key figures of every year with approved reports, nation and län (issue 12, item 4), with
 * Tabell 3, Tabell 4 and the contact reasons (issue 10, item 2). Each year is that year's own publication,
 * so a point equals `tackning`, `tabell3` and `tabell4` of GET /oppna-data/{ar}.
 */
export async function getTidsserie(ctx: OppnaCtx): Promise<OppnaTidsserie> {
  return lasning(ctx, async (tx) => {
    const aren = await repo.arMedGodkandaRedovisningar(tx);
    const ref = await repo.referensMedFolkmangd(tx);
    const perAr = await mapInOrder(aren, async (ar) => {
      const godkanda = (await listSnapshotsForSystem(tx, { ar })).filter((x) => x.status === 'godkand');
      const docs = godkanda.map((x) => x.dokument);
      const t = tackning(ar, docs, ref);
      return {
        ar,
        tackning: publiceraTackning(t, repo.FOLKMANGD_AR),
        tabeller: tabellPunkter(ar, docs, ref),
      };
    });
    return {
      anmarkning: `${ANMARKNING} ${ANMARKNING_TACKNING(repo.FOLKMANGD_AR)}`,
      ...tidsserie(perAr, repo.FOLKMANGD_AR),
    } as OppnaTidsserie;
  });
}

async function tabell(ctx: OppnaCtx, ar: number, id: string) {
  const { s, lan } = await underlag(ctx, ar);
  const tabeller = oppnaTabeller(s, lan);
  const t = tabeller.find((x) => x.id === id);
  if (!t) {
    throw new NotFound(
      `Det finns ingen tabell som heter ${id}. Tabellerna är: ${tabeller.map((x) => x.id).join(', ')}.`,
    );
  }
  return t;
}

export async function getCsv(ctx: OppnaCtx, ar: number, id: string, variant: CsvVariant) {
  return somCsv(await tabell(ctx, ar, id), variant);
}

export async function getJsonStat(ctx: OppnaCtx, ar: number, id: string): Promise<JsonStat> {
  return somJsonStat(await tabell(ctx, ar, id), ar, ANMARKNING) as JsonStat;
}
