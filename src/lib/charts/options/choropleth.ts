/**
 * Pure ECharts option builder for the Jawa Timur choropleth (data in, option out; no DOM).
 *
 * The regions come from `layoutFeatures` in screen pixels. They are registered as an ECharts map
 * (see {@link registerJatimMap}) and drawn with an identity projection plus `boundingCoords` equal
 * to the layout canvas, so a chart of the same size shows them at exactly the layout's pixels
 * (north up; verified by the SSR test).
 */
import type { EChartsOption, registerMap } from 'echarts';
import { classIndex, type Classification } from '../../map/classify';
import { NO_DATA_STYLE, classLabel, textColorOn, type Palette, type LegendTextOptions } from '../../map/palette';
import type { InsetFrame, LayoutFeature } from '../../map/projection';
import { isKota } from '../../map/regions';

/** One region's value; `null` = no data. */
export interface RegionValue {
  kode: string;
  nama: string;
  value: number | null;
}

/** Default name under which the screen-coordinate regions are registered. */
export const JATIM_MAP_NAME = 'jatim-layout';

/** One element of the `graphic` component. */
export type GraphicItem = Extract<NonNullable<EChartsOption['graphic']>, readonly unknown[]>[number];

/** Outline of a focused (keyboard) or selected region: thick and dark, readable on every fill. */
export const HIGHLIGHT_BORDER = { borderColor: '#111111', borderWidth: 3 } as const;
/** Grey, not white, borders: the lightest class colours (#ffffcc, #f7f7f7) would vanish on white. */
const REGION_BORDER = { borderColor: '#8c8c8c', borderWidth: 0.5 } as const;
/** Below this canvas width kabupaten names crowd each other; only kota (hard to find) keep labels. */
export const KABUPATEN_LABEL_MIN_WIDTH = 560;

/** ECharts decal that hatches no-data regions, so they never read as "low". */
export const NO_DATA_DECAL = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [1.5, 4],
  rotation: Math.PI / 4,
  color: NO_DATA_STYLE.hatch,
  backgroundColor: NO_DATA_STYLE.fill
};

/**
 * Register the laid-out regions as an ECharts map. Pass the `echarts` module or anything with
 * its `registerMap`; call again after a new layout (e.g. on resize).
 */
export function registerJatimMap(echarts: { registerMap: typeof registerMap }, name: string, features: readonly LayoutFeature[]): void {
  echarts.registerMap(name, { type: 'FeatureCollection', features: [...features] } as unknown as Parameters<typeof registerMap>[1]);
}

// ---------------------------------------------------------------------------------------------
// Shared with the tile grid: colours per value and the piecewise legend.

/** Fill for a value: its class colour, or the no-data fill. */
export function fillFor(value: number | null, classes: Classification, palette: Palette): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA_STYLE.fill;
  const c = classIndex(value, classes.breaks);
  return c === null ? NO_DATA_STYLE.fill : (palette.colors[c] ?? NO_DATA_STYLE.fill);
}

export interface LegendPlacement {
  /** 'inside' draws the ECharts legend at (left, top); 'none' hides it (the page renders its own). */
  legend?: 'inside' | 'none';
  left?: number;
  top?: number;
}

const LEGEND_ITEM_H = 10;
const LEGEND_GAP = 5;
const LEGEND_FONT = 10;
/**
 * Where ECharts draws the first piecewise swatch relative to (left, top): its default padding (5)
 * plus 10 px, measured in SSR output. The no-data swatch is aligned with the pieces using it.
 */
const LEGEND_ORIGIN_OFFSET = 15;
const LEGEND_TEXT_X = 26;

/**
 * A piecewise visualMap with one piece per class, labelled "from – to (count)". Pieces follow the
 * classification's convention: class 0 includes its lower break, later classes exclude it.
 */
export function classVisualMap(
  classes: Classification,
  palette: Palette,
  seriesIndex: number,
  place: LegendPlacement & LegendTextOptions
): EChartsOption['visualMap'] {
  const pieces = classes.classes.map((c) => ({
    ...(c.index === 0 ? { gte: c.from } : { gt: c.from }),
    lte: c.to,
    color: palette.colors[c.index],
    label: `${classLabel(c.from, c.to, place)} (${c.count})`
  }));
  return {
    type: 'piecewise',
    show: place.legend !== 'none',
    seriesIndex,
    pieces,
    orient: 'vertical',
    left: place.left ?? 8,
    top: place.top ?? 8,
    itemWidth: 16,
    itemHeight: LEGEND_ITEM_H,
    itemGap: LEGEND_GAP,
    textStyle: { fontSize: LEGEND_FONT, color: '#333333' },
    // Clicking a legend piece must not hide regions: the map has to stay complete.
    selectedMode: false,
    // Sequential and diverging palettes read low → high downwards.
    inverse: true
  };
}

/** Hatched no-data swatch placed right under the visualMap pieces, as graphic elements. */
export function noDataLegendGraphic(classes: Classification, place: LegendPlacement, noDataLabel: string): GraphicItem[] {
  if (place.legend === 'none' || classes.noDataCount === 0) return [];
  const x = (place.left ?? 8) + LEGEND_ORIGIN_OFFSET;
  const y = (place.top ?? 8) + LEGEND_ORIGIN_OFFSET + classes.k * (LEGEND_ITEM_H + LEGEND_GAP);
  return [
    {
      type: 'rect',
      silent: true,
      shape: { x, y, width: 16, height: LEGEND_ITEM_H },
      style: { fill: NO_DATA_STYLE.fill, stroke: NO_DATA_STYLE.border, lineWidth: 0.8 }
    },
    {
      type: 'text',
      silent: true,
      x: x + LEGEND_TEXT_X,
      y: y + LEGEND_ITEM_H / 2,
      style: { text: `${noDataLabel} (${classes.noDataCount})`, fontSize: LEGEND_FONT, fill: '#333333', verticalAlign: 'middle' }
    }
  ];
}

// ---------------------------------------------------------------------------------------------
// Choropleth

export interface ChoroplethInput extends LegendPlacement, LegendTextOptions {
  /** Regions in screen pixels, from `layoutFeatures`. */
  features: readonly LayoutFeature[];
  insets: readonly InsetFrame[];
  /** Canvas of the layout; the chart should have this size for pixel-exact placement. */
  width: number;
  height: number;
  values: readonly RegionValue[];
  classes: Classification;
  palette: Palette;
  noDataLabel: string;
  /** Tooltip HTML for a region; default "nama: value unit" or the no-data label. */
  tooltipFormatter?: (kode: string) => string;
  selected?: string;
  focused?: string;
  showLabels: boolean;
  /** Name passed to {@link registerJatimMap}; default {@link JATIM_MAP_NAME}. */
  mapName?: string;
}

/** Build the choropleth option: one `map` series, a piecewise legend, inset frames as graphics. */
export function choroplethOption(input: ChoroplethInput): EChartsOption {
  const byKode = new Map(input.values.map((v) => [v.kode, v]));
  const format = input.format ?? ((v: number) => v.toLocaleString('id-ID', { maximumFractionDigits: 2 }));
  const unit = input.unit ? ` ${input.unit}` : '';
  const defaultTooltip = (kode: string): string => {
    const v = byKode.get(kode);
    const shown = v?.value === null || v?.value === undefined ? input.noDataLabel : `${format(v.value)}${unit}`;
    return `${escapeHtml(v?.nama ?? kode)}: ${escapeHtml(shown)}`;
  };
  const tooltip = input.tooltipFormatter ?? defaultTooltip;

  const data = input.features.map((f) => regionItem(f.properties.kode, byKode.get(f.properties.kode), input));

  // No ECharts `aria`: the map's accessible name is its card title (Chart's role="img"), in the
  // reader's language, and its table is the text alternative; ECharts' aria would replace that
  // name with a fixed Indonesian description.
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: (p: unknown) => tooltip((p as { name: string }).name) },
    visualMap: classVisualMap(input.classes, input.palette, 0, input),
    graphic: [
      ...insetGraphics(input.insets),
      ...(input.showLabels ? calloutLines(input.features, input.width) : []),
      ...noDataLegendGraphic(input.classes, input, input.noDataLabel)
    ],
    series: [
      {
        type: 'map',
        map: input.mapName ?? JATIM_MAP_NAME,
        // Identity projection: the layout already projected the regions into pixels (y down).
        projection: { project: (p: number[]) => p, unproject: (p: number[]) => p },
        boundingCoords: [
          [0, 0],
          [input.width, input.height]
        ],
        left: 0,
        top: 0,
        width: input.width,
        height: input.height,
        aspectScale: 1,
        roam: false,
        selectedMode: 'single',
        itemStyle: { areaColor: NO_DATA_STYLE.fill, ...REGION_BORDER },
        label: { show: false },
        data
      }
    ]
  } as EChartsOption;
}

type ItemInput = Pick<ChoroplethInput, 'classes' | 'palette' | 'selected' | 'focused' | 'showLabels' | 'width'>;

/** One map data item: fill, hatch for no data, highlight styles and the optional label. */
function regionItem(kode: string, v: RegionValue | undefined, input: ItemInput) {
  const value = v?.value ?? null;
  const fill = fillFor(value, input.classes, input.palette);
  const noData = value === null || !Number.isFinite(value);
  const base = { areaColor: fill, ...REGION_BORDER, ...(noData ? { decal: NO_DATA_DECAL } : {}) };
  const highlighted = { ...base, ...HIGHLIGHT_BORDER };
  const isFocused = input.focused === kode;
  return {
    name: kode,
    // '-' is ECharts' "no data"; the visualMap then leaves the no-data style alone.
    value: noData ? '-' : value,
    selected: input.selected === kode,
    itemStyle: isFocused ? highlighted : base,
    emphasis: { itemStyle: highlighted, label: { show: input.showLabels } },
    select: { itemStyle: highlighted },
    label: {
      ...regionLabel(kode, v?.nama ?? kode, fill, input.showLabels && (isKota(kode) || input.width >= KABUPATEN_LABEL_MIN_WIDTH)),
      ...(CALLOUT_OFFSETS[kode] ? { offset: calloutOffset(kode, input.width) } : {})
    }
  };
}

/**
 * Short names at each region's label anchor (`cp`). Kota are small, so their labels get a white
 * halo and bold type to stay findable; kabupaten labels are plain and pick black/white by contrast
 * (and are left out on narrow canvases, see {@link KABUPATEN_LABEL_MIN_WIDTH}).
 */
function regionLabel(kode: string, nama: string, fill: string, show: boolean) {
  if (!show) return { show: false };
  const kota = isKota(kode);
  return {
    show: true,
    formatter: kota ? nama.replace(/^Kota /, 'K. ') : nama,
    fontSize: kota ? 9 : 8,
    fontWeight: kota ? ('bold' as const) : ('normal' as const),
    color: kota ? '#000000' : textColorOn(fill),
    ...(kota ? { textBorderColor: '#ffffff', textBorderWidth: 2 } : {})
  };
}

/**
 * Kota whose label would sit on a neighbour's label or hide the kota itself get a callout: the
 * label moves by this offset (px on an 800 px wide canvas, scaled) and a thin line points back.
 * Batu and Kota Malang are neighbours, so they push apart; coastal kota push out to sea.
 */
const CALLOUT_OFFSETS: Record<string, [number, number]> = {
  '3579': [-26, -6], // Kota Batu: west
  '3573': [30, 6], // Kota Malang: east
  '3575': [2, -16], // Kota Pasuruan: north, into the strait
  '3574': [6, -16], // Kota Probolinggo: north, into the strait
  '3578': [30, -2] // Kota Surabaya: east, into the Madura strait
};

function calloutOffset(kode: string, width: number): [number, number] {
  const [dx, dy] = CALLOUT_OFFSETS[kode];
  const k = Math.min(1.5, Math.max(0.5, width / 800));
  return [Math.round(dx * k), Math.round(dy * k)];
}

/** Thin leader lines from each kota's anchor towards its moved label. */
function calloutLines(features: readonly LayoutFeature[], width: number): GraphicItem[] {
  return features
    .filter((f) => CALLOUT_OFFSETS[f.properties.kode])
    .map((f) => {
      const [x, y] = f.properties.cp;
      const [dx, dy] = calloutOffset(f.properties.kode, width);
      // Stop short of the text so the line does not run through it.
      const stop = Math.max(0, 1 - 8 / Math.hypot(dx, dy));
      return {
        type: 'line' as const,
        id: `callout-${f.properties.kode}`,
        silent: true,
        z: 10,
        shape: { x1: x, y1: y, x2: x + dx * stop, y2: y + dy * stop },
        style: { stroke: '#333333', lineWidth: 0.8 }
      };
    });
}

/** Dashed frames with a caption for the far-island insets. */
function insetGraphics(insets: readonly InsetFrame[]): GraphicItem[] {
  return insets.flatMap((frame) => [
    {
      type: 'rect' as const,
      id: `inset-${frame.id}`,
      silent: true,
      shape: { x: frame.x, y: frame.y, width: frame.width, height: frame.height },
      style: { fill: 'none', stroke: '#9e9e9e', lineWidth: 1, lineDash: [3, 2] }
    },
    {
      type: 'text' as const,
      id: `inset-${frame.id}-label`,
      silent: true,
      x: frame.x + 4,
      y: frame.y + 2,
      style: { text: frame.label, fontSize: 10, fill: '#555555' }
    }
  ]);
}

/** Text from data inside tooltip HTML: & < > " ' as character references. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
