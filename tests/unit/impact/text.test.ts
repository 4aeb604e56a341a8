import { describe, expect, it } from 'vitest';
import { fmtNumber, fmtSigned } from '../../../src/lib/i18n/format';
import { runWorkbench } from '../../../src/lib/impact/run';
import { headlineText, methodsParagraph, pretestText, regionYearCells, reproduceCommand, yearsText, type TextContext } from '../../../src/lib/impact/text';
import type { WorkbenchResult } from '../../../src/lib/impact/types';
import { request } from './fixtures';

const ctx = (lang: 'id' | 'en'): TextContext => ({
  lang,
  program: 'PKH Plus',
  programId: 'pkh_plus',
  outcome: 'P0',
  outcomeId: 'p0',
  unit: '%',
  periode: 'maret',
  betterDirection: 'lower',
  decimals: 2,
  demo: true,
  regionName: (k) => `Wilayah ${k}`,
  snapshot: 'abc123'
});

const withHeadline = (r: WorkbenchResult, estimate: number, ci95: [number, number]): WorkbenchResult => ({
  ...r,
  headline: { ...r.headline!, estimate, ci95 }
});

describe('headline sentence', () => {
  const r = runWorkbench(request());

  it('says in plain Indonesian how much the programme reduces the outcome, with the 95 % interval as magnitudes', () => {
    const [lo, hi] = r.headline!.ci95!;
    const expected = `PKH Plus diperkirakan menurunkan P0 sebesar ${fmtNumber(-r.headline!.estimate, 2, 'id')} poin persen (IK 95%: ${fmtNumber(-hi, 2, 'id')}–${fmtNumber(-lo, 2, 'id')}).`;
    expect(headlineText(r, ctx('id'))).toBe(expected);
    expect(headlineText(r, ctx('en'))).toMatch(/^PKH Plus is estimated to reduce P0 by \d\.\d\d percentage points \(95% CI: \d\.\d\d–\d\.\d\d\)\.$/);
  });

  it('says the effect is not distinguishable from zero when the interval includes zero', () => {
    const s = headlineText(withHeadline(r, -0.12, [-0.27, 0.01]), ctx('id'))!;
    expect(s).toBe(
      'Dampak PKH Plus terhadap P0 tidak dapat dibedakan dari nol: perkiraan −0,12 poin persen, dengan IK 95% dari −0,27 sampai +0,01 yang mencakup nol.'
    );
    expect(s).not.toMatch(/menurunkan/);
  });

  it('says "raise" for a positive effect', () => {
    expect(headlineText(withHeadline(r, 0.4, [0.1, 0.7]), ctx('id'))).toMatch(/menaikkan P0 sebesar 0,40 poin persen \(IK 95%: 0,10–0,70\)/);
  });
});

describe('pre-trend verdict', () => {
  const sample = runWorkbench(request()).sample;
  it('warns when the test rejects at 5 %', () => {
    const v = pretestText({ stat: 11.2, df: 2, p: 0.0036, source: 'cs' }, null, { sample, synth: null }, 'id');
    expect(v.level).toBe('warn');
    expect(v.text).toMatch(/^Peringatan: .*p = 0,004/);
  });
  it('explains a missing test by the single pre-period', () => {
    const v = pretestText(
      null,
      { reason: 'one_pre_period', cohorts: [2021], detail: null },
      { sample: { ...sample, years: [2020, 2021, 2022] }, synth: null },
      'id'
    );
    expect(v.level).toBe('unknown');
    expect(v.text).toContain('angkatan 2021 hanya punya satu tahun data sebelum program');
    expect(v.text).toContain('data mulai 2020');
  });
});

describe('methods paragraph', () => {
  const r = runWorkbench(request());
  it('names programme, outcome, years, method, cohorts, comparison, result, test, data status and how to reproduce (id)', () => {
    const p = methodsParagraph(r, ctx('id'), 'panel.csv');
    expect(p).toContain('dampak PKH Plus terhadap P0');
    expect(p).toContain('tahun 2019–2023');
    expect(p).toContain("dengan metode adopsi bertahap (Callaway & Sant'Anna)");
    expect(p).toContain('2 wilayah mulai 2021, 1 wilayah mulai 2022');
    expect(p).toContain('3 wilayah yang tidak pernah menerima program');
    expect(p).toContain(`Perkiraan dampak: ${fmtSigned(r.headline!.estimate, 4, 'id')} poin persen`);
    expect(p).toContain('data contoh');
    expect(p).toContain('npm run impact -- --input panel.csv --unit kode --time tahun --outcome nilai --group tahun_mulai --method cs --control never');
    expect(p).toContain('abc123');
  });
  it('has an English version', () => {
    const p = methodsParagraph(r, ctx('en'), 'panel.csv');
    expect(p).toMatch(/^We estimated the effect of PKH Plus on P0/);
    expect(p).toContain('2 regions from 2021');
    expect(p).not.toMatch(/wilayah|dampak/);
  });
  it('gives no CLI command for the before–after description (the CLI has no such method)', () => {
    expect(reproduceCommand(runWorkbench(request({ method: 'prepost' })), 'x.csv')).toBeNull();
  });
});

describe('years', () => {
  it('a range when contiguous, a list when there are gaps', () => {
    expect(yearsText([2020, 2021, 2022])).toBe('2020–2022');
    expect(yearsText([2016, 2017, 2021, 2024])).toBe('2016–2017, 2021, 2024');
  });

  it('warns that a perfect synthetic-control fit on fewer years than donors is not convincing', () => {
    const r = runWorkbench(request({ method: 'sc', treatedUnit: '3503' }));
    // Three years before 2022 in the fixture; pretend more donors than years and an exact fit.
    const fitted = { ...r, synth: { ...r.synth!, preRmspe: 0, nDonors: 5 } };
    const v = pretestText(null, r.pretestGap, fitted, 'id');
    expect(v.level).toBe('warn');
    expect(v.extra).toContain('hanya 3 tahun sebelum program untuk 5 wilayah donor');
    // As many years as donors: no warning.
    expect(pretestText(null, r.pretestGap, { ...fitted, synth: { ...fitted.synth, nDonors: 3 } }, 'id').level).toBe('unknown');
  });
});

describe('region-years of the sample', () => {
  it('lists each region with a gap: the years used and the years missing; the others are only counted', () => {
    const rows = request().outcome.filter((r) => !(r.kode === '3506' && r.tahun === 2020) && !(r.kode === '3501' && (r.tahun === 2022 || r.tahun === 2023)));
    const r = runWorkbench(request({ method: 'cs', outcome: rows }));
    expect(r.error).toBeNull();
    const cells = regionYearCells(r.sample);
    expect(cells.gaps).toEqual([
      { kode: '3501', used: [2019, 2020, 2021], missing: [{ years: [2022, 2023], reason: 'no_value' }] },
      { kode: '3506', used: [2019, 2021, 2022, 2023], missing: [{ years: [2020], reason: 'no_value' }] }
    ]);
    expect(cells.complete).toBe(4);
    // Used + missing = every region × year of the window; nothing was filled in.
    expect(r.sample.nObs).toBe(6 * 5 - 3);
    expect(r.panel.some((p) => p.unit === '3506' && p.time === 2020)).toBe(false);
  });
});
