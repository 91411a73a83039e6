import type { EChartsOption } from 'echarts';
import { KONTAKTORSAK_ETIKETT, KONTAKTORSAKER } from '../../../domain/codes.ts';
import type { Kontaktorsaker } from '../../../domain/nationellt/tabeller.ts';
import { echartsLoaded } from '../../platform/documents/libraries.ts';

/**
 * Charts as SVG, rendered on the server with ECharts' SSR renderer (no DOM, no canvas), for the PDF and
 * the Word document. Animation is off so the SVG is the final picture; the instance is disposed at once.
 */
function svg(option: EChartsOption, width: number, height: number): string {
  const chart = echartsLoaded().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'Roboto, sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const FARGER = ['#1f5fa8', '#c4581b', '#3b7d3b'];

/** Diagram 1 (seed 003): share of women, men and all clients per contact reason, in per cent. */
export function kontaktorsakDiagram(k: Kontaktorsaker, width = 500, height = 360): string {
  const koder = [...KONTAKTORSAKER].reverse();
  const serie = (namn: string, f: (x: Kontaktorsaker[keyof Kontaktorsaker]) => number | null) => ({
    name: namn,
    type: 'bar' as const,
    data: koder.map((c) => f(k[c]) ?? 0),
  });
  return svg(
    {
      color: FARGER,
      legend: { top: 0 },
      grid: { left: 170, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', data: koder.map((c) => KONTAKTORSAK_ETIKETT[c].sv) },
      series: [
        serie('Kvinnor', (x) => x.kvinna),
        serie('Män', (x) => x.man),
        serie('Totalt', (x) => x.totalt),
      ],
    },
    width,
    height,
  );
}

/** Clients per age group by gender (Tabell 3 as a chart). */
export function alderDiagram(
  rader: Array<{ grupp: string; kvinna: number; man: number }>,
  width = 500,
  height = 260,
): string {
  return svg(
    {
      color: FARGER,
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: rader.map((r) => r.grupp) },
      yAxis: { type: 'value' },
      series: [
        { name: 'Kvinnor', type: 'bar', data: rader.map((r) => r.kvinna) },
        { name: 'Män', type: 'bar', data: rader.map((r) => r.man) },
      ],
    },
    width,
    height,
  );
}
