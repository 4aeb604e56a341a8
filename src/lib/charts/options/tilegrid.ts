/**
 * Pure ECharts option builder for the tile-grid map ("peta petak"): one equal square per region,
 * coloured with the same classes, palette and legend as the choropleth. A `custom` series draws each
 * tile (rect + short name) on hidden value axes, so tiles stay square and text picks its contrast.
 */
import type { EChartsOption } from 'echarts';
import type { Classification } from '../../map/classify';
import { NO_DATA_STYLE, textColorOn, type Palette, type LegendTextOptions } from '../../map/palette';
import { tileLabel, type Tile } from '../../map/tilegrid';
import { classVisualMap, fillFor, noDataLegendGraphic, HIGHLIGHT_BORDER, NO_DATA_DECAL, type LegendPlacement, type RegionValue } from './choropleth';

export interface TileGridInput extends LegendPlacement, LegendTextOptions {
  tiles: readonly Tile[];
  values: readonly RegionValue[];
  classes: Classification;
  palette: Palette;
  noDataLabel: string;
  /** Chart size in px; tiles are squares fitted into the area right of the legend. */
  width: number;
  height: number;
  tooltipFormatter?: (kode: string) => string;
  selected?: string;
  focused?: string;
  /** Width kept free on the left for the legend (default 130 px, 0 when the legend is hidden). */
  legendWidth?: number;
}

/** Minimal shape of the renderItem API we use (ECharts' own type is not exported usefully). */
interface TileApi {
  value: (dim: number) => number;
  coord: (p: [number, number]) => number[];
  size: (p: [number, number]) => number[];
}

/** Build the tile-grid option. Data items: [col, row, value|'-'], named by BPS code. */
export function tileGridOption(input: TileGridInput): EChartsOption {
  const byKode = new Map(input.values.map((v) => [v.kode, v]));
  const cols = Math.max(...input.tiles.map((t) => t.col)) + 1;
  const rows = Math.max(...input.tiles.map((t) => t.row)) + 1;
  const legendW = input.legend === 'none' ? 0 : (input.legendWidth ?? 130);
  const cell = Math.max(4, Math.min((input.width - legendW - 8) / cols, (input.height - 8) / rows));

  const items = input.tiles.map((t) => {
    const v = byKode.get(t.kode);
    const value = v?.value ?? null;
    const noData = value === null || !Number.isFinite(value);
    return { tile: t, nama: v?.nama ?? t.kode, value, noData, fill: fillFor(value, input.classes, input.palette) };
  });
  const tooltip =
    input.tooltipFormatter ??
    ((kode: string) => {
      const it = items.find((i) => i.tile.kode === kode);
      const shown = !it || it.noData ? input.noDataLabel : `${it.value}${input.unit ? ` ${input.unit}` : ''}`;
      return `${it?.nama ?? kode}: ${shown}`;
    });

  const renderItem = (params: { dataIndex: number }, api: TileApi) => {
    const it = items[params.dataIndex];
    const [x, y] = api.coord([api.value(0), api.value(1)]);
    const [w, h] = api.size([1, 1]);
    const highlighted = input.selected === it.tile.kode || input.focused === it.tile.kode;
    const gap = 1.5;
    return {
      type: 'group',
      children: [
        {
          type: 'rect',
          shape: { x: x - w / 2 + gap, y: y - h / 2 + gap, width: w - 2 * gap, height: h - 2 * gap, r: 2 },
          style: {
            fill: it.fill,
            stroke: highlighted ? HIGHLIGHT_BORDER.borderColor : it.noData ? NO_DATA_STYLE.border : 'none',
            lineWidth: highlighted ? HIGHLIGHT_BORDER.borderWidth : 0.8,
            ...(it.noData ? { decal: NO_DATA_DECAL } : {})
          }
        },
        {
          type: 'text',
          silent: true,
          style: {
            // Characters that fit the tile at this font size (~0.58 em per character).
            text: tileLabel(it.tile.kode, Math.floor((w - 6) / (0.58 * Math.max(7, Math.min(11, w / 6))))),
            x,
            y,
            align: 'center',
            verticalAlign: 'middle',
            fontSize: Math.max(7, Math.min(11, w / 6)),
            fill: textColorOn(it.fill)
          }
        }
      ]
    };
  };

  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: (p: unknown) => tooltip((p as { name: string }).name) },
    grid: { left: legendW + 4, top: 4, width: cell * cols, height: cell * rows, containLabel: false },
    xAxis: { type: 'value', min: -0.5, max: cols - 0.5, show: false },
    yAxis: { type: 'value', min: -0.5, max: rows - 0.5, inverse: true, show: false },
    visualMap: classVisualMap(input.classes, input.palette, 0, { ...input, left: input.left ?? 4 }),
    graphic: noDataLegendGraphic(input.classes, { ...input, left: input.left ?? 4 }, input.noDataLabel),
    series: [
      {
        type: 'custom',
        // The fill comes from renderItem; the visualMap only supplies the legend.
        encode: { x: 0, y: 1, tooltip: 2 },
        selectedMode: 'single',
        renderItem: renderItem as never,
        data: items.map((it) => ({
          name: it.tile.kode,
          value: [it.tile.col, it.tile.row, it.noData ? '-' : (it.value as number)],
          selected: input.selected === it.tile.kode
        }))
      }
    ]
  } as EChartsOption;
}
