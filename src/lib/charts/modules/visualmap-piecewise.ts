import { VisualMapPiecewiseComponent } from 'echarts/components';

export default [VisualMapPiecewiseComponent];
