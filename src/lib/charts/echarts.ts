/**
 * ECharts core with the SVG renderer (crisp exports), nothing else: chart types and components
 * are registered per option when a chart first needs them (modules.ts), so a page only downloads
 * what it draws.
 */
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([SVGRenderer]);

export { echarts };
export type { EChartsOption } from 'echarts';
export type EChartsInstance = echarts.ECharts;
