import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/charts/export';
import { estimatesJson, estimatesTable, panelTable } from '../../../src/lib/impact/exports';
import { readChoices } from '../../../src/lib/impact/params';
import { runWorkbench } from '../../../src/lib/impact/run';
import { request } from './fixtures';

describe('exports', () => {
  const r = runWorkbench(request());
  it('the estimates CSV has the headline first, then pre-test, event times, ATT(g,t), regions and cost', () => {
    const table = estimatesTable(r);
    expect(table.rows[0]).toMatchObject({ bagian: 'headline', estimate: r.headline!.estimate, ci95_lo: r.headline!.ci95![0] });
    // The rollout behind the numbers comes right after the headline.
    expect(table.rows[1]).toMatchObject({ bagian: 'timing', label: 'disbursement', estimate: null });
    const sections = new Set(table.rows.map((x) => x.bagian));
    for (const s of ['cohort', 'pretest', 'event_cs', 'attgt', 'regional', 'cost_rp_per_unit']) expect(sections).toContain(s);
    expect(toCsv(table).split('\r\n')[0]).toBe('\ufeffbagian,label,estimate,se,ci95_lo,ci95_hi,p,catatan');
  });
  it('the panel CSV is the estimation sample with the CLI column names', () => {
    const table = panelTable(r);
    expect(table.rows).toHaveLength(r.panel.length);
    expect(table.rows[0]).toEqual({ kode: r.panel[0].unit, tahun: r.panel[0].time, nilai: r.panel[0].y, tahun_mulai: r.panel[0].group });
  });
  it('the JSON carries the choices and the estimator output, and parses', () => {
    const json = JSON.parse(estimatesJson(r, { program: 'pkh_plus' }));
    expect(json.program).toBe('pkh_plus');
    expect(json.headline.estimate).toBe(r.headline!.estimate);
    expect(json.raw.simple.estimate).toBe(r.headline!.estimate);
    expect(json.panel_rows).toBe(r.panel.length);
  });
});

describe('URL choices', () => {
  const outcomes = [{ indikator: 'p0', periode: 'maret', years: [2020, 2021, 2022, 2023, 2024], gaps: [], partial: [] }];
  it('defaults: PKH Plus, P0, all years, staggered adoption, never-treated comparison', () => {
    const { choices, invalid } = readChoices(new URLSearchParams(''), ['aspd', 'pkh_plus'], outcomes)!;
    expect(choices).toMatchObject({ program: 'pkh_plus', from: 2020, to: 2024, method: 'cs', control: 'never', cohort: null });
    expect(choices.outcome.indikator).toBe('p0');
    expect(invalid).toEqual([]);
  });
  it('invalid values fall back and are reported', () => {
    const { choices, invalid } = readChoices(new URLSearchParams('metode=ols&dari=2019&program=x'), ['pkh_plus'], outcomes)!;
    expect(choices.method).toBe('cs');
    expect(choices.from).toBe(2020);
    expect(invalid.map((i) => i.param).sort()).toEqual(['dari', 'metode', 'program']);
  });
  it('a reversed window is put in order', () => {
    const { choices } = readChoices(new URLSearchParams('dari=2023&sampai=2021'), ['pkh_plus'], outcomes)!;
    expect([choices.from, choices.to]).toEqual([2021, 2023]);
  });

  it('the default window skips years where only some regions have data', () => {
    const partial = [
      { indikator: 'jumlah_miskin', periode: 'maret', years: [2016, 2017, 2018, 2019, 2020, 2021, 2023, 2024], gaps: [2022], partial: [2023, 2024] }
    ];
    const { choices } = readChoices(new URLSearchParams(''), ['pkh_plus'], partial)!;
    expect([choices.from, choices.to]).toEqual([2016, 2021]);
    expect(readChoices(new URLSearchParams('sampai=2024'), ['pkh_plus'], partial)!.choices.to).toBe(2024);
  });
});
