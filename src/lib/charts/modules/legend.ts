import { LegendPlainComponent } from 'echarts/components';

// The scrolling legend (ScrollableLegendView and its paging) is its own module: legend-scroll.ts.
export default [LegendPlainComponent];
