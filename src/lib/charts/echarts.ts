/** ECharts, tree-shaken to what Dampak draws, always with the SVG renderer (crisp exports). */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, HeatmapChart, ScatterChart, CustomChart, BoxplotChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  MarkLineComponent,
  MarkAreaComponent,
  MarkPointComponent,
  GraphicComponent,
  DataZoomComponent,
  BrushComponent,
  ToolboxComponent,
  AriaComponent,
  GeoComponent
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  HeatmapChart,
  ScatterChart,
  CustomChart,
  BoxplotChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  MarkLineComponent,
  MarkAreaComponent,
  MarkPointComponent,
  GraphicComponent,
  DataZoomComponent,
  BrushComponent,
  ToolboxComponent,
  AriaComponent,
  GeoComponent,
  SVGRenderer
]);

export { echarts };
export type { EChartsOption } from 'echarts';
export type EChartsInstance = echarts.ECharts;
