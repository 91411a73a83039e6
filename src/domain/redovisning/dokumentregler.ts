/**
 * Pure rules of a whole redovisning document, shared by the server and the web form (which checks the
 * screen with the same rules as you type): deadline and lateness, the rules on top of the domain's
 * valideraRedovisning (ansökan, narrative, personal data), year-over-year rows and the version diff.
 *
 * Choices where the brief is silent:
 * - Lateness is judged on the FIRST submission (its Stockholm calendar date after 15 January of Y+1): a
 *   report sent in on time and returned for completion is not late because the resubmission is.
 * - The three narrative texts must be filled in to submit (the Länsstyrelse asks for them every year);
 *   the draft may be saved without them.
 * - The ansökan must be for year Y+1; its per-kommun rows must name kommuner the verksamhet covers and add
 *   up to the total FTE applied for.
 * - The section "Verksamhetens arbetssätt" (arbetssatt.ts) only warns (an unanswered question, a count
 *   without its text); a count that is not a whole number blocks, and its texts pass the personal-data
 *   guard like every other free text.
 */
import type { RedovisningV1 } from '../../contracts/redovisning-v1.ts';
import { idagISverige, isoDatum } from '../datum.ts';
import { assertNoPersonalData } from '../personuppgiftsskydd.ts';
import { andelIProcent, formatTal } from '../tal.ts';
import { valideraArbetssatt } from './arbetssatt.ts';
import type { RedovisningSiffror } from './typer.ts';
import { type ForraArSiffror, jamforForraAret, valideraOmraden, valideraRedovisning } from './validering.ts';

export type { ForraArSiffror } from './validering.ts';

export interface Fel {
  path: string;
  rule: string;
  message: string;
}

/** 15 January of the following year. */
export function deadline(ar: number): string {
  return isoDatum(ar + 1, 1, 15);
}

/** Sent in after the deadline, by the Stockholm calendar date of `inskickadAt`. */
export function arForsenad(inskickadAt: string | Date, ar: number): boolean {
  return idagISverige(new Date(inskickadAt)) > deadline(ar);
}

export function siffror(d: RedovisningV1): RedovisningSiffror {
  return { klienter: d.klienter, kontaktorsaker: d.kontaktorsaker, ko: d.ko, personal: d.personal };
}

const hundradelar = (n: number) => Math.round(n * 100);

/**
 * What the checks across years need of last year's report, when it was submitted or approved (a draft or
 * a returned report is no yardstick); null otherwise.
 */
export function forraArSiffror(
  d: {
    year?: number;
    klienter?: Partial<RedovisningV1['klienter']>;
    ko?: Partial<RedovisningV1['ko']>;
  } | null,
): ForraArSiffror | null {
  const k = d?.klienter;
  if (
    !d ||
    typeof d.year !== 'number' ||
    !k?.totalt ||
    !k.avslutade ||
    typeof d.ko?.antalIKo3112 !== 'number'
  )
    return null;
  return {
    ar: d.year,
    klienterTotalt: k.totalt.totalt,
    avslutade: k.avslutade.totalt,
    avslutadeKlienter: k.avslutadeKlienter?.totalt ?? null,
    antalIKo3112: d.ko.antalIKo3112,
  };
}

/** The figures per kommun and per stadsdelsområde, when the document has them, add up to its own. */
function omradeFel(d: RedovisningV1): Fel[] {
  const helhet = { klienter: d.klienter, kontaktorsaker: d.kontaktorsaker };
  return [
    ...(d.klienter.perKommun ? valideraOmraden('klienter.perKommun', d.klienter.perKommun, helhet) : []),
    ...(d.klienter.perStadsdelsomrade
      ? valideraOmraden('klienter.perStadsdelsomrade', d.klienter.perStadsdelsomrade, helhet)
      : []),
  ];
}

/**
 * Findings that do not stop a submission but are worth a look (the checks across years that can be
 * right, validering.ts jamforForraAret); none without last year's submitted report.
 */
export function varningar(d: RedovisningV1, forraAret: ForraArSiffror | null): Fel[] {
  return [
    ...(forraAret ? jamforForraAret(d, forraAret).varningar : []),
    ...valideraArbetssatt(d.arbetssatt).varningar,
  ];
}

/**
 * Every rule a document must pass to be submitted (or imported). With last year's submitted report
 * (`forraAret`), also the checks across years that cannot be right (continuing clients ≤ last year's).
 */
export function valideraDokument(
  d: RedovisningV1,
  o: { kravText: boolean; forraAret?: ForraArSiffror | null },
): Fel[] {
  const fel: Fel[] = valideraRedovisning(siffror(d)).map((f) => ({ ...f }));
  fel.push(...omradeFel(d));
  if (o.forraAret) fel.push(...jamforForraAret(d, o.forraAret).fel);
  fel.push(...valideraArbetssatt(d.arbetssatt).fel);
  const a = d.ansokan;
  if (a.ar !== d.year + 1) {
    fel.push({
      path: 'ansokan.ar',
      rule: 'ansokan_ar',
      message: `Ansökan gäller året efter redovisningsåret (${d.year + 1}), inte ${a.ar}.`,
    });
  }
  if (a.perKommun && a.perKommun.length > 0) {
    a.perKommun.forEach((k, i) => {
      if (!d.verksamhet.kommunKoder.includes(k.kommunKod)) {
        fel.push({
          path: `ansokan.perKommun.${i}.kommunKod`,
          rule: 'ansokan_kommun',
          message: `Kommunen ${k.kommunKod} hör inte till verksamhetens kommuner.`,
        });
      }
    });
    const summa = a.perKommun.reduce((s, k) => s + hundradelar(k.arsarbetare), 0);
    if (summa !== hundradelar(a.arsarbetare)) {
      fel.push({
        path: 'ansokan.arsarbetare',
        rule: 'ansokan_summa',
        message: `Årsarbetarna per kommun (${formatTal(summa / 100, 2)}) ska bli det sökta antalet (${Number.isFinite(a.arsarbetare) ? formatTal(a.arsarbetare, 2) : '–'}).`,
      });
    }
  }
  if (o.kravText) {
    const namn = {
      forandringarMalgrupp: 'Förändringar i målgruppen',
      forbattringsarbete: 'Förbättringsarbete',
      jamstalldhetsanalys: 'Jämställdhetsanalys',
    } as const;
    for (const [k, n] of Object.entries(namn)) {
      if (!d.text[k as keyof typeof namn]?.trim()) {
        fel.push({ path: `text.${k}`, rule: 'text_saknas', message: `${n} behöver fyllas i.` });
      }
    }
  }
  return [...fel, ...personuppgiftsFel(d)];
}

/** The personal-data guard over every free text of the document. */
export function personuppgiftsFel(d: Partial<Pick<RedovisningV1, 'text' | 'brister' | 'arbetssatt'>>): Fel[] {
  const falt: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(d.text ?? {})) if (typeof v === 'string') falt[`text.${k}`] = v;
  for (const [k, v] of Object.entries(d.arbetssatt ?? {})) {
    const text = v && typeof v === 'object' ? (v as { text?: unknown }).text : undefined;
    if (typeof text === 'string') falt[`arbetssatt.${k}.text`] = text;
  }
  (d.brister ?? []).forEach((b, i) => {
    falt[`brister.${i}.titel`] = b.titel;
    falt[`brister.${i}.beskrivning`] = b.beskrivning;
    b.atgarder.forEach((t, j) => {
      falt[`brister.${i}.atgarder.${j}`] = t;
    });
  });
  return assertNoPersonalData(falt).map((f) => ({
    path: f.field,
    rule: 'personuppgift',
    message: f.message,
  }));
}

/** Leaves of a JSON value as dotted paths. Arrays are indexed. */
export function lov(v: unknown, prefix = ''): Map<string, unknown> {
  const ut = new Map<string, unknown>();
  const ga = (x: unknown, p: string) => {
    if (x !== null && typeof x === 'object') {
      const entries = Array.isArray(x) ? x.map((y, i) => [String(i), y] as const) : Object.entries(x);
      if (entries.length === 0) ut.set(p, Array.isArray(x) ? [] : {});
      for (const [k, y] of entries) ga(y, p ? `${p}.${k}` : k);
    } else ut.set(p, x);
  };
  ga(v, prefix);
  return ut;
}

/** The numeric figures compared year over year (not the year, nor the ansökan). */
const JAMFORS = ['klienter', 'kontaktorsaker', 'ko', 'personal', 'ledningsgrupp'] as const;

export function jamforelse(nu: RedovisningV1, fore: Partial<RedovisningV1> | null) {
  const iAr = lov(Object.fromEntries(JAMFORS.map((k) => [k, nu[k]])));
  const forra = fore ? lov(Object.fromEntries(JAMFORS.map((k) => [k, fore[k]]))) : new Map<string, unknown>();
  const rader: Array<{ path: string; iAr: number; forraAret: number | null }> = [];
  for (const [path, v] of iAr) {
    // The figures per kommun are a list whose rows differ from year to year: not compared by position.
    if (typeof v !== 'number' || /\.per(Kommun|Stadsdelsomrade)\./.test(path)) continue;
    const f = forra.get(path);
    rader.push({ path, iAr: v, forraAret: typeof f === 'number' ? f : null });
  }
  return rader;
}

/** Every leaf that differs between two versions (figures, texts, flags), in document order. */
export function diff(fore: RedovisningV1, efter: RedovisningV1) {
  const a = lov(fore);
  const b = lov(efter);
  const rader: Array<{ path: string; fore: unknown; efter: unknown }> = [];
  for (const [path, v] of b) {
    const f = a.has(path) ? a.get(path) : null;
    if (JSON.stringify(f) !== JSON.stringify(v)) rader.push({ path, fore: f ?? null, efter: v });
  }
  for (const [path, f] of a) if (!b.has(path)) rader.push({ path, fore: f, efter: null });
  return rader;
}

export function andelar(d: RedovisningV1) {
  const t = d.klienter.totalt;
  const p = d.personal;
  return {
    klienterKvinnor: andelIProcent(t.kvinna, t.totalt),
    klienterMan: andelIProcent(t.man, t.totalt),
    personalKvinnor: andelIProcent(p.kvinnor, p.ombud),
    personalMan: andelIProcent(p.man, p.ombud),
  };
}

/** A comment may point at a leaf of the submitted document (a figure or a text), or at a whole block. */
export function finnsSokvag(d: RedovisningV1, path: string): boolean {
  let x: unknown = d;
  for (const del of path.split('.')) {
    if (x === null || typeof x !== 'object' || !Object.hasOwn(x, del)) return false;
    x = (x as Record<string, unknown>)[del];
  }
  return true;
}
