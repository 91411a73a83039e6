import type { RedovisningView } from '../../../contracts/redovisning.ts';
import type { RedovisningV1 } from '../../../contracts/redovisning-v1.ts';
import { ALDERSGRUPPER, KONTAKTORSAK_ETIKETT, KONTAKTORSAKER } from '../../../domain/codes.ts';
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
export const KLIENT_RADER = ['totalt', 'nya', 'avslutade', 'medBarn'] as const;

/** The default year: the one most recently ended. */
export const forraAretNu = () => new Date().getFullYear() - 1;

export const visa = (n: number | null | undefined) => (n === null || n === undefined ? '–' : formatNumber(n));

type G = { kvinna: number; man: number; annan: number; totalt: number };

/**
 * A by-gender table with last year's total beside this year's: read-only, or with number inputs when
 * `onChange` is given (each input labelled with its row and column).
 */
export function GTabell({
  caption,
  rader,
  ar,
  onChange,
}: {
  caption: string;
  rader: Array<{ key: string; label: string; g: G; fore: number | null }>;
  ar: number;
  onChange?: ((key: string, kon: Kon, v: number) => void) | undefined;
}) {
  const { t } = useI18n();
  return (
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
            {KON.map((k) => (
              <td className="num" key={k}>
                {onChange ? (
                  <input
                    type="number"
                    min={0}
                    step={1}
                    inputMode="numeric"
                    style={{ width: '5.5rem', textAlign: 'right' }}
                    aria-label={`${r.label}, ${t(KON_LABEL[k]).toLowerCase()} ${ar}`}
                    value={r.g[k]}
                    onChange={(e) => onChange(r.key, k, Number(e.target.value))}
                  />
                ) : (
                  visa(r.g[k])
                )}
              </td>
            ))}
            <td className="num">{visa(r.fore)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function klientRader(
  d: Pick<RedovisningV1, 'klienter'>,
  fore: Partial<RedovisningV1> | undefined,
  t: (k: string) => string,
) {
  return KLIENT_RADER.map((k) => ({
    key: k,
    label: t(`red.klienter.${k}`),
    g: d.klienter[k],
    fore: fore?.klienter?.[k]?.totalt ?? null,
  }));
}

/** Clients per age group (age = year − birth year), by gender, with last year's total beside. */
export function alderRader(d: Pick<RedovisningV1, 'klienter'>, fore: Partial<RedovisningV1> | undefined) {
  return ALDERSGRUPPER.map((a) => ({
    key: a,
    label: a === '65+' ? '65 år och äldre' : `${a} år`,
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
