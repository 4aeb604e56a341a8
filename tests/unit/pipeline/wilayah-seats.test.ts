/**
 * The seat coordinates in data/wilayah.csv were typed in by hand: each must lie inside (or within
 * 2 km of) its own region's boundary, so a swapped digit or a wrong town is caught.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoContains, geoDistance } from 'd3-geo';
import { parseCsvRecords } from '../../../src/lib/pipeline/csv';
import { jatimFeatures } from '../map/fixtures';
import { ROOT } from './helpers';

const EARTH_KM = 6371;

describe('region seats', () => {
  it('every seat lies in its own region', async () => {
    const [header, ...rows] = parseCsvRecords(readFileSync(join(ROOT, 'data/wilayah.csv'), 'utf8'));
    const at = (r: string[], c: string) => r[header.indexOf(c)];
    const features = await jatimFeatures();
    expect(rows).toHaveLength(38);
    for (const r of rows) {
      const kode = at(r, 'kode');
      const seat: [number, number] = [Number(at(r, 'lon')), Number(at(r, 'lat'))];
      const f = features.find((x) => x.properties.kode === kode);
      expect(f, kode).toBeDefined();
      if (geoContains(f!, seat)) continue;
      // Outside: measure the distance to the nearest boundary vertex.
      let best = Infinity;
      for (const poly of f!.geometry.coordinates)
        for (const ring of poly) for (const p of ring) best = Math.min(best, geoDistance(seat, p as [number, number]) * EARTH_KM);
      expect(best, `${kode} ${at(r, 'nama')} seat is ${best.toFixed(1)} km outside`).toBeLessThan(2);
    }
  });
});
