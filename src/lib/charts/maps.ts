/**
 * Map geometries the chart options name (`series.map`), kept until ECharts is loaded: a page
 * defines its map while it computes the option, and ECharts (loaded on demand, see modules.ts)
 * registers every defined map before it draws.
 */
import type { registerMap } from 'echarts';
import { registerJatimMap } from './options/choropleth';
import type { LayoutFeature } from '../map/projection';

type Target = { registerMap: typeof registerMap };

const defined = new Map<string, readonly LayoutFeature[]>();
let target: Target | null = null;

/** Define (or redefine) the map `name`; registered at once if ECharts is already loaded. */
export function defineMap(name: string, features: readonly LayoutFeature[]): void {
  defined.set(name, features);
  if (target) registerJatimMap(target, name, features);
}

/**
 * Called whenever ECharts modules were installed (ECharts' registerMap does nothing before the map
 * module is): registers the maps defined so far, and from now on each one as it is defined.
 */
export function attachMaps(echarts: Target): void {
  target = echarts;
  for (const [name, features] of defined) registerJatimMap(echarts, name, features);
}
