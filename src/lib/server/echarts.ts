/**
 * ECharts on the server, for prerendering: every module the browser may load on demand
 * (src/lib/charts/modules.ts) registered at once, charts rendered to SVG strings in ECharts' SSR mode.
 */
import { echarts } from '$lib/charts/echarts';
import type { EChartsOption } from '$lib/charts/echarts';
import { attachMaps } from '$lib/charts/maps';
import { loadAllModules } from '$lib/charts/modules';
import { optionToSvg } from '$lib/charts/ssr';

export async function initServerEcharts(): Promise<void> {
  echarts.use((await loadAllModules()).flat());
  attachMaps(echarts);
}

/** One chart as an SVG string with a viewBox (the browser scales it to a narrower box). */
export const renderSvg = (option: EChartsOption, width: number, height: number): string => optionToSvg(echarts, option, width, height, true);
