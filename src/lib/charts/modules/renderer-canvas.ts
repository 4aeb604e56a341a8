import { CanvasRenderer } from 'echarts/renderers';

export default [CanvasRenderer];
