import { describe, expect, it } from 'vitest';
import { trendOption } from '../../../src/lib/charts/options/trend';
import { rankBarOption, sortRanked } from '../../../src/lib/charts/options/rankbar';

type Line = { data: (number | null)[]; connectNulls: boolean; showSymbol: boolean; lineStyle: { type: string } };

describe('trendOption', () => {
  const opt = trendOption({
    years: [2019, 2020, 2021],
    lines: [
      { name: 'Maret', values: [10.37, 11.09, null] },
      { name: 'September', values: [null, Number.NaN, 10.59], dashed: true }
    ],
    format: (v) => `${v} %`
  });
  const series = opt.series as Line[];
  it('keeps gaps as gaps: null values, never connected, with markers for lone points', () => {
    expect(series[0].data).toEqual([10.37, 11.09, null]);
    expect(series[1].data).toEqual([null, null, 10.59]);
    expect(series.every((s) => s.connectNulls === false && s.showSymbol)).toBe(true);
    expect(series[1].lineStyle.type).toBe('dashed');
  });
  it('labels the years and shows a legend only for several lines', () => {
    expect((opt.xAxis as { data: string[] }).data).toEqual(['2019', '2020', '2021']);
    expect(opt.legend).toBeDefined();
    const single = trendOption({ years: [2020], lines: [{ name: 'a', values: [1] }], format: String });
    expect(single.legend).toBeUndefined();
  });
  it('draws ranks upside down between 1 and 38', () => {
    const o = trendOption({ years: [2020], lines: [{ name: 'a', values: [3] }], format: String, inverse: true, yMin: 1, yMax: 38 });
    expect(o.yAxis).toMatchObject({ inverse: true, min: 1, max: 38, minInterval: 1 });
  });
  it('formats tooltip values with the given formatter and dashes for gaps', () => {
    const tip = opt.tooltip as { valueFormatter: (v: unknown) => string };
    expect(tip.valueFormatter(9.5)).toBe('9.5 %');
    expect(tip.valueFormatter(null)).toBe('–');
  });
});

describe('rankBarOption', () => {
  const rows = [
    { kode: '3501', label: 'Pacitan', nilai: 12.9 },
    { kode: '3579', label: 'Kota Batu', nilai: null },
    { kode: '3527', label: 'Sampang', nilai: 21.8 },
    { kode: '3502', label: 'Ponorogo', nilai: 12.9 }
  ];
  it('sorts highest first, ties by code, regions without data last', () => {
    expect(sortRanked(rows).map((r) => r.kode)).toEqual(['3527', '3501', '3502', '3579']);
  });
  it('highlights one region and draws the province as a reference line', () => {
    const o = rankBarOption({
      rows,
      format: (v) => v.toFixed(1),
      highlight: '3501',
      reference: { label: 'Jawa Timur', value: 9.8 },
      noDataLabel: 'Tidak ada data'
    });
    expect((o.yAxis as { data: string[] }).data).toEqual(['Sampang', 'Pacitan', 'Ponorogo', 'Kota Batu']);
    const s = (
      o.series as { data: { value: number | null; itemStyle: { color: string } }[]; markLine: { data: { xAxis: number }[]; label: { formatter: string } } }[]
    )[0];
    expect(s.data.map((d) => d.value)).toEqual([21.8, 12.9, 12.9, null]);
    expect(s.data[1].itemStyle.color).not.toBe(s.data[0].itemStyle.color);
    expect(s.markLine.data[0].xAxis).toBe(9.8);
    expect(s.markLine.label.formatter).toBe('Jawa Timur: 9.8');
    const tip = (o.tooltip as { formatter: (p: unknown) => string }).formatter({ dataIndex: 3 });
    expect(tip).toContain('Tidak ada data');
  });
});

describe('trendTable', () => {
  it('gives one row per year and one column per line, keeping gaps empty', async () => {
    const { trendTable } = await import('../../../src/lib/charts/options/trend');
    const table = trendTable(
      [2020, 2021],
      [
        { name: 'Maret', values: [11.09, null] },
        { name: 'September', values: [null, 10.59] }
      ],
      'Tahun',
      (v) => `${v} %`
    );
    expect(table.columns.map((c) => c.label)).toEqual(['Tahun', 'Maret', 'September']);
    expect(table.rows).toEqual([
      { tahun: 2020, s0: 11.09, s1: null },
      { tahun: 2021, s0: null, s1: 10.59 }
    ]);
    expect(table.columns[1].format!(null, {})).toBe('–');
    expect(table.columns[1].format!(11.09, {})).toBe('11.09 %');
  });
});
