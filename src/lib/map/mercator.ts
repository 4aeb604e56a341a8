/**
 * d3-geo's spherical Mercator with a scale, a translation and fitting to a box: what the map
 * layout (projection.ts) uses of `geoMercator`, written out with d3's formulas so the browser does
 * not download d3-geo for it (its projection streams, clipping, resampling and module-level
 * state: about 7 kB brotli on the programme page; even `geoMercatorRaw` alone brings 1.5 kB of
 * it). The fitting is d3's `fitExtent`. tests/unit/map/mercator.test.ts holds both to d3-geo's
 * `geoMercator` on the real boundaries, and the layout of the 38 regions came out byte for byte
 * the same at four sizes. d3-geo itself stays where it is free: at build time (pipeline/winding.ts).
 */
import type { Position } from 'geojson';

export interface Mercator {
  (lonLat: Position): [number, number];
  invert(point: [number, number]): [number, number];
  scale(): number;
  scale(k: number): Mercator;
  translate(t: [number, number]): Mercator;
}

const RAD = Math.PI / 180;

const HALF_PI = Math.PI / 2;

/** Degrees → d3's raw Mercator (radians), longitude wrapped to [−π, π] as d3's identity rotation does. */
function raw(lon: number, lat: number): [number, number] {
  let l = lon * RAD;
  if (l > Math.PI) l -= 2 * Math.PI;
  else if (l < -Math.PI) l += 2 * Math.PI;
  return [l, Math.log(Math.tan((HALF_PI + lat * RAD) / 2))];
}

/** A Mercator projection; d3's defaults (scale 961/2π, translate [480, 250]) until set. */
export function mercator(): Mercator {
  let k = 961 / (2 * Math.PI);
  let [tx, ty] = [480, 250];
  const project = ((p: Position): [number, number] => {
    const [x, y] = raw(p[0], p[1]);
    return [tx + x * k, ty - y * k];
  }) as Mercator;
  project.invert = ([px, py]) => {
    const [x, y] = [(px - tx) / k, (ty - py) / k];
    return [x / RAD, (2 * Math.atan(Math.exp(y)) - HALF_PI) / RAD];
  };
  project.scale = ((value?: number) => {
    if (value === undefined) return k;
    k = value;
    return project;
  }) as Mercator['scale'];
  project.translate = (t) => {
    [tx, ty] = t;
    return project;
  };
  return project;
}

/**
 * A Mercator fitted so the points fill `extent` ([[x0, y0], [x1, y1]]) and are centred in it, as
 * d3's `fitExtent`: the bounds are taken at scale 150 without translation, then scaled.
 */
export function fitMercator(extent: [[number, number], [number, number]], points: Iterable<Position>): Mercator {
  const p = mercator().scale(150).translate([0, 0]);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const pt of points) {
    const [x, y] = p(pt);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const [w, h] = [extent[1][0] - extent[0][0], extent[1][1] - extent[0][1]];
  const k = Math.min(w / (x1 - x0), h / (y1 - y0));
  return p.scale(150 * k).translate([extent[0][0] + (w - k * (x1 + x0)) / 2, extent[0][1] + (h - k * (y1 + y0)) / 2]);
}
