/**
 * Timing of the inference and synthetic-control computations (issue 10, "Speed"), each as a median
 * of repeated runs and as a ratio to a reference computation run in the same process (one analytic
 * estimate on the same panel), so that the figures mean something on a shared, noisy machine.
 *
 *   npx tsx tests/bench/stats.ts [--quick]          (prints JSON; --quick: fewer repetitions)
 *
 * Targets: wild bootstrap 9,999 draws on 38 × 10 < 2 s; randomization inference with
 * Callaway–Sant'Anna over 10,000 assignments < 15 s; synthetic control with its placebo p-value on
 * 200 × 30 < 5 s (and 1,000 × 30 reported).
 */
import { cpus, loadavg } from 'node:os';
import {
  buildPanel,
  callawaySantAnna,
  csSimplePoint,
  randomizationInference,
  seededRandom,
  syntheticControl,
  twoWayFixedEffects,
  wildBootstrapEventStudy,
  wildBootstrapTwfe,
  type Panel,
  type PanelRow
} from '../../src/lib/stats/index';

const quick = process.argv.includes('--quick');

function normalFrom(rng: ReturnType<typeof seededRandom>): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
}

/** 38 regions × 10 years, staggered adoption (13 never, 10/8/7 from years 4/6/8). */
function regionsPanel(): Panel {
  const normal = normalFrom(seededRandom(38));
  const groups = [...Array(13).fill(0), ...Array(10).fill(2019), ...Array(8).fill(2021), ...Array(7).fill(2023)];
  const rows: PanelRow[] = [];
  groups.forEach((g, u) => {
    const level = 10 + 3 * normal();
    for (let t = 2016; t <= 2025; t++)
      rows.push({ unit: `35${String(u).padStart(2, '0')}`, time: t, y: level - 0.3 * (t - 2016) + (g && t >= g ? -0.5 : 0) + 0.4 * normal(), group: g });
  });
  return buildPanel(rows);
}

/** `units` × 30 years, one treated unit from year 21, donors with heterogeneous levels and trends. */
function synthPanel(units: number): Panel {
  const normal = normalFrom(seededRandom(units));
  const rows: PanelRow[] = [];
  for (let u = 0; u < units; u++) {
    const level = 50 + 20 * normal();
    const slope = normal();
    for (let t = 1; t <= 30; t++)
      rows.push({
        unit: `u${String(u).padStart(4, '0')}`,
        time: t,
        y: level + slope * t + 3 * normal() + (u === 0 && t >= 21 ? -5 : 0),
        group: u === 0 ? 21 : 0
      });
  }
  return buildPanel(rows);
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Median ms of `runs` runs of `work`, of `reference` (median of 5× more runs), and their ratio. */
function measure(name: string, runs: number, work: () => unknown, reference: () => unknown, targetMs: number | null) {
  work(); // warm-up (JIT)
  reference();
  const referenceRuns = Array.from({ length: Math.max(5, runs * 5) }, () => time(reference));
  const workRuns = Array.from({ length: runs }, () => time(work));
  const ms = median(workRuns);
  const referenceMs = median(referenceRuns);
  return {
    name,
    ms: round(ms),
    runsMs: workRuns.map((v) => round(v)),
    referenceMs: round(referenceMs, 3),
    ratio: round(ms / referenceMs, 0),
    targetMs,
    meetsTarget: targetMs === null ? null : ms < targetMs
  };
}

const regions = regionsPanel();
const loadBefore = loadavg();
const results = [
  measure(
    'wild bootstrap, TWFE, 9,999 Rademacher draws, 38 × 10 (reference: one analytic TWFE estimate)',
    quick ? 3 : 7,
    () => wildBootstrapTwfe(regions, { draws: 9999, seed: 1 }),
    () => twoWayFixedEffects(regions),
    2000
  ),
  measure(
    'wild bootstrap, every event-study coefficient, 9,999 draws, 38 × 10 (reference: one analytic TWFE estimate)',
    quick ? 1 : 3,
    () => wildBootstrapEventStudy(regions, { draws: 9999, seed: 1 }),
    () => twoWayFixedEffects(regions),
    null
  ),
  measure(
    "randomization inference, Callaway–Sant'Anna simple ATT, 10,000 assignments, 38 × 10 (reference: one full CS estimate with SEs)",
    quick ? 1 : 3,
    () => randomizationInference(regions, (p) => csSimplePoint(p), { draws: 9999, seed: 1 }),
    () => callawaySantAnna(regions),
    15000
  )
];
const synth200 = synthPanel(200);
results.push(
  measure(
    'synthetic control + placebo-in-space p, 200 × 30 (reference: one analytic TWFE estimate)',
    quick ? 1 : 3,
    () => syntheticControl(synth200),
    () => twoWayFixedEffects(synth200),
    5000
  )
);
const synth1000 = synthPanel(1000);
results.push(
  measure(
    'synthetic control + placebo-in-space p, 1,000 × 30 (reference: one analytic TWFE estimate)',
    1,
    () => syntheticControl(synth1000),
    () => twoWayFixedEffects(synth1000),
    null
  )
);

console.log(
  JSON.stringify(
    {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      loadavgBefore: loadBefore.map((v) => round(v, 2)),
      loadavgAfter: loadavg().map((v) => round(v, 2)),
      results
    },
    null,
    2
  )
);
