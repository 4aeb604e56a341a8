/**
 * Charts in prerendered HTML: while a page is prerendered, Chart.svelte asks this registry for the
 * chart as an SVG string. The renderer (full ECharts, server only) is installed by
 * src/hooks.server.ts, so the browser bundle carries only this registry.
 */
import type { EChartsOption } from 'echarts';
import type { echarts as Echarts } from './echarts';

/**
 * Widths charts are prerendered at: the chart box of a half-width card and of a full-width card in
 * the 1200 px page container (viewports ≥ 1232 px). A narrower screen scales the drawing down until
 * ECharts redraws it for the box.
 */
export const SSR_WIDTH = { half: 542, full: 1134 } as const;

export type SvgRenderer = (option: EChartsOption, width: number, height: number) => string;

let renderer: SvgRenderer | null = null;

export function installSvgRenderer(r: SvgRenderer): void {
  renderer = r;
}

/** The chart as SVG markup, or '' where no renderer is installed (the browser). */
export function prerenderSvg(option: EChartsOption, width: number, height: number): string {
  return renderer ? renderer(option, width, height) : '';
}

/**
 * An option drawn once by ECharts' SVG renderer in SSR mode (no DOM): prerendering on the server,
 * and SVG downloads of a chart drawn on canvas in the browser. The SVG renderer must be registered.
 */
export function optionToSvg(echarts: typeof Echarts, option: EChartsOption, width: number, height: number, useViewBox: boolean): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height, locale: 'EN' });
  try {
    chart.setOption({ ...option, animation: false }, { notMerge: true });
    return chart.renderToSVGString({ useViewBox });
  } finally {
    chart.dispose();
  }
}
