/**
 * A small snapshot with known answers, written as the pipeline writes one (Parquet + manifest) so
 * the query modules run on native DuckDB exactly as they run in the browser: three regions, two
 * programmes, a few months of disbursements, BPS poverty figures with a gap, a tiny beneficiary
 * profile, two technical units with a few months of services and six e-JSC cases. Every expected
 * number in the tests can be worked out by hand from the rows below.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Coordinator } from '../../../src/lib/db/coordinator';
import { folderLoader, nativeEngine, openDuckDB } from '../../../src/lib/db/native';
import { appendRows, copyToParquet, createTable } from '../../../src/lib/pipeline/duckdb';
import { PENERIMA_PROFIL_SQL } from '../../../src/lib/pipeline/rollups';
import { KASUS_AGREGAT_ORDER, KASUS_AGREGAT_SQL } from '../../../src/lib/pipeline/sosial-rollups';
import { MANIFEST_FILE, SCHEMA_VERSION, TABLES, type Manifest, type TableName } from '../../../src/lib/schema';

const ind = (id: string, satuan: string) => ({
  id,
  nama: id,
  nama_en: id,
  satuan,
  satuan_en: satuan,
  arah_baik: 'lower',
  desimal: 2,
  sumber: 'BPS',
  definisi: '-',
  definisi_en: '-'
});
const prog = (id: string, singkatan: string, tahun_mulai: number, umur: string | null, desil: number | null) => ({
  id,
  nama: `Program ${singkatan}`,
  singkatan,
  jenis_bantuan: 'tunai',
  sasaran: 's',
  sasaran_en: 's',
  sumber_dana: 'APBD',
  tahun_mulai,
  tahun_selesai: null,
  nilai_per_penerima: 1_200_000,
  umur_sasaran: umur,
  desil_maks: desil,
  deskripsi: 'd',
  deskripsi_en: 'd'
});
// program_id, kode, tahun, bulan, target, realisasi, anggaran, realisasi_rp, hari_terlambat
type P = [string, string, number, number, number, number, number, number, number];
const PENYALURAN: P[] = [
  ['pkh_plus', '3501', 2023, 12, 100, 90, 10_000_000, 9_000_000, 0],
  ['pkh_plus', '3501', 2024, 1, 100, 95, 10_000_000, 9_500_000, 0],
  ['pkh_plus', '3501', 2024, 2, 100, 110, 10_000_000, 11_000_000, 4],
  ['pkh_plus', '3578', 2024, 1, 50, 50, 5_000_000, 5_000_000, 0],
  ['pkh_plus', '3578', 2024, 2, 50, 40, 5_000_000, 4_000_000, 2],
  ['aspd', '3578', 2024, 1, 20, 20, 6_000_000, 6_000_000, 0]
];
// kode, tahun, periode, indikator, nilai
type N = [string, number, string, string, number];
const NILAI: N[] = [
  ['3500', 2023, 'maret', 'p0', 10.35],
  ['3500', 2024, 'maret', 'p0', 9.79],
  ['3501', 2023, 'maret', 'p0', 13.0],
  ['3501', 2023, 'maret', 'jumlah_miskin', 75.5],
  ['3578', 2023, 'maret', 'p0', 4.0],
  ['3578', 2023, 'maret', 'jumlah_miskin', 120.0],
  ['3579', 2023, 'maret', 'p0', 3.5],
  ['3579', 2023, 'maret', 'jumlah_miskin', 8.0],
  ['3501', 2024, 'maret', 'p0', 12.5], // 2024: one region only, so "poor" stays on 2023
  ['3501', 2024, 'maret', 'jumlah_miskin', 72.0],
  ['3501', 2022, 'tahunan', 'jumlah_penduduk', 590.0],
  ['3501', 2023, 'tahunan', 'jumlah_penduduk', 592.0],
  ['3578', 2023, 'tahunan', 'jumlah_penduduk', 2880.0]
];
// id_hash, program_id, kode, kecamatan, jk, umur, disabilitas, lansia, desil, tahun_masuk, status, nominal
type R = [string, string, string, string, string, string, boolean, boolean, number, number, string, number];
const PENERIMA: R[] = [
  ['0000000000000001', 'pkh_plus', '3501', '3501010', 'P', '70+', false, true, 2, 2023, 'aktif', 1_200_000],
  ['0000000000000002', 'pkh_plus', '3501', '3501010', 'L', '70+', true, true, 6, 2024, 'aktif', 1_200_000], // decile 6 > 4: outside the rules
  ['0000000000000003', 'pkh_plus', '3578', '3578010', 'P', '60-69', false, true, 1, 2024, 'aktif', 1_200_000] // age 60-69: outside
];

// e-JSC cases (the latest date in the table, 2024-07-01, is the "as of" of waiting times):
// id_kasus, kode, kategori, sumber, lapor, asesmen, tindak lanjut, tindak_lanjut, upt_id, status, petugas
type K = [string, string, string, string, string, string | null, string | null, string | null, string | null, string, string | null];
const KASUS: K[] = [
  ['00000000000000a1', '3501', 'lansia_terlantar', 'hotline', '2024-03-01', '2024-03-02', '2024-03-03', 'dirujuk_upt', 'pstw_a', 'selesai', 'tksk'], // 2 days
  ['00000000000000a2', '3501', 'anak_terlantar', 'tksk', '2024-05-10', '2024-05-12', '2024-05-20', 'reunifikasi', null, 'ditindaklanjuti', 'tksk'], // 10 days
  ['00000000000000a3', '3578', 'lansia_terlantar', 'hotline', '2024-06-01', null, null, null, null, 'dilaporkan', null], // waiting 30 days
  ['00000000000000a4', '3578', 'lansia_terlantar', 'media_sosial', '2024-06-20', '2024-06-21', null, null, null, 'asesmen', 'tagana'], // waiting 11 days
  ['00000000000000a5', '3578', 'lansia_terlantar', 'aduan_masyarakat', '2024-07-01', null, null, null, null, 'ditutup', null], // closed, no follow-up needed
  ['00000000000000a6', '3579', 'lansia_terlantar', 'hotline', '2023-12-30', '2023-12-31', '2024-01-02', 'dirujuk_upt', 'pstw_a', 'selesai', 'upt'] // 3 days, 2023
];
// upt_id, tahun, bulan, klien_awal, masuk, keluar, klien_akhir, keluar_produktif, kunjungan_pasca (latest month: 2024-06)
type L = [string, number, number, number, number, number, number, number, number];
const LAYANAN_UPT: L[] = [
  ['psaa_b', 2023, 6, 28, 3, 1, 30, 0, 0], // more than 12 months before 2024-06
  ['pstw_a', 2023, 12, 80, 5, 3, 82, 0, 1],
  ['pstw_a', 2024, 6, 82, 4, 2, 84, 1, 2],
  ['psaa_b', 2024, 6, 30, 2, 1, 31, 1, 0]
];

const rows = <T extends unknown[]>(cols: readonly string[], data: T[]) => data.map((r) => Object.fromEntries(cols.map((c, i) => [c, r[i]])));

export const FIXTURE_ROWS: Partial<Record<TableName, Record<string, unknown>[]>> = {
  wilayah: [
    { kode: '3501', nama: 'Kabupaten Pacitan', nama_pendek: 'Pacitan', jenis: 'kabupaten', lat: -8.2, lon: 111.1 },
    { kode: '3578', nama: 'Kota Surabaya', nama_pendek: 'Surabaya', jenis: 'kota', lat: -7.26, lon: 112.75 },
    { kode: '3579', nama: 'Kota Batu', nama_pendek: 'Kota Batu', jenis: 'kota', lat: -7.87, lon: 112.52 }
  ],
  indikator: [ind('jumlah_miskin', 'ribu jiwa'), ind('jumlah_penduduk', 'ribu jiwa'), ind('p0', '%')],
  nilai_indikator: rows(['kode', 'tahun', 'periode', 'indikator', 'nilai'], NILAI).map((r) => ({ ...r, sumber: 'BPS' })),
  program: [prog('pkh_plus', 'PKH Plus', 2021, '70+', 4), prog('aspd', 'ASPD', 2019, null, null)],
  rekam_program: [
    { program_id: 'pkh_plus', kode: '3500', tahun: 2021, periode: 'Tahunan', indikator: 'jumlah_kabkota_cakupan', nilai: 15, sumber: 'berita A' },
    { program_id: 'pkh_plus', kode: '3500', tahun: 2023, periode: 'Tahunan', indikator: 'jumlah_kabkota_cakupan', nilai: 25, sumber: 'berita B' },
    { program_id: 'pkh_plus', kode: '3501', tahun: 2022, periode: 'Tahunan', indikator: 'penerima_lansia', nilai: 800, sumber: 'berita C' },
    { program_id: 'aspd', kode: '3501', tahun: 2023, periode: 'Tahunan', indikator: 'penerima_orang', nilai: 34, sumber: 'berita D' }
  ],
  penyaluran: rows(
    TABLES.penyaluran.columns.map((c) => c.name),
    PENYALURAN
  ),
  penerima: rows(
    TABLES.penerima.columns.map((c) => c.name),
    PENERIMA
  ),
  upt: [
    {
      id: 'pstw_a',
      nama: 'UPT PSTW A',
      klaster: 'lansia',
      kode: '3501',
      alamat: 'Pacitan',
      jenis_klien: 'lanjut usia',
      kapasitas: 100,
      kapasitas_tahun: 2023,
      kapasitas_keterangan: 'kuota 100 orang',
      sumber: 'situs dinas'
    },
    {
      id: 'psaa_b',
      nama: 'UPT PSAA B',
      klaster: 'anak',
      kode: null,
      alamat: null,
      jenis_klien: null,
      kapasitas: null,
      kapasitas_tahun: null,
      kapasitas_keterangan: null,
      sumber: 'situs dinas'
    }
  ],
  layanan_upt: rows(
    TABLES.layanan_upt.columns.map((c) => c.name),
    LAYANAN_UPT
  ),
  kasus: rows(
    ['id_kasus', 'kode', 'kategori', 'sumber', 'tanggal_lapor', 'tanggal_asesmen', 'tanggal_tindak_lanjut', 'tindak_lanjut', 'upt_id', 'status', 'petugas'],
    KASUS
  ).map((r) => ({ ...r, kecamatan: null }))
};

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Write the fixture snapshot into a new temp folder; returns the folder. */
export async function writeFixtureSnapshot(demo: Partial<Record<string, boolean>> = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dampak-qfix-'));
  const conn = await openDuckDB();
  const tables: Manifest['tables'] = [];
  const entry = (name: string, kind: 'table' | 'rollup', n: number, columns: { name: string; type: string }[], isDemo: boolean, microdata: boolean) => {
    const bytes = readFileSync(join(dir, `${name}.parquet`));
    tables.push({
      name,
      kind,
      rows: n,
      row_group_size: 122_880,
      schema_version: SCHEMA_VERSION,
      columns,
      sources: ['fixture'],
      demo: isDemo,
      microdata,
      file: `${name}.parquet`,
      bytes: bytes.length,
      sha256: sha(bytes)
    });
  };
  for (const name of Object.keys(FIXTURE_ROWS) as TableName[]) {
    const spec = TABLES[name];
    await createTable(conn, spec);
    const n = await appendRows(conn, spec, FIXTURE_ROWS[name]!);
    await copyToParquet(conn, name, spec.orderBy, join(dir, `${name}.parquet`));
    entry(
      name,
      'table',
      n,
      spec.columns.map((c) => ({ name: c.name, type: c.type })),
      demo[name] ?? spec.demo,
      spec.microdata
    );
  }
  await conn.run(PENERIMA_PROFIL_SQL);
  await copyToParquet(conn, 'penerima_profil', ['program_id', 'kode', 'tahun_masuk', 'dimensi', 'kategori'], join(dir, 'penerima_profil.parquet'));
  const profil = (await conn.runAndReadAll('SELECT count(*)::INTEGER FROM penerima_profil')).getRows()[0][0] as number;
  entry('penerima_profil', 'rollup', profil, [], demo.penerima_profil ?? true, false);
  await conn.run(KASUS_AGREGAT_SQL);
  await copyToParquet(conn, 'kasus_agregat', KASUS_AGREGAT_ORDER, join(dir, 'kasus_agregat.parquet'));
  const agregat = (await conn.runAndReadAll('SELECT count(*)::INTEGER FROM kasus_agregat')).getRows()[0][0] as number;
  entry('kasus_agregat', 'rollup', agregat, [], demo.kasus_agregat ?? true, false);
  conn.closeSync();
  const file = (f: string, text: string) => (writeFileSync(join(dir, f), text), { file: f, bytes: Buffer.byteLength(text), sha256: sha(Buffer.from(text)) });
  const manifest: Manifest = {
    schema_version: SCHEMA_VERSION,
    snapshot_id: '0123456789ab',
    created_at: '2025-01-01T00:00:00.000Z',
    public: false,
    demo_seed: null,
    tables,
    rollups: [{ name: 'ringkasan', rows: 0, demo: demo.ringkasan ?? true, ...file('ringkasan.json', '{}') }],
    boundaries: { ...file('wilayah.topo.json', '{}'), source: 'fixture', licence: '-', features: 0 }
  };
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
  return dir;
}

/**
 * A coordinator on native DuckDB over the fixture. Tables are loaded only when a query declares
 * them, so a query that reads a table it does not declare fails here as it would in the browser.
 */
export async function fixtureCoordinator(dir: string) {
  const engine = await nativeEngine();
  const loader = folderLoader(engine, dir);
  return { coordinator: new Coordinator(async () => engine, loader), engine, loader };
}
