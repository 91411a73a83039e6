import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { OppnaDataSvar, OppnaTidsserie } from '../../../contracts/oppna-data.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FigureTable } from '../../components/FigureTable.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { klasser } from './farg.ts';
import { type KartRad, LanKarta } from './LanKarta.tsx';
import { Tidsserie } from './Tidsserie.tsx';
import { decimal, heltal, per10000, personer, procent } from './visa.ts';
import './oppen-statistik.css';

type Tackning = OppnaDataSvar['tackning'];
type LanTackning = Tackning['perLan'][number];

/** The measures the tile map can be coloured by (?matt=). */
const MATT = {
  invanare: {
    etikett: 'oppen.invanarePerArsarbetare',
    varde: (l: LanTackning) => l.invanarePerArsarbetare,
    visat: (l: LanTackning) => heltal(l.invanarePerArsarbetare),
    upplosning: 1,
  },
  klienter: {
    etikett: 'oppen.klienterPer10000',
    varde: (l: LanTackning) => l.klienterPer10000,
    visat: (l: LanTackning) => per10000(l.klienterPer10000, l.klienter.totalt),
    upplosning: 0.1,
  },
  utanPo: {
    etikett: 'oppen.kommunerUtanPo',
    varde: (l: LanTackning) => l.kommunerUtanPo,
    visat: (l: LanTackning) => heltal(l.kommunerUtanPo),
    upplosning: 1,
  },
  ko: {
    etikett: 'oppen.koAndel',
    varde: (l: LanTackning) => l.koAndel,
    visat: (l: LanTackning) => procent(l.koAndel),
    upplosning: 0.1,
  },
} as const;
type Matt = keyof typeof MATT;
const arMatt = (m: string | null): m is Matt => m !== null && m in MATT;

const liten = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function Nyckeltal({ d }: { d: OppnaDataSvar }) {
  const { t } = useI18n();
  const r = d.tackning.riket;
  const rader: Array<[string, string, string?]> = [
    [t('oppen.verksamheter'), heltal(r.verksamheter)],
    [
      t('oppen.klienter'),
      personer(r.klienter.totalt),
      t('oppen.klienterKon', { kvinnor: personer(r.klienter.kvinna), man: personer(r.klienter.man) }),
    ],
    [t('oppen.nya'), personer(r.nyaKlienter)],
    [t('oppen.arsarbetare'), decimal(r.arsarbetare, 2)],
    [t('oppen.invanarePerArsarbetare'), heltal(r.invanarePerArsarbetare)],
    [t('oppen.normArsarbetare'), decimal(r.normArsarbetare, 2)],
    [t('oppen.klienterPer10000'), per10000(r.klienterPer10000, r.klienter.totalt)],
    [
      t('oppen.kommunerMedPo'),
      t('oppen.avKommuner', { n: formatNumber(r.kommunerMedPo), av: formatNumber(r.kommuner) }),
    ],
    [t('oppen.kommunerUtanPo'), heltal(r.kommunerUtanPo)],
    [t('oppen.koAndel'), procent(r.koAndel)],
    [t('oppen.vantande'), personer(r.vantande)],
  ];
  return (
    <section className="card" aria-labelledby="oppen-nyckeltal">
      <h2 id="oppen-nyckeltal">{t('oppen.nyckeltal', { ar: d.ar })}</h2>
      <dl className="oppen-nyckeltal">
        {rader.map(([namn, varde, detalj]) => (
          <div key={namn} className="oppen-nyckeltal-rad">
            <dt>{namn}</dt>
            <dd>
              {varde}
              {detalj ? <span className="oppen-nyckeltal-detalj">{detalj}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        {t('oppen.normText', { norm: formatNumber(d.tackning.norm.invanarePerArsarbetare) })}{' '}
        {t('oppen.fordelning', { folkar: d.tackning.folkmangdAr })}
      </p>
    </section>
  );
}

function Lanen({
  d,
  matt,
  setMatt,
  lan,
  setLan,
  href,
}: {
  d: OppnaDataSvar;
  matt: Matt;
  setMatt: (m: Matt) => void;
  lan: string | null;
  setLan: (kod: string | null) => void;
  href: (lanKod: string) => string;
}) {
  const { t } = useI18n();
  const m = MATT[matt];
  const perLan = d.tackning.perLan;
  const ks = useMemo(
    () =>
      klasser(
        perLan.map(m.varde).filter((v): v is number => v !== null),
        m.upplosning,
      ),
    [perLan, m],
  );
  const rader: KartRad[] = perLan.map((l) => ({
    lanKod: l.lanKod,
    lanNamn: l.lanNamn,
    varde: m.varde(l),
    visat: m.visat(l),
  }));
  // The measure the map shows comes first, so a narrow screen shows it beside the län without scrolling.
  const mattKolumner = [
    {
      matt: 'invanare',
      label: t('oppen.invanarePerArsarbetare'),
      cell: (l: Tackning['riket']) => heltal(l.invanarePerArsarbetare),
    },
    {
      matt: 'klienter',
      label: t('oppen.klienterPer10000'),
      cell: (l: Tackning['riket']) => per10000(l.klienterPer10000, l.klienter.totalt),
    },
    {
      matt: 'utanPo',
      label: t('oppen.kommunerUtanPo'),
      cell: (l: Tackning['riket']) =>
        t('oppen.avKommuner', { n: formatNumber(l.kommunerUtanPo), av: formatNumber(l.kommuner) }),
    },
    { matt: 'ko', label: t('oppen.koAndel'), cell: (l: Tackning['riket']) => procent(l.koAndel) },
  ].sort((a, b) => Number(b.matt === matt) - Number(a.matt === matt));
  const rad = (l: Tackning['riket']) => [
    ...mattKolumner.map((k) => k.cell(l)),
    decimal(l.arsarbetare, 2),
    decimal(l.normArsarbetare, 2),
    personer(l.klienter.totalt),
    personer(l.vantande),
    heltal(l.verksamheter),
    formatNumber(l.folkmangd),
  ];
  return (
    <section className="card" aria-labelledby="oppen-lanen">
      <h2 id="oppen-lanen">{t('oppen.lanRubrik', { ar: d.ar })}</h2>
      <div className="field oppen-val">
        <label htmlFor="oppen-matt">{t('oppen.matt')}</label>
        <select id="oppen-matt" value={matt} onChange={(e) => setMatt(e.target.value as Matt)}>
          {(Object.keys(MATT) as Matt[]).map((k) => (
            <option key={k} value={k}>
              {t(MATT[k].etikett)}
            </option>
          ))}
        </select>
      </div>
      <div className="oppen-karta-och-tabell">
        <LanKarta
          rader={rader}
          klasser={ks}
          matt={liten(t(m.etikett))}
          ar={d.ar}
          valt={lan}
          not={
            matt === 'invanare'
              ? t('oppen.normText', { norm: formatNumber(d.tackning.norm.invanarePerArsarbetare) })
              : undefined
          }
          href={href}
          onValj={(kod) => setLan(kod)}
        />
        <div className="oppen-lantabell">
          <FigureTable
            caption={t('oppen.lanTabell', { ar: d.ar })}
            columns={[
              { label: t('oppen.lan') },
              ...mattKolumner.map((k) => ({ label: k.label, num: true })),
              { label: t('oppen.arsarbetare'), num: true },
              { label: t('oppen.normArsarbetare'), num: true },
              { label: t('oppen.klienter'), num: true },
              { label: t('oppen.vantande'), num: true },
              { label: t('oppen.verksamheter'), num: true },
              { label: t('oppen.folkmangd'), num: true },
            ]}
            rows={perLan.map((l) => ({ key: l.lanKod, head: l.lanNamn, cells: rad(l) }))}
            total={{ key: 'riket', head: t('oppen.riketRad'), cells: rad(d.tackning.riket) }}
          />
          <p className="muted" id="oppen-dolt">
            {t('oppen.dolt')}
          </p>
        </div>
      </div>
      <div className="field oppen-val">
        <label htmlFor="oppen-lan">{t('oppen.valjLan')}</label>
        <select id="oppen-lan" value={lan ?? ''} onChange={(e) => setLan(e.target.value || null)}>
          <option value="">{t('oppen.ingetLan')}</option>
          {perLan.map((l) => (
            <option key={l.lanKod} value={l.lanKod}>
              {l.lanNamn}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

/**
 * The public statistics page (/statistik, no login): the year's national key figures, the län as a tile
 * map coloured by a chosen measure with the same figures in a table, and the time series of the nation and
 * of a chosen län. The year, the measure and the län are in the address (?ar=, ?matt=, ?lan=).
 */
export function OppenStatistik() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const aren = useQuery({
    queryKey: ['oppna-data'],
    queryFn: () => api.get<{ ar: number[] }>('/oppna-data'),
  });
  const onskat = Number(params.get('ar'));
  const lista = aren.data?.ar ?? [];
  const senaste = lista.at(-1);
  const ar = lista.includes(onskat) ? onskat : senaste;
  const data = useQuery({
    queryKey: ['oppna-data', ar],
    queryFn: () => api.get<OppnaDataSvar>(`/oppna-data/${ar}`),
    enabled: ar !== undefined,
    placeholderData: (prev) => prev,
  });
  const serie = useQuery({
    queryKey: ['oppna-data', 'tidsserie'],
    queryFn: () => api.get<OppnaTidsserie>('/oppna-data/tidsserie'),
    enabled: lista.length > 0,
  });
  const mattParam = params.get('matt');
  const matt: Matt = arMatt(mattParam) ? mattParam : 'invanare';
  const lanParam = params.get('lan');
  const lan = data.data?.tackning.perLan.some((l) => l.lanKod === lanParam) ? lanParam : null;

  const satt = (andra: Record<string, string | null>) => {
    const ny = new URLSearchParams(params);
    for (const [k, v] of Object.entries(andra)) {
      if (v === null) ny.delete(k);
      else ny.set(k, v);
    }
    setParams(ny, { replace: true });
  };
  const href = (lanKod: string) => {
    const ny = new URLSearchParams(params);
    ny.set('lan', lanKod);
    return `/statistik?${ny.toString()}`;
  };
  const lanSerie = serie.data?.perLan.find((l) => l.lanKod === lan);

  return (
    <Page title={t('oppen.title')}>
      <div className="oppen-statistik">
        <p className="lead">{t('oppen.lead')}</p>
        {aren.isPending ? <Loading /> : null}
        <ErrorMessage error={aren.error ?? data.error ?? serie.error} />
        {aren.data && lista.length === 0 ? <p>{t('oppen.ingen')}</p> : null}
        {ar !== undefined ? (
          <div className="field oppen-val">
            <label htmlFor="oppen-ar">{t('oppen.ar')}</label>
            <select id="oppen-ar" value={ar} onChange={(e) => satt({ ar: e.target.value })}>
              {[...lista].reverse().map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {params.get('ar') && aren.data && ar !== onskat && senaste !== undefined ? (
          <p role="status">{t('oppen.okandAr', { ar: params.get('ar') ?? '', senaste })}</p>
        ) : null}
        {data.data ? (
          <>
            <Nyckeltal d={data.data} />
            <Lanen
              d={data.data}
              matt={matt}
              setMatt={(m) => satt({ matt: m })}
              lan={lan}
              setLan={(kod) => satt({ lan: kod })}
              href={href}
            />
          </>
        ) : null}
        {serie.data && serie.data.ar.length > 0 ? (
          <>
            <Tidsserie
              id="oppen-tidsserie"
              rubrik={t('oppen.tidsserie', { fran: serie.data.ar[0]!, till: serie.data.ar.at(-1)! })}
              omrade={t('oppen.riket')}
              serie={serie.data.riket}
              norm={serie.data.norm.invanarePerArsarbetare}
            />
            {lanSerie ? (
              <Tidsserie
                id="oppen-tidsserie-lan"
                rubrik={t('oppen.tidsserieLan', {
                  lan: lanSerie.lanNamn,
                  fran: serie.data.ar[0]!,
                  till: serie.data.ar.at(-1)!,
                })}
                omrade={lanSerie.lanNamn}
                serie={lanSerie.serie}
                norm={serie.data.norm.invanarePerArsarbetare}
              />
            ) : null}
            <p className="muted">{t('oppen.dolt')}</p>
          </>
        ) : null}
        <p className="muted">
          {t('oppen.oppnaData')} <a href="/api/docs">{t('oppen.apiLank')}</a>
        </p>
      </div>
    </Page>
  );
}
