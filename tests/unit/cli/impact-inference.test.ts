import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mpdta, prop99, repoRoot } from './validation-args';

const fixtures = path.join(repoRoot, 'tests/fixtures/impact');

function impact(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/impact.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI's JSON, whose shape the assertions check
function impactJson(...args: string[]): Record<string, any> {
  const r = impact(...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

const fixture = (file: string, group = '--group', column = 'first') => [
  '--input',
  path.join(fixtures, file),
  '--unit',
  'region',
  '--time',
  'year',
  '--outcome',
  'p0',
  group,
  column
];

describe('impact --inference', () => {
  it('wild on the 8-region fixture enumerates all 2^8 sign vectors (exact: no seed)', () => {
    const out = impactJson(...fixture('small_panel.csv'), '--method', 'twfe', '--inference', 'wild');
    expect(out.inference).toMatchObject({
      method: 'wild',
      draws: 9999,
      enumerated: true,
      seed: null,
      weights: 'rademacher',
      distribution_size: 256,
      n_clusters: 8
    });
    const [lo, hi] = out.inference.ci;
    expect(lo).toBeLessThan(out.estimate);
    expect(hi).toBeGreaterThan(out.estimate);
    // 256 equally likely vectors: p is a multiple of 1/256.
    expect(Number.isInteger(out.inference.p_value * 256)).toBe(true);
  });

  it('wild with random draws is reproducible under --seed', () => {
    const twfe = [...mpdta, '--method', 'twfe', '--inference', 'wild', '--draws', '999', '--seed', '7', '--weights', 'webb'];
    const first = impactJson(...twfe);
    const second = impactJson(...twfe);
    expect(first.inference).toEqual(second.inference);
    expect(first.inference).toMatchObject({ draws: 999, enumerated: false, seed: 7, weights: 'webb', distribution_size: 1000 });
    expect(first.inference.p_value).toBeLessThan(0.05);
  });

  it('event + wild: a test for every coefficient, headline e = 0', () => {
    const out = impactJson(...mpdta, '--method', 'event', '--inference', 'wild', '--draws', '499', '--seed', '1');
    expect(out.inference.target).toBe('e=0');
    expect(out.inference.by_event.map((b: { e: number }) => b.e)).toEqual([-4, -3, -2, 0, 1, 2, 3]);
    const e0 = out.inference.by_event.find((b: { e: number }) => b.e === 0);
    expect(out.inference.p_value).toBe(e0.p_value);
  });

  it('jackknife, analytic and multiplier', () => {
    const jk = impactJson(...fixture('small_panel.csv'), '--method', 'did', '--inference', 'jackknife');
    expect(jk.inference).toMatchObject({ method: 'jackknife', df: 7, draws: null, enumerated: null, seed: null });
    expect(jk.inference.ci[0]).toBeLessThan(jk.estimate);
    const analytic = impactJson(...mpdta, '--method', 'twfe', '--inference', 'analytic');
    expect(analytic.inference.ci).toEqual(analytic.ci95);
    expect(analytic.inference.p_value).toBeGreaterThan(0.001);
    const mb = impactJson(...mpdta, '--method', 'cs', '--inference', 'multiplier', '--draws', '999', '--seed', '3');
    expect(mb.inference).toMatchObject({ method: 'multiplier', target: 'simple', draws: 999, seed: 3, uniform: true });
    expect(mb.inference.critical_value).toBeGreaterThan(1.96);
    expect(mb.inference.by_event).toHaveLength(7);
  });

  it('ri: enumerated for 3 treated of 8 regions (56 assignments); Prop 99 synthetic control over its 39 states', () => {
    const small = impactJson(...fixture('small_panel.csv'), '--method', 'cs', '--inference', 'ri');
    expect(small.inference).toMatchObject({ method: 'ri', enumerated: true, seed: null, assignments: 56, evaluated: 56, failed: 0, ci: null });
    // The fixture's effect (−1.2) is the most extreme of the 56 assignments: p = 1/56.
    expect(small.inference.p_value).toBeCloseTo(1 / 56, 12);
    const sc = impactJson(...prop99, '--method', 'sc', '--inference', 'ri');
    expect(sc.inference).toMatchObject({ enumerated: true, assignments: 39 });
    expect(sc.inference.p_value).toBeGreaterThan(1 / 39 - 1e-12);
  });
});

describe('impact --inference: bad values exit 2 with one line', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'non-numeric draws',
      [...mpdta, '--method', 'twfe', '--inference', 'wild', '--draws', 'many'],
      /--draws must be a whole number from 1 to 1,000,000; got "many"/
    ],
    ['draws over the limit', [...mpdta, '--method', 'twfe', '--inference', 'wild', '--draws', '1000001'], /--draws must be a whole number from 1 to 1,000,000/],
    ['zero draws', [...mpdta, '--method', 'twfe', '--inference', 'ri', '--draws', '0'], /--draws must be a whole number/],
    [
      'an inference the method cannot take',
      [...mpdta, '--method', 'cs', '--inference', 'wild'],
      /--method cs cannot take --inference wild; it takes analytic, multiplier, ri/
    ],
    ['jackknife for the event study', [...mpdta, '--method', 'event', '--inference', 'jackknife'], /--method event cannot take --inference jackknife/],
    ['unknown inference', [...mpdta, '--method', 'twfe', '--inference', 'bayes'], /--inference must be one of analytic, wild, ri, jackknife, multiplier/],
    ['weights without wild', [...mpdta, '--method', 'twfe', '--inference', 'ri', '--weights', 'webb'], /--weights only applies with --inference wild/],
    ['unknown weights', [...mpdta, '--method', 'twfe', '--inference', 'wild', '--weights', 'mammen'], /--weights must be rademacher or webb/],
    ['draws without inference', [...mpdta, '--method', 'twfe', '--draws', '99'], /--draws only applies with --inference/]
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = impact(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('impact hardening (issue 11 item 13)', () => {
  it('refuses a treatment that switches off and on instead of treating it as absorbing', () => {
    const r = impact(...fixture('switching.csv', '--treatment', 'treated'), '--method', 'twfe');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(/^impact: Unit "A" is treated in 2019 but not in 2021: the treatment switches off\./);
  });

  it('values near 1e300 are an input error (exit 2) naming the row, not an internal error', () => {
    const r = impact(...fixture('huge.csv'), '--method', 'cs');
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/Row 1 \(unit "A"\): the outcome 1e\+300 is too large/);
  });

  it('2 units are refused instead of a zero-width interval', () => {
    for (const method of ['did', 'twfe', 'cs']) {
      const r = impact(...fixture('two_units.csv'), '--method', method);
      expect(r.status, method).toBe(2);
      expect(r.stderr).toMatch(/need at least 3 units \(regions\); the sample has 2/);
    }
  });

  it('a constant outcome gives a warning with its (zero) estimate', () => {
    const out = impactJson(...fixture('constant.csv'), '--method', 'twfe');
    expect(out.estimate).toBe(0);
    expect(out.warnings).toEqual([expect.stringMatching(/The outcome is constant \(12\.5 everywhere\)/)]);
  });

  it('an unbalanced panel lists its missing region-years; cs accepts it', () => {
    const out = impactJson(...fixture('unbalanced.csv'), '--method', 'cs');
    expect(out.coverage).toEqual({ used: 8, missing: [{ unit: 'B', time: 2020 }] });
    expect(out.attgt.length).toBeGreaterThan(0);
  });
});
