/**
 * Points on the Jawa Timur map (pure: option in, option out). The map series draws regions in
 * layout pixels; points are drawn by scatter series on a hidden pixel grid of the same size, so a
 * point at layout.project(lon, lat) sits exactly where that place is on the map. One series per
 * group (e.g. a UPT cluster) so the legend explains the colours; the legend cannot hide a group.
 */
import type { EChartsOption } from 'echarts';
import type { Point } from '../../map/planar';

export interface MapPoint {
  /** Returned to click handlers; also the ECharts item name. */
  id: string;
  /** Layout pixels (from MapLayout.project). */
  at: Point;
  group: string;
}

export interface PointGroup {
  id: string;
  label: string;
  color: string;
}

export interface MapPointsInput {
  points: readonly MapPoint[];
  groups: readonly PointGroup[];
  width: number;
  height: number;
  /** Tooltip HTML of a point. */
  tooltip: (id: string) => string;
  selected?: string | null;
  /** Where the legend goes (layout pixels from the left and top); default bottom right. */
  legend?: { left?: number | string; top?: number | string; bottom?: number | string; right?: number | string };
}

/** Colour-blind-safe, distinct from the sequential blue-green fill (white outline on every point). */
export const POINT_COLORS = ['#d55e00', '#e69f00', '#cc79a7', '#7a5195', '#000000', '#b2182b', '#6b6b6b', '#009e73'] as const;

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The map option with the points added on top (series after the map's, so the map stays series 0). */
export function withPoints(option: EChartsOption, input: MapPointsInput): EChartsOption {
  const regionTooltip = (option.tooltip as { formatter?: (p: unknown) => string } | undefined)?.formatter;
  const grid = { left: 0, top: 0, width: input.width, height: input.height, show: false };
  const axis = (max: number, inverse: boolean) => ({ type: 'value' as const, min: 0, max, inverse, show: false, gridIndex: 0 });
  const series = input.groups
    .filter((g) => input.points.some((p) => p.group === g.id))
    .map((g) => ({
      type: 'scatter' as const,
      name: g.label,
      xAxisIndex: 0,
      yAxisIndex: 0,
      z: 5,
      symbolSize: 11,
      itemStyle: { color: g.color, borderColor: '#ffffff', borderWidth: 1.5 },
      emphasis: { scale: 1.5, itemStyle: { borderColor: '#111111', borderWidth: 2 } },
      data: input.points
        .filter((p) => p.group === g.id)
        .map((p) => ({
          name: p.id,
          value: [p.at[0], p.at[1]],
          ...(p.id === input.selected ? { symbolSize: 17, itemStyle: { color: g.color, borderColor: '#111111', borderWidth: 2.5 } } : {})
        }))
    }));
  return {
    ...option,
    grid: [...asArray(option.grid as object | object[] | undefined), grid],
    xAxis: axis(input.width, false),
    yAxis: axis(input.height, true),
    legend: {
      show: series.length > 0,
      data: series.map((s) => s.name),
      selectedMode: false,
      orient: 'horizontal',
      itemWidth: 12,
      itemHeight: 12,
      textStyle: { fontSize: 11, color: '#333333' },
      ...(input.legend ?? { right: 4, bottom: 0 })
    },
    tooltip: {
      ...(option.tooltip as object),
      trigger: 'item',
      formatter: (p: unknown) => {
        const e = p as { seriesType?: string; name: string };
        return e.seriesType === 'scatter' ? input.tooltip(e.name) : (regionTooltip?.(p) ?? e.name);
      }
    },
    series: [...asArray(option.series as object | object[] | undefined), ...series]
  } as EChartsOption;
}
