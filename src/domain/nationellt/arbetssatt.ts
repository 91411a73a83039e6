/**
 * The table "Verksamheternas arbetssätt" of the national and län compilations: how many verksamheter
 * answer yes (and no) to each question of the redovisning's section arbetssatt, and the activities
 * summed — the figures seed 003 reports in words ("Av landets 116 verksamheter har 113 någon form av
 * systematiserade rutiner för att rapportera till sin ledningsgrupp …", "endast tolv kommuner som inte har
 * en sådan prioriteringsordning").
 *
 * Choices (docs/national-report.md):
 * - One answer per verksamhet (enPerVerksamhet, as the other tables). A verksamhet whose report has no
 *   section arbetssatt (typed before it existed, imported from an older system), or left a question
 *   unanswered, counts under "ejBesvarat" — so ja + nej + ejBesvarat = verksamheter, and a low "ja" is not
 *   mistaken for many "nej".
 * - Activities: "verksamheter" are those with at least one occasion, "tillfallen" the sum of the counts;
 *   verksamheter without the section add nothing.
 * - Counts of verksamheter, not of people: nothing is suppressed.
 */
import {
  ARBETSSATT_AKTIVITETER,
  ARBETSSATT_FRAGOR,
  type ArbetssattAktivitet,
  type ArbetssattFraga,
} from '../redovisning/arbetssatt.ts';
import { enPerVerksamhet } from './tabeller.ts';

/** The part of an ombud.redovisning/v1 document this table reads (the section is optional). */
export interface ArbetssattDokument {
  verksamhet: { kod: string };
  arbetssatt?:
    | (Partial<Record<ArbetssattFraga, boolean | null>> &
        Partial<Record<ArbetssattAktivitet, { antal: number; text?: string } | undefined>>)
    | undefined;
}

export interface FragaRad {
  ja: number;
  nej: number;
  ejBesvarat: number;
}
export interface AktivitetRad {
  /** Verksamheter with at least one occasion. */
  verksamheter: number;
  /** Occasions summed over the verksamheter. */
  tillfallen: number;
}
export interface ArbetssattTabell {
  /** All verksamheter with a report (the denominator of every row). */
  verksamheter: number;
  /** Verksamheter whose report has the section at all. */
  medAvsnitt: number;
  fragor: Record<ArbetssattFraga, FragaRad>;
  aktiviteter: Record<ArbetssattAktivitet, AktivitetRad>;
}

export function arbetssattTabell(docs: readonly ArbetssattDokument[]): ArbetssattTabell {
  const en = enPerVerksamhet(docs);
  const fragor = Object.fromEntries(
    ARBETSSATT_FRAGOR.map((f) => [f, { ja: 0, nej: 0, ejBesvarat: 0 }]),
  ) as Record<ArbetssattFraga, FragaRad>;
  const aktiviteter = Object.fromEntries(
    ARBETSSATT_AKTIVITETER.map((k) => [k, { verksamheter: 0, tillfallen: 0 }]),
  ) as Record<ArbetssattAktivitet, AktivitetRad>;
  let medAvsnitt = 0;
  for (const d of en) {
    const a = d.arbetssatt;
    if (a) medAvsnitt += 1;
    for (const f of ARBETSSATT_FRAGOR) {
      const svar = a?.[f];
      if (svar === true) fragor[f].ja += 1;
      else if (svar === false) fragor[f].nej += 1;
      else fragor[f].ejBesvarat += 1;
    }
    for (const k of ARBETSSATT_AKTIVITETER) {
      const antal = a?.[k]?.antal;
      if (typeof antal === 'number' && Number.isInteger(antal) && antal > 0) {
        aktiviteter[k].verksamheter += 1;
        aktiviteter[k].tillfallen += antal;
      }
    }
  }
  return { verksamheter: en.length, medAvsnitt, fragor, aktiviteter };
}
