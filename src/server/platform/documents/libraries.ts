/**
 * The heavy document libraries, loaded the first time a document is made instead of when the program starts:
 * ECharts, ExcelJS and pdfmake took about 4 s of every CLI command's and the server's start, while most
 * commands and requests never make a document.
 */
type Echarts = typeof import('echarts');
type ExcelJs = typeof import('exceljs');
type Pdfmake = typeof import('pdfmake');

let echarts: Echarts | undefined;

/** Loads ECharts (once); call before using `echartsLoaded()`. */
export async function loadEcharts(): Promise<Echarts> {
  echarts ??= await import('echarts');
  return echarts;
}

/**
 * ECharts for the synchronous chart builders, which run inside a document renderer that has awaited
 * `loadEcharts()` first.
 */
export function echartsLoaded(): Echarts {
  if (!echarts) throw new Error('ECharts is not loaded: await loadEcharts() before drawing a chart.');
  return echarts;
}

export async function loadExcelJs(): Promise<ExcelJs> {
  const m = (await import('exceljs')) as ExcelJs & { default?: ExcelJs };
  return m.default ?? m;
}

export async function loadPdfmake(): Promise<Pdfmake> {
  const m = (await import('pdfmake')) as Pdfmake & { default?: Pdfmake };
  return m.default ?? m;
}
