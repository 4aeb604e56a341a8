/**
 * Size simulation for the few-cluster inference: true effect 0, 38 regions × 10 years, one
 * adoption year, a random set of treated regions each replication (the design randomization
 * inference assumes), AR(1) errors within region. Share of replications rejecting H0: β = 0 at
 * 5 % for the TWFE effect with analytic CR1 (t(G−1), fixest), the wild cluster restricted
 * bootstrap (Rademacher and Webb) and randomization inference.
 *
 *   npx tsx tests/bench/size.ts [--reps 1000] [--draws 399]     (prints JSON)
 *
 * A small version runs as a unit test (tests/unit/stats/size.test.ts).
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildPanel, randomizationInference, seededRandom, twfePoint, twoWayFixedEffects, wildBootstrapTwfe, type PanelRow } from '../../src/lib/stats/index';

export interface SizeDesign {
  reps: number;
  draws: number;
  /** Treated regions per replication, drawn uniformly from [min, max]. */
  treatedMin: number;
  treatedMax: number;
  seed: number;
  /** SD of log error scale across regions (0 = homoskedastic). */
  heterogeneity?: number;
}

export interface SizeResult {
  design: SizeDesign;
  rejection: { cr1: number; wild: number; webb: number; ri: number };
  /** Binomial standard error of a rejection rate of 5 % at this number of replications. */
  mcSe: number;
  ms: number;
}

export function sizeSimulation(design: SizeDesign): SizeResult {
  const rng = seededRandom(design.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
  const G = 38;
  const T = 10;
  const counts = { cr1: 0, wild: 0, webb: 0, ri: 0 };
  const started = performance.now();
  for (let r = 0; r < design.reps; r++) {
    const nTreated = design.treatedMin + rng.below(design.treatedMax - design.treatedMin + 1);
    const order = Array.from({ length: G }, (_, i) => i);
    for (let i = G - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const treated = new Set(order.slice(0, nTreated));
    const lambda = Array.from({ length: T }, () => normal());
    const rows: PanelRow[] = [];
    for (let u = 0; u < G; u++) {
      const alpha = 2 * normal();
      const sd = Math.exp((design.heterogeneity ?? 0) * normal());
      let e = sd * normal();
      for (let t = 0; t < T; t++) {
        e = 0.5 * e + Math.sqrt(0.75) * sd * normal();
        rows.push({ unit: `r${u}`, time: 2015 + t, y: alpha + lambda[t] + e, group: treated.has(u) ? 2021 : 0 });
      }
    }
    const panel = buildPanel(rows);
    if (twoWayFixedEffects(panel).p <= 0.05) counts.cr1++;
    if (wildBootstrapTwfe(panel, { draws: design.draws, seed: r }).p <= 0.05) counts.wild++;
    if (wildBootstrapTwfe(panel, { draws: design.draws, seed: r, weights: 'webb' }).p <= 0.05) counts.webb++;
    if (randomizationInference(panel, twfePoint, { draws: design.draws, seed: r }).p <= 0.05) counts.ri++;
  }
  const share = (k: number) => k / design.reps;
  return {
    design,
    rejection: { cr1: share(counts.cr1), wild: share(counts.wild), webb: share(counts.webb), ri: share(counts.ri) },
    mcSe: Math.sqrt((0.05 * 0.95) / design.reps),
    ms: Math.round(performance.now() - started)
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const reps = arg('--reps', 1000);
  const draws = arg('--draws', 399);
  const designs: SizeDesign[] = [
    { reps, draws, treatedMin: 13, treatedMax: 25, seed: 1 },
    { reps, draws, treatedMin: 13, treatedMax: 25, seed: 2, heterogeneity: 1 },
    { reps, draws, treatedMin: 3, treatedMax: 5, seed: 3 }
  ];
  const results = designs.map(sizeSimulation);
  console.log(JSON.stringify({ loadavg: loadavg(), results }, null, 2));
}
