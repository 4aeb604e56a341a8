import { BrushComponent } from 'echarts/components';

export default [BrushComponent];
