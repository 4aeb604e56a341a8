/**
 * Build-time (Node) boundary pipeline: GeoJSON kabupaten/kota polygons → one compact, deterministic
 * TopoJSON with an object `wilayah` whose geometries carry `id` = BPS code and `properties.kode`.
 *
 * Steps: read → detect code property → validate codes → rewind for d3 (pipeline/winding) → topology → simplify to a
 * byte budget → drop specks of islands → quantize.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { topology as buildTopology } from 'topojson-server';
import { presimplify, simplify, quantile, filter, filterWeight, planarRingArea } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { rewindSpherical } from './winding';

/** Where the polygons came from and how to credit them on the map. */
export interface BoundarySource {
  name: string;
  licence: string;
  url?: string;
}

/** Numbers about one build, for logs and tests. */
export interface BoundaryStats {
  features: number;
  /** Property the BPS code was read from. */
  codeProperty: string;
  /** Polygons whose rings were reversed to d3's winding. */
  rewoundPolygons: number;
  /** Arcs in the final topology, and how many are used by two or more geometries (shared borders). */
  arcs: number;
  sharedArcs: number;
  /** Vertex counts before and after simplification. */
  pointsIn: number;
  pointsOut: number;
  /** Share of simplifiable vertices kept (1 = no simplification), as in `toposimplify -P`. */
  retainedShare: number;
  /** Rings dropped because they were smaller than `minIslandArea`. */
  droppedRings: number;
  /** Length of `JSON.stringify(topology)`. */
  bytes: number;
}

export interface BuildBoundariesOptions {
  /** GeoJSON FeatureCollection to read; default: GADM 4.1 level 2 from `geojson-indonesia`, East Java only. */
  file?: string;
  /** Feature property holding the BPS code; auto-detected when omitted. */
  codeProperty?: string;
  /** The BPS codes that must each appear exactly once. */
  expectedCodes: string[];
  /** Credit for `file`; derived from the file name when omitted. */
  credit?: BoundarySource;
  /** Upper bound for the serialized TopoJSON, in bytes (default 100 000; the hard limit is 150 KB). */
  targetBytes?: number;
  /** Quantization of the output (default 1e5). */
  quantization?: number;
  /** Rings smaller than this (planar, in square degrees) are dropped; default 5e-6 (≈ 0.06 km²). */
  minIslandArea?: number;
}

export interface BuiltBoundaries {
  topology: Topology<{ wilayah: GeometryCollection<{ kode: string }> }>;
  source: BoundarySource;
  stats: BoundaryStats;
}

/** The object name inside the TopoJSON; the map code reads `topology.objects[WILAYAH_OBJECT]`. */
export const WILAYAH_OBJECT = 'wilayah';

/** Properties tried, in order, when `codeProperty` is not given. */
export const CODE_PROPERTY_CANDIDATES = ['CC_2', 'kab_code', 'kode', 'KODE', 'bps_code'] as const;

export const GADM_SOURCE: BoundarySource = {
  name: 'GADM 4.1',
  licence: 'free for non-commercial use (gadm.org/license)',
  url: 'https://gadm.org'
};

const CAHYADSN_SOURCE: BoundarySource = {
  name: 'cahyadsn/wilayah_boundaries',
  licence: 'MIT',
  url: 'https://github.com/cahyadsn/wilayah_boundaries'
};

const DEFAULT_TARGET_BYTES = 100_000;
const HARD_LIMIT_BYTES = 150_000;

/**
 * Build the East Java boundary topology.
 *
 * @throws Error naming the file, feature index, property and broken rule when the input is not a
 *   FeatureCollection, a code is missing/duplicated/unknown, or an expected code is absent.
 */
export async function buildBoundaries(opts: BuildBoundariesOptions): Promise<BuiltBoundaries> {
  const { label, collection, source, defaultProperty } = await loadSource(opts);
  const codeProperty = opts.codeProperty ?? defaultProperty ?? detectCodeProperty(collection, label);
  const features = validateCodes(collection, label, codeProperty, opts.expectedCodes);

  let rewoundPolygons = 0;
  const cleaned: Feature<MultiPolygon, { kode: string }>[] = features
    .map(({ kode, geometry }) => {
      const rewound = rewindSpherical(geometry);
      rewoundPolygons += rewound.reversed;
      return { type: 'Feature' as const, id: kode, properties: { kode }, geometry: rewound.geometry };
    })
    // Sorted by code so that the output does not depend on the input order.
    .sort((a, b) => (a.properties.kode < b.properties.kode ? -1 : 1));

  const { topology, stats } = compactTopology(cleaned, opts);
  return { topology, source, stats: { ...stats, codeProperty, rewoundPolygons } };
}

// ---------------------------------------------------------------------------------------------
// Loading

interface LoadedSource {
  label: string;
  collection: FeatureCollection;
  source: BoundarySource;
  defaultProperty?: string;
}

async function loadSource(opts: BuildBoundariesOptions): Promise<LoadedSource> {
  if (!opts.file) {
    const file = createRequire(import.meta.url).resolve('geojson-indonesia/geojson/gadm41_IDN_2.json');
    const all = await readJson(file, 'geojson-indonesia gadm41_IDN_2.json');
    assertFeatureCollection(all, file);
    const jatim = all.features.filter((f) => f.properties?.NAME_1 === 'JawaTimur');
    return {
      label: 'geojson-indonesia/geojson/gadm41_IDN_2.json (NAME_1 JawaTimur)',
      collection: { type: 'FeatureCollection', features: jatim },
      source: GADM_SOURCE,
      defaultProperty: 'CC_2'
    };
  }
  const json = await readJson(opts.file, opts.file);
  assertFeatureCollection(json, opts.file);
  return { label: opts.file, collection: json, source: opts.credit ?? creditFromFileName(opts.file) };
}

async function readJson(file: string, label: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`${label}: cannot read boundary file (${(e as Error).message})`, { cause: e });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${label}: not valid JSON (${(e as Error).message})`, { cause: e });
  }
}

function assertFeatureCollection(json: unknown, label: string): asserts json is FeatureCollection {
  const fc = json as Partial<FeatureCollection> | null;
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${label}: rule "must be a GeoJSON FeatureCollection" broken (type is ${JSON.stringify(fc?.type ?? null)})`);
  }
}

/** Guess a credit from a file name; callers should pass `credit` for anything unknown. */
export function creditFromFileName(file: string): BoundarySource {
  const base = path.basename(file).toLowerCase();
  if (base.includes('gadm')) return GADM_SOURCE;
  if (base.includes('jatim_kabkota') || base.includes('wilayah')) return CAHYADSN_SOURCE;
  return { name: path.basename(file), licence: 'unknown: check the source before publishing' };
}

// ---------------------------------------------------------------------------------------------
// Codes

/** Normalise '35.01', 3501 or ' 3501 ' to '3501'; returns null for empty values. */
export function normaliseCode(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const digits = String(value).replace(/[^0-9]/g, '');
  return digits.length > 0 ? digits : null;
}

function detectCodeProperty(fc: FeatureCollection, label: string): string {
  const first = fc.features.find((f) => f.properties);
  for (const candidate of CODE_PROPERTY_CANDIDATES) {
    if (first?.properties && candidate in first.properties) return candidate;
  }
  throw new Error(`${label}: feature 0: rule "a code property must exist" broken: none of ${CODE_PROPERTY_CANDIDATES.join(', ')} found; pass codeProperty`);
}

interface CodedGeometry {
  kode: string;
  geometry: Polygon | MultiPolygon;
}

function validateCodes(fc: FeatureCollection, label: string, prop: string, expected: string[]): CodedGeometry[] {
  const expectedSet = new Set(expected);
  const firstSeen = new Map<string, number>();
  const out: CodedGeometry[] = [];
  fc.features.forEach((f, i) => {
    const where = `${label}: feature ${i}: property "${prop}"`;
    const kode = normaliseCode(f?.properties?.[prop]);
    if (kode === null) throw new Error(`${where}: rule "every feature has a code" broken (value missing)`);
    if (!expectedSet.has(kode)) throw new Error(`${where}: rule "no unknown code" broken (code ${kode} is not expected)`);
    const earlier = firstSeen.get(kode);
    if (earlier !== undefined) {
      throw new Error(`${where}: rule "each code exactly once" broken (duplicate code ${kode}, first at feature ${earlier})`);
    }
    firstSeen.set(kode, i);
    const g = f.geometry as Geometry | null;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      throw new Error(`${where}: rule "geometry is a Polygon or MultiPolygon" broken (got ${g?.type ?? 'null'})`);
    }
    out.push({ kode, geometry: g });
  });
  const missing = expected.filter((c) => !firstSeen.has(c));
  if (missing.length > 0) {
    throw new Error(`${label}: property "${prop}": rule "every expected code exactly once" broken (missing ${missing.join(', ')})`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Topology, simplification, size budget

type WilayahTopology = BuiltBoundaries['topology'];
/** The Topology type topojson-simplify's declarations expect. */
type SimplifiableTopology = Parameters<typeof simplify>[0];

function compactTopology(
  features: Feature<MultiPolygon, { kode: string }>[],
  opts: BuildBoundariesOptions
): { topology: WilayahTopology; stats: Omit<BoundaryStats, 'codeProperty' | 'rewoundPolygons'> } {
  const target = Math.min(opts.targetBytes ?? DEFAULT_TARGET_BYTES, HARD_LIMIT_BYTES);
  const q = opts.quantization ?? 1e5;
  const minIslandArea = opts.minIslandArea ?? 5e-6;
  const raw = buildTopology({ [WILAYAH_OBJECT]: { type: 'FeatureCollection', features } as FeatureCollection });
  // The two @types packages disagree on the Topology type (see STACK-NOTES); the runtime shapes match.
  const pre = presimplify(raw as unknown as SimplifiableTopology);
  const pointsIn = countPoints(pre);

  const attempt = (retained: number) => finish(pre, retained, minIslandArea, q);
  let best = attempt(1);
  let bestRetained = 1;
  if (best.bytes > target) {
    // Binary search for the largest share of vertices that still fits the budget (14 steps ≈ 1e-4).
    let lo = 0;
    let hi = 1;
    best = attempt(lo);
    bestRetained = lo;
    for (let step = 0; step < 14; step++) {
      const mid = (lo + hi) / 2;
      const r = attempt(mid);
      if (r.bytes <= target) {
        lo = mid;
        best = r;
        bestRetained = mid;
      } else hi = mid;
    }
  }
  const { topology, bytes, droppedRings } = best;
  return {
    topology,
    stats: {
      features: features.length,
      arcs: topology.arcs.length,
      sharedArcs: countSharedArcs(topology),
      pointsIn,
      pointsOut: countPoints(topology),
      retainedShare: bestRetained,
      droppedRings,
      bytes
    }
  };
}

function finish(pre: SimplifiableTopology, retained: number, minIslandArea: number, q: number) {
  // quantile() sorts weights descending, so p is the share of vertices kept.
  const simplified = simplify(pre, retained >= 1 ? 0 : quantile(pre, retained));
  let droppedRings = 0;
  // filterWeight turns the arc-index rings that `filter` sees into coordinates for the weigher.
  const islandArea = (ring: [number, number][]): number => {
    const area = Math.abs(planarRingArea(ring));
    if (area < minIslandArea) droppedRings++;
    return area;
  };
  const filtered = filter(simplified, filterWeight(simplified, minIslandArea, islandArea));
  const topology = quantize(stripWeights(filtered), q) as unknown as WilayahTopology;
  assertNoEmptyGeometry(topology, (pre.objects[WILAYAH_OBJECT] as GeometryCollection).geometries.length);
  return { topology, bytes: JSON.stringify(topology).length, droppedRings };
}

/** presimplify stores a weight as a third coordinate; it must not reach the output file. */
function stripWeights(t: SimplifiableTopology): SimplifiableTopology {
  return { ...t, arcs: t.arcs.map((arc) => arc.map((pt) => [pt[0], pt[1]])) };
}

/** `filter` silently drops a geometry whose every ring is too small; a missing region is a bug. */
function assertNoEmptyGeometry(t: WilayahTopology, expected: number): void {
  const kept = t.objects[WILAYAH_OBJECT]?.geometries?.length ?? 0;
  if (kept !== expected) {
    throw new Error(`boundaries: ${expected - kept} geometries vanished after island filtering; lower minIslandArea`);
  }
}

function countPoints(t: { arcs: unknown[][] }): number {
  return t.arcs.reduce((n, arc) => n + arc.length, 0);
}

/** Arcs referenced by two or more geometries: the shared borders that make a topology worth having. */
export function countSharedArcs(t: WilayahTopology): number {
  const users = new Map<number, Set<string>>();
  const visit = (arcs: unknown, id: string): void => {
    if (typeof arcs === 'number') {
      const index = arcs < 0 ? ~arcs : arcs;
      if (!users.has(index)) users.set(index, new Set());
      users.get(index)!.add(id);
    } else if (Array.isArray(arcs)) arcs.forEach((a) => visit(a, id));
  };
  for (const g of t.objects[WILAYAH_OBJECT].geometries) {
    if ('arcs' in g) visit(g.arcs, String(g.id));
  }
  let shared = 0;
  for (const s of users.values()) if (s.size >= 2) shared++;
  return shared;
}
