import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { OppnaTidsserie } from '../../../contracts/oppna-data.ts';
import {
  ALDERSGRUPP_ETIKETT,
  ALDERSGRUPPER,
  KONTAKTORSAK_ETIKETT,
  KONTAKTORSAKER,
} from '../../../domain/codes.ts';
import { Chart } from '../../components/Chart.tsx';
import { FigureTable } from '../../components/FigureTable.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { andel, decimal, heltal, per10000, personer, procent } from './visa.ts';

type Tidpunkt = OppnaTidsserie['riket'][number];

const axelTal = { axisLabel: { formatter: (v: number) => formatNumber(v) } };
const FARGER = { totalt: '#0b4f8a', kvinna: '#b35900', man: '#5b9bd5', nya: '#1d6b34', norm: '#a4161a' };
const ALDER_FARGER = ['#9ecae1', '#4292c6', '#08519c', '#08306b'];
const procentAxel = { axisLabel: { formatter: (v: number) => `${formatNumber(v)} %` } };

/**
 * Key figures of one area (the nation or a län) over the years: charts of clients, coverage, queue, age
 * groups (Tabell 3), clients with children (Tabell 4) and contact reasons, each one image with a name, and
 * every figure in the tables below them (hidden counts as '..'; a gap in a line or a missing bar).
 */
export function Tidsserie({
  id,
  rubrik,
  omrade,
  serie,
  norm,
}: {
  id: string;
  rubrik: string;
  /** The area in running text ("hela landet", "Uppsala län"), for the charts' names. */
  omrade: string;
  serie: Tidpunkt[];
  norm: number;
}) {
  const { t, lang } = useI18n();
  const ar = useMemo(() => serie.map((p) => String(p.ar)), [serie]);
  const spann = { fran: ar[0] ?? '', till: ar.at(-1) ?? '', omrade };
  const bas = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 48, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: ar },
    }),
    [ar],
  );
  const klienter = useMemo<EChartsCoreOption>(
    () => ({
      ...bas,
      yAxis: { type: 'value', minInterval: 1, ...axelTal },
      series: [
        { name: t('oppen.totalt'), data: serie.map((p) => p.klienter.totalt), color: FARGER.totalt },
        { name: t('oppen.kvinnor'), data: serie.map((p) => p.klienter.kvinna), color: FARGER.kvinna },
        { name: t('oppen.man'), data: serie.map((p) => p.klienter.man), color: FARGER.man },
        { name: t('oppen.nya'), data: serie.map((p) => p.nyaKlienter), color: FARGER.nya },
      ].map((s) => ({ ...s, type: 'line', connectNulls: false })),
    }),
    [bas, serie, t],
  );
  const tackning = useMemo<EChartsCoreOption>(
    () => ({
      ...bas,
      yAxis: { type: 'value', min: 0, ...axelTal },
      series: [
        {
          name: t('oppen.invanarePerArsarbetare'),
          type: 'line',
          data: serie.map((p) => p.invanarePerArsarbetare),
          color: FARGER.totalt,
        },
        {
          name: t('oppen.norm'),
          type: 'line',
          data: serie.map(() => norm),
          color: FARGER.norm,
          symbol: 'none',
          lineStyle: { type: 'dashed' },
        },
      ],
    }),
    [bas, serie, norm, t],
  );
  const ko = useMemo<EChartsCoreOption>(
    () => ({
      ...bas,
      legend: { show: false },
      grid: { left: 8, right: 16, top: 16, bottom: 24, containLabel: true },
      yAxis: { type: 'value', min: 0, max: 100, ...axelTal },
      series: [
        { name: t('oppen.koAndel'), type: 'line', data: serie.map((p) => p.koAndel), color: FARGER.totalt },
      ],
    }),
    [bas, serie, t],
  );
  const alder = useMemo<EChartsCoreOption>(
    () => ({
      ...bas,
      yAxis: { type: 'value', minInterval: 1, ...axelTal },
      series: ALDERSGRUPPER.map((a, i) => ({
        name: ALDERSGRUPP_ETIKETT[a][lang],
        type: 'bar',
        stack: 'alder',
        data: serie.map((p) => p.alder[a]),
        color: ALDER_FARGER[i],
      })),
    }),
    [bas, serie, lang],
  );
  const barn = useMemo<EChartsCoreOption>(
    () => ({
      ...bas,
      yAxis: [
        { type: 'value', minInterval: 1, ...axelTal },
        { type: 'value', min: 0, splitLine: { show: false }, ...procentAxel },
      ],
      series: [
        {
          name: t('oppen.medBarn'),
          type: 'bar',
          data: serie.map((p) => p.medBarn.antal),
          color: FARGER.totalt,
        },
        {
          name: t('oppen.andelMedBarn'),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: false,
          data: serie.map((p) => p.medBarn.andel),
          color: FARGER.kvinna,
        },
      ],
    }),
    [bas, serie, t],
  );
  const kontakt = useMemo<EChartsCoreOption>(
    () => ({
      ...bas,
      legend: { top: 0, type: 'scroll' },
      yAxis: { type: 'value', min: 0, ...procentAxel },
      series: KONTAKTORSAKER.map((k) => ({
        name: KONTAKTORSAK_ETIKETT[k][lang],
        type: 'line',
        connectNulls: false,
        data: serie.map((p) => p.kontaktorsaker[k]),
      })),
    }),
    [bas, serie, lang],
  );
  const nyast = [...serie].reverse();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{rubrik}</h2>
      <div className="oppen-diagram">
        <div>
          <h3>{t('oppen.diagramKlienter')}</h3>
          <Chart option={klienter} label={t('oppen.diagramKlienter.label', spann)} height={280} />
        </div>
        <div>
          <h3>{t('oppen.diagramTackning')}</h3>
          <Chart
            option={tackning}
            label={t('oppen.diagramTackning.label', { ...spann, norm: formatNumber(norm) })}
            height={280}
          />
        </div>
        <div>
          <h3>{t('oppen.diagramKo')}</h3>
          <Chart option={ko} label={t('oppen.diagramKo.label', spann)} height={240} />
        </div>
        <div>
          <h3>{t('oppen.diagramAlder')}</h3>
          <Chart option={alder} label={t('oppen.diagramAlder.label', spann)} height={280} />
        </div>
        <div>
          <h3>{t('oppen.diagramBarn')}</h3>
          <Chart option={barn} label={t('oppen.diagramBarn.label', spann)} height={280} />
        </div>
        <div>
          <h3>{t('oppen.diagramKontakt')}</h3>
          <Chart option={kontakt} label={t('oppen.diagramKontakt.label', spann)} height={280} />
        </div>
      </div>
      <FigureTable
        caption={t('oppen.tabellTidsserie', { omrade })}
        columns={[
          { label: t('oppen.ar') },
          { label: t('oppen.verksamheter'), num: true },
          { label: t('oppen.klienter'), num: true },
          { label: t('oppen.kvinnor'), num: true },
          { label: t('oppen.man'), num: true },
          { label: t('oppen.nya'), num: true },
          { label: t('oppen.arsarbetare'), num: true },
          { label: t('oppen.invanarePerArsarbetare'), num: true },
          { label: t('oppen.klienterPer10000'), num: true },
          { label: t('oppen.kommunerUtanPo'), num: true },
          { label: t('oppen.koAndel'), num: true },
          { label: t('oppen.vantande'), num: true },
        ]}
        rows={nyast.map((p) => ({
          key: p.ar,
          head: String(p.ar),
          cells: [
            heltal(p.verksamheter),
            personer(p.klienter.totalt),
            personer(p.klienter.kvinna),
            personer(p.klienter.man),
            personer(p.nyaKlienter),
            decimal(p.arsarbetare, 2),
            heltal(p.invanarePerArsarbetare),
            per10000(p.klienterPer10000, p.klienter.totalt),
            heltal(p.kommunerUtanPo),
            procent(p.koAndel),
            personer(p.vantande),
          ],
        }))}
      />
      <FigureTable
        caption={t('oppen.tabellAlder', { omrade })}
        columns={[
          { label: t('oppen.ar') },
          ...ALDERSGRUPPER.map((a) => ({ label: ALDERSGRUPP_ETIKETT[a][lang], num: true })),
          { label: t('oppen.alderTotalt'), num: true },
          { label: t('oppen.medBarn'), num: true },
          { label: t('oppen.andelMedBarn'), num: true },
        ]}
        rows={nyast.map((p) => ({
          key: p.ar,
          head: String(p.ar),
          cells: [
            ...ALDERSGRUPPER.map((a) => personer(p.alder[a])),
            personer(p.alder.totalt),
            personer(p.medBarn.antal),
            andel(p.medBarn.andel, p.klienter.totalt),
          ],
        }))}
      />
      <FigureTable
        caption={t('oppen.tabellKontakt', { omrade })}
        columns={[
          { label: t('oppen.ar') },
          ...KONTAKTORSAKER.map((k) => ({ label: KONTAKTORSAK_ETIKETT[k][lang], num: true })),
        ]}
        rows={nyast.map((p) => ({
          key: p.ar,
          head: String(p.ar),
          cells: KONTAKTORSAKER.map((k) => andel(p.kontaktorsaker[k], p.klienter.totalt)),
        }))}
      />
      <p className="muted">{t('oppen.alderNot')}</p>
    </section>
  );
}
