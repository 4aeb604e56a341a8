/**
 * When an ECharts update may merge into the chart on screen instead of rebuilding it.
 *
 * `setOption(o, { notMerge: true })` throws every component away and builds it again: on the
 * programme page that is most of a cross-filter update (each rebuilt tooltip also forces the page to
 * lay out). A plain merge reuses them, but keeps whatever the new option leaves out: a mark area, a
 * series or an empty-state text of the previous drawing would linger. The two are the same when
 * the new option sets every key the old one set, with the same components and series: then the
 * merge overwrites everything. `sameShape` compares that structure and ignores values.
 *
 * Arrays are compared element by element (components, series, graphic elements are merged by
 * position), except `data`, which ECharts replaces as a whole, and arrays of plain values.
 */
type Value = unknown;

const isPlain = (v: Value): v is Record<string, Value> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function shape(v: Value, key: string): string {
  if (Array.isArray(v)) {
    if (key === 'data' || !v.some((x) => isPlain(x) || Array.isArray(x))) return 'a';
    return `[${v.map((x) => shape(x, '')).join(',')}]`;
  }
  if (isPlain(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${k}:${shape(v[k], k)}`)
      .join(',')}}`;
  }
  return v === null ? 'null' : typeof v;
}

/** True when merging `next` into a chart drawn from `prev` gives the same chart as drawing `next` afresh. */
export function sameShape(prev: Value, next: Value): boolean {
  return shape(prev, '') === shape(next, '');
}
