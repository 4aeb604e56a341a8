import { LegendScrollComponent } from 'echarts/components';

/** `legend: { type: 'scroll' }` (installs the plain legend too). */
export default [LegendScrollComponent];
