import { describe, expect, it } from 'vitest';
import { JATIM_REGIONS } from '../../../src/lib/map/regions';
import { runWorkbench } from '../../../src/lib/impact/run';
import { dumbbellView, effectMapData, eventView, regionalView, trendView } from '../../../src/lib/impact/views';
import type { TextContext } from '../../../src/lib/impact/text';
import { REGIONS, request } from './fixtures';

const ctx: TextContext = {
  lang: 'id',
  program: 'PKH Plus',
  programId: 'pkh_plus',
  outcome: 'P0',
  outcomeId: 'p0',
  unit: '%',
  periode: 'Maret',
  betterDirection: 'lower',
  decimals: 2,
  demo: true,
  regionName: (k) => `R${k}`
};

describe('chart views of a workbench result', () => {
  const r = runWorkbench(request());

  it('trend: one line per cohort plus the comparison group, table by year', () => {
    const v = trendView(r, ctx);
    expect(v.title).toBe('P0: wilayah penerima dan pembanding');
    expect((v.option as { series: { name: string }[] }).series.map((s) => s.name)).toEqual([
      'Mulai 2021 (2 wilayah)',
      'Mulai 2022 (1 wilayah)',
      'Pembanding (3 wilayah)'
    ]);
    expect(v.table!.rows.map((x) => x.tahun)).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it('event study from CS dynamic effects; dumbbell and ranked bar per treated region', () => {
    expect(eventView(r, ctx).table!.rows).toHaveLength(r.event!.points.length);
    expect(dumbbellView(r, ctx).table!.rows.map((x) => x.kode)).toEqual(['3501', '3502', '3503']);
    expect(regionalView(r, ctx).table!.rows.map((x) => x.effect)).toEqual(r.regional.map((g) => g.effect));
  });

  it('says why the event chart is empty when the method failed', () => {
    const failed = { ...r, event: null, eventError: { code: 'no_comparison' as const, message: 'x' } };
    expect(eventView(failed, ctx).reason).toMatch(/Tidak ada wilayah pembanding/);
  });

  it('map: treated regions carry their effect, every other region reads "not treated"', () => {
    // The fixture uses codes 3501–3506; the map has all 38 regions.
    const regions = JATIM_REGIONS.map((x) => ({ kode: x.kode, nama: x.nama }));
    const m = effectMapData(r, ctx, regions)!;
    expect(m.values).toHaveLength(38);
    for (const g of r.regional) expect(m.values.find((v) => v.kode === g.kode)!.value).toBe(g.effect);
    expect(m.classes.noDataCount).toBe(38 - r.regional.length);
    expect(m.describe(REGIONS.find((k) => !r.regional.some((g) => g.kode === k)) ?? '3571')).toMatch(/Bukan penerima$/);
    expect(m.describe('3501')).toMatch(/ poin persen$/);
    // Diverging palette oriented so that a fall in P0 is blue.
    expect(m.palette.kind).toBe('diverging');
    expect(effectMapData({ ...r, regional: [] }, ctx, regions)).toBeNull();
  });
});
