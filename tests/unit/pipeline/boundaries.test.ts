import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buildBoundaries, normaliseCode, WILAYAH_OBJECT, type BuiltBoundaries } from '../../../src/lib/pipeline/boundaries';
import { JATIM_CODES } from '../../../src/lib/map/regions';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const referenceFile = path.resolve(repoRoot, '../shared/reference/geo/jatim_kabkota.geojson');
const expectedCodes = [...JATIM_CODES];

function features(built: BuiltBoundaries): FeatureCollection<Polygon | MultiPolygon, { kode: string }> {
  return feature(built.topology, built.topology.objects[WILAYAH_OBJECT]) as FeatureCollection<Polygon | MultiPolygon, { kode: string }>;
}

function checkBuilt(built: BuiltBoundaries): void {
  const fc = features(built);
  expect(fc.features.map((f) => String(f.id))).toEqual(expectedCodes);
  expect(fc.features.map((f) => f.properties.kode)).toEqual(expectedCodes);
  for (const f of fc.features) {
    expect(f.geometry.coordinates.length, `${f.id} non-empty`).toBeGreaterThan(0);
    const area = geoArea(f);
    // Correct d3 winding: a region is a tiny part of the sphere, never "globe minus region".
    expect(area, `${f.id} winding`).toBeGreaterThan(0);
    expect(area, `${f.id} winding`).toBeLessThan(2 * Math.PI);
    expect(area).toBeLessThan(1e-3);
  }
  const json = JSON.stringify(built.topology);
  expect(json.length).toBeLessThan(150_000);
  expect(built.stats.bytes).toBe(json.length);
  expect(built.stats.sharedArcs).toBeGreaterThan(50);
}

describe('buildBoundaries, default GADM 4.1 source', () => {
  let built: BuiltBoundaries;
  beforeAll(async () => {
    built = await buildBoundaries({ expectedCodes });
  });

  it('has the 38 regions, correct winding, shared borders and fits the size budget', () => {
    checkBuilt(built);
    expect(built.stats.bytes).toBeGreaterThan(40_000); // still detailed enough to recognise
    expect(built.source.name).toBe('GADM 4.1');
    expect(built.stats.codeProperty).toBe('CC_2');
  });

  it('is deterministic', async () => {
    const again = await buildBoundaries({ expectedCodes });
    expect(JSON.stringify(again.topology)).toBe(JSON.stringify(built.topology));
  });

  it('keeps no presimplify weights in the output', () => {
    for (const arc of built.topology.arcs) for (const pt of arc) expect(pt.length).toBe(2);
  });
});

describe('buildBoundaries with a --boundaries file', () => {
  it('reads the cahyadsn reference file (kab_code, RFC 7946 winding) and credits it', async () => {
    const built = await buildBoundaries({ file: referenceFile, expectedCodes });
    checkBuilt(built);
    expect(built.stats.codeProperty).toBe('kab_code');
    expect(built.stats.rewoundPolygons).toBeGreaterThan(0);
    expect(built.source.name).toContain('cahyadsn/wilayah_boundaries');
    expect(built.source.licence).toBe('MIT');
  });

  it('accepts dotted codes such as 35.01 and an explicit credit', async () => {
    const fc = JSON.parse(await readFile(referenceFile, 'utf8')) as FeatureCollection;
    for (const f of fc.features) {
      const code = String(f.properties!.kab_code);
      f.properties = { kode: `${code.slice(0, 2)}.${code.slice(2)}` };
    }
    const file = await writeTemp('dotted.geojson', fc);
    const credit = { name: 'Test', licence: 'CC0' };
    const built = await buildBoundaries({ file, expectedCodes, credit });
    expect(built.stats.codeProperty).toBe('kode');
    expect(features(built).features.map((f) => f.id)).toEqual(expectedCodes);
    expect(built.source).toEqual(credit);
  });
});

describe('buildBoundaries rejects bad files', () => {
  let base: FeatureCollection;
  beforeAll(async () => {
    base = JSON.parse(await readFile(referenceFile, 'utf8')) as FeatureCollection;
  });
  const variant = (edit: (fc: FeatureCollection) => void): FeatureCollection => {
    const copy = structuredClone(base);
    edit(copy);
    return copy;
  };

  it('not a FeatureCollection', async () => {
    const file = await writeTemp('geometry.geojson', { type: 'Feature', geometry: null, properties: {} });
    await expect(buildBoundaries({ file, expectedCodes })).rejects.toThrow(/geometry\.geojson.*FeatureCollection/);
  });

  it('missing code names the feature index and property', async () => {
    const file = await writeTemp(
      'missing.geojson',
      variant((fc) => delete fc.features[3].properties!.kab_code)
    );
    await expect(buildBoundaries({ file, expectedCodes, codeProperty: 'kab_code' })).rejects.toThrow(
      /missing\.geojson: feature 3: property "kab_code".*every feature has a code/
    );
  });

  it('duplicate code', async () => {
    const file = await writeTemp(
      'dup.geojson',
      variant((fc) => (fc.features[5].properties!.kab_code = '3501'))
    );
    await expect(buildBoundaries({ file, expectedCodes })).rejects.toThrow(/feature 5: property "kab_code".*exactly once.*duplicate code 3501/);
  });

  it('unknown code', async () => {
    const file = await writeTemp(
      'unknown.geojson',
      variant((fc) => (fc.features[7].properties!.kab_code = '3599'))
    );
    await expect(buildBoundaries({ file, expectedCodes })).rejects.toThrow(/feature 7: property "kab_code".*no unknown code.*3599/);
  });

  it('expected code absent', async () => {
    const file = await writeTemp(
      'short.geojson',
      variant((fc) => fc.features.pop())
    );
    await expect(buildBoundaries({ file, expectedCodes })).rejects.toThrow(/short\.geojson.*every expected code exactly once.*missing/);
  });

  it('no recognisable code property', async () => {
    const file = await writeTemp(
      'nocode.geojson',
      variant((fc) => fc.features.forEach((f) => (f.properties = { nama: 'x' })))
    );
    await expect(buildBoundaries({ file, expectedCodes })).rejects.toThrow(/nocode\.geojson: feature 0.*code property/);
  });
});

describe('normaliseCode', () => {
  it('normalises dotted, numeric and padded codes', () => {
    expect(normaliseCode('35.01')).toBe('3501');
    expect(normaliseCode(3578)).toBe('3578');
    expect(normaliseCode(' 3571 ')).toBe('3571');
    expect(normaliseCode('')).toBeNull();
    expect(normaliseCode(undefined)).toBeNull();
  });
});

let tempDir: string | undefined;
async function writeTemp(name: string, json: unknown): Promise<string> {
  tempDir ??= await mkdtemp(path.join(os.tmpdir(), 'dampak-boundaries-'));
  const file = path.join(tempDir, name);
  await writeFile(file, JSON.stringify(json));
  return file;
}
