import { describe, expect, it } from 'vitest';
import { RINGKASAN, ix } from './fixture';
import { regionalPeriode, yearsWith } from '../../../src/lib/rollup/data';
import { changeBetween, crossSection, latest, movers, previous, rankOverTime, ranks, series, yearRange } from '../../../src/lib/rollup/series';
import { programTotals, programmesIn, provinceKpi, latestProvince } from '../../../src/lib/rollup/kpi';

describe('rollup index', () => {
  it('orders the regions by code and leaves the province out', () => {
    expect(ix().regions.map((r) => r.kode)).toEqual(['3501', '3527', '3579']);
  });
  it('resolves source indices to text', () => {
    expect(ix().get('p0', '3500', 2020, 'maret')?.sumber).toBe('BPS A');
    expect(ix().get('p0', '3501', 2020, 'maret')?.sumber).toBe('BPS B');
    expect(ix().get('p0', '3501', 2019, 'maret')).toBeNull();
  });
  it('finds the years per level and the regional period', () => {
    expect(yearsWith(ix(), 'p0', 'maret', 'kab')).toEqual([2020, 2021, 2024]);
    expect(yearsWith(ix(), 'p0', 'maret', 'prov')).toEqual([2019, 2020, 2021, 2024]);
    expect(regionalPeriode(ix(), 'p0')).toBe('maret');
    expect(regionalPeriode(ix(), 'ipm')).toBe('tahunan');
  });
});

describe('series', () => {
  it('keeps missing years as gaps (null), never zero', () => {
    // September releases span 2021–2024 here; 2022 and 2023 have none.
    expect(series(ix(), 'p0', '3500', 'september')).toEqual([
      { tahun: 2021, nilai: 10.59 },
      { tahun: 2022, nilai: null },
      { tahun: 2023, nilai: null },
      { tahun: 2024, nilai: 9.56 }
    ]);
    expect(series(ix(), 'p0', '3500', 'september', [2020, 2021]).map((p) => p.nilai)).toEqual([null, 10.59]);
    expect(yearRange(ix(), 'p0', 'maret')).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
  });
  it('finds the latest and the previous observation with data', () => {
    expect(latest(ix(), 'p0', '3527', 'maret')).toEqual({ tahun: 2024, nilai: 21.76 });
    // 2021 is missing for Sampang: the previous year with data is 2020.
    expect(previous(ix(), 'p0', '3527', 'maret', 2024)).toEqual({ tahun: 2020, nilai: 22.78 });
    expect(previous(ix(), 'p0', '3527', 'maret', 2020)).toBeNull();
  });
});

describe('ranks and cross-sections', () => {
  it('ranks highest first with shared ranks for ties and none for gaps', () => {
    const r = ranks([
      { kode: 'a', nilai: 5 },
      { kode: 'b', nilai: 9 },
      { kode: 'c', nilai: 5 },
      { kode: 'd', nilai: null },
      { kode: 'e', nilai: 1 }
    ]);
    expect(Object.fromEntries(r)).toEqual({ b: 1, a: 2, c: 2, e: 4 });
  });
  it('gives value, rank, previous year and change for every region', () => {
    const cs = crossSection(ix(), 'p0', 2024, 'maret');
    const pacitan = cs.find((c) => c.kode === '3501')!;
    expect(pacitan).toMatchObject({ nilai: 12.91, rank: 2, prevTahun: 2021, prevNilai: 15.11 });
    expect(pacitan.change).toBeCloseTo(12.91 - 15.11, 10);
    expect(cs.find((c) => c.kode === '3527')).toMatchObject({ rank: 1, prevTahun: 2020 });
    const none = crossSection(ix(), 'p0', 2019, 'maret');
    expect(none.every((c) => c.nilai === null && c.rank === null && c.change === null)).toBe(true);
  });
  it('tracks a region’s rank over the years with data', () => {
    expect(rankOverTime(ix(), 'p0', '3579', 'maret')).toEqual([
      { tahun: 2020, rank: 3, of: 3 },
      { tahun: 2021, rank: 2, of: 2 },
      { tahun: 2024, rank: 3, of: 3 }
    ]);
  });
});

describe('change and movers', () => {
  it('computes the change between two years, null where an end is missing', () => {
    const ch = changeBetween(ix(), 'p0', 'maret', 2021, 2024);
    expect(ch.find((c) => c.kode === '3527')?.change).toBeNull();
    expect(ch.find((c) => c.kode === '3579')?.change).toBeCloseTo(0.09, 10);
  });
  it('orients improvements by the good direction', () => {
    const ch = changeBetween(ix(), 'p0', 'maret', 2020, 2024);
    const lower = movers(ch, 'lower', 5);
    expect(lower.improved.map((c) => c.kode)).toEqual(['3501', '3527']);
    expect(lower.worsened.map((c) => c.kode)).toEqual(['3579']);
    const higher = movers(ch, 'higher', 5);
    expect(higher.improved.map((c) => c.kode)).toEqual(['3579']);
    expect(movers(ch, 'neutral')).toEqual({ improved: [], worsened: [] });
    expect(movers(ch, 'lower', 1).improved).toHaveLength(1);
  });
});

describe('KPIs', () => {
  it('takes the latest province release in any period and compares like with like', () => {
    const k = provinceKpi(ix(), 'p0', 2020)!;
    expect(k.latest).toMatchObject({ tahun: 2024, periode: 'september', nilai: 9.56 });
    // September 2023 was not released: no comparison rather than a wrong one.
    expect(k.vsPrevYear).toBeNull();
    // No September 2020 either: the reference falls back to March 2020, and says so via ref.
    expect(k.vsRef?.ref).toMatchObject({ tahun: 2020, periode: 'maret' });
    expect(k.vsRef?.delta).toBeCloseTo(9.56 - 11.09, 10);
    expect(latestProvince(ix(), 'p0', ['maret'])).toMatchObject({ tahun: 2024, periode: 'maret' });
    expect(provinceKpi(ix(), 'garis_kemiskinan')).toBeNull();
  });
  it('sums the demo programme rows of the latest year', () => {
    expect(programTotals(RINGKASAN.program_tahun)).toEqual({
      tahun: 2025,
      programmes: 2,
      regions: 2,
      penerima: 155,
      targetPenerima: 170,
      anggaranRp: 4.2e8,
      realisasiRp: 3.8e8
    });
    expect(programTotals([])).toBeNull();
  });
  it('lists the programmes of a region at their latest year', () => {
    expect(programmesIn(RINGKASAN.program_tahun, '3501').map((p) => [p.program_id, p.tahun])).toEqual([
      ['pkh_plus', 2025],
      ['aspd', 2023]
    ]);
  });
});

describe('profile rows', () => {
  it('gives each indicator of a region at its latest year, with rank among regions that have data', async () => {
    const { profileRows } = await import('../../../src/lib/rollup/profile');
    const rows = profileRows(ix(), '3527');
    expect(rows.map((r) => [r.ind.id, r.periode, r.tahun, r.nilai, r.rank, r.of])).toEqual([
      ['p0', 'maret', 2024, 21.76, 1, 3],
      ['ipm', 'tahunan', 2021, 63.0, 2, 2]
    ]);
    expect(rows[0].prevTahun).toBe(2020);
  });
});

describe('programme reach as a demo map indicator', () => {
  it('sums the recipients of all programmes per region and year', async () => {
    const { programmeObservations, isDemoIndicator, indexRingkasan } = await import('../../../src/lib/rollup/data');
    const obs = programmeObservations(RINGKASAN).map((o) => [o.kode, o.tahun, o.nilai]);
    expect(obs).toEqual([
      ['3501', 2024, 90],
      ['3501', 2025, 110],
      ['3527', 2025, 45],
      ['3501', 2023, 10]
    ]);
    expect(ix().get('penerima_program', '3501', 2025, 'tahunan')?.nilai).toBe(110);
    expect(regionalPeriode(ix(), 'penerima_program')).toBe('tahunan');
    expect(isDemoIndicator(ix(), 'penerima_program') && !isDemoIndicator(ix(), 'p0')).toBe(true);
    // with the agency's own disbursements (the manifest's ringkasan flag false) the layer is no longer demo
    expect(isDemoIndicator(indexRingkasan(RINGKASAN, false), 'penerima_program')).toBe(false);
  });
});
