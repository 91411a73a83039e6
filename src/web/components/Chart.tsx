import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * ECharts, loaded only when a page draws a chart (its own chunk; the rest of the app never waits for it),
 * drawn as SVG. The chart is one image with a name for screen readers; the figures themselves are in the
 * table the page shows beside it, which is what a keyboard or screen-reader user reads.
 */
export function Chart({
  option,
  label,
  height = 320,
}: {
  option: EChartsCoreOption;
  /** What the chart shows, in a sentence ("Klienter per år 2023–2026: nya, fortsatta och avslutade"). */
  label: string;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let gone = false;
    let dispose = () => {};
    void import('./echarts-setup.ts').then((echarts) => {
      const el = ref.current;
      if (gone || !el) return;
      const chart = echarts.init(el, undefined, { renderer: 'svg' });
      chart.setOption({ animation: false, ...option });
      const ro = new ResizeObserver(() => chart.resize());
      ro.observe(el);
      dispose = () => {
        ro.disconnect();
        chart.dispose();
      };
    });
    return () => {
      gone = true;
      dispose();
    };
  }, [option]);
  return <div ref={ref} className="chart" role="img" aria-label={label} style={{ height }} />;
}
