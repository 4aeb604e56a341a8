import { describe, expect, it } from 'vitest';
import { callawaySantAnna, csMultiplierBootstrap, normalQuantile } from '../../../src/lib/stats/index';
import { mpdtaPanel } from './helpers';

// R `did` README (mpdta, est_method = "reg", no covariates; default bstrap = TRUE, cband = TRUE,
// biters = 1000): aggte(type = "dynamic") prints these bootstrap SEs and simultaneous bands.
const published = [
  { e: -3, estimate: 0.0305, se: 0.0153, band: [-0.0101, 0.0712] },
  { e: -2, estimate: -0.0006, se: 0.0134, band: [-0.0361, 0.035] },
  { e: -1, estimate: -0.0245, se: 0.0155, band: [-0.0656, 0.0166] },
  { e: 0, estimate: -0.0199, se: 0.0126, band: [-0.0533, 0.0135] },
  { e: 1, estimate: -0.051, se: 0.0163, band: [-0.0941, -0.0078] },
  { e: 2, estimate: -0.1373, se: 0.0387, band: [-0.2398, -0.0347] },
  { e: 3, estimate: -0.1008, se: 0.0376, band: [-0.2006, -0.0011] }
];
// The published critical value implied by the bands: (upper − estimate) / se ≈ 2.65.
const publishedCritical = published.map((p) => (p.band[1] - p.estimate) / p.se).reduce((s, c) => s + c, 0) / published.length;

describe("Callaway–Sant'Anna multiplier bootstrap, uniform band (mpdta)", () => {
  const cs = callawaySantAnna(mpdtaPanel());
  const boot = csMultiplierBootstrap(cs, { draws: 9999, seed: 2026 });

  it('bootstrap SEs agree with R did’s published ones within Monte Carlo error', () => {
    // R's printed SEs come from one run of 1,000 draws: the IQR-based SE then has a relative
    // Monte Carlo SD of about 3.7 %, so 12 % is a bit over 3 SDs.
    expect(boot.byEvent.map((b) => b.e)).toEqual(published.map((p) => p.e));
    for (const p of published) {
      const ours = boot.byEvent.find((b) => b.e === p.e)!;
      expect(ours.estimate).toBeCloseTo(p.estimate, 4);
      expect(Math.abs(ours.se! / p.se - 1), `e = ${p.e}`).toBeLessThan(0.12);
    }
    expect(Math.abs(boot.dynamic!.se! / 0.0216 - 1)).toBeLessThan(0.12);
  });

  it('sup-t critical value near R’s (≈2.65; its own 1,000-draw run has a Monte Carlo SD ≈ 0.07)', () => {
    expect(boot.uniform).toBe(true);
    expect(boot.criticalValue).toBeGreaterThan(normalQuantile(0.975));
    expect(Math.abs(boot.criticalValue - publishedCritical)).toBeLessThan(0.25);
    for (const b of boot.byEvent) {
      expect(b.band![0]).toBeCloseTo(b.estimate - boot.criticalValue * b.se!, 12);
      expect(b.band![1] - b.band![0]).toBeGreaterThan(b.ci![1] - b.ci![0]);
    }
    // Post-treatment effects e = 1, 2, 3 are outside the band around 0, as published.
    expect(boot.byEvent.filter((b) => b.band![1] < 0).map((b) => b.e)).toEqual([1, 2, 3]);
  });

  it('is deterministic under a seed and changes with the seed', () => {
    const again = csMultiplierBootstrap(cs, { draws: 9999, seed: 2026 });
    expect(again.criticalValue).toBe(boot.criticalValue);
    expect(again.byEvent.map((b) => b.se)).toEqual(boot.byEvent.map((b) => b.se));
    expect(csMultiplierBootstrap(cs, { draws: 999, seed: 1 }).criticalValue).not.toBe(boot.criticalValue);
  });

  it('with many draws the bootstrap SE approaches the analytic SE where the influence function is near-normal', () => {
    const many = csMultiplierBootstrap(cs, { draws: 40000, seed: 5 });
    const analytic = cs.dynamic.byEvent.find((b) => b.e === -3)!.se;
    expect(Math.abs(many.byEvent[0].se! / analytic - 1)).toBeLessThan(0.03);
  });
});
