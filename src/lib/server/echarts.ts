/**
 * ECharts on the server, for prerendering: every module the browser may load on demand
 * (src/lib/charts/modules.ts) registered at once, charts rendered to SVG strings in ECharts' SSR mode.
 */
import { echarts } from '$lib/charts/echarts';
import type { EChartsOption } from '$lib/charts/echarts';
import { attachMaps } from '$lib/charts/maps';
import { loadAllModules } from '$lib/charts/modules';

export async function initServerEcharts(): Promise<void> {
  echarts.use((await loadAllModules()).flat());
  attachMaps(echarts);
}

/** One chart as an SVG string with a viewBox (the browser scales it to a narrower box). */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height, locale: 'EN' });
  try {
    chart.setOption({ ...option, animation: false }, { notMerge: true });
    return chart.renderToSVGString({ useViewBox: true });
  } finally {
    chart.dispose();
  }
}
