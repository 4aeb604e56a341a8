/**
 * ECharts core with the SVG renderer (crisp exports), nothing else: chart types and components
 * are registered per option when a chart first needs them (modules.ts), so a page only downloads
 * what it draws.
 */
import { init, use, registerMap, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([SVGRenderer]);

/**
 * Only the functions Dampak calls. Re-exporting the `echarts/core` namespace would keep every one
 * of its exports (graphic and layout helpers, canvas drawing, number/time/format utilities…) in the
 * browser's bundle even though no chart uses them.
 */
export const echarts = { init, use, registerMap };

export type { EChartsOption } from 'echarts';
export type EChartsInstance = ECharts;
