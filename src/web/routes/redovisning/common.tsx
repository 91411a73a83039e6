import type { ReactNode } from 'react';
import { labelOf } from '../../../contracts/messages/labels.ts';
import type { RedovisningView } from '../../../contracts/redovisning.ts';
import type { RedovisningV1 } from '../../../contracts/redovisning-v1.ts';
import { ALDERSGRUPPER, arKod, KONTAKTORSAK_ETIKETT, KONTAKTORSAKER } from '../../../domain/codes.ts';
import { fieldId } from '../../components/Field.tsx';
import { type NumberChange, NumberInput } from '../../components/NumberInput.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';

export const KON = ['kvinna', 'man', 'annan', 'totalt'] as const;
export type Kon = (typeof KON)[number];
export const KON_LABEL: Record<Kon, string> = {
  kvinna: 'red.kvinnor',
  man: 'red.man',
  annan: 'red.annan',
  totalt: 'red.totalt',
};
/**
 * The client rows of the form. avslutade counts ärenden; avslutadeKlienter (the clients behind them) came
 * later to ombud.redovisning/v1 and shows only when the document has it.
 */
export const KLIENT_RADER = ['totalt', 'nya', 'avslutade', 'avslutadeKlienter', 'medBarn'] as const;

/** The default year: the one most recently ended. */
export const forraAretNu = () => new Date().getFullYear() - 1;

export const visa = (n: number | null | undefined) => (n === null || n === undefined ? '–' : formatNumber(n));

type G = { kvinna: number; man: number; annan: number; totalt: number };
export type Rad = { key: string; path: string; label: string; g: G; fore: number | null };

/** The element id of a cell or field at a document path: the target of the "Att rätta" links. */
export const cellId = (path: string) => fieldId(path);

/**
 * A by-gender table with last year's total beside this year's: read-only text, or with a number input per
 * gender when `onChange` is given (each labelled with its row and column). Totalt is always the sum of
 * the genders (the domain's summa_kon rule), so it is computed, never typed. `fel` holds the message of a
 * cell by its document path; the cell is marked invalid and the message is tied to it.
 */
export function GTabell({
  caption,
  rader,
  ar,
  onChange,
  fel = {},
  fot,
  granskning,
}: {
  caption: string;
  rader: Rad[];
  ar: number;
  onChange?: ((key: string, kon: Kon, v: NumberChange) => void) | undefined;
  fel?: Record<string, string>;
  /** An extra last row, e.g. the sum of the age groups checked against the total. */
  fot?: ReactNode;
  /** In the review: each figure is a button that picks it for a comment, marked when commented or changed. */
  granskning?: Granskningsmarkering | undefined;
}) {
  const { t } = useI18n();
  const notANumber = t('red.cell.notANumber');
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('red.row')}</th>
            {KON.map((k) => (
              <th scope="col" className="num" key={k}>
                {t(KON_LABEL[k])} {ar}
              </th>
            ))}
            <th scope="col" className="num">
              {t('red.totalt')} {ar - 1}
            </th>
          </tr>
        </thead>
        <tbody>
          {rader.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {KON.map((k) => {
                const path = `${r.path}.${k}`;
                const msg = fel[path];
                return (
                  <td className={msg ? 'num cell-invalid' : 'num'} key={k}>
                    {onChange && k !== 'totalt' ? (
                      <NumberInput
                        id={cellId(path)}
                        hiddenLabel
                        className="cell-input"
                        label={`${r.label}, ${t(KON_LABEL[k]).toLowerCase()} ${ar}`}
                        value={r.g[k]}
                        decimals={2}
                        notANumber={notANumber}
                        error={msg}
                        onChange={(c) => onChange(r.key, k, c)}
                      />
                    ) : granskning ? (
                      <Figur
                        path={path}
                        label={`${r.label}, ${t(KON_LABEL[k]).toLowerCase()}`}
                        varde={r.g[k]}
                        m={granskning}
                      />
                    ) : (
                      <>
                        <span id={cellId(path)} tabIndex={msg ? -1 : undefined}>
                          {visa(r.g[k])}
                        </span>
                        {msg ? <p className="field-error">{msg}</p> : null}
                      </>
                    )}
                  </td>
                );
              })}
              <td className="num">{visa(r.fore)}</td>
            </tr>
          ))}
          {fot}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** What the review marks on the report: commented paths, changed values, and picking a figure to comment. */
export interface Granskningsmarkering {
  /** How many comments each document path has. */
  kommentarer: ReadonlyMap<string, number>;
  /** Values changed since the returned version, by path. */
  andrat: ReadonlyMap<string, { fore: unknown }>;
  /** Picks a path for a comment (the form below then names it and takes focus). */
  valj: (path: string) => void;
}

/**
 * One figure in the review: a button that picks it for a comment ("Kommentera 18–29 år, kvinnor: 12"),
 * with a marker when it has comments and the old value when it changed since the returned version.
 */
export function Figur({
  path,
  label,
  varde,
  m,
}: {
  path: string;
  label: string;
  varde: number | null | undefined | string;
  m: Granskningsmarkering;
}) {
  const { t } = useI18n();
  const text = typeof varde === 'string' ? varde : visa(varde);
  const antal = m.kommentarer.get(path) ?? 0;
  const andring = m.andrat.get(path);
  const fore =
    andring === undefined
      ? null
      : typeof andring.fore === 'number'
        ? formatNumber(andring.fore)
        : andring.fore === null || andring.fore === undefined
          ? '–'
          : String(andring.fore);
  return (
    <span className="figur">
      {fore !== null ? (
        <span className="figur-fore">
          <del>{fore}</del>
          <span className="sr-only">{t('gr.figur.andrad')}</span> →{' '}
        </span>
      ) : null}
      <button
        type="button"
        className={antal ? 'figur-knapp kommenterad' : 'figur-knapp'}
        id={cellId(path)}
        aria-label={t('gr.figur.kommentera', { namn: label, varde: text })}
        title={t('gr.figur.kommentera', { namn: label, varde: text })}
        onClick={() => m.valj(path)}
      >
        {text}
        {antal ? (
          <span className="figur-antal" aria-hidden="true">
            {antal}
          </span>
        ) : null}
      </button>
      {antal ? <span className="sr-only">{t('gr.figur.antal', { n: antal })}</span> : null}
    </span>
  );
}

/** The sum of the age groups per gender, checked against the clients of the year (rule alder_summa). */
export function AlderSumma({ d, fel }: { d: Pick<RedovisningV1, 'klienter'>; fel: Record<string, string> }) {
  const { t } = useI18n();
  return (
    <tr className="sum-row">
      <th scope="row">{t('red.alder.summa')}</th>
      {KON.map((k) => {
        const summa = ALDERSGRUPPER.reduce((s, a) => s + d.klienter.alder[a][k], 0);
        const msg = fel[`klienter.alder.${k}`];
        return (
          <td key={k} className={msg ? 'num cell-invalid' : 'num'}>
            <span id={cellId(`klienter.alder.${k}`)} tabIndex={msg ? -1 : undefined}>
              {visa(summa)}
            </span>
            {msg ? <p className="field-error">{msg}</p> : null}
          </td>
        );
      })}
      <td className="num">–</td>
    </tr>
  );
}

export function klientRader(
  d: Pick<RedovisningV1, 'klienter'>,
  fore: Partial<RedovisningV1> | undefined,
  t: (k: string) => string,
) {
  return KLIENT_RADER.flatMap((k) => {
    const g = d.klienter[k];
    if (g === undefined) return [];
    return [
      {
        key: k,
        path: `klienter.${k}`,
        label: t(`red.klienter.${k}`),
        g,
        fore: fore?.klienter?.[k]?.totalt ?? null,
      },
    ];
  });
}

/** Clients per age group (age = year − birth year), by gender, with last year's total beside. */
export function alderRader(
  d: Pick<RedovisningV1, 'klienter'>,
  fore: Partial<RedovisningV1> | undefined,
  lang: 'sv' | 'en',
) {
  return ALDERSGRUPPER.map((a) => ({
    key: a,
    path: `klienter.alder.${a}`,
    label: alderEtikett(a, lang),
    g: d.klienter.alder[a],
    fore: fore?.klienter?.alder?.[a]?.totalt ?? null,
  }));
}

export function orsakRader(
  d: Pick<RedovisningV1, 'kontaktorsaker'>,
  fore: Partial<RedovisningV1> | undefined,
  sprak: 'sv' | 'en',
) {
  return KONTAKTORSAKER.map((o) => ({
    key: o,
    path: `kontaktorsaker.${o}`,
    label: KONTAKTORSAK_ETIKETT[o][sprak],
    g: d.kontaktorsaker[o],
    fore: fore?.kontaktorsaker?.[o]?.totalt ?? null,
  }));
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className="badge">{t(`status.${status}`)}</span>;
}

export type View = RedovisningView;

const KON_NYCKEL = new Set<string>(KON);

/**
 * The words for a document path in the "Att rätta" list, as the form labels it: "Klienter under året,
 * kvinnor", "18–29 år, män", "Åldersgrupperna tillsammans, totalt". Paths the form does not show get the
 * shared label table's words.
 */
export function etikett(path: string, t: (k: string) => string, lang: 'sv' | 'en'): string {
  const delar = path.split('.');
  const sista = delar.at(-1)!;
  const kon = KON_NYCKEL.has(sista) ? t(KON_LABEL[sista as Kon]).toLowerCase() : null;
  const rad = kon ? delar.slice(0, -1) : delar;
  let namn: string | null = null;
  if (rad[0] === 'klienter' && rad[1] === 'alder')
    namn = rad[2] ? alderEtikett(rad[2], lang) : t('red.alder.summa');
  else if (rad[0] === 'klienter' && rad[1]) namn = t(`red.klienter.${rad[1]}`);
  else if (rad[0] === 'kontaktorsaker' && rad[1] && arKod(KONTAKTORSAKER, rad[1]))
    namn = KONTAKTORSAK_ETIKETT[rad[1]][lang];
  else if (rad[0] === 'ansokan' && rad[1] === 'perKommun') namn = t('red.ansokan.perKommun');
  else if (['personal', 'ansokan', 'text'].includes(rad[0]!) && rad[1]) namn = t(`red.${rad[0]}.${rad[1]}`);
  else if (rad[0] === 'personal') namn = t('red.personal');
  else if (rad[0] === 'ko' && rad[1]) namn = t(KO_ETIKETT[rad[1]] ?? 'red.ko');
  if (namn === null) return labelOf(path, lang);
  return kon ? `${namn}, ${kon}` : namn;
}

/** The report's sections: a comment may concern a whole section (its document path). */
export const AVSNITT: Array<[string, string]> = [
  ['klienter', 'red.figures'],
  ['kontaktorsaker', 'red.orsaker'],
  ['ko', 'red.ko'],
  ['personal', 'red.personal'],
  ['arbetssatt', 'red.arbetssatt'],
  ['text', 'red.text'],
  ['ansokan', 'gr.avsnitt.ansokan'],
];

/** What a comment concerns, in words: a section by its heading, a figure as the form labels it. */
export function kommentarEtikett(path: string, t: (k: string) => string, lang: 'sv' | 'en'): string {
  const avsnitt = AVSNITT.find(([p]) => p === path);
  return avsnitt ? t(avsnitt[1]) : etikett(path, t, lang);
}

/** Where a comment's figure or section is on the verksamhet's form: the cell, or the section's heading. */
export function kommentarAnkare(path: string): string {
  const rot = path.split('.')[0]!;
  const rubrik: Record<string, string> = {
    klienter: 'siffror',
    kontaktorsaker: 'siffror',
    ko: 'siffror',
    personal: 'personal',
    arbetssatt: 'arbetssatt',
    text: 'texter',
    ansokan: 'ansokan',
  };
  return path === rot ? (rubrik[rot] ?? 'siffror') : cellId(path);
}

const KO_ETIKETT: Record<string, string> = {
  harKo: 'red.ko.harKo',
  vantetidMedianDagar: 'red.ko.median',
  vantetidMaxDagar: 'red.ko.max',
  antalIKo3112: 'red.ko.3112',
};

/** "18–29 år", "65 år och äldre" (English: "18–29 years", "65 and older"). */
const alderEtikett = (a: string, lang: 'sv' | 'en') => {
  const [fran, till] = a.split('-');
  if (lang === 'en') return a === '65+' ? '65 and older' : `${fran}–${till} years`;
  return a === '65+' ? '65 år och äldre' : `${fran}–${till} år`;
};
