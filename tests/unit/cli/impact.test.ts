import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mpdta, prop99, repoRoot, validation } from './validation-args';

const fixtures = path.join(repoRoot, 'tests/fixtures/impact');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function impact(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/impact.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run successfully and parse the single JSON object on stdout. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI's JSON, whose shape the assertions check
function impactJson(...args: string[]): Record<string, any> {
  const r = impact(...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(r.stdout);
}

const fixture = (file: string) => ['--input', path.join(fixtures, file), '--unit', 'region', '--time', 'year', '--outcome', 'p0', '--group', 'first'];

describe('impact CLI on the validation data', () => {
  it('twfe reproduces fixest', () => {
    const out = impactJson(...mpdta, '--method', 'twfe');
    expect(out).toMatchObject({ method: 'twfe', n_units: 500, n_obs: 2500 });
    expect(Math.abs(out.estimate - -0.036549)).toBeLessThan(1e-5);
    expect(Math.abs(out.se - 0.013265)).toBeLessThan(1e-5);
    expect(out.ci95[0]).toBeLessThan(out.estimate);
  });

  it('cs reproduces R did (never and not-yet-treated)', () => {
    const never = impactJson(...mpdta, '--method', 'cs');
    expect(never.attgt).toHaveLength(12);
    expect(Math.abs(never.simple.estimate - -0.0399512751551763)).toBeLessThan(1e-6);
    expect(Math.abs(never.simple.se - 0.0120340127701854)).toBeLessThan(1e-6);
    expect(Math.abs(never.dynamic.estimate - -0.0772398214573151)).toBeLessThan(1e-6);
    expect(never.dynamic.by_event.map((b: { e: number }) => b.e)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(Math.abs(never.group.se - 0.0124460593209979)).toBeLessThan(1e-6);
    expect(Math.abs(never.calendar.estimate - -0.0417004321312822)).toBeLessThan(1e-6);
    expect(Math.abs(never.pretest.W - 7.79123662720035)).toBeLessThan(1e-5);
    expect(Math.abs(never.pretest.p - 0.16812)).toBeLessThan(1e-5);
    const notYet = impactJson(...mpdta, '--method', 'cs', '--control', 'notyet');
    expect(Math.abs(notYet.simple.estimate - -0.0397636256230437)).toBeLessThan(1e-6);
  });

  it('event prints leads and lags and the pre-trend test', () => {
    const out = impactJson(...mpdta, '--method', 'event');
    expect(out.by_event.map((b: { e: number }) => b.e)).toEqual([-4, -3, -2, 0, 1, 2, 3]);
    expect(out.pretest).toMatchObject({ df: 3 });
    expect(out.pretest.p).toBeGreaterThan(0);
  });

  it('did on Prop 99 gives −27.349', () => {
    const out = impactJson(...prop99, '--method', 'did');
    expect(Math.abs(out.estimate - -27.349)).toBeLessThan(1e-3);
    expect(out).toMatchObject({ n_units: 39, n_obs: 1209 });
  });

  it('sc on Prop 99 (treated unit named) finds the published donors', () => {
    const out = impactJson(...prop99, '--method', 'sc', '--treated', 'California');
    expect(Math.abs(out.att_post_mean - -19.6)).toBeLessThanOrEqual(1.5);
    expect(out.weights[0].unit).toBe('Utah');
    expect(out.gaps).toHaveLength(31);
    expect(out.placebo_p).toBeGreaterThan(0);
  });

  it('reads quoted CSV fields containing the delimiter and escaped quotes', () => {
    const out = impactJson(
      '--input',
      path.join(fixtures, 'quoted_did.csv'),
      '--unit',
      'nama',
      '--time',
      'tahun',
      '--outcome',
      'p0',
      '--group',
      'mulai',
      '--method',
      'did'
    );
    expect(out.n_units).toBe(6);
    expect(Math.abs(out.estimate - -1.5)).toBeLessThan(0.1);
  });

  describe('Parquet input', () => {
    let dir = '';
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'impact-'));
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const db = await DuckDBInstance.create(':memory:');
      const con = await db.connect();
      await con.run(`COPY (SELECT * FROM read_csv('${path.join(validation, 'mpdta.csv')}')) TO '${path.join(dir, 'mpdta.parquet')}' (FORMAT parquet)`);
      con.closeSync();
      db.closeSync();
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('cs on mpdta.parquet gives the same answer as the CSV', () => {
      const out = impactJson('--input', path.join(dir, 'mpdta.parquet'), ...mpdta.slice(2), '--method', 'cs');
      expect(Math.abs(out.simple.estimate - -0.0399512751551763)).toBeLessThan(1e-6);
    });
  });
});

describe('impact CLI on bad input: one line on stderr, exit code 2, nothing on stdout', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'missing file',
      ['--input', path.join(fixtures, 'nope.csv'), '--unit', 'a', '--time', 'b', '--outcome', 'c', '--group', 'd', '--method', 'did'],
      /not found: .*nope\.csv/
    ],
    ['missing column', [...mpdta.slice(0, 7), 'employment', ...mpdta.slice(8), '--method', 'twfe'], /Column "employment" \(--outcome\) not found/],
    ['non-numeric outcome', [...fixture('non_numeric.csv'), '--method', 'twfe'], /Row 7 .*"p0" .*"abc"/],
    ['unit with two groups', [...fixture('two_groups.csv'), '--method', 'twfe'], /Unit "A" has two different treatment groups/],
    ['no comparison units', [...fixture('no_comparison.csv'), '--method', 'did'], /never-treated comparison units/],
    ['too few pre-periods', [...fixture('too_few_pre.csv'), '--method', 'did'], /at least one period before adoption/],
    ['unbalanced panel for sc', [...fixture('unbalanced.csv'), '--method', 'sc'], /balanced panel.*unit "B" has no row for period 2020/],
    ['unknown method', [...mpdta, '--method', 'magic'], /--method must be one of/],
    ['unknown treated unit', [...prop99, '--method', 'sc', '--treated', 'Jawa Timur'], /"Jawa Timur" is not in the panel/]
  ];

  it.each(cases)('%s', (_name, args, message) => {
    const r = impact(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
