import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { Ringkasan } from '../../../src/lib/pipeline/rollups';
import { CARDS, headline, headlineAside, isCard, programmeReach, rankOf, regionMap, series } from '../../../src/lib/publish/infographic';
import { suppressRingkasan } from '../../../src/lib/publish/suppress';
import { linear, niceTicks, pathWithGaps, polygonsPath } from '../../../src/lib/publish/svg';

const FILE = 'static/data/ringkasan.json';
if (!existsSync(FILE)) execFileSync('npx', ['tsx', 'src/cli/data.ts'], { stdio: 'inherit' });
const r = JSON.parse(readFileSync(FILE, 'utf8')) as Ringkasan;

/** Values straight from the columnar rollup, independent of the code under test. */
function raw(kode: string, indikator: string, periode: string): Map<number, number> {
  const m = new Map<number, number>();
  r.nilai.kode.forEach((k, i) => {
    if (k === kode && r.nilai.indikator[i] === indikator && r.nilai.periode[i] === periode) m.set(r.nilai.tahun[i], r.nilai.nilai[i]);
  });
  return m;
}

describe('infographic numbers from the snapshot rollup', () => {
  it('headline: the latest March P0 of the province and its change against the previous March', () => {
    const m = raw('3500', 'p0', 'maret');
    const years = [...m.keys()].sort((a, b) => a - b);
    const [prev, last] = years.slice(-2);
    const h = headline(r, '3500')!;
    expect(h.latest).toEqual({ tahun: last, nilai: m.get(last) });
    expect(h.previous).toEqual({ tahun: prev, nilai: m.get(prev) });
    expect(h.change).toBeCloseTo(m.get(last)! - m.get(prev)!, 6);
  });

  it('series keeps BPS gaps as gaps (no interpolated year)', () => {
    const s = series(r, '3501');
    expect(s.map((p) => p.tahun)).toEqual([...raw('3501', 'p0', 'maret').keys()].sort((a, b) => a - b));
  });

  it('the map uses the latest year in which every kabupaten/kota has a value, one per region, and ranks them', () => {
    const { tahun, values } = regionMap(r);
    const perYear = new Map<number, number>();
    r.nilai.kode.forEach(
      (k, i) =>
        k !== '3500' &&
        r.nilai.indikator[i] === 'p0' &&
        r.nilai.periode[i] === 'maret' &&
        perYear.set(r.nilai.tahun[i], (perYear.get(r.nilai.tahun[i]) ?? 0) + 1)
    );
    // P0 2025 exists for only some regions (news quoting BPS): the map keeps the last complete year.
    expect(tahun).toBe(Math.max(...[...perYear].filter(([, n]) => n === 38).map(([y]) => y)));
    expect(Math.max(...perYear.keys())).toBeGreaterThan(tahun!);
    const withValue = r.wilayah.filter((w) => raw(w.kode, 'p0', 'maret').has(tahun!)).map((w) => w.kode);
    expect([...values.keys()].sort()).toEqual(withValue.sort());
    expect(values.size).toBeGreaterThan(30);
    for (const [kode, v] of values) expect(raw(kode, 'p0', 'maret').get(tahun!)).toBe(v);
    const sorted = [...values.entries()].sort((a, b) => a[1] - b[1]);
    expect(rankOf(values, sorted[0][0])).toBe(1);
    expect(rankOf(values, sorted[sorted.length - 1][0])).toBe(values.size);
  });

  it('programme reach sums the latest year per programme; with suppressed cells the sum is a lower bound', () => {
    const { tahun, rows } = programmeReach(r, '3500');
    expect(tahun).toBe(Math.max(...r.program_tahun.map((p) => p.tahun)));
    for (const row of rows) {
      const expected = r.program_tahun.filter((p) => p.tahun === tahun && p.program_id === row.program_id).reduce((a, p) => a + p.realisasi_penerima, 0);
      expect(row.penerima).toBe(expected);
      expect(row.lowerBound).toBe(false);
    }
    // the public rollup: a region with a small count shows "<10", the province total flags the gap
    const small = r.program_tahun.find((p) => p.realisasi_penerima < 10)!;
    expect(small).toBeDefined();
    // only that year, so it is the latest one
    const sameYear = { ...r, program_tahun: r.program_tahun.filter((p) => p.tahun === small.tahun) };
    const pub = suppressRingkasan(sameYear) as unknown as Ringkasan;
    expect(programmeReach(pub, small.kode).rows.find((x) => x.program_id === small.program_id)?.penerima).toBe('<10');
    const prov = programmeReach(pub, '3500').rows.find((x) => x.program_id === small.program_id)!;
    expect(prov.lowerBound).toBe(true);
    const published = sameYear.program_tahun.filter((p) => p.program_id === small.program_id && p.realisasi_penerima >= 10);
    expect(prov.penerima).toBe(published.reduce((a, p) => a + p.realisasi_penerima, 0));
  });

  it('sets the headline beside the extremes (province) or the province (region)', () => {
    const name = (k: string) => `n${k}`;
    const { tahun, values } = regionMap(r);
    const vals = [...values.values()];
    const [lo, hi] = headlineAside(r, '3500', name);
    expect(lo).toMatchObject({ kind: 'lowest', tahun, value: Math.min(...vals), label: name(lo.kode) });
    expect(hi).toMatchObject({ kind: 'highest', tahun, value: Math.max(...vals) });
    const region = headlineAside(r, '3578', name);
    const latest = headline(r, '3578')!.latest;
    expect(region).toEqual([{ kind: 'province', kode: '3500', label: 'n3500', tahun: latest.tahun, value: raw('3500', 'p0', 'maret').get(latest.tahun) }]);
  });

  it('knows its cards', () => {
    expect(CARDS.every(isCard)).toBe(true);
    expect(isCard('<script>')).toBe(false);
  });
});

describe('svg helpers', () => {
  it('scales, ticks and paths', () => {
    expect(linear([0, 10], [0, 100])(2.5)).toBe(25);
    expect(niceTicks(9.3, 12.34, 4)).toEqual([9, 10, 11, 12, 13]);
    const x = linear([2019, 2021], [0, 20]);
    // 2020 missing → a new segment starts at 2021
    expect(
      pathWithGaps(
        [
          { tahun: 2019, nilai: 1 },
          { tahun: 2021, nilai: 2 }
        ],
        x,
        (v) => v
      )
    ).toBe('M0.0,1.0M20.0,2.0');
    expect(
      polygonsPath([
        [
          [
            [0, 0],
            [1, 0],
            [1, 1]
          ]
        ]
      ])
    ).toBe('M0,0L1,0L1,1Z');
  });
});
