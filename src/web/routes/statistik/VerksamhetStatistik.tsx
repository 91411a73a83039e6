import { useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { VerksamhetStatistik as Statistik } from '../../../contracts/statistik.ts';
import { KONTAKTORSAK_ETIKETT } from '../../../domain/codes.ts';
import { api } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FigureTable } from '../../components/FigureTable.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useVerksamhet } from '../cases/common.tsx';

const tal = (n: number | null) => (n === null ? '–' : formatNumber(n));
const axelTal = { axisLabel: { formatter: (v: number) => formatNumber(v) } };

function KlienterPerAr({ s }: { s: Statistik }) {
  const { t } = useI18n();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: s.ar.map((r) => String(r.ar)) },
      yAxis: { type: 'value', minInterval: 1, ...axelTal },
      series: [
        {
          name: t('stat.col.fortsatta'),
          type: 'bar',
          stack: 'k',
          data: s.ar.map((r) => r.fortsatta),
          color: '#0b4f8a',
        },
        { name: t('stat.col.nya'), type: 'bar', stack: 'k', data: s.ar.map((r) => r.nya), color: '#5b9bd5' },
        { name: t('stat.col.avslutade'), type: 'line', data: s.ar.map((r) => r.avslutade), color: '#b35900' },
      ],
    }),
    [s, t],
  );
  const senaste = s.ar.at(-1);
  return (
    <section className="card" aria-labelledby="stat-klienter">
      <h2 id="stat-klienter">{t('stat.klienter')}</h2>
      <Chart
        option={option}
        label={t('stat.klienter.label', { fran: s.ar[0]?.ar ?? '', till: senaste?.ar ?? '' })}
      />
      {senaste && String(senaste.ar) === s.idag.slice(0, 4) ? (
        <p className="muted">{t('stat.pagaende', { ar: senaste.ar, idag: s.idag })}</p>
      ) : null}
      <FigureTable
        caption={t('stat.klienter')}
        captionHidden
        columns={[
          { label: t('stat.col.ar') },
          { label: t('stat.col.klienter'), num: true },
          { label: t('stat.col.nya'), num: true },
          { label: t('stat.col.fortsatta'), num: true },
          { label: t('stat.col.avslutade'), num: true },
        ]}
        rows={s.ar.map((r) => ({
          key: r.ar,
          head: String(r.ar),
          cells: [tal(r.klienter), tal(r.nya), tal(r.fortsatta), tal(r.avslutade)],
        }))}
      />
    </section>
  );
}

function KoPerManad({ s }: { s: Statistik }) {
  const { t } = useI18n();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: s.ko.map((m) => m.manad) },
      yAxis: [
        { type: 'value', minInterval: 1, ...axelTal },
        { type: 'value', minInterval: 1, ...axelTal, splitLine: { show: false } },
      ],
      series: [
        { name: t('stat.col.iKo'), type: 'bar', data: s.ko.map((m) => m.iKo), color: '#0b4f8a' },
        {
          name: t('stat.col.median'),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: false,
          data: s.ko.map((m) => m.medianVantedagar),
          color: '#b35900',
        },
      ],
    }),
    [s, t],
  );
  return (
    <section className="card" aria-labelledby="stat-ko">
      <h2 id="stat-ko">{t('stat.ko')}</h2>
      <Chart option={option} label={t('stat.ko.label')} />
      <FigureTable
        caption={t('stat.ko')}
        captionHidden
        columns={[
          { label: t('stat.col.manad') },
          { label: t('stat.col.iKo'), num: true },
          { label: t('stat.col.startade'), num: true },
          { label: t('stat.col.median'), num: true },
        ]}
        rows={[...s.ko].reverse().map((m) => ({
          key: m.manad,
          head: m.manad,
          cells: [tal(m.iKo), tal(m.startade), tal(m.medianVantedagar)],
        }))}
      />
    </section>
  );
}

function Kontaktorsaker({ s, setAr }: { s: Statistik; setAr: (ar: number) => void }) {
  const { t, lang } = useI18n();
  const k = s.kontaktorsaker;
  const rader = useMemo(() => [...k.rader].sort((a, b) => b.totalt - a.totalt), [k]);
  const namn = useCallback((o: (typeof rader)[number]['orsak']) => KONTAKTORSAK_ETIKETT[o][lang], [lang]);
  const option = useMemo<EChartsCoreOption>(() => {
    // Largest at the top: ECharts draws a category axis bottom-up.
    const upp = [...rader].reverse();
    const serie = (key: 'kvinna' | 'man' | 'annan', color: string) => ({
      name: t(`stat.col.${key}`),
      type: 'bar',
      stack: 'kon',
      data: upp.map((r) => r[key]),
      color,
    });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 24, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, ...axelTal },
      yAxis: {
        type: 'category',
        data: upp.map((r) => namn(r.orsak)),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [serie('kvinna', '#0b4f8a'), serie('man', '#5b9bd5'), serie('annan', '#b35900')],
    };
  }, [rader, t, namn]);
  const ar = s.ar.map((r) => r.ar);
  return (
    <section className="card" aria-labelledby="stat-kontakt">
      <h2 id="stat-kontakt">{t('stat.kontakt', { ar: k.ar })}</h2>
      {ar.length > 1 ? (
        <div className="field" style={{ maxWidth: '14rem' }}>
          <label htmlFor="stat-ar">{t('stat.valjAr')}</label>
          <select id="stat-ar" value={k.ar} onChange={(e) => setAr(Number(e.target.value))}>
            {ar.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Chart option={option} label={t('stat.kontakt.label', { ar: k.ar })} height={420} />
      <FigureTable
        caption={t('stat.kontakt', { ar: k.ar })}
        captionHidden
        columns={[
          { label: t('stat.col.orsak') },
          { label: t('stat.col.kvinna'), num: true },
          { label: t('stat.col.man'), num: true },
          { label: t('stat.col.annan'), num: true },
          { label: t('stat.col.totalt'), num: true },
        ]}
        rows={rader.map((r) => ({
          key: r.orsak,
          head: namn(r.orsak),
          cells: [tal(r.kvinna), tal(r.man), tal(r.annan), tal(r.totalt)],
        }))}
      />
    </section>
  );
}

/** The verksamhet's own statistics over the years: clients, the queue, contact reasons — charts and tables. */
export function VerksamhetStatistik() {
  const { t } = useI18n();
  const v = useVerksamhet();
  const [params, setParams] = useSearchParams();
  const ar = params.get('ar');
  const q = useQuery({
    queryKey: ['statistik', v.id, ar],
    queryFn: () =>
      api.get<Statistik>(`/verksamheter/${v.id}/statistik${ar ? `?ar=${encodeURIComponent(ar)}` : ''}`),
    enabled: Boolean(v.id),
    placeholderData: (prev) => prev,
  });
  const setAr = (n: number) => setParams({ ar: String(n) }, { replace: true });
  return (
    <Page title={t('stat.title', { namn: v.namn ?? '' })}>
      <p className="lead">{t('stat.lead')}</p>
      {q.isPending ? <Loading /> : null}
      <ErrorMessage error={q.error} />
      {q.data && q.data.ar.length === 0 ? <p>{t('stat.ingen')}</p> : null}
      {q.data && q.data.ar.length > 0 ? (
        <>
          <KlienterPerAr s={q.data} />
          <KoPerManad s={q.data} />
          <Kontaktorsaker s={q.data} setAr={setAr} />
        </>
      ) : null}
    </Page>
  );
}
