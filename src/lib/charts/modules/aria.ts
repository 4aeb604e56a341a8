import { AriaComponent } from 'echarts/components';

export default [AriaComponent];
