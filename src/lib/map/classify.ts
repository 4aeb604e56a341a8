/**
 * Classification of indicator values into k classes for choropleth maps.
 *
 * Convention: `breaks` has length classes + 1, from the minimum to the maximum. Class i holds the
 * values v with breaks[i] < v ≤ breaks[i + 1]; class 0 also holds breaks[0]. Missing values (null,
 * undefined, NaN) never enter a class; they get class `null` and are counted in `noDataCount`.
 */

export type ClassMethod = 'quantile' | 'equal' | 'jenks' | 'diverging';

/** One legend row. */
export interface ClassRange {
  index: number;
  /** Lower and upper break (exclusive / inclusive, except class 0 which includes `from`). */
  from: number;
  to: number;
  /** Number of values in the class and their actual extent (null when the class is empty). */
  count: number;
  min: number | null;
  max: number | null;
}

export interface Classification {
  method: ClassMethod;
  /** Number of classes actually produced; fewer than requested when there are fewer distinct values. */
  k: number;
  breaks: number[];
  /** Class index per input value, in input order; null = no data. */
  classOf: (number | null)[];
  classes: ClassRange[];
  noDataCount: number;
}

type MaybeNumber = number | null | undefined;

const isValue = (v: MaybeNumber): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Classify `values` into at most `k` classes.
 *
 * - `quantile`: about the same number of values per class; tied values never straddle a break.
 * - `equal`: equal-width intervals between min and max (classes may be empty).
 * - `jenks`: Fisher–Jenks natural breaks, the exact minimum of the within-class sum of squares.
 * - `diverging`: equal-width intervals symmetric around zero, for change maps (see {@link divergingBreaks}).
 */
export function classify(values: readonly MaybeNumber[], k: number, method: ClassMethod): Classification {
  if (!Number.isInteger(k) || k < 1) throw new Error(`classify: k must be a positive integer (got ${k})`);
  const present = values.filter(isValue).sort((a, b) => a - b);
  const breaks = present.length === 0 ? [] : breaksFor(present, k, method);
  return classificationFromBreaks(values, breaks, method);
}

/** Build the full classification (class per value, counts, ranges) for given breaks. */
export function classificationFromBreaks(values: readonly MaybeNumber[], breaks: number[], method: ClassMethod): Classification {
  const k = Math.max(breaks.length - 1, 0);
  const classOf = values.map((v) => (isValue(v) ? classIndex(v, breaks) : null));
  const classes: ClassRange[] = Array.from({ length: k }, (_, index) => ({
    index,
    from: breaks[index],
    to: breaks[index + 1],
    count: 0,
    min: null,
    max: null
  }));
  classOf.forEach((c, i) => {
    if (c === null) return;
    const v = values[i] as number;
    const cls = classes[c];
    cls.count++;
    cls.min = cls.min === null ? v : Math.min(cls.min, v);
    cls.max = cls.max === null ? v : Math.max(cls.max, v);
  });
  const noDataCount = classOf.filter((c) => c === null).length;
  return { method, k, breaks, classOf, classes, noDataCount };
}

/** Class of one value for the given breaks; values outside the range clamp to the first/last class. */
export function classIndex(value: number, breaks: readonly number[]): number | null {
  const k = breaks.length - 1;
  if (k < 1 || !Number.isFinite(value)) return null;
  for (let i = 1; i < k; i++) if (value <= breaks[i]) return i - 1;
  return k - 1;
}

function breaksFor(sorted: number[], k: number, method: ClassMethod): number[] {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === max) return [min, max];
  switch (method) {
    case 'equal':
      return Array.from({ length: k + 1 }, (_, i) => (i === k ? max : min + ((max - min) * i) / k));
    case 'quantile':
      return quantileBreaks(sorted, k);
    case 'jenks':
      return jenksBreaks(sorted, k);
    case 'diverging':
      return divergingBreaks(sorted, k);
  }
}

/**
 * Upper bound of class i is the value at rank ceil((i+1)·n/k); repeated bounds (ties) collapse into
 * one class. The first upper bound may equal the minimum: class 0 then holds only the minimum.
 */
function quantileBreaks(sorted: number[], k: number): number[] {
  const n = sorted.length;
  const uppers: number[] = [];
  for (let i = 1; i <= k; i++) {
    const upper = sorted[Math.min(n - 1, Math.ceil((i * n) / k) - 1)];
    if (uppers.length === 0 || upper > uppers[uppers.length - 1]) uppers.push(upper);
  }
  return [sorted[0], ...uppers];
}

/**
 * Symmetric equal-width breaks from −M to +M (M = largest |value|), so that zero sits on a break
 * (even k) or in the middle of the central class (odd k). Change maps use this with a diverging palette.
 */
export function divergingBreaks(values: readonly number[], k: number): number[] {
  const m = Math.max(...values.map(Math.abs));
  if (!(m > 0)) return [0, 0];
  return Array.from({ length: k + 1 }, (_, i) => (i === 0 ? -m : i === k ? m : -m + (2 * m * i) / k));
}

/**
 * Fisher–Jenks natural breaks by exact dynamic programming over the distinct values (weighted by
 * multiplicity), so tied values always share a class. O(k·d²) for d distinct values.
 */
export function jenksBreaks(sorted: readonly number[], k: number): number[] {
  const distinct: number[] = [];
  const weight: number[] = [];
  for (const v of sorted) {
    if (distinct.length > 0 && distinct[distinct.length - 1] === v) weight[weight.length - 1]++;
    else {
      distinct.push(v);
      weight.push(1);
    }
  }
  const d = distinct.length;
  const classes = Math.min(k, d);
  // Prefix sums of weight, weight·x and weight·x² give the SSE of any run in O(1).
  const w = [0];
  const s = [0];
  const s2 = [0];
  for (let i = 0; i < d; i++) {
    w.push(w[i] + weight[i]);
    s.push(s[i] + weight[i] * distinct[i]);
    s2.push(s2[i] + weight[i] * distinct[i] * distinct[i]);
  }
  // sse(a, b): within-class sum of squares of distinct[a..b-1].
  const sse = (a: number, b: number): number => {
    const n = w[b] - w[a];
    const sum = s[b] - s[a];
    return Math.max(0, s2[b] - s2[a] - (sum * sum) / n);
  };
  // cost[c][j]: best SSE for the first j distinct values in c classes; cut[c][j]: start of the last class.
  const cost: number[][] = [Array.from({ length: d + 1 }, (_, j) => (j === 0 ? 0 : Infinity))];
  const cut: number[][] = [new Array(d + 1).fill(0)];
  for (let c = 1; c <= classes; c++) {
    cost.push(new Array(d + 1).fill(Infinity));
    cut.push(new Array(d + 1).fill(0));
    for (let j = c; j <= d; j++) {
      for (let i = c - 1; i < j; i++) {
        const total = cost[c - 1][i] + sse(i, j);
        // Strict < keeps the earliest cut on ties, so results are deterministic.
        if (total < cost[c][j]) {
          cost[c][j] = total;
          cut[c][j] = i;
        }
      }
    }
  }
  const uppers: number[] = [];
  for (let c = classes, j = d; c >= 1; c--) {
    uppers.unshift(distinct[j - 1]);
    j = cut[c][j];
  }
  return [distinct[0], ...uppers];
}

/** Within-class sum of squared deviations of a classification; lower is a tighter fit. */
export function withinClassSSE(values: readonly MaybeNumber[], classification: Classification): number {
  const groups = new Map<number, number[]>();
  classification.classOf.forEach((c, i) => {
    if (c === null) return;
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(values[i] as number);
  });
  let total = 0;
  for (const g of groups.values()) {
    const mean = g.reduce((a, b) => a + b, 0) / g.length;
    total += g.reduce((a, v) => a + (v - mean) ** 2, 0);
  }
  return total;
}
