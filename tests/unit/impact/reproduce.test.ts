/**
 * The workbench's numbers equal `npm run impact` run with the command the page prints, on the
 * panel CSV the page exports: for each estimator and inference.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/charts/export';
import { panelTable } from '../../../src/lib/impact/exports';
import { runWorkbench } from '../../../src/lib/impact/run';
import { reproduceCommand, sensitivityCommand } from '../../../src/lib/impact/text';
import type { InferenceChoice, Method } from '../../../src/lib/impact/types';
import { request } from './fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'reproduce-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI's JSON, whose shape the assertions check
function run(command: string): Record<string, any> {
  const args = command.replace(/^npm run impact -- /, '').split(' ');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/impact.ts', ...args], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

const cases: [Method, InferenceChoice['method']][] = [
  ['twfe', 'wild'],
  ['twfe', 'ri'],
  ['twfe', 'jackknife'],
  ['did', 'wild'],
  ['cs', 'wild'],
  ['cs', 'ri'],
  ['bjs', 'ri'],
  ['sdid', 'analytic'],
  ['event', 'wild']
];

describe('the printed command reproduces the workbench', () => {
  it.each(cases)('%s with %s inference', (method, inference) => {
    const r = runWorkbench(request({ method, inference: { method: inference, draws: 499, seed: 11, weights: 'rademacher' } }));
    expect(r.error).toBeNull();
    const file = path.join(dir, `${method}-${inference}.csv`);
    writeFileSync(file, toCsv(panelTable(r)).replace(/^\ufeff/, ''));
    const cmd = reproduceCommand(r, file)!;
    const out = run(cmd);
    const estimate = out.estimate ?? out.simple?.estimate ?? out.by_event?.find((b: { e: number }) => b.e === 0)?.estimate;
    expect(estimate).toBeCloseTo(r.headline!.estimate, 10);
    if (inference === 'analytic') {
      // SDID's placebo SE needs more never-treated than treated regions; without it the page shows no interval.
      if (r.headline!.ci95) expect(out.ci95[0]).toBeCloseTo(r.headline!.ci95[0], 10);
      else expect(out.se_note).toBeTruthy();
      return;
    }
    expect(out.inference.p_value).toBeCloseTo(r.inference!.p!, 12);
    if (r.inference!.ci) for (const i of [0, 1]) expect(out.inference.ci[i]).toBeCloseTo(r.inference!.ci![i]!, 8);
    expect(out.inference.seed ?? null).toBe(r.inference!.seed);
  });

  // Gaps stay gaps: the workbench estimates on the unbalanced panel (no row invented) and the CLI,
  // given the exported panel, gets the same number (issue 10 §4).
  const gappy = request().outcome.filter(
    (r) => !(r.kode === '3506' && r.tahun === 2020) && !(r.kode === '3501' && r.tahun === 2023) && !(r.kode === '3504' && r.tahun === 2019)
  );
  it.each(['cs', 'twfe', 'event', 'bjs'] as const)('%s on an unbalanced panel (three region-years missing)', (method) => {
    const r = runWorkbench(request({ method, outcome: gappy }));
    expect(r.error).toBeNull();
    expect(r.sample.dropped).toEqual([]);
    expect(r.sample.nObs).toBe(6 * 5 - 3);
    const file = path.join(dir, `gappy-${method}.csv`);
    const csv = toCsv(panelTable(r)).replace(/^\ufeff/, '');
    expect(csv.trim().split('\n').length).toBe(1 + 27);
    writeFileSync(file, csv);
    const out = run(reproduceCommand(r, file)!);
    const estimate = out.estimate ?? out.simple?.estimate ?? out.by_event?.find((b: { e: number }) => b.e === 0)?.estimate;
    expect(estimate).toBeCloseTo(r.headline!.estimate, 10);
    // The standard error too (the CLI prints it for every method; the interval only for some).
    const se = out.se ?? out.simple?.se ?? out.by_event?.find((b: { e: number }) => b.e === 0)?.se;
    expect(se).toBeCloseTo(r.headline!.se!, 10);
  });

  it('the sensitivity command gives the same breakdown', () => {
    const r = runWorkbench(request({ method: 'event' }));
    const file = path.join(dir, 'sens.csv');
    writeFileSync(file, toCsv(panelTable(r)).replace(/^\ufeff/, ''));
    const out = run(sensitivityCommand(r, file)!);
    expect(out.sensitivity.breakdown).toBeCloseTo(r.sensitivity!.breakdown!, 8);
    expect(out.sensitivity.rows.map((x: { lo: number }) => x.lo)).toEqual(r.sensitivity!.rows.map((x) => x.lo));
  });
});
