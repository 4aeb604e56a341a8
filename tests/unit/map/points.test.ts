import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { jatimFeatures } from './fixtures';
import { layoutFeatures, type MapLayout } from '../../../src/lib/map/projection';
import { pointInPolygon } from '../../../src/lib/map/planar';
import { parseCsvRecords } from '../../../src/lib/pipeline/csv';
import { JATIM_REGIONS } from '../../../src/lib/map/regions';
import { classify } from '../../../src/lib/map/classify';
import { sequentialPalette } from '../../../src/lib/map/palette';
import { choroplethOption } from '../../../src/lib/charts/options/choropleth';
import { POINT_COLORS, withPoints } from '../../../src/lib/charts/options/mappoints';

type AnyRecord = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const [, ...seats] = parseCsvRecords(readFileSync('data/wilayah.csv', 'utf8')).filter((r) => r.length > 1);
let layout: MapLayout;
beforeAll(async () => {
  layout = layoutFeatures(await jatimFeatures(), { width: 800, height: 500 });
});

describe('points on the map', () => {
  it('projects each mainland seat into its own region (where the units stand)', () => {
    let inside = 0;
    for (const [kode, , , , lat, lon] of seats) {
      const f = layout.features.find((x) => x.id === kode)!;
      if (f.geometry.coordinates.some((poly) => pointInPolygon(layout.project(Number(lon), Number(lat)), poly))) inside++;
    }
    // Every seat lies in its region on the ground (wilayah-seats.test); on the simplified map a
    // coastal seat may fall a pixel into the sea, never into another region.
    expect(inside).toBeGreaterThanOrEqual(36);
  });

  it('adds one scatter series per group after the map series, at the layout pixels, and routes tooltips', () => {
    const values = JATIM_REGIONS.map((r) => ({ kode: r.kode, nama: r.nama, value: 1 }));
    const classes = classify(
      values.map((v) => v.value),
      3,
      'jenks'
    );
    const map = choroplethOption({
      features: layout.features,
      insets: layout.insets,
      width: 800,
      height: 500,
      values,
      classes,
      palette: sequentialPalette(classes.k),
      noDataLabel: '-',
      showLabels: false
    });
    const o = withPoints(map, {
      points: [
        { id: 'a', at: [100, 200], group: 'lansia' },
        { id: 'b', at: [300, 50], group: 'anak' },
        { id: 'c', at: [310, 60], group: 'lansia' }
      ],
      groups: [
        { id: 'anak', label: 'Anak', color: POINT_COLORS[0] },
        { id: 'lansia', label: 'Lansia', color: POINT_COLORS[2] },
        { id: 'remaja', label: 'Remaja', color: POINT_COLORS[1] }
      ],
      width: 800,
      height: 500,
      tooltip: (id) => `unit ${id}`,
      selected: 'c'
    }) as AnyRecord;
    expect(o.series.map((s: AnyRecord) => s.type)).toEqual(['map', 'scatter', 'scatter']);
    expect(o.series[1]).toMatchObject({ name: 'Anak', itemStyle: { color: POINT_COLORS[0] } });
    expect(o.series[2].data.map((d: AnyRecord) => [d.name, d.value])).toEqual([
      ['a', [100, 200]],
      ['c', [310, 60]]
    ]);
    expect(o.series[2].data[1].symbolSize).toBeGreaterThan(o.series[2].symbolSize);
    expect(o.xAxis).toMatchObject({ min: 0, max: 800, show: false });
    expect(o.yAxis).toMatchObject({ min: 0, max: 500, inverse: true });
    expect(o.legend).toMatchObject({ data: ['Anak', 'Lansia'], selectedMode: false });
    expect(o.tooltip.formatter({ seriesType: 'scatter', name: 'b' })).toBe('unit b');
    expect(o.tooltip.formatter({ seriesType: 'map', name: '3501' })).toContain('Pacitan');
  });
});
