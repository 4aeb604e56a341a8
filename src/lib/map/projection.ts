/**
 * Screen layout of the Jawa Timur map. The mainland (with Madura, Sapudi and Raas) is fitted with a
 * Mercator projection into the canvas minus a top strip and a right strip; the far islands are
 * drawn in inset frames in those strips (see insets.ts), so empty sea does not shrink the mainland.
 *
 * Output coordinates are planar pixels, y downward, ready for an ECharts map with an identity
 * projection or for SVG paths.
 */
import type { Polygon, Position } from 'geojson';
import { fitMercator, type Mercator } from './mercator';
import { FAR_ISLAND_INSETS, insetOf, type InsetId } from './insets';
import { bboxOf, labelPoint, polygonArea, type PlanarPolygon, type Point } from './planar';
import type { RegionFeature } from './topology';

export interface LayoutOptions {
  width: number;
  height: number;
  /** Outer margin in px; default 2 % of the shorter side. */
  padding?: number;
}

/** A region in screen coordinates. `name` = kode so that ECharts matches data items by code. */
export interface LayoutFeature {
  type: 'Feature';
  id: string;
  properties: { kode: string; name: string; /** Label anchor, read by ECharts as the label centre. */ cp: Point };
  geometry: { type: 'MultiPolygon'; coordinates: Point[][][] };
}

/** An inset rectangle (screen px) with its label. */
export interface InsetFrame {
  id: InsetId;
  label: string;
  kode: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapLayout {
  width: number;
  height: number;
  features: LayoutFeature[];
  insets: InsetFrame[];
  /** Per region: a point well inside its largest mainland part (label anchor, hover target). */
  anchors: Record<string, Point>;
  /** Screen position of a mainland place (lon/lat), e.g. a unit drawn as a point on the map. */
  project: (lon: number, lat: number) => Point;
}

/** Share of the canvas reserved for the inset strips. */
const TOP_STRIP = 0.17;
const RIGHT_STRIP = 0.15;
/** Height of an inset's label line, px. */
const INSET_LABEL_H = 13;
/** Narrowest frame that still fits its label. */
const INSET_MIN_W = 64;
/** Insets may be drawn larger than the mainland scale, but not absurdly so. */
const INSET_MAX_ZOOM = 3;

type Part = { kode: string; inset: InsetId | null; rings: Position[][] };

/**
 * Project the regions into a `width` × `height` canvas with far islands in insets.
 * Deterministic: coordinates are rounded to 0.01 px.
 */
export function layoutFeatures(features: readonly RegionFeature[], opts: LayoutOptions): MapLayout {
  const { width: W, height: H } = opts;
  const pad = opts.padding ?? Math.round(Math.min(W, H) * 0.02);
  const topH = Math.round(H * TOP_STRIP);
  const rightW = Math.round(W * RIGHT_STRIP);

  const parts = splitParts(features);
  const mainland = mainlandProjection(
    parts.filter((p) => p.inset === null),
    [
      [pad, topH],
      [W - rightW, H - pad]
    ]
  );

  const insets: InsetFrame[] = [];
  const projections = new Map<InsetId | null, Mercator>([[null, mainland]]);
  for (const spec of FAR_ISLAND_INSETS) {
    const group = parts.filter((p) => p.inset === spec.id);
    if (group.length === 0) continue;
    const frame = placeInsetFrame(spec.placement, group, mainland, { W, H, pad, topH, rightW });
    insets.push({ id: spec.id, label: spec.label, kode: spec.kode, ...frame });
    projections.set(spec.id, insetProjection(group, frame, mainland.scale()));
  }

  const byKode = new Map<string, PlanarPolygon[]>();
  const mainlandPolys = new Map<string, PlanarPolygon[]>();
  for (const part of parts) {
    const projection = projections.get(part.inset)!;
    const poly = part.rings.map((ring) => ring.map((pt) => round(projection(pt))));
    push(byKode, part.kode, poly);
    if (part.inset === null) push(mainlandPolys, part.kode, poly);
  }

  const anchors: Record<string, Point> = {};
  const out: LayoutFeature[] = [];
  for (const f of features) {
    const kode = f.properties.kode;
    const own = mainlandPolys.get(kode) ?? byKode.get(kode) ?? [];
    const largest = [...own].sort((a, b) => polygonArea(b) - polygonArea(a))[0];
    const others = [...mainlandPolys.entries()].filter(([k]) => k !== kode).flatMap(([, polys]) => polys);
    const anchor = largest ? round(labelPoint(largest, others)) : ([0, 0] as Point);
    anchors[kode] = anchor;
    out.push({
      type: 'Feature',
      id: kode,
      properties: { kode, name: kode, cp: anchor },
      geometry: { type: 'MultiPolygon', coordinates: byKode.get(kode) ?? [] }
    });
  }
  return { width: W, height: H, features: out, insets, anchors, project: (lon, lat) => round(mainland([lon, lat])) };
}

/** Screen points inside each region (the label anchors), e.g. for end-to-end tests that hover regions. */
export function regionCentroids(layout: MapLayout): Record<string, Point> {
  return { ...layout.anchors };
}

/** Mercator fitted to the mainland parts (lon/lat) inside `extent`. */
function mainlandProjection(parts: Part[], extent: [[number, number], [number, number]]): Mercator {
  return fitMercator(extent, pointsOf(parts));
}

interface Canvas {
  W: number;
  H: number;
  pad: number;
  topH: number;
  rightW: number;
}

/**
 * Top frames sit in the top strip above the islands' true longitude; the right frame sits in the
 * right strip at Madura's latitude. Frame size follows the island group's aspect ratio.
 */
function placeInsetFrame(placement: 'top' | 'right', group: Part[], mainland: Mercator, c: Canvas): { x: number; y: number; width: number; height: number } {
  const [[x0, y0], [x1, y1]] = projectedBounds(group, mainland);
  const aspect = Math.max(x1 - x0, 1) / Math.max(y1 - y0, 1);
  const centre = mainland([(groupLonLat(group, 0) + groupLonLat(group, 2)) / 2, (groupLonLat(group, 1) + groupLonLat(group, 3)) / 2]);
  if (placement === 'top') {
    const height = Math.max(c.topH - 1.5 * c.pad, INSET_LABEL_H + 12);
    const width = Math.max((height - INSET_LABEL_H - 6) * aspect + 8, INSET_MIN_W);
    const x = clamp(centre[0] - width / 2, c.pad, c.W - c.pad - width);
    return roundFrame({ x, y: c.pad, width, height });
  }
  const width = Math.max(c.rightW - 1.5 * c.pad, INSET_MIN_W);
  const height = Math.min((width - 8) / aspect + INSET_LABEL_H + 6, c.H - c.topH - c.pad);
  const y = clamp(centre[1] - height / 2, c.topH, c.H - c.pad - height);
  return roundFrame({ x: c.W - c.pad - width, y, width, height });
}

/** Mercator fitted into the frame below its label, zoom capped relative to the mainland scale. */
function insetProjection(group: Part[], frame: { x: number; y: number; width: number; height: number }, mainlandScale: number): Mercator {
  const inner: [[number, number], [number, number]] = [
    [frame.x + 4, frame.y + INSET_LABEL_H + 2],
    [frame.x + frame.width - 4, frame.y + frame.height - 4]
  ];
  const projection = fitMercator(inner, pointsOf(group));
  if (projection.scale() > mainlandScale * INSET_MAX_ZOOM) {
    // Keep the islands centred in the frame at the capped scale.
    const centreLonLat = projection.invert([(inner[0][0] + inner[1][0]) / 2, (inner[0][1] + inner[1][1]) / 2]);
    projection.scale(mainlandScale * INSET_MAX_ZOOM).translate([0, 0]);
    const [cx, cy] = projection(centreLonLat);
    projection.translate([(inner[0][0] + inner[1][0]) / 2 - cx, (inner[0][1] + inner[1][1]) / 2 - cy]);
  }
  return projection;
}

function splitParts(features: readonly RegionFeature[]): Part[] {
  return features.flatMap((f) => {
    const polygons = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [(f.geometry as unknown as Polygon).coordinates];
    return polygons.map((rings) => ({ kode: f.properties.kode, inset: insetOf(f.properties.kode, rings), rings }));
  });
}

/** Every vertex of the parts (lon/lat): what a fit covers. */
function* pointsOf(parts: Part[]): Generator<Position> {
  for (const p of parts) for (const ring of p.rings) yield* ring;
}

function projectedBounds(parts: Part[], projection: Mercator): [[number, number], [number, number]] {
  const b = bboxOf(parts.flatMap((p) => p.rings.map((r) => r.map((pt) => projection(pt)))));
  return [
    [b.x0, b.y0],
    [b.x1, b.y1]
  ];
}

/** Lon/lat bounds of a group: 0 = west, 1 = south, 2 = east, 3 = north. */
function groupLonLat(parts: Part[], which: 0 | 1 | 2 | 3): number {
  const values = parts.flatMap((p) => p.rings[0].map((pt) => pt[which % 2]));
  return which < 2 ? Math.min(...values) : Math.max(...values);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, []);
  map.get(key)!.push(value);
}

const round = (p: [number, number]): Point => [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100];

function roundFrame(f: { x: number; y: number; width: number; height: number }) {
  return { x: Math.round(f.x), y: Math.round(f.y), width: Math.round(f.width), height: Math.round(f.height) };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
