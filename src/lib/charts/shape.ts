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

/** Items to select and unselect in one series (indices into its `data`). */
export interface SelectionChange {
  seriesIndex: number;
  select: number[];
  unselect: number[];
}

/**
 * Equal values, where functions count as equal when their source is: option builders make a new
 * closure (a tooltip formatter, a projection) on every call, from the same inputs the rest of
 * the option shows.
 */
function same(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a === 'function' && typeof b === 'function') return a.toString() === b.toString();
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && same(a[k], b[k]));
  }
  return false;
}

const isSelected = (item: Value) => isPlain(item) && item.selected === true;
const withoutSelected = (item: Value) => (isPlain(item) ? { ...item, selected: undefined } : item);

/**
 * When `next` differs from the drawn `prev` only in which data items are `selected` (a region
 * click on a map): the select/unselect actions that turn one into the other, else null. ECharts
 * then restyles those items instead of processing the whole option again, which for the
 * choropleth redraws all 38 regions.
 */
export function selectionDelta(prev: Value, next: Value): SelectionChange[] | null {
  if (!isPlain(prev) || !isPlain(next)) return null;
  const { series: ps, ...prevRest } = prev;
  const { series: ns, ...nextRest } = next;
  if (!Array.isArray(ps) || !Array.isArray(ns) || ps.length !== ns.length || !same(prevRest, nextRest)) return null;
  const changes: SelectionChange[] = [];
  for (let s = 0; s < ps.length; s++) {
    const [p, n] = [ps[s], ns[s]];
    if (!isPlain(p) || !isPlain(n)) return null;
    const { data: pd, ...pRest } = p;
    const { data: nd, ...nRest } = n;
    if (!same(pRest, nRest)) return null;
    if (!Array.isArray(pd) || !Array.isArray(nd) || pd.length !== nd.length) {
      if (same(pd, nd)) continue;
      return null;
    }
    const change: SelectionChange = { seriesIndex: s, select: [], unselect: [] };
    for (let i = 0; i < pd.length; i++) {
      if (!same(withoutSelected(pd[i]), withoutSelected(nd[i]))) return null;
      const [was, is] = [isSelected(pd[i]), isSelected(nd[i])];
      if (is && !was) change.select.push(i);
      if (was && !is) change.unselect.push(i);
    }
    if (change.select.length || change.unselect.length) changes.push(change);
  }
  return changes.length ? changes : null;
}
