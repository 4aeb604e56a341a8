/** Small pure helpers for the hand-drawn infographic SVGs (scales, ticks, paths with gaps). */

export type Scale = (v: number) => number;

export function linear(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** About `count` round tick values covering [min, max] (steps of 1, 2 or 5 × 10^n). */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

/** An SVG path through the points; a missing year (gap > 1) starts a new segment instead of bridging it. */
export function pathWithGaps(points: readonly { tahun: number; nilai: number }[], x: Scale, y: Scale): string {
  let d = '';
  points.forEach((p, i) => {
    const jump = i === 0 || p.tahun - points[i - 1].tahun > 1;
    d += `${jump ? 'M' : 'L'}${x(p.tahun).toFixed(1)},${y(p.nilai).toFixed(1)}`;
  });
  return d;
}

/** MultiPolygon in screen coordinates → SVG path data. */
export function polygonsPath(polygons: readonly (readonly (readonly [number, number])[])[][]): string {
  return polygons.map((poly) => poly.map((ring) => `M${ring.map(([a, b]) => `${a},${b}`).join('L')}Z`).join('')).join('');
}
