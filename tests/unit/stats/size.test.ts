import { describe, expect, it } from 'vitest';
import { sizeSimulation } from '../../bench/size';

// A small, seeded version of tests/bench/size.ts (true effect 0, 38 regions). With 150
// replications the Monte Carlo SE of a 5 % rejection rate is 1.8 points: the bounds below are
// about ±2.8 SE around 5 %. Deterministic under its seeds.
describe('size of the few-cluster tests (true effect 0, 38 regions)', () => {
  it('13–25 treated regions: wild bootstrap and randomization inference reject about 5 %', () => {
    const r = sizeSimulation({ reps: 150, draws: 199, treatedMin: 13, treatedMax: 25, seed: 11 });
    for (const method of ['wild', 'webb', 'ri'] as const) {
      expect(r.rejection[method], method).toBeGreaterThanOrEqual(0.01);
      expect(r.rejection[method], method).toBeLessThanOrEqual(0.1);
    }
    // Balanced clusters and a treated share near ½: CR1 with t(G−1) is also close to 5 % here.
    expect(r.rejection.cr1).toBeLessThanOrEqual(0.1);
  }, 60_000);

  it('3–5 treated regions: analytic CR1 over-rejects while randomization inference and the wild bootstrap hold', () => {
    const r = sizeSimulation({ reps: 150, draws: 199, treatedMin: 3, treatedMax: 5, seed: 12 });
    expect(r.rejection.cr1).toBeGreaterThan(0.1);
    expect(r.rejection.ri).toBeLessThanOrEqual(0.1);
    expect(r.rejection.wild).toBeLessThanOrEqual(0.1);
    expect(r.rejection.cr1).toBeGreaterThan(r.rejection.wild);
    expect(r.rejection.cr1).toBeGreaterThan(r.rejection.ri);
  }, 60_000);
});
