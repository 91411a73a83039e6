import type { MouseEvent } from 'react';
import { formatDecimal } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { INGEN_FARG, type Klass, klassFor } from './farg.ts';
import { KOLUMNER, LAN_RUTOR, RADER } from './lan-rutnat.ts';

export interface KartRad {
  lanKod: string;
  lanNamn: string;
  varde: number | null;
  /** The value as printed: formatted, '..' (suppressed) or '–' (nothing to compute). */
  visat: string;
}

const RUTA = 100;
const MARGINAL = 4;

/**
 * The län as square tiles in a fixed grid (lan-rutnat.ts), drawn as SVG, coloured by the chosen measure.
 * Each tile is a link with the län and its value as its name (Tab reaches them, Enter chooses the län for
 * the time series) and prints the value itself, so colour is never the only carrier; the legend names
 * each colour's range, and the table beside the map has every figure.
 */
export function LanKarta({
  rader,
  klasser,
  matt,
  ar,
  valt,
  not,
  href,
  onValj,
}: {
  rader: KartRad[];
  klasser: Klass[];
  matt: string;
  ar: number;
  valt: string | null;
  /** A sentence under the legend (the norm, for inhabitants per FTE). */
  not?: string | undefined;
  href: (lanKod: string) => string;
  onValj: (lanKod: string) => void;
}) {
  const { t } = useI18n();
  const klick = (lanKod: string) => (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onValj(lanKod);
  };
  return (
    <figure className="lan-karta">
      <svg
        viewBox={`0 0 ${KOLUMNER * RUTA} ${RADER * RUTA}`}
        role="group"
        aria-label={t('oppen.karta', { matt, ar })}
        className="lan-karta-svg"
      >
        {rader.map((r) => {
          const plats = LAN_RUTOR[r.lanKod];
          if (!plats) return null;
          const k = r.varde === null ? undefined : klassFor(r.varde, klasser);
          const farg = k ?? INGEN_FARG;
          const x = plats.kol * RUTA + MARGINAL;
          const y = plats.rad * RUTA + MARGINAL;
          const storlek = RUTA - 2 * MARGINAL;
          const arVald = valt === r.lanKod;
          const namn = t(arVald ? 'oppen.rutaVald' : 'oppen.ruta', { lan: r.lanNamn, matt, varde: r.visat });
          return (
            <a
              key={r.lanKod}
              href={href(r.lanKod)}
              onClick={klick(r.lanKod)}
              aria-label={namn}
              aria-current={arVald ? 'true' : undefined}
              className="lan-ruta"
            >
              <title>{namn}</title>
              <rect
                x={x}
                y={y}
                width={storlek}
                height={storlek}
                rx={6}
                fill={farg.farg}
                stroke={arVald ? '#b35900' : r.varde === null ? '#6b7380' : '#ffffff'}
                strokeWidth={arVald ? 5 : 1.5}
                strokeDasharray={r.varde === null && !arVald ? '6 4' : undefined}
              />
              <text x={x + storlek / 2} y={y + 38} textAnchor="middle" fontSize={13} fill={farg.text}>
                {plats.kort}
              </text>
              <text
                x={x + storlek / 2}
                y={y + 66}
                textAnchor="middle"
                fontSize={19}
                fontWeight={700}
                fill={farg.text}
              >
                {r.visat}
              </text>
            </a>
          );
        })}
      </svg>
      <figcaption>
        <p className="lan-karta-hjalp">{t('oppen.kartaHjalp')}</p>
        <p className="lan-karta-rubrik" id="lan-karta-forklaring">
          {t('oppen.teckenforklaring', { matt })}
        </p>
        <ul className="lan-karta-forklaring" aria-labelledby="lan-karta-forklaring">
          {klasser.map((k) => (
            <li key={`${k.fran}-${k.till}`}>
              <span className="lan-karta-farg" style={{ background: k.farg }} aria-hidden="true" />
              {k.fran === k.till ? format(k.fran) : `${format(k.fran)}–${format(k.till)}`}
            </li>
          ))}
          {rader.some((r) => r.varde === null) ? (
            <li>
              <span className="lan-karta-farg lan-karta-ingen" aria-hidden="true" />
              {t('oppen.saknas')}
            </li>
          ) : null}
        </ul>
        {not ? <p className="lan-karta-hjalp">{not}</p> : null}
      </figcaption>
    </figure>
  );
}

const format = (n: number) => formatDecimal(n, 1);
