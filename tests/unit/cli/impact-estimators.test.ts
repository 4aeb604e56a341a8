/** `npm run impact` for SDID, BJS and the HonestDiD sensitivity analysis (issue 10, parts 2–3). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mpdta, prop99, repoRoot, validation } from './validation-args';

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

let dir = '';
let ehec: string[] = [];
beforeAll(() => {
  // The HonestDiD exercise design: years ≤ 2015, states first treated in 2015 or later dropped.
  dir = mkdtempSync(path.join(tmpdir(), 'impact-honest-'));
  const [header, ...lines] = readFileSync(path.join(validation, 'ehec_data.csv'), 'utf8').trim().split(/\r?\n/);
  const kept = lines.filter((line) => {
    const [, year, , yexp2] = line.split(',');
    const first = yexp2 === '' ? 0 : Number(yexp2);
    return Number(year.replace(/"/g, '')) <= 2015 && (first === 0 || first < 2015);
  });
  writeFileSync(path.join(dir, 'ehec.csv'), [header, ...kept].join('\n'));
  ehec = ['--input', path.join(dir, 'ehec.csv'), '--unit', 'stfips', '--time', 'year', '--outcome', 'dins', '--group', 'yexp2', '--method', 'event'];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('impact --method sdid and bjs', () => {
  it('sdid on Prop 99 gives −15.60383 with synthdid’s weights and placebo interval (seed 12345)', () => {
    const out = impactJson(...prop99, '--method', 'sdid');
    expect(Math.abs(out.estimate - -15.60383)).toBeLessThan(1e-4);
    expect(out.cohorts[0].unit_weights[0]).toMatchObject({ unit: 'Nevada' });
    expect(out.cohorts[0].time_weights.map((w: { time: number }) => w.time)).toEqual([1986, 1987, 1988]);
    expect(out).toMatchObject({ se_method: 'placebo', replications: 200, seed: 12345 });
    expect(out.estimate - 1.96 * out.se).toBeCloseTo(-32.01, 2);
    const other = impactJson(...prop99, '--method', 'sdid', '--seed', '7');
    expect(other.seed).toBe(7);
    expect(other.estimate).toBe(out.estimate);
    expect(other.se).not.toBe(out.se);
  });

  it('bjs on mpdta prints the ATT, event-time effects and the sample', () => {
    const out = impactJson(...mpdta, '--method', 'bjs');
    expect(out.by_event.map((b: { e: number }) => b.e)).toEqual([0, 1, 2, 3]);
    expect(out.n_treated_obs + out.n_untreated_obs).toBe(2500);
    expect(out.estimate).toBeLessThan(0);
    expect(out.ci95[0]).toBeLessThan(out.estimate);
    expect(out.dropped).toEqual([]);
    expect(out.pretrend).toMatchObject({ df: 3, leads: [-1, -2, -3] });
  });
});

describe('impact --method event --sensitivity (HonestDiD on ehec)', () => {
  it('rm: C-LF rows within 0.002 of the published intervals, breakdown between 1.5 and 2', () => {
    const out = impactJson(...ehec, '--sensitivity', 'rm', '--grid', '0,1,2');
    expect(out.by_event.map((b: { e: number }) => b.e)).toEqual([-6, -5, -4, -3, -2, 0, 1]);
    const s = out.sensitivity;
    expect(s).toMatchObject({ restriction: 'rm', target: 'first', method: 'C-LF' });
    const published = [
      [0, 0.0261, 0.0584],
      [1, 0.0125, 0.0714],
      [2, -0.00782, 0.0917]
    ];
    s.rows.forEach((row: { m: number; lo: number; hi: number }, i: number) => {
      expect(row.m).toBe(published[i][0]);
      expect(Math.abs(row.lo - published[i][1])).toBeLessThanOrEqual(0.002);
      expect(Math.abs(row.hi - published[i][2])).toBeLessThanOrEqual(0.002);
    });
    expect(s.breakdown).toBeGreaterThan(1.5);
    expect(s.breakdown).toBeLessThan(2);
  });

  it('sd: FLCI rows within 0.0005; --target average uses l = (½, ½)', () => {
    const out = impactJson(...ehec, '--sensitivity', 'sd', '--grid', '0,0.01,0.02');
    const published = [
      [0.0262, 0.0583],
      [0.00724, 0.0649],
      [-0.00273, 0.0748]
    ];
    out.sensitivity.rows.forEach((row: { lo: number; hi: number }, i: number) => {
      expect(Math.abs(row.lo - published[i][0])).toBeLessThanOrEqual(0.0005);
      expect(Math.abs(row.hi - published[i][1])).toBeLessThanOrEqual(0.0005);
    });
    expect(out.sensitivity.breakdown).toBeGreaterThan(0.01);
    expect(out.sensitivity.breakdown).toBeLessThan(0.02);
    const average = impactJson(...ehec, '--sensitivity', 'sd', '--grid', '0', '--target', 'average');
    expect(average.sensitivity.l).toEqual([0.5, 0.5]);
    expect(average.sensitivity.target).toBe('average');
  });
});

describe('impact --method cs --sensitivity', () => {
  it('uses the universal-base CS event study (e = 0 effect of R did)', () => {
    const out = impactJson(...mpdta, '--method', 'cs', '--sensitivity', 'rm', '--grid', '0,1');
    expect(Math.abs(out.simple.estimate - -0.0399512751551763)).toBeLessThan(1e-6);
    expect(out.sensitivity.base_period).toBe('universal');
    expect(Math.abs(out.sensitivity.original.estimate - -0.0199318167892593)).toBeLessThan(1e-9);
    expect(out.sensitivity.rows).toHaveLength(2);
    expect(out.sensitivity.rows[1].hi - out.sensitivity.rows[1].lo).toBeGreaterThan(out.sensitivity.rows[0].hi - out.sensitivity.rows[0].lo);
  });
});

describe('impact: bad sensitivity and seed options exit 2 with one line', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['unknown restriction', () => [...ehec, '--sensitivity', 'xx'], /--sensitivity must be rm .* or sd/],
    ['non-numeric grid', () => [...ehec, '--sensitivity', 'rm', '--grid', '0,abc'], /"abc" is not/],
    ['negative grid', () => [...ehec, '--sensitivity', 'rm', '--grid', '-1'], /numbers ≥ 0/],
    ['sd without grid', () => [...ehec, '--sensitivity', 'sd'], /--sensitivity sd needs --grid/],
    ['sensitivity with another method', () => [...mpdta, '--method', 'twfe', '--sensitivity', 'rm'], /needs an event study: --method event or cs/],
    [
      'cs sensitivity with not-yet-treated controls',
      () => [...mpdta, '--method', 'cs', '--control', 'notyet', '--sensitivity', 'rm'],
      /never-treated comparisons/
    ],
    ['bad target', () => [...ehec, '--sensitivity', 'rm', '--target', 'last'], /--target must be first or average/],
    ['grid without sensitivity', () => [...ehec, '--grid', '0,1'], /--grid only applies with --sensitivity/],
    ['bad seed', () => [...prop99, '--method', 'sdid', '--seed', 'abc'], /--seed must be a non-negative integer/]
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = impact(...args());
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
