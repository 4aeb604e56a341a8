import { describe, it, expect, beforeAll } from 'vitest';
import * as echarts from 'echarts';
import { jatimFeatures } from './fixtures';
import { layoutFeatures, type MapLayout } from '../../../src/lib/map/projection';
import { JATIM_REGIONS } from '../../../src/lib/map/regions';
import { classify, type Classification } from '../../../src/lib/map/classify';
import { sequentialPalette, NO_DATA_STYLE, type Palette } from '../../../src/lib/map/palette';
import { bboxOf, type Point } from '../../../src/lib/map/planar';
import { JATIM_TILES } from '../../../src/lib/map/tilegrid';
import {
  choroplethOption,
  registerJatimMap,
  JATIM_MAP_NAME,
  HIGHLIGHT_BORDER,
  type ChoroplethInput,
  type RegionValue
} from '../../../src/lib/charts/options/choropleth';
import { tileGridOption } from '../../../src/lib/charts/options/tilegrid';

const W = 800;
const H = 500;
const NO_DATA = 'Tidak ada data';

// Kediri (3506) has no data; values otherwise spread over 5..21.
const values: RegionValue[] = JATIM_REGIONS.map((r, i) => ({
  kode: r.kode,
  nama: r.nama,
  value: r.kode === '3506' ? null : 5 + ((i * 7) % 17)
}));

type AnyRecord = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let layout: MapLayout;
let classes: Classification;
let palette: Palette;
beforeAll(async () => {
  layout = layoutFeatures(await jatimFeatures(), { width: W, height: H });
  classes = classify(
    values.map((v) => v.value),
    5,
    'jenks'
  );
  palette = sequentialPalette(classes.k);
});

function input(extra: Partial<ChoroplethInput> = {}): ChoroplethInput {
  return {
    features: layout.features,
    insets: layout.insets,
    width: W,
    height: H,
    values,
    classes,
    palette,
    noDataLabel: NO_DATA,
    showLabels: true,
    unit: '%',
    ...extra
  };
}

function renderSvg(option: ReturnType<typeof choroplethOption>, width = W, height = H): string {
  registerJatimMap(echarts, JATIM_MAP_NAME, layout.features);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

describe('choroplethOption structure', () => {
  it('has 38 items, one legend piece per class with counts, and styles no data apart', () => {
    const opt = choroplethOption(input({ focused: '3578', selected: '3507' })) as AnyRecord;
    const series = opt.series[0];
    expect(series.type).toBe('map');
    expect(series.data).toHaveLength(38);
    const pieces = opt.visualMap.pieces as AnyRecord[];
    expect(pieces).toHaveLength(classes.k);
    expect(pieces.map((p) => p.color)).toEqual(palette.colors);
    expect(pieces[0].label).toMatch(/\(\d+\)$/);

    const kediri = series.data.find((d: AnyRecord) => d.name === '3506');
    expect(kediri.value).toBe('-');
    expect(kediri.itemStyle.areaColor).toBe(NO_DATA_STYLE.fill);
    expect(kediri.itemStyle.decal).toBeDefined();
    const coloured = series.data.filter((d: AnyRecord) => d.name !== '3506');
    for (const d of coloured) expect(palette.colors).toContain(d.itemStyle.areaColor);
  });

  it('outlines the focused and selected regions thickly', () => {
    const opt = choroplethOption(input({ focused: '3578', selected: '3507' })) as AnyRecord;
    const data = opt.series[0].data as AnyRecord[];
    const surabaya = data.find((d) => d.name === '3578')!;
    expect(surabaya.itemStyle).toMatchObject(HIGHLIGHT_BORDER);
    expect(surabaya.emphasis.itemStyle).toMatchObject(HIGHLIGHT_BORDER);
    const malang = data.find((d) => d.name === '3507')!;
    expect(malang.selected).toBe(true);
    expect(malang.select.itemStyle).toMatchObject(HIGHLIGHT_BORDER);
    // Hover keeps the class colour instead of ECharts' default yellow.
    expect(malang.emphasis.itemStyle.areaColor).toBe(malang.itemStyle.areaColor);
    expect(data.find((d) => d.name === '3501')!.itemStyle.borderWidth).toBeLessThan(HIGHLIGHT_BORDER.borderWidth);
  });

  it('labels kota with a halo only when showLabels', () => {
    const on = (choroplethOption(input()) as AnyRecord).series[0].data as AnyRecord[];
    const kotaMalang = on.find((d) => d.name === '3573')!;
    expect(kotaMalang.label).toMatchObject({ show: true, formatter: 'K. Malang', textBorderColor: '#ffffff' });
    // Batu and Kota Malang are neighbours: their labels move apart, with leader lines.
    expect(kotaMalang.label.offset[0]).toBeGreaterThan(0);
    expect(on.find((d) => d.name === '3579')!.label.offset[0]).toBeLessThan(0);
    const lines = ((choroplethOption(input()) as AnyRecord).graphic as AnyRecord[]).filter((g) => g.type === 'line');
    expect(lines.map((l) => l.id)).toEqual(expect.arrayContaining(['callout-3573', 'callout-3579']));
    // On a phone-width canvas only the kota keep their labels.
    const narrow = (choroplethOption(input({ width: 360 })) as AnyRecord).series[0].data as AnyRecord[];
    expect(narrow.find((d) => d.name === '3501')!.label.show).toBe(false);
    expect(narrow.find((d) => d.name === '3573')!.label.show).toBe(true);
    const off = (choroplethOption(input({ showLabels: false })) as AnyRecord).series[0].data as AnyRecord[];
    expect(off.every((d) => d.label.show === false)).toBe(true);
    const offGraphic = (choroplethOption(input({ showLabels: false })) as AnyRecord).graphic as AnyRecord[];
    expect(offGraphic.some((g) => g.type === 'line')).toBe(false);
  });

  it('draws labelled inset frames and a tooltip that names the region', () => {
    const opt = choroplethOption(input()) as AnyRecord;
    const texts = (opt.graphic as AnyRecord[]).filter((g) => g.type === 'text').map((g) => g.style.text);
    expect(texts).toEqual(expect.arrayContaining(['Bawean', 'Masalembu', 'Kangean', `${NO_DATA} (1)`]));
    expect(opt.tooltip.formatter({ name: '3578' })).toMatch(/^Kota Surabaya: \d+ %$/);
    expect(opt.tooltip.formatter({ name: '3506' })).toBe(`Kediri: ${NO_DATA}`);
    const custom = choroplethOption(input({ tooltipFormatter: (k) => `kode ${k}` })) as AnyRecord;
    expect(custom.tooltip.formatter({ name: '3501' })).toBe('kode 3501');
  });
});

describe('choropleth SSR render', () => {
  it('draws 38 region paths at the layout pixels, north up', () => {
    const svg = renderSvg(choroplethOption(input({ legend: 'none', insets: [], showLabels: false })));
    const body = svg.replace(/<defs>[\s\S]*?<\/defs>/g, '').replace(/<pattern[\s\S]*?<\/pattern>/g, '');
    // The hatch of a no-data region is a second copy of its path filled with the decal pattern.
    const paths = [...body.matchAll(/<path d="([^"]+)"([^>]*)>/g)].filter((m) => !m[2].includes('fill="url(')).map((m) => m[1]);
    expect(paths).toHaveLength(38);
    // Compare region bounding boxes: a flipped or rescaled map would not match.
    const pathBoxes = paths.map((d) => {
      const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      const pts: Point[] = [];
      for (let i = 0; i + 1 < nums.length; i += 2) pts.push([nums[i], nums[i + 1]]);
      return bboxOf([pts]);
    });
    const layoutBoxes = layout.features.map((f) => bboxOf(f.geometry.coordinates.flat()));
    const key = (b: { x0: number; y0: number }) => b.x0 * 1000 + b.y0;
    pathBoxes.sort((a, b) => key(a) - key(b));
    layoutBoxes.sort((a, b) => key(a) - key(b));
    pathBoxes.forEach((b, i) => {
      for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs(b[k] - layoutBoxes[i][k])).toBeLessThan(1.5);
    });
  });

  it('renders the full option with legend, insets, labels and hatch', () => {
    const svg = renderSvg(choroplethOption(input({ focused: '3578', selected: '3507' })));
    for (const t of ['Bawean', 'Masalembu', 'Kangean', 'K. Surabaya', `${NO_DATA} (1)`]) expect(svg).toContain(t);
    expect(svg).toContain('<pattern');
  });
});

describe('tileGridOption', () => {
  it('has 38 tiles with the choropleth colours and legend', () => {
    const opt = tileGridOption({ tiles: JATIM_TILES, values, classes, palette, noDataLabel: NO_DATA, width: 600, height: 400, selected: '3578' }) as AnyRecord;
    const series = opt.series[0];
    expect(series.type).toBe('custom');
    expect(series.data).toHaveLength(38);
    expect(opt.visualMap.pieces).toHaveLength(classes.k);
    expect(series.data.find((d: AnyRecord) => d.name === '3506').value[2]).toBe('-');
    expect(series.data.find((d: AnyRecord) => d.name === '3578').selected).toBe(true);
  });

  it('renders 38 tiles with short names in SSR', () => {
    const opt = tileGridOption({ tiles: JATIM_TILES, values, classes, palette, noDataLabel: NO_DATA, width: 600, height: 400, focused: '3529' });
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 400 });
    let svg: string;
    try {
      chart.setOption(opt);
      svg = chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
    for (const t of ['Pacitan', 'Sumenep', 'K.Sura', 'Kota Batu']) expect(svg).toContain(t);
    const kediriFill = NO_DATA_STYLE.fill;
    expect(svg).toContain(kediriFill);
  });
});
