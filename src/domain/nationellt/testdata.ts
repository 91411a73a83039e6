/**
 * Builders of ombud.redovisning/v1-shaped documents for tests of the national tables (used by the unit
 * tests here and by the server's integration tests). Figures default to zero; pass only what a test needs.
 */
import { ALDERSGRUPPER, type Aldersgrupp, KONTAKTORSAKER, type Kontaktorsak } from '../codes.ts';
import type { G } from '../redovisning/typer.ts';
import type { NationellRedovisning } from './tabeller.ts';

export const gv = (kvinna: number, man: number, annan = 0): G => ({
  kvinna,
  man,
  annan,
  totalt: kvinna + man + annan,
});

export interface DokumentIn {
  ar: number;
  kod: string;
  namn?: string;
  lanKod: string;
  kommuner: string[];
  utforare?: NationellRedovisning['verksamhet']['utforare'];
  totalt?: G;
  medBarn?: G;
  alder?: Partial<Record<Aldersgrupp, G>>;
  kontaktorsaker?: Partial<Record<Kontaktorsak, G>>;
  harKo?: boolean;
  median?: number | null;
  personal?: NationellRedovisning['personal'];
  saknar?: Array<'kommun' | 'primarvard' | 'psykiatri' | 'arbetsformedlingen' | 'forsakringskassan'>;
  brister?: Array<{
    niva: 'handlaggare' | 'lokal' | 'central';
    aktorer: string[];
    amne: string;
    titel?: string;
  }>;
  ansokanFte?: number;
}

/** A complete ombud.redovisning/v1 document (it also passes the zod contract). */
export function dokument(o: DokumentIn) {
  const alder = Object.fromEntries(ALDERSGRUPPER.map((a) => [a, o.alder?.[a] ?? gv(0, 0)])) as Record<
    Aldersgrupp,
    G
  >;
  const summa = ALDERSGRUPPER.reduce(
    (s, a) => gv(s.kvinna + alder[a].kvinna, s.man + alder[a].man, s.annan + alder[a].annan),
    gv(0, 0),
  );
  const roller = {
    kommun: true,
    primarvard: true,
    psykiatri: true,
    arbetsformedlingen: true,
    forsakringskassan: true,
    brukarorganisation: false,
  };
  for (const r of o.saknar ?? []) roller[r] = false;
  return {
    format: 'ombud.redovisning/v1' as const,
    year: o.ar,
    verksamhet: {
      kod: o.kod,
      namn: o.namn ?? `PO ${o.kod}`,
      lanKod: o.lanKod,
      kommunKoder: o.kommuner,
      utforare: o.utforare ?? ('kommun' as const),
    },
    klienter: {
      totalt: o.totalt ?? summa,
      nya: gv(0, 0),
      avslutade: gv(0, 0),
      medBarn: o.medBarn ?? gv(0, 0),
      alder,
    },
    kontaktorsaker: Object.fromEntries(
      KONTAKTORSAKER.map((k) => [k, o.kontaktorsaker?.[k] ?? gv(0, 0)]),
    ) as Record<Kontaktorsak, G>,
    ko: {
      harKo: o.harKo ?? false,
      vantetidMedianDagar: o.median ?? null,
      vantetidMaxDagar: o.median ?? null,
      antalIKo3112: 0,
    },
    personal: o.personal ?? { ombud: 1, arsarbetare: 1, kvinnor: 1, man: 0 },
    ledningsgrupp: { roller, moten: 2 },
    brister: (o.brister ?? []).map((b) => ({
      niva: b.niva,
      aktorer: b.aktorer,
      amne: b.amne,
      titel: b.titel ?? `${b.amne} (${o.kod})`,
      beskrivning: `Beskrivning av ${b.amne}.`,
      atgarder: ['Lyft i ledningsgruppen.'],
    })),
    ansokan: { ar: o.ar + 1, arsarbetare: o.ansokanFte ?? 1 },
    text: { forandringarMalgrupp: '', forbattringsarbete: '', jamstalldhetsanalys: '' },
  };
}
