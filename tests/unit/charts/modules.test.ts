import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { EChartsOption } from 'echarts';
import { modulesFor, needsNewInstance } from '../../../src/lib/charts/modules';
import { realisasiOption } from '../../../src/lib/charts/options/realisasi';
import { trendOption } from '../../../src/lib/charts/options/trend';

const sorted = (s: Set<string>) => [...s].sort();

describe('ECharts modules an option needs', () => {
  it('a line chart with a legend and tooltip loads only those', () => {
    const o = trendOption({ years: [2020, 2021], lines: [{ name: 'a', values: [1, null], color: '#000' }], format: String });
    const need = modulesFor(o);
    expect(need.has('line')).toBe(true);
    expect(need.has('grid')).toBe(true);
    for (const absent of ['map', 'brush', 'visualmap-piecewise', 'custom', 'scatter']) expect(need.has(absent as never)).toBe(false);
  });

  it('the programme trend: exactly bars, line, axes, legend, tooltip and the brush; the selected band adds markArea', () => {
    const input = {
      labels: ['Jan', 'Feb'],
      realised: [1, 2],
      target: [2, 2],
      names: { realised: 'r', target: 't' },
      selected: null,
      format: String,
      cumulative: false
    };
    expect(sorted(modulesFor(realisasiOption(input)))).toEqual(['bar', 'brush', 'grid', 'legend', 'line', 'tooltip']);
    expect(modulesFor(realisasiOption({ ...input, selected: [0, 1] })).has('markarea')).toBe(true);
  });

  it('drawn before the reader reaches for it, a chart loads no tooltip or brush (nothing else is left out)', () => {
    const o = realisasiOption({
      labels: ['Jan', 'Feb'],
      realised: [1, 2],
      target: [2, 2],
      names: { realised: 'r', target: 't' },
      selected: [0, 1],
      format: String,
      cumulative: false
    });
    expect(sorted(modulesFor(o, { interactive: false }))).toEqual(['bar', 'grid', 'legend', 'line', 'markarea']);
    expect(sorted(modulesFor(o, { interactive: true }))).toEqual(['bar', 'brush', 'grid', 'legend', 'line', 'markarea', 'tooltip']);
    const map: EChartsOption = { series: [{ type: 'map', map: 'x' }], tooltip: { trigger: 'item' }, visualMap: { pieces: [{ min: 0 }] }, graphic: [] };
    expect(sorted(modulesFor(map, { interactive: false }))).toEqual(['graphic', 'map', 'visualmap-piecewise']);
    // Only the brush brings events a drawn instance cannot hear: the trend is drawn anew, the map is not.
    expect(needsNewInstance(o)).toBe(true);
    expect(needsNewInstance(map)).toBe(false);
  });

  it('visualMap type follows ECharts: pieces mean piecewise, else continuous; unknown series fail loudly', () => {
    expect(modulesFor({ series: [{ type: 'map', map: 'x' }], visualMap: { pieces: [{ min: 0 }] } }).has('visualmap-piecewise')).toBe(true);
    expect(modulesFor({ series: [], visualMap: { min: 0, max: 1 } }).has('visualmap-continuous')).toBe(true);
    expect(modulesFor({ series: [{ type: 'line', markArea: { data: [] } }] }).has('markarea')).toBe(true);
    expect(() => modulesFor({ series: [{ type: 'sankey' }] })).toThrow('sankey');
  });

  it('a scrolling legend loads the scrolling module, a plain one only the plain legend', () => {
    expect(sorted(modulesFor({ series: [], legend: { type: 'scroll' } }))).toEqual(['legend-scroll']);
    expect(sorted(modulesFor({ series: [], legend: [{ top: 0 }, { type: 'plain' }] }))).toEqual(['legend']);
    expect(sorted(modulesFor({ series: [], legend: null } as never))).toEqual([]);
  });
});

describe('maps come from GeoJSON only', () => {
  it("the build swaps ECharts' SVG-map code for a stub that fails loudly", async () => {
    const config = (await import('../../../vite.config')).default as { plugins: unknown[] };
    const plugin = config.plugins.flat(3).find((p) => (p as { name?: string })?.name === 'dampak:echarts-geojson-maps-only') as {
      resolveId: (source: string, importer?: string) => string | undefined;
    };
    const geo = join(process.cwd(), 'node_modules/echarts/lib/coord/geo/geoSourceManager.js');
    expect(plugin.resolveId('./GeoSVGResource.js', geo)).toMatch(/src[\\/]lib[\\/]charts[\\/]no-svg-maps\.ts$/);
    expect(plugin.resolveId('./GeoSVGResource.js', join(process.cwd(), 'src/lib/x.ts'))).toBeUndefined();
    expect(plugin.resolveId('./GeoJSONResource.js', geo)).toBeUndefined();
    const { GeoSVGResource } = await import('../../../src/lib/charts/no-svg-maps');
    expect(() => new GeoSVGResource('peta')).toThrow(/SVG maps are not bundled \(map "peta"\)/);
  });
});
