import type { z } from 'zod';
import { labelOf } from '../../../contracts/messages/labels.ts';
import type { lanSammanstallning, Sammanstallning } from '../../../contracts/national.ts';
import {
  ALDERSGRUPP_ETIKETT,
  ALDERSGRUPPER,
  KONTAKTORSAK_ETIKETT,
  KONTAKTORSAKER,
  LEDNINGSGRUPP_ROLL_ETIKETT,
  OBLIGATORISKA_ROLLER,
  UTFORARE_ETIKETT,
} from '../../../domain/codes.ts';
import { type TABELL3_PUBLICERADE_RADER, tabell3Publicerad } from '../../../domain/nationellt/rapport.ts';
import type { Tabell3 as Tabell3Typ } from '../../../domain/nationellt/tabeller.ts';
import { ARBETSSATT_AKTIVITETER, ARBETSSATT_FRAGOR } from '../../../domain/redovisning/arbetssatt.ts';
import { andelIProcent } from '../../../domain/tal.ts';
import { FigureTable } from '../../components/FigureTable.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatNumber, formatPercent, plural } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';

export type LanSammanstallning = z.infer<typeof lanSammanstallning>;

export const pct = (p: number | null | undefined) =>
  p === null || p === undefined ? '–' : formatPercent(p, 1);
export const cell = (n: number | null) => (n === null ? '..' : formatNumber(n));

export function lagesrapportHref(base: string, format: 'xlsx' | 'pdf' | 'docx', forhandsvisning: boolean) {
  return `/api/v1${base}/export.${format}${forhandsvisning ? '?forhandsvisning=true' : ''}`;
}

/**
 * A simple horizontal bar chart in HTML: the bars are decoration (aria-hidden), every value is also
 * written as text beside its bar, and the same figures follow in a table (the chart's text alternative).
 */
export function Stapeldiagram({
  rubrik,
  beskrivning,
  serier,
  rader,
  max,
  enhet,
}: {
  rubrik: string;
  beskrivning: string;
  serier: Array<{ namn: string; farg: string; monster: string }>;
  rader: Array<{ namn: string; varden: Array<number | null> }>;
  max: number;
  enhet: (n: number) => string;
}) {
  return (
    <figure style={{ margin: '1rem 0' }}>
      <figcaption>
        <strong>{rubrik}</strong>
        <span className="sr-only"> {beskrivning}</span>
      </figcaption>
      <ul
        aria-hidden="true"
        style={{ listStyle: 'none', padding: 0, display: 'flex', gap: '1rem', fontSize: '0.9rem' }}
      >
        {serier.map((s) => (
          <li key={s.namn}>
            <span
              style={{
                display: 'inline-block',
                width: 14,
                height: 14,
                background: s.monster,
                border: `2px solid ${s.farg}`,
                marginRight: 4,
                verticalAlign: 'middle',
              }}
            />
            {s.namn}
          </li>
        ))}
      </ul>
      <div aria-hidden="true">
        {rader.map((r) => (
          <div
            key={r.namn}
            style={{
              display: 'grid',
              gridTemplateColumns: '14rem 1fr',
              gap: '0.5rem',
              marginBottom: '0.5rem',
            }}
          >
            <div style={{ fontSize: '0.9rem' }}>{r.namn}</div>
            <div>
              {r.varden.map((v, i) => {
                const s = serier[i]!;
                const bredd = max > 0 && v !== null ? Math.max(0, (v / max) * 100) : 0;
                return (
                  <div
                    key={s.namn}
                    style={{ display: 'flex', alignItems: 'center', gap: 4, height: 14, marginBottom: 2 }}
                  >
                    <div
                      style={{
                        width: `${bredd * 0.8}%`,
                        height: 12,
                        background: s.monster,
                        border: `1px solid ${s.farg}`,
                      }}
                    />
                    <span style={{ fontSize: '0.75rem' }}>
                      {s.namn}: {v === null ? '–' : enhet(v)}
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </figure>
  );
}

const SERIER = (t: (k: string) => string) => [
  { namn: t('nat.kvinnor'), farg: '#1f5fa8', monster: '#1f5fa8' },
  {
    namn: t('nat.man'),
    farg: '#a1440f',
    monster: 'repeating-linear-gradient(45deg, #a1440f 0 3px, #fff 3px 6px)',
  },
  {
    namn: t('nat.totalt'),
    farg: '#2c6a2c',
    monster: 'repeating-linear-gradient(90deg, #2c6a2c 0 2px, #fff 2px 4px)',
  },
];

export function Tabell2({ s }: { s: Sammanstallning }) {
  const { t } = useI18n();
  // null: the län has no report for last year, so last year and the change are not known ('..').
  const andring = (n: number | null) => (n === null ? '..' : n > 0 ? `+${formatNumber(n)}` : formatNumber(n));
  const celler = (r: Sammanstallning['tabell2']['totalt']) => [
    formatNumber(r.kommuner),
    cell(r.kommunerMedPoForegaendeAr),
    formatNumber(r.kommunerMedPo),
    andring(r.forandring),
    formatNumber(r.verksamheter),
  ];
  const saknas = [...s.tabell2.rader, s.tabell2.totalt].some((r) => r.forandring === null);
  return (
    <>
      <FigureTable
        caption={t('nat.tabell2')}
        columns={[
          { label: t('nat.lan') },
          { label: t('nat.kommuner'), num: true },
          { label: t('nat.kommunerForegaende', { ar: s.ar - 1 }), num: true },
          { label: t('nat.kommunerNu', { ar: s.ar }), num: true },
          { label: t('nat.forandring'), num: true },
          { label: t('nat.verksamheter'), num: true },
        ]}
        rows={s.tabell2.rader.map((r) => ({ key: r.lanKod, head: r.lanNamn, cells: celler(r) }))}
        total={
          s.tabell2.rader.length > 1
            ? { key: 'totalt', head: t('nat.totalt'), cells: celler(s.tabell2.totalt) }
            : undefined
        }
      />
      {saknas ? <p className="muted">{t('nat.tabell2.saknas', { ar: s.ar - 1 })}</p> : null}
    </>
  );
}

/** Seed 003's rows, then annan könsidentitet on its own (domain: tabell3Publicerad). */
const KON_RADER: Record<(typeof TABELL3_PUBLICERADE_RADER)[number], string> = {
  man: 'nat.man',
  kvinna: 'nat.kvinnor',
  totalt: 'nat.totalt',
  annan: 'nat.tabell3.annanRad',
};

export function Tabell3({ s }: { s: Sammanstallning }) {
  const { t, lang } = useI18n();
  const t3 = s.tabell3 as Record<string, Record<string, number>>;
  const publicerad = tabell3Publicerad(s.tabell3 as unknown as Tabell3Typ);
  const max = Math.max(1, ...ALDERSGRUPPER.flatMap((a) => [t3.kvinna![a]!, t3.man![a]!]));
  return (
    <>
      <Stapeldiagram
        rubrik={t('nat.alderDiagram')}
        beskrivning={t('nat.diagram1.alt')}
        serier={SERIER(t).slice(0, 2)}
        max={max}
        enhet={formatNumber}
        rader={ALDERSGRUPPER.map((a) => ({
          namn: ALDERSGRUPP_ETIKETT[a][lang],
          varden: [t3.kvinna![a]!, t3.man![a]!],
        }))}
      />
      <TableScroll label={t('nat.tabell3')}>
        <table>
          <caption>{t('nat.tabell3')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('nat.kon')}</th>
              {ALDERSGRUPPER.map((a) => (
                <th key={a} scope="col" className="num">
                  {ALDERSGRUPP_ETIKETT[a][lang]}
                </th>
              ))}
              <th scope="col" className="num">
                {t('nat.totalt')}
              </th>
            </tr>
          </thead>
          <tbody>
            {publicerad.map(({ rad, celler }) => (
              <tr key={rad}>
                <th scope="row">{t(KON_RADER[rad])}</th>
                {[...ALDERSGRUPPER, 'totalt' as const].map((a) => (
                  <td key={a} className="num">
                    {cell(celler[a])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted">{t('nat.tabell3.not')}</p>
    </>
  );
}

export function Tabell4({ s }: { s: Sammanstallning }) {
  const { t } = useI18n();
  return (
    <FigureTable
      caption={t('nat.tabell4')}
      columns={[
        { label: t('nat.ar') },
        { label: t('nat.man'), num: true },
        { label: t('nat.kvinnor'), num: true },
        { label: t('nat.totalt'), num: true },
        { label: t('nat.andel'), num: true },
      ]}
      rows={s.tabell4.map((r) => ({
        key: r.ar,
        head: r.ar,
        cells: [formatNumber(r.man), formatNumber(r.kvinna), formatNumber(r.totalt), pct(r.andel)],
      }))}
    />
  );
}

export function Kontaktorsaker({ s }: { s: Sammanstallning }) {
  const { t, lang } = useI18n();
  const k = s.kontaktorsaker as Record<
    string,
    { kvinna: number | null; man: number | null; totalt: number | null }
  >;
  return (
    <>
      <Stapeldiagram
        rubrik={t('nat.diagram1')}
        beskrivning={t('nat.diagram1.alt')}
        serier={SERIER(t)}
        max={100}
        enhet={(n) => formatPercent(n, 1)}
        rader={KONTAKTORSAKER.map((c) => ({
          namn: KONTAKTORSAK_ETIKETT[c][lang],
          varden: [k[c]!.kvinna, k[c]!.man, k[c]!.totalt],
        }))}
      />
      <FigureTable
        caption={t('nat.diagram1')}
        columns={[
          { label: t('nat.kontaktorsak') },
          { label: t('nat.kvinnor'), num: true },
          { label: t('nat.man'), num: true },
          { label: t('nat.totalt'), num: true },
        ]}
        rows={KONTAKTORSAKER.map((c) => ({
          key: c,
          head: KONTAKTORSAK_ETIKETT[c][lang],
          cells: [pct(k[c]!.kvinna), pct(k[c]!.man), pct(k[c]!.totalt)],
        }))}
      />
    </>
  );
}

export function KoLedningsgruppPersonal({ s }: { s: Sammanstallning }) {
  const { t, lang } = useI18n();
  const ko = s.ko;
  const lg = s.ledningsgrupp;
  return (
    <>
      <h2>{t('nat.ko')}</h2>
      <p>
        {t('nat.koText', {
          antal: formatNumber(ko.antal),
          verksamheter: plural(lang, ko.verksamheter, t('nat.verksamhet.one'), t('nat.verksamhet.other')),
          andel: pct(ko.andel),
        })}
      </p>
      <FigureTable
        caption={t('nat.ko')}
        columns={[{ label: t('nat.medianVantetid') }, { label: t('nat.verksamheter'), num: true }]}
        rows={(['0-30', '31-60', '61-90', '>90'] as const).map((i) => ({
          key: i,
          head: `${i.replace('-', '–')} d`,
          cells: [formatNumber(ko.vantetider[i])],
        }))}
      />
      <h2>{t('nat.utforare')}</h2>
      <FigureTable
        caption={t('nat.utforare')}
        captionHidden
        columns={[{ label: t('nat.namn') }, { label: t('nat.organisation') }, { label: t('nat.lan') }]}
        rows={s.utforare.map((u) => ({
          key: u.kod,
          cells: [u.namn, UTFORARE_ETIKETT[u.utforare][lang], u.lanNamn],
        }))}
      />
      <h2>{t('nat.ledningsgrupp')}</h2>
      <p>
        {t('nat.ledningsgruppText', {
          saknar: formatNumber(lg.saknarRoll),
          verksamheter: plural(lang, lg.verksamheter, t('nat.verksamhet.one'), t('nat.verksamhet.other')),
          andel: pct(lg.andel),
        })}
      </p>
      <FigureTable
        caption={t('nat.ledningsgrupp')}
        captionHidden
        columns={[{ label: t('nat.roll') }, { label: t('nat.saknar'), num: true }]}
        rows={OBLIGATORISKA_ROLLER.map((r) => ({
          key: r,
          head: LEDNINGSGRUPP_ROLL_ETIKETT[r][lang],
          cells: [formatNumber((lg.perRoll as Record<string, number>)[r] ?? 0)],
        }))}
      />
      <h2>{t('nat.personal')}</h2>
      <FigureTable
        caption={t('nat.personal')}
        captionHidden
        columns={[
          { label: t('nat.ombud'), num: true },
          { label: t('nat.arsarbetare'), num: true },
          { label: t('nat.andelKvinnor'), num: true },
        ]}
        rows={[
          {
            key: 'personal',
            cells: [
              formatNumber(s.personal.ombud),
              formatNumber(s.personal.arsarbetare),
              pct(s.personal.andelKvinnor),
            ],
          },
        ]}
      />
    </>
  );
}

/**
 * "Verksamheternas arbetssätt": per question the verksamheter answering ja / nej / nothing, and the share
 * answering ja of all verksamheter; per activity the verksamheter with an occasion and the occasions.
 * Counts of verksamheter, not people: nothing suppressed.
 */
export function Arbetssatt({ s }: { s: Sammanstallning }) {
  const { t, lang } = useI18n();
  const a = s.arbetssatt;
  return (
    <>
      <h2>{t('nat.arbetssatt')}</h2>
      <p>
        {t(a.medAvsnitt < a.verksamheter ? 'nat.arbetssattText' : 'nat.arbetssattText.alla', {
          med: formatNumber(a.medAvsnitt),
          verksamheter: plural(lang, a.verksamheter, t('nat.verksamhet.one'), t('nat.verksamhet.other')),
        })}
      </p>
      <FigureTable
        caption={t('nat.arbetssatt')}
        captionHidden
        columns={[
          { label: t('nat.arbetssatt.fraga') },
          { label: t('nat.arbetssatt.ja'), num: true },
          { label: t('nat.arbetssatt.nej'), num: true },
          { label: t('nat.arbetssatt.ejBesvarat'), num: true },
          { label: t('nat.arbetssatt.andelJa'), num: true },
        ]}
        rows={ARBETSSATT_FRAGOR.map((f) => {
          const r = a.fragor[f];
          return {
            key: f,
            head: labelOf(`arbetssatt.${f}`, lang),
            cells: [
              formatNumber(r.ja),
              formatNumber(r.nej),
              formatNumber(r.ejBesvarat),
              pct(andelIProcent(r.ja, a.verksamheter, 1)),
            ],
          };
        })}
      />
      <FigureTable
        caption={t('nat.arbetssatt.aktiviteter')}
        columns={[
          { label: t('nat.arbetssatt.aktivitet') },
          { label: t('nat.arbetssatt.medAktivitet'), num: true },
          { label: t('nat.arbetssatt.tillfallen'), num: true },
        ]}
        rows={ARBETSSATT_AKTIVITETER.map((k) => ({
          key: k,
          head: labelOf(`arbetssatt.${k}`, lang),
          cells: [formatNumber(a.aktiviteter[k].verksamheter), formatNumber(a.aktiviteter[k].tillfallen)],
        }))}
      />
    </>
  );
}

/** All tables of a compilation in the order of the lägesrapport (seed 003). */
export function Sammanstallningen({ s }: { s: Sammanstallning }) {
  const { t, lang } = useI18n();
  return (
    <>
      <p>
        {t('nat.underlag', {
          n: plural(lang, s.underlag.verksamheter, t('nat.verksamhet.one'), t('nat.verksamhet.other')),
        })}
      </p>
      <Tabell2 s={s} />
      <Tabell3 s={s} />
      <Tabell4 s={s} />
      <Kontaktorsaker s={s} />
      <KoLedningsgruppPersonal s={s} />
      <Arbetssatt s={s} />
    </>
  );
}
