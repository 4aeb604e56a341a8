import { describe, expect, it } from 'vitest';
import { panelRows, selectSample } from '../../../src/lib/impact/sample';
import { REGIONS, TIMING, outcome } from './fixtures';

const base = { method: 'cs' as const, control: 'never' as const, from: 2019, to: 2023, cohort: null, treatedUnit: null };

describe('panel rows from snapshot rows', () => {
  it('one row per region and year in the window, group = first disbursement year or 0', () => {
    const rows = panelRows(outcome(), TIMING, 2020, 2022);
    expect(rows).toHaveLength(REGIONS.length * 3);
    expect(rows[0]).toMatchObject({ unit: '3501', time: 2020, group: 2021 });
    expect(rows.find((r) => r.unit === '3504')!.group).toBe(0);
    expect(new Set(rows.map((r) => r.time))).toEqual(new Set([2020, 2021, 2022]));
  });

  it('keeps gaps as gaps (no row is invented for a missing year)', () => {
    const rows = panelRows(outcome([2019, 2020, 2023]), TIMING, 2019, 2023);
    expect(rows.filter((r) => r.unit === '3501').map((r) => r.time)).toEqual([2019, 2020, 2023]);
  });
});

describe('sample selection per method', () => {
  it('reports regions without outcome data and regions treated from the first year of the window', () => {
    const s = selectSample(outcome(), { ...TIMING, '3505': 2019 }, [...REGIONS, '3571'], base);
    expect(s.info.dropped).toEqual([
      { kode: '3571', reason: 'no_outcome' },
      { kode: '3505', reason: 'treated_before_window' }
    ]);
    expect(s.info.treated.map((t) => t.kode)).toEqual(['3501', '3502', '3503']);
    expect(s.info.cohorts).toEqual([2021, 2022]);
  });

  it('did with never-treated comparisons keeps one cohort (the earliest by default)', () => {
    const s = selectSample(outcome(), TIMING, REGIONS, { ...base, method: 'did' });
    expect(s.info.cohort).toBe(2021);
    expect(s.info.treated.map((t) => t.kode)).toEqual(['3501', '3502']);
    expect(s.info.dropped).toEqual([{ kode: '3503', reason: 'other_cohort' }]);
    expect(s.info.years).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it('did with not-yet-treated comparisons cuts the window before the next cohort starts', () => {
    const s = selectSample(outcome(), TIMING, REGIONS, { ...base, method: 'did', control: 'notyet' });
    expect(s.info.truncatedTo).toBe(2021);
    expect(s.info.years).toEqual([2019, 2020, 2021]);
    expect(s.info.comparison).toContainEqual({ kode: '3503', laterGroup: 2022 });
    expect(s.info.comparison).toHaveLength(4);
  });

  it('did for a later cohort drops regions that were treated earlier', () => {
    const s = selectSample(outcome(), TIMING, REGIONS, { ...base, method: 'did', control: 'notyet', cohort: 2022 });
    expect(s.info.cohort).toBe(2022);
    expect(s.info.dropped.map((d) => [d.kode, d.reason])).toEqual([
      ['3501', 'already_treated'],
      ['3502', 'already_treated']
    ]);
  });

  it('sc and sdid drop regions missing a year; the other methods keep them and list the missing region-year', () => {
    const rows = outcome().filter((r) => !(r.kode === '3506' && r.tahun === 2020));
    for (const method of ['sdid', 'sc'] as const)
      expect(selectSample(rows, TIMING, REGIONS, { ...base, method }).info.dropped).toContainEqual({ kode: '3506', reason: 'incomplete_years' });
    for (const method of ['cs', 'twfe', 'bjs'] as const) {
      const s = selectSample(rows, TIMING, REGIONS, { ...base, method });
      expect(s.info.dropped).toEqual([]);
      expect(s.info.missing).toEqual([{ kode: '3506', years: [2020], reason: 'no_value' }]);
      expect(s.info.nObs).toBe(REGIONS.length * 5 - 1);
    }
  });

  it('regions with an unknown start: left out, or comparisons for the years before their first possible start', () => {
    const unknownStart = [{ kode: '3505', lo: 2021 }];
    const out = selectSample(outcome(), TIMING, REGIONS, { ...base, unknownStart, unknownHandling: 'exclude' });
    expect(out.info.dropped).toEqual([{ kode: '3505', reason: 'start_unknown' }]);
    expect(out.rows.some((r) => r.unit === '3505')).toBe(false);
    const censor = selectSample(outcome(), TIMING, REGIONS, { ...base, unknownStart, unknownHandling: 'censor' });
    expect(censor.info.censored).toEqual([{ kode: '3505', until: 2020 }]);
    expect(censor.rows.filter((r) => r.unit === '3505').map((r) => [r.time, r.group])).toEqual([
      [2019, 0],
      [2020, 0]
    ]);
    expect(censor.info.missing).toEqual([{ kode: '3505', years: [2021, 2022, 2023], reason: 'start_unknown' }]);
    expect(censor.info.comparison.map((c) => c.kode)).toContain('3505');
  });

  it('sc keeps the requested treated region, else the one with most years before its start', () => {
    const chosen = selectSample(outcome(), TIMING, REGIONS, { ...base, method: 'sc', treatedUnit: '3502' });
    expect(chosen.info.treatedUnit).toBe('3502');
    expect(chosen.info.treated).toEqual([{ kode: '3502', group: 2021 }]);
    expect(chosen.info.comparison.map((c) => c.kode)).toEqual(['3504', '3505', '3506']);
    expect(selectSample(outcome(), TIMING, REGIONS, { ...base, method: 'sc', treatedUnit: '3504' }).info.treatedUnit).toBe('3503');
  });

  it('a start year inside a data gap counts from the next year with data, and says so', () => {
    const s = selectSample(outcome([2019, 2020, 2021, 2023]), TIMING, REGIONS, { ...base, method: 'twfe' });
    expect(s.info.shiftedStarts).toEqual([{ start: 2022, observed: 2023 }]);
    expect(s.info.treated).toContainEqual({ kode: '3503', group: 2023 });
  });
});
