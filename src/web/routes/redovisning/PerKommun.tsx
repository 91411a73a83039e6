import type { RedovisningView } from '../../../contracts/redovisning.ts';
import type { RedovisningV1 } from '../../../contracts/redovisning-v1.ts';
import { ALDERSGRUPPER } from '../../../domain/codes.ts';
import { FigureTable } from '../../components/FigureTable.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';

type G = { kvinna: number; man: number; annan: number; totalt: number };
type Del = {
  kommunKod: string | null;
  stadsdelsomradeKod?: string | null;
  totalt: G;
  nya: G;
  avslutade: G;
  medBarn: G;
  alder: Record<string, G>;
};

const NOLL: G = { kvinna: 0, man: 0, annan: 0, totalt: 0 };
const summa = (rader: Del[], f: (d: Del) => number) => rader.reduce((s, d) => s + f(d), 0);

/**
 * The verksamhet's client figures per the clients' own kommun (and per stadsdelsområde in Stockholm), as
 * counted from the casework (klienter.perKommun / perStadsdelsomrade): read-only, not suppressed (the
 * verksamhet's own figures), with a sum row that equals the verksamhet's figures. Shown when the
 * verksamhet covers more than one kommun, or when the document has figures per stadsdelsområde. Covered
 * kommuner without clients show zeros; a report typed in by hand has no such figures and says so.
 */
export function PerKommun({ v, klienter }: { v: RedovisningView; klienter: RedovisningV1['klienter'] }) {
  const { t } = useI18n();
  const kommunKoder = v.dokument.verksamhet.kommunKoder;
  const perSdo = (klienter.perStadsdelsomrade ?? []) as Del[];
  if (kommunKoder.length < 2 && perSdo.length === 0) return null;
  const perKommun = klienter.perKommun as Del[] | undefined;
  if (!perKommun) {
    return kommunKoder.length > 1 ? <p className="muted">{t('red.perKommun.saknas')}</p> : null;
  }
  const kommunNamn = (kod: string | null) =>
    kod === null ? t('red.perKommun.ejAngiven') : (v.ortnamn.kommuner[kod] ?? kod);
  const sdoNamn = (d: Del) =>
    d.stadsdelsomradeKod
      ? (v.ortnamn.stadsdelsomraden[d.stadsdelsomradeKod] ?? d.stadsdelsomradeKod)
      : `${kommunNamn(d.kommunKod)}, ${t('red.perKommun.sdoEjAngivet')}`;
  const kanda = new Set(perKommun.map((d) => d.kommunKod));
  // In code order with "Kommun ej angiven" last, covered kommuner without clients among them.
  const ordning = (a: Del, b: Del) =>
    a.kommunKod === b.kommunKod
      ? 0
      : a.kommunKod === null
        ? 1
        : b.kommunKod === null
          ? -1
          : a.kommunKod < b.kommunKod
            ? -1
            : 1;
  const rader: Del[] = [
    ...perKommun,
    ...kommunKoder
      .filter((k) => !kanda.has(k))
      .map((kommunKod) => ({
        kommunKod,
        totalt: NOLL,
        nya: NOLL,
        avslutade: NOLL,
        medBarn: NOLL,
        alder: Object.fromEntries(ALDERSGRUPPER.map((a) => [a, NOLL])),
      })),
  ].sort(ordning);
  const kolumner = (forsta: string) => [
    { label: forsta },
    { label: t('red.klienter.totalt'), num: true },
    { label: t('red.kvinnor'), num: true },
    { label: t('red.man'), num: true },
    { label: t('red.annan'), num: true },
    { label: t('red.klienter.nya'), num: true },
    { label: t('red.klienter.avslutade'), num: true },
    { label: t('red.klienter.medBarn'), num: true },
    ...ALDERSGRUPPER.map((a) => ({ label: a === '65+' ? '65+' : a.replace('-', '–'), num: true })),
  ];
  const celler = (f: (fn: (d: Del) => number) => number) =>
    [
      f((d) => d.totalt.totalt),
      f((d) => d.totalt.kvinna),
      f((d) => d.totalt.man),
      f((d) => d.totalt.annan),
      f((d) => d.nya.totalt),
      f((d) => d.avslutade.totalt),
      f((d) => d.medBarn.totalt),
      ...ALDERSGRUPPER.map((a) => f((d) => d.alder[a]?.totalt ?? 0)),
    ].map(formatNumber);
  const tabell = (caption: string, forsta: string, ds: Del[], namn: (d: Del) => string) => (
    <FigureTable
      caption={caption}
      columns={kolumner(forsta)}
      rows={ds.map((d) => ({
        key: `${d.kommunKod}/${d.stadsdelsomradeKod ?? ''}`,
        head: namn(d),
        cells: celler((f) => f(d)),
      }))}
      total={{ key: 'summa', head: t('red.perKommun.summa'), cells: celler((f) => summa(ds, f)) }}
    />
  );
  return (
    <>
      {kommunKoder.length > 1 || perKommun.length > 1
        ? tabell(t('red.perKommun', { ar: v.ar }), t('red.perKommun.kommun'), rader, (d) =>
            kommunNamn(d.kommunKod),
          )
        : null}
      {perSdo.length ? tabell(t('red.perSdo', { ar: v.ar }), t('red.perSdo.sdo'), perSdo, sdoNamn) : null}
      <p className="hint">{t('red.perKommun.hint')}</p>
    </>
  );
}
