/**
 * Small planar-geometry helpers for screen coordinates (y downward): areas, point-in-polygon and
 * an interior "label point" that is guaranteed to lie inside a polygon (not in one of its holes).
 */
export type Point = [number, number];
/** Rings of one polygon: exterior first, then holes. */
export type PlanarPolygon = Point[][];

/** Absolute area of a ring (shoelace). */
export function ringArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  }
  return Math.abs(sum) / 2;
}

/** Area of a polygon: exterior minus holes. */
export function polygonArea(polygon: PlanarPolygon): number {
  return polygon.reduce((a, ring, i) => a + (i === 0 ? 1 : -1) * ringArea(ring), 0);
}

export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function bboxOf(rings: readonly (readonly Point[])[]): BBox {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const ring of rings) {
    for (const [x, y] of ring) {
      b.x0 = Math.min(b.x0, x);
      b.y0 = Math.min(b.y0, y);
      b.x1 = Math.max(b.x1, x);
      b.y1 = Math.max(b.y1, y);
    }
  }
  return b;
}

/** Even-odd point-in-polygon; holes count as outside. */
export function pointInPolygon(p: Point, polygon: PlanarPolygon): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance from p to the nearest edge of any ring. */
export function distanceToRings(p: Point, rings: readonly (readonly Point[])[]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      best = Math.min(best, distanceToSegment(p, ring[j], ring[i]));
    }
  }
  return best;
}

/**
 * Approximate pole of inaccessibility: the point inside `polygon` farthest from its edges and not
 * inside any of the `obstacles` (e.g. an enclosed kota that a source did not cut out as a hole).
 * A coarse grid search refined twice around the best cell; good to a pixel for map labels and
 * hover targets.
 */
export function labelPoint(polygon: PlanarPolygon, obstacles: readonly PlanarPolygon[] = []): Point {
  const box = bboxOf(polygon);
  const nearby = obstacles.map((o) => ({ polygon: o, box: bboxOf(o) })).filter((o) => overlaps(o.box, box));
  const blocked = (p: Point): boolean => nearby.some((o) => contains(o.box, p) && pointInPolygon(p, o.polygon));
  const score = (p: Point): number => (pointInPolygon(p, polygon) && !blocked(p) ? distanceToRings(p, polygon) : -1);

  let best: Point = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
  let bestScore = score(best);
  let [cx, cy] = best;
  let w = box.x1 - box.x0;
  let h = box.y1 - box.y0;
  // A 12×12 grid, then two 6×6 grids over the neighbourhood of the best point so far.
  for (const steps of [12, 6, 6]) {
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const p: Point = [cx - w / 2 + (w * i) / steps, cy - h / 2 + (h * j) / steps];
        const s = score(p);
        if (s > bestScore) {
          best = p;
          bestScore = s;
        }
      }
    }
    [cx, cy] = best;
    w = (2 * w) / steps;
    h = (2 * h) / steps;
  }
  return best;
}

function contains(b: BBox, p: Point): boolean {
  return p[0] >= b.x0 && p[0] <= b.x1 && p[1] >= b.y0 && p[1] <= b.y1;
}

function overlaps(a: BBox, b: BBox): boolean {
  return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;
}
