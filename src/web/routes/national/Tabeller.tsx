import type { z } from 'zod';
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
import { formatNumber, formatPercent } from '../../format.ts';
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
  return (
    <table>
      <caption>{t('nat.tabell2')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('nat.lan')}</th>
          <th scope="col" className="num">
            {t('nat.kommuner')}
          </th>
          <th scope="col" className="num">
            {t('nat.kommunerForegaende', { ar: s.ar - 1 })}
          </th>
          <th scope="col" className="num">
            {t('nat.kommunerNu', { ar: s.ar })}
          </th>
          <th scope="col" className="num">
            {t('nat.forandring')}
          </th>
          <th scope="col" className="num">
            {t('nat.verksamheter')}
          </th>
        </tr>
      </thead>
      <tbody>
        {s.tabell2.rader.map((r) => (
          <tr key={r.lanKod}>
            <th scope="row">{r.lanNamn}</th>
            <td className="num">{formatNumber(r.kommuner)}</td>
            <td className="num">{formatNumber(r.kommunerMedPoForegaendeAr)}</td>
            <td className="num">{formatNumber(r.kommunerMedPo)}</td>
            <td className="num">{r.forandring > 0 ? `+${r.forandring}` : formatNumber(r.forandring)}</td>
            <td className="num">{formatNumber(r.verksamheter)}</td>
          </tr>
        ))}
      </tbody>
      {s.tabell2.rader.length > 1 ? (
        <tfoot>
          <tr>
            <th scope="row">{t('nat.totalt')}</th>
            <td className="num">{formatNumber(s.tabell2.totalt.kommuner)}</td>
            <td className="num">{formatNumber(s.tabell2.totalt.kommunerMedPoForegaendeAr)}</td>
            <td className="num">{formatNumber(s.tabell2.totalt.kommunerMedPo)}</td>
            <td className="num">{formatNumber(s.tabell2.totalt.forandring)}</td>
            <td className="num">{formatNumber(s.tabell2.totalt.verksamheter)}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

const KON_RADER = [
  ['kvinna', 'nat.kvinnor'],
  ['man', 'nat.man'],
  ['annan', 'nat.annan'],
  ['totalt', 'nat.totalt'],
] as const;

export function Tabell3({ s }: { s: Sammanstallning }) {
  const { t, lang } = useI18n();
  const t3 = s.tabell3 as Record<string, Record<string, number>>;
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
          {KON_RADER.map(([k, namn]) => (
            <tr key={k}>
              <th scope="row">{t(namn)}</th>
              {[...ALDERSGRUPPER, 'totalt' as const].map((a) => (
                <td key={a} className="num">
                  {formatNumber(t3[k]![a]!)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function Tabell4({ s }: { s: Sammanstallning }) {
  const { t } = useI18n();
  return (
    <table>
      <caption>{t('nat.tabell4')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('nat.ar')}</th>
          <th scope="col" className="num">
            {t('nat.man')}
          </th>
          <th scope="col" className="num">
            {t('nat.kvinnor')}
          </th>
          <th scope="col" className="num">
            {t('nat.totalt')}
          </th>
          <th scope="col" className="num">
            {t('nat.andel')}
          </th>
        </tr>
      </thead>
      <tbody>
        {s.tabell4.map((r) => (
          <tr key={r.ar}>
            <th scope="row">{r.ar}</th>
            <td className="num">{formatNumber(r.man)}</td>
            <td className="num">{formatNumber(r.kvinna)}</td>
            <td className="num">{formatNumber(r.totalt)}</td>
            <td className="num">{pct(r.andel)}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
      <table>
        <caption>{t('nat.diagram1')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('nat.kontaktorsak')}</th>
            <th scope="col" className="num">
              {t('nat.kvinnor')}
            </th>
            <th scope="col" className="num">
              {t('nat.man')}
            </th>
            <th scope="col" className="num">
              {t('nat.totalt')}
            </th>
          </tr>
        </thead>
        <tbody>
          {KONTAKTORSAKER.map((c) => (
            <tr key={c}>
              <th scope="row">{KONTAKTORSAK_ETIKETT[c][lang]}</th>
              <td className="num">{pct(k[c]!.kvinna)}</td>
              <td className="num">{pct(k[c]!.man)}</td>
              <td className="num">{pct(k[c]!.totalt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
      <p>{t('nat.koText', { antal: ko.antal, verksamheter: ko.verksamheter, andel: pct(ko.andel) })}</p>
      <table>
        <caption>{t('nat.ko')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('nat.medianVantetid')}</th>
            <th scope="col" className="num">
              {t('nat.verksamheter')}
            </th>
          </tr>
        </thead>
        <tbody>
          {(['0-30', '31-60', '61-90', '>90'] as const).map((i) => (
            <tr key={i}>
              <th scope="row">{i.replace('-', '–')} d</th>
              <td className="num">{formatNumber(ko.vantetider[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('nat.utforare')}</h2>
      <table>
        <caption className="sr-only">{t('nat.utforare')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('nat.namn')}</th>
            <th scope="col">{t('nat.organisation')}</th>
            <th scope="col">{t('nat.lan')}</th>
          </tr>
        </thead>
        <tbody>
          {s.utforare.map((u) => (
            <tr key={u.kod}>
              <td>{u.namn}</td>
              <td>{UTFORARE_ETIKETT[u.utforare][lang]}</td>
              <td>{u.lanNamn}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('nat.ledningsgrupp')}</h2>
      <p>
        {t('nat.ledningsgruppText', {
          saknar: lg.saknarRoll,
          verksamheter: lg.verksamheter,
          andel: pct(lg.andel),
        })}
      </p>
      <table>
        <caption className="sr-only">{t('nat.ledningsgrupp')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('nat.roll')}</th>
            <th scope="col" className="num">
              {t('nat.saknar')}
            </th>
          </tr>
        </thead>
        <tbody>
          {OBLIGATORISKA_ROLLER.map((r) => (
            <tr key={r}>
              <th scope="row">{LEDNINGSGRUPP_ROLL_ETIKETT[r][lang]}</th>
              <td className="num">{formatNumber((lg.perRoll as Record<string, number>)[r] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('nat.personal')}</h2>
      <table>
        <caption className="sr-only">{t('nat.personal')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('nat.ombud')}
            </th>
            <th scope="col" className="num">
              {t('nat.arsarbetare')}
            </th>
            <th scope="col" className="num">
              {t('nat.andelKvinnor')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="num">{formatNumber(s.personal.ombud)}</td>
            <td className="num">{formatNumber(s.personal.arsarbetare)}</td>
            <td className="num">{pct(s.personal.andelKvinnor)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

/** All tables of a compilation in the order of the lägesrapport (seed 003). */
export function Sammanstallningen({ s }: { s: Sammanstallning }) {
  const { t } = useI18n();
  return (
    <>
      <p>{t('nat.underlag', { n: s.underlag.verksamheter })}</p>
      <Tabell2 s={s} />
      <Tabell3 s={s} />
      <Tabell4 s={s} />
      <Kontaktorsaker s={s} />
      <KoLedningsgruppPersonal s={s} />
    </>
  );
}
