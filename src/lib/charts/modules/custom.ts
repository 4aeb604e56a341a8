import { CustomChart } from 'echarts/charts';

export default [CustomChart];
