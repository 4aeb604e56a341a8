import { MapChart } from 'echarts/charts';

export default [MapChart];
