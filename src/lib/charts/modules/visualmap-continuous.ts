import { VisualMapContinuousComponent } from 'echarts/components';

export default [VisualMapContinuousComponent];
