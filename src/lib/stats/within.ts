/**
 * Within transformation for two-way (unit + period) fixed effects by alternating projections:
 * repeatedly subtract unit means and period means until the change is negligible. For a
 * balanced panel one sweep is exact; unbalanced panels converge geometrically.
 */
export function demeanTwoWay(values: ArrayLike<number>, unit: ArrayLike<number>, period: ArrayLike<number>, nUnits: number, nPeriods: number): Float64Array {
  const out = Float64Array.from(values as ArrayLike<number>);
  const unitCount = countLevels(unit, nUnits);
  const periodCount = countLevels(period, nPeriods);
  let scale = 0;
  for (const v of out) scale = Math.max(scale, Math.abs(v));
  const tol = 1e-13 * Math.max(1, scale);
  for (let iter = 0; iter < 10_000; iter++) {
    subtractLevelMeans(out, unit, unitCount);
    const change = subtractLevelMeans(out, period, periodCount);
    if (change < tol) break;
  }
  return out;
}

function countLevels(level: ArrayLike<number>, nLevels: number): Float64Array {
  const count = new Float64Array(nLevels);
  for (let i = 0; i < level.length; i++) count[level[i]]++;
  return count;
}

/** Subtract the mean of each level in place; returns the largest absolute mean removed. */
function subtractLevelMeans(v: Float64Array, level: ArrayLike<number>, count: Float64Array): number {
  const sum = new Float64Array(count.length);
  for (let i = 0; i < v.length; i++) sum[level[i]] += v[i];
  let largest = 0;
  for (let l = 0; l < sum.length; l++) {
    if (count[l] > 0) sum[l] /= count[l];
    largest = Math.max(largest, Math.abs(sum[l]));
  }
  for (let i = 0; i < v.length; i++) v[i] -= sum[level[i]];
  return largest;
}
