/**
 * The parts of ECharts the web app draws with, and nothing more: named imports let the bundler leave the
 * other chart types out. Loaded on demand by Chart.tsx, so it is its own chunk.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
