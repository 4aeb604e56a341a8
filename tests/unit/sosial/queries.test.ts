/**
 * The SQL of /layanan and /upt on the pipeline's own Parquet, in native DuckDB and in DuckDB-WASM
 * (the browser's engine, blocking build): both must agree, and the headline numbers must equal
 * what plain TypeScript computes from the generator's rows.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../src/lib/pipeline/snapshot';
import { readSources } from '../../../src/lib/pipeline/sources';
import { generateSosial } from '../../../src/lib/pipeline/demo/sosial';
import { decodeParquetNode, nodeEngine } from '../../../src/lib/db/node';
import { daysBetween, describeColumn, describeTable, type Kasus, type Manifest } from '../../../src/lib/schema';
import * as L from '../../../src/lib/queries/layanan';
import * as U from '../../../src/lib/queries/upt';
import { Coordinator, type Query } from '../../../src/lib/db/coordinator';
import { folderLoader, nativeEngine } from '../../../src/lib/db/native';
import { ROOT } from '../pipeline/helpers';

const SEED = 11;
const root = mkdtempSync(join(tmpdir(), 'dampak-sosial-q-'));
const out = join(root, 'data');
await buildSnapshot({ input: join(ROOT, 'data'), out, workDir: join(root, 'work'), seed: SEED, penerimaRows: 1000, keep: 1 });
const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
const s = readSources(join(ROOT, 'data'));
const demo = generateSosial({ wilayah: s.wilayah, program: s.program, nilai: s.nilai_indikator, rekam: s.rekam_program, upt: s.upt }, SEED);

// Native DuckDB through the coordinator (tables loaded as declared, sha256-checked against the manifest) …
const nativeEng = await nativeEngine();
const native = new Coordinator(async () => nativeEng, folderLoader(nativeEng, out));
// … and DuckDB-WASM, the browser's engine, with every table inserted as the browser does.
const wasm = await nodeEngine();
for (const t of manifest.tables) await wasm.insertIpc(t.name, decodeParquetNode(readFileSync(join(out, t.file))));

async function both<T extends Record<string, unknown>>(q: Query<T>): Promise<T[]> {
  const a = await native.query(q);
  const b = await wasm.query<T>(q.sql, q.params);
  expect(b).toEqual(a);
  return b;
}

const quantile = (xs: number[], p: number) => {
  const v = [...xs].sort((x, y) => x - y);
  const h = (v.length - 1) * p;
  return v[Math.floor(h)] + (h - Math.floor(h)) * (v[Math.ceil(h)] - v[Math.floor(h)]);
};
const AS_OF = demo.kasus.reduce<string>(
  (m, k) => [k.tanggal_lapor, k.tanggal_asesmen, k.tanggal_tindak_lanjut].reduce<string>((a, d) => (d && d > a ? d : a), m),
  ''
);
const hari = (k: Kasus) => (k.tanggal_tindak_lanjut ? daysBetween(k.tanggal_lapor, k.tanggal_tindak_lanjut) : null);
const waiting = (k: Kasus) => k.status === 'dilaporkan' || k.status === 'asesmen';

function expectedKpi(rows: Kasus[], tahun: number) {
  const y = rows.filter((k) => k.tanggal_lapor.startsWith(String(tahun)));
  const days = y.map(hari).filter((d): d is number => d !== null);
  return {
    dilaporkan: y.length,
    perlu_tl: y.filter((k) => k.status !== 'ditutup').length,
    tl_3hari: days.filter((d) => d <= 3).length,
    median_hari: quantile(days, 0.5),
    rata_hari: expect.closeTo(days.reduce((a, b) => a + b, 0) / days.length, 9),
    p90_hari: quantile(days, 0.9),
    menunggu_14: rows.filter((k) => waiting(k) && daysBetween(k.tanggal_lapor, AS_OF) > 14).length,
    menunggu: rows.filter(waiting).length,
    per_tanggal: AS_OF
  };
}

describe('/layanan queries', () => {
  it('years and the as-of date', async () => {
    const years = await both(L.caseYears());
    expect(years.map((y) => y.tahun)).toEqual([2024, 2025]);
    expect(years[1].kasus).toBe(demo.kasus.filter((k) => k.tanggal_lapor.startsWith('2025')).length);
    expect(years[0].per_tanggal).toBe(AS_OF);
  });

  it('KPIs of the province, of one region and of one category equal the TypeScript computation', async () => {
    const [kpi] = await both(L.caseKpi({ kode: '', tahun: 2025, kategori: '' }));
    expect(kpi).toEqual(expectedKpi(demo.kasus, 2025));
    const [sby] = await both(L.caseKpi({ kode: '3578', tahun: 2025, kategori: '' }));
    expect(sby).toEqual(
      expectedKpi(
        demo.kasus.filter((k) => k.kode === '3578'),
        2025
      )
    );
    const [odgj] = await both(L.caseKpi({ kode: '', tahun: 2024, kategori: 'odgj_tanpa_identitas' }));
    expect(odgj).toEqual(
      expectedKpi(
        demo.kasus.filter((k) => k.kategori === 'odgj_tanpa_identitas'),
        2024
      )
    );
  });

  it('the funnel narrows: reported ≥ assessed ≥ followed up ≥ finished', async () => {
    const [f] = await both(L.caseFunnel({ kode: '', tahun: 2025, kategori: '' }));
    const y = demo.kasus.filter((k) => k.tanggal_lapor.startsWith('2025'));
    expect(f).toEqual({
      dilaporkan: y.length,
      asesmen: y.filter((k) => k.tanggal_asesmen).length,
      ditindaklanjuti: y.filter((k) => k.tanggal_tindak_lanjut).length,
      selesai: y.filter((k) => k.status === 'selesai').length,
      ditutup: y.filter((k) => k.status === 'ditutup').length
    });
    expect(f.dilaporkan >= f.asesmen && f.asesmen >= f.ditindaklanjuti && f.ditindaklanjuti >= f.selesai).toBe(true);
  });

  it('delay by category and by source covers every case of the year once', async () => {
    for (const menurut of ['kategori', 'sumber'] as const) {
      const rows = await both(L.caseDelay({ kode: '', tahun: 2025, kategori: '' }, menurut));
      const y = demo.kasus.filter((k) => k.tanggal_lapor.startsWith('2025'));
      expect(rows.reduce((t, r) => t + r.perlu_tl, 0)).toBe(y.filter((k) => k.status !== 'ditutup').length);
      const odgj = rows.find((r) => r.grup === (menurut === 'kategori' ? 'odgj_tanpa_identitas' : 'hotline'))!;
      const days = y
        .filter((k) => k[menurut] === odgj.grup)
        .map(hari)
        .filter((d): d is number => d !== null);
      expect(odgj.median_hari).toBe(quantile(days, 0.5));
      // Slowest first.
      const medians = rows.map((r) => r.median_hari ?? -1);
      expect(medians).toEqual([...medians].sort((a, b) => b - a));
    }
  });

  it('every region, with cases per 100,000 from the latest BPS population', async () => {
    const rows = await both(L.caseByRegion({ kode: '', tahun: 2025, kategori: '' }));
    expect(rows).toHaveLength(38);
    const sby = rows.find((r) => r.kode === '3578')!;
    expect(sby.kasus).toBe(demo.kasus.filter((k) => k.kode === '3578' && k.tanggal_lapor.startsWith('2025')).length);
    const pop = s.nilai_indikator.filter((n) => n.kode === '3578' && n.indikator === 'jumlah_penduduk').sort((a, b) => b.tahun - a.tahun)[0];
    expect(sby).toMatchObject({ penduduk: pop.nilai, tahun_penduduk: pop.tahun });
    expect(rows.reduce((t, r) => t + r.menunggu_14, 0)).toBe(expectedKpi(demo.kasus, 2025).menunggu_14);
  });

  it("social pillars per region against the year's cases, equal to the generator's rows", async () => {
    const rows = await both(L.casePillars({ kode: '', tahun: 2025, kategori: '' }));
    expect(rows).toHaveLength(38);
    for (const r of rows) {
      const mine = demo.pilar_sosial.filter((p) => p.kode === r.kode && p.tahun === 2025);
      const of = (jenis: string) => mine.filter((p) => p.jenis === jenis).reduce((t, p) => t + p.jumlah, 0);
      expect(r).toMatchObject({ tksk: of('tksk'), tagana: of('tagana'), pendamping_pkh_plus: of('pendamping_pkh_plus'), pordam: of('pordam') });
      const total = mine.reduce((t, p) => t + p.jumlah, 0);
      expect(r.pilar).toBe(total);
      const cases = demo.kasus.filter((k) => k.kode === r.kode && k.tanggal_lapor.startsWith('2025')).length;
      expect(r.kasus).toBe(cases);
      expect(r.kasus_per_100_pilar).toBeCloseTo((cases * 100) / total, 10);
    }
    // A category narrows the cases, never the pillars.
    const anak = await both(L.casePillars({ kode: '', tahun: 2025, kategori: 'anak_terlantar' }));
    expect(anak.map((r) => r.pilar)).toEqual(rows.map((r) => r.pilar));
    expect(anak.reduce((t, r) => t + r.kasus, 0)).toBe(demo.kasus.filter((k) => k.kategori === 'anak_terlantar' && k.tanggal_lapor.startsWith('2025')).length);
    // A year without pillar rows: nulls (no data), not zeros.
    const none = await both(L.casePillars({ kode: '', tahun: 1999, kategori: '' }));
    expect(none.every((r) => r.pilar === null && r.kasus_per_100_pilar === null)).toBe(true);
  });

  it('monthly trend over the whole record, and the backlog longest-waiting first', async () => {
    const trend = await both(L.caseTrend({ kode: '', tahun: 2025, kategori: '' }));
    expect(trend.reduce((t, r) => t + r.kasus, 0)).toBe(demo.kasus.length);
    expect(trend[0]).toMatchObject({ tahun: 2024, bulan: 5 });
    const backlog = await both(L.caseBacklog({ kode: '', tahun: 2025, kategori: '' }));
    expect(backlog).toHaveLength(demo.kasus.filter(waiting).length);
    expect(backlog[0].hari_terbuka).toBe(Math.max(...demo.kasus.filter(waiting).map((k) => daysBetween(k.tanggal_lapor, AS_OF))));
    expect(Object.keys(backlog[0]).sort()).toEqual(['hari_terbuka', 'id_kasus', 'kategori', 'kode', 'nama', 'status', 'sumber', 'tanggal_lapor']);
  });
});

describe('/upt queries', () => {
  it('every unit with its residents now, flows over 12 months and location', async () => {
    const units = await both(U.uptUnits());
    expect(units).toHaveLength(s.upt.length);
    const dec = demo.layanan_upt.filter((r) => r.tahun === 2025 && r.bulan === 12);
    const pstw = units.find((u) => u.id === 'pstw-jember')!;
    expect(pstw.klien).toBe(dec.find((r) => r.upt_id === 'pstw-jember')!.klien_akhir);
    const year = demo.layanan_upt.filter((r) => r.upt_id === 'pstw-jember' && r.tahun === 2025);
    expect(pstw.masuk_12).toBe(year.reduce((t, r) => t + r.masuk, 0));
    expect(pstw).toMatchObject({ tahun: 2025, bulan: 12, kode: '3509', wilayah: 'Jember', kapasitas: null });
    const seat = s.wilayah.find((w) => w.kode === '3509')!;
    expect([pstw.lat, pstw.lon]).toEqual([seat.lat, seat.lon]);
    expect(units.find((u) => u.id === 'eks-kusta')).toMatchObject({ kode: null, lat: null });
  });

  it('monthly totals for all units, a cluster and one unit', async () => {
    const all = await both(U.uptTrend({ klaster: '', kode: '', id: '' }));
    expect(all).toHaveLength(84);
    expect(all.at(-1)!.klien).toBe(demo.layanan_upt.filter((r) => r.tahun === 2025 && r.bulan === 12).reduce((t, r) => t + r.klien_akhir, 0));
    const lansia = await both(U.uptTrend({ klaster: 'lansia', kode: '', id: '' }));
    expect(lansia.every((r) => r.unit === 7)).toBe(true);
    const one = await both(U.uptTrend({ klaster: '', kode: '', id: 'rsbg-tuban' }));
    expect(one.map((r) => r.masuk)).toEqual(demo.layanan_upt.filter((r) => r.upt_id === 'rsbg-tuban').map((r) => r.masuk));
  });

  it('demand per region from the published aggregate, and the referrals of one unit from the cases', async () => {
    const demand = await both(U.uptDemand());
    expect(demand).toHaveLength(38);
    const sby = demand.find((d) => d.kode === '3578')!;
    expect(sby.kasus).toBe(demo.kasus.filter((k) => k.kode === '3578' && k.tanggal_lapor.startsWith('2025')).length);
    expect(sby.per_100rb).toBeCloseTo((sby.kasus! * 1e5) / sby.penduduk!, 9);
    const refs = await both(U.uptReferralsByRegion('balai-pmks-sidoarjo'));
    const mine = demo.kasus.filter((k) => k.upt_id === 'balai-pmks-sidoarjo');
    expect(refs.reduce((t, r) => t + r.kasus, 0)).toBe(mine.length);
    expect(refs.length).toBeGreaterThan(10); // the one gepeng/ODGJ balai serves the whole province
    const months = await both(U.uptReferralsByMonth('balai-pmks-sidoarjo'));
    expect(months.reduce((t, r) => t + r.kasus, 0)).toBe(mine.length);
  });
});

describe('SQL workbench and data catalogue words', () => {
  it('describe every table, rollup and column of the snapshot in both languages', () => {
    for (const t of manifest.tables) {
      for (const lang of ['id', 'en'] as const) {
        expect(describeTable(t.name, lang)?.description, `${t.name} ${lang}`).toBeTruthy();
        for (const c of t.columns) expect(describeColumn(t.name, c.name, lang), `${t.name}.${c.name} ${lang}`).toBeTruthy();
      }
    }
    expect(describeTable('kasus', 'id')!.description).toMatch(/tidak pernah diterbitkan/);
    expect(describeColumn('kasus_agregat', 'dalam_3_hari', 'en')).toBe('Followed up within 3 days of the report');
    expect(describeTable('berkas_saya', 'id')).toBeNull();
    expect(describeColumn('berkas_saya', 'kode', 'id')).toBeNull();
  });
});

describe('the Ringkasan cards (layanan.json)', () => {
  it('hold the same case numbers as /layanan and the units’ residents, with occupancy over the 12-month average', () => {
    const card = JSON.parse(readFileSync(join(out, 'layanan.json'), 'utf8'));
    const k = expectedKpi(demo.kasus, 2025);
    expect(card.kasus).toEqual({
      per_tanggal: AS_OF,
      tahun: 2025,
      dilaporkan: k.dilaporkan,
      perlu_tindak_lanjut: k.perlu_tl,
      dalam_3_hari: k.tl_3hari,
      median_hari: k.median_hari,
      menunggu_14_hari: k.menunggu_14
    });
    const dec = demo.layanan_upt.filter((r) => r.tahun === 2025 && r.bulan === 12);
    const withCap = s.upt.filter((u) => u.kapasitas !== null);
    const avg = (id: string) => demo.layanan_upt.filter((r) => r.upt_id === id && r.tahun === 2025).reduce((t, r) => t + r.klien_akhir, 0) / 12;
    expect(card.upt).toMatchObject({
      tahun: 2025,
      bulan: 12,
      unit: s.upt.length,
      klien: dec.reduce((t, r) => t + r.klien_akhir, 0),
      unit_berkapasitas: withCap.length,
      kapasitas: withCap.reduce((t, u) => t + u.kapasitas!, 0)
    });
    expect(card.upt.klien_berkapasitas).toBeCloseTo(
      withCap.reduce((t, u) => t + avg(u.id), 0),
      9
    );
  });
});

describe('the SQL workbench examples', () => {
  it('every example (the case and unit ones included) passes the guard and runs on DuckDB-WASM over the snapshot', async () => {
    const { EXAMPLES } = await import('../../../src/lib/sql/examples');
    const { guardSql, referencedTables } = await import('../../../src/lib/sql/guard');
    const names = manifest.tables.map((t) => t.name);
    expect(EXAMPLES.map((e) => e.id)).toEqual(expect.arrayContaining(['tindak_lanjut_kasus', 'keterisian_upt']));
    for (const e of EXAMPLES) {
      const g = guardSql(e.sql);
      expect(g.ok, e.id).toBe(true);
      if (g.ok) expect(referencedTables(g.tokens, names).length, e.id).toBeGreaterThan(0);
      const rows = await wasm.query(e.sql);
      expect(rows.length, e.id).toBeGreaterThan(0);
    }
  });
});
