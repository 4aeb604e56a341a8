/**
 * ECharts core, nothing else: the renderer (SVG, or canvas on a page that asks for it, see
 * renderer.ts), chart types and components are registered when a chart first needs them
 * (modules.ts), so a page only downloads what it draws.
 */
import { init, use, registerMap, type ECharts } from 'echarts/core';

/**
 * Only the functions Dampak calls. Re-exporting the `echarts/core` namespace would keep every one
 * of its exports (graphic and layout helpers, canvas drawing, number/time/format utilities…) in the
 * browser's bundle even though no chart uses them.
 */
export const echarts = { init, use, registerMap };

export type { EChartsOption } from 'echarts';
export type EChartsInstance = ECharts;
