import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KASUS_RULES,
  LAYANAN_UPT_RULES,
  SOURCE_TABLES,
  TABLES,
  parseDate,
  rowSchemas,
  ruleFailures,
  type Kasus,
  type LayananUpt
} from '../../../src/lib/schema';
import { convertUptReference } from '../../../src/lib/pipeline/upt-reference';
import { readSources } from '../../../src/lib/pipeline/sources';
import { SourceError } from '../../../src/lib/pipeline/errors';
import { ROOT, SHARED, sourcesCopy } from '../pipeline/helpers';

const kasus = (over: Partial<Kasus> = {}): Kasus => ({
  id_kasus: '0a1b2c3d4e5f6a7b',
  kode: '3578',
  kecamatan: '3578010',
  kategori: 'odgj_tanpa_identitas',
  sumber: 'hotline',
  tanggal_lapor: '2025-03-10',
  tanggal_asesmen: '2025-03-10',
  tanggal_tindak_lanjut: '2025-03-12',
  tindak_lanjut: 'dirujuk_upt',
  upt_id: 'rsbl-kediri',
  status: 'selesai',
  petugas: 'upt',
  ...over
});
const layanan = (over: Partial<LayananUpt> = {}): LayananUpt => ({
  upt_id: 'pstw-jember',
  tahun: 2025,
  bulan: 3,
  klien_awal: 120,
  masuk: 4,
  keluar: 3,
  klien_akhir: 121,
  keluar_produktif: 0,
  kunjungan_pasca: 0,
  ...over
});
const broken = (rules: typeof KASUS_RULES, row: object) => ruleFailures(rules, row as Record<string, unknown>).map((f) => `${f.rule}@${f.column}`);

describe('social-services table specs', () => {
  it('declares the four tables: upt real and read from data/, the rest demo; kasus is never-published microdata', () => {
    expect(SOURCE_TABLES).toContain('upt');
    expect(SOURCE_TABLES.indexOf('upt')).toBeGreaterThan(SOURCE_TABLES.indexOf('wilayah'));
    expect(TABLES.upt).toMatchObject({ demo: false, microdata: false, key: ['id'], references: { kode: 'wilayah' } });
    expect(TABLES.layanan_upt).toMatchObject({ demo: true, microdata: false, key: ['upt_id', 'tahun', 'bulan'], references: { upt_id: 'upt' } });
    expect(TABLES.kasus).toMatchObject({ demo: true, microdata: true, key: ['id_kasus'], references: { kode: 'wilayah', upt_id: 'upt' } });
    expect(TABLES.pilar_sosial).toMatchObject({ demo: true, key: ['kode', 'tahun', 'jenis'] });
    for (const t of ['upt', 'layanan_upt', 'kasus', 'pilar_sosial'] as const) {
      for (const c of TABLES[t].columns) expect(c.description.length && c.description_en.length, `${t}.${c.name}`).toBeTruthy();
    }
  });

  it('keeps the three dates of a case as DATE and checks they exist on the calendar', () => {
    const dates = TABLES.kasus.columns.filter((c) => c.type === 'date').map((c) => c.name);
    expect(dates).toEqual(['tanggal_lapor', 'tanggal_asesmen', 'tanggal_tindak_lanjut']);
    expect(rowSchemas.kasus.safeParse(kasus()).success).toBe(true);
    expect(rowSchemas.kasus.safeParse(kasus({ tanggal_lapor: '2025-02-29' })).success).toBe(false);
    expect(rowSchemas.kasus.safeParse(kasus({ id_kasus: 'JSC-2025-000001' })).success).toBe(false);
    expect(rowSchemas.kasus.safeParse(kasus({ kategori: 'pengemis' as Kasus['kategori'] })).success).toBe(false);
  });
});

describe('dates as the exports write them', () => {
  it.each([
    ['06/05/2024', '2024-05-06'],
    ['6/5/2024', '2024-05-06'],
    ['06-05-2024', '2024-05-06'],
    ['6 Mei 2024', '2024-05-06'],
    ['06 mei 2024', '2024-05-06'],
    ['Senin, 6 Mei 2024', '2024-05-06'],
    ['6 Agt 2024', '2024-08-06'],
    ['17 Agustus 2025', '2025-08-17'],
    ['1 Des 2025', '2025-12-01'],
    ['2024-05-06', '2024-05-06'],
    ['2024-05-06T09:30:00Z', '2024-05-06'],
    ['10/03/2025 08:15', '2025-03-10'],
    ['29/02/2024', '2024-02-29']
  ])('%s → %s', (raw, iso) => expect(parseDate(raw)).toBe(iso));

  it('reads an Excel serial day number, and nothing outside a sane range', () => {
    expect(parseDate(45418)).toBe('2024-05-06');
    expect(parseDate('45418')).toBe('2024-05-06');
    expect(parseDate(12)).toBeNull();
  });

  it.each(['31/02/2025', '29/02/2025', '06/05/24', '13/13/2024', '6 Mai 2024', 'kemarin', '2024/05/06', ''])('rejects %j', (raw) =>
    expect(parseDate(raw)).toBeNull()
  );
});

describe('row rules (one bad row each)', () => {
  it('accepts consistent cases of every status', () => {
    const ok: Partial<Kasus>[] = [
      {},
      { status: 'ditindaklanjuti' },
      { status: 'dilaporkan', tanggal_asesmen: null, tanggal_tindak_lanjut: null, tindak_lanjut: null, upt_id: null },
      { status: 'asesmen', tanggal_tindak_lanjut: null, tindak_lanjut: null, upt_id: null },
      { status: 'ditutup', tanggal_tindak_lanjut: null, tindak_lanjut: null, upt_id: null },
      { status: 'ditutup', tanggal_asesmen: null, tanggal_tindak_lanjut: null, tindak_lanjut: null, upt_id: null },
      { tindak_lanjut: 'dipulangkan', upt_id: null }
    ];
    for (const o of ok) expect(broken(KASUS_RULES, kasus(o)), JSON.stringify(o)).toEqual([]);
  });
  it('assessment before report', () => expect(broken(KASUS_RULES, kasus({ tanggal_asesmen: '2025-03-09' }))).toEqual(['date_order@tanggal_asesmen']));
  it('follow-up before assessment', () =>
    expect(broken(KASUS_RULES, kasus({ tanggal_tindak_lanjut: '2025-03-09' }))).toEqual(['date_order@tanggal_tindak_lanjut']));
  it('follow-up before report when there is no assessment date', () =>
    expect(broken(KASUS_RULES, kasus({ tanggal_asesmen: null, tanggal_tindak_lanjut: '2025-03-01' }))).toEqual([
      'date_order@tanggal_tindak_lanjut',
      'status_dates@status'
    ]));
  it('"selesai" without a follow-up date', () =>
    expect(broken(KASUS_RULES, kasus({ tanggal_tindak_lanjut: null, tindak_lanjut: null, upt_id: null }))).toEqual(['status_dates@status']));
  it('"dilaporkan" with an assessment date', () =>
    expect(broken(KASUS_RULES, kasus({ status: 'dilaporkan', tanggal_tindak_lanjut: null, tindak_lanjut: null, upt_id: null }))).toEqual([
      'status_dates@status'
    ]));
  it('a follow-up action without its date', () =>
    expect(broken(KASUS_RULES, kasus({ status: 'asesmen', tanggal_tindak_lanjut: null }))).toEqual(['follow_up_action@tindak_lanjut']));
  it('a unit named without a referral', () => expect(broken(KASUS_RULES, kasus({ tindak_lanjut: 'shelter' }))).toEqual(['upt_referral@upt_id']));
  it('a month whose residents do not add up', () => {
    expect(broken(LAYANAN_UPT_RULES, layanan())).toEqual([]);
    expect(broken(LAYANAN_UPT_RULES, layanan({ klien_akhir: 122 }))).toEqual(['stock_balance@klien_akhir']);
  });
  it('more productive leavers than leavers', () =>
    expect(broken(LAYANAN_UPT_RULES, layanan({ keluar_produktif: 4 }))).toEqual(['productive_share@keluar_produktif']));
});

describe('the units from the public record', () => {
  const reference = readFileSync(join(SHARED, 'reference/more/upt_dinsos_jatim.csv'), 'utf8');

  it('data/upt.csv is exactly what the converter makes of the reference', () => {
    const committed = readSources(join(ROOT, 'data')).upt;
    expect(committed).toEqual(convertUptReference(reference));
  });

  it('keeps 27 units with their sources; a capacity only where one was published for that unit, with its year', () => {
    const upt = convertUptReference(reference);
    expect(upt).toHaveLength(27);
    for (const u of upt) expect(u.sumber.length, u.id).toBeGreaterThan(10);
    const byId = new Map(upt.map((u) => [u.id, u]));
    expect(byId.get('rsbg-tuban')).toMatchObject({ kapasitas: 60, kapasitas_tahun: 2024, kode: '3523', klaster: 'disabilitas' });
    expect(byId.get('rsbn-malang')).toMatchObject({ kapasitas: 105, kapasitas_tahun: 2022 });
    // The seven PSTW share "~1,000 elderly": never divided among them.
    const pstw = upt.filter((u) => u.klaster === 'lansia');
    expect(pstw).toHaveLength(7);
    for (const u of pstw) expect(u).toMatchObject({ kapasitas: null, kapasitas_tahun: null });
    expect(pstw[0].kapasitas_keterangan).toContain('1.000 lansia');
    // Unknown stays unknown: two units by type only, without a location.
    expect(
      upt
        .filter((u) => u.kode === null)
        .map((u) => u.id)
        .sort()
    ).toEqual(['eks-kusta', 'pengembangan-tks']);
    expect(upt.filter((u) => u.kapasitas !== null)).toHaveLength(11);
  });

  it('refuses a reference row it has no decision for', () => {
    const extra = reference.trimEnd() + '\nUPT Baru Sekali,anak,3501,Kabupaten Pacitan,anak,tidak ditemukan,https://example.org\n';
    expect(() => convertUptReference(extra)).toThrow(/row 29 \("UPT Baru Sekali"\): 0 decisions match/);
  });

  it('the pipeline stops on a bad unit row, naming file, row and column', () => {
    const input = sourcesCopy({
      'upt.csv': (t) =>
        t.replace(
          'rsbg-tuban,UPT Rehabilitasi Sosial Bina Grahita (RSBG) Tuban,disabilitas,3523',
          'rsbg-tuban,UPT Rehabilitasi Sosial Bina Grahita (RSBG) Tuban,difabel,3599'
        )
    });
    let err: unknown;
    try {
      readSources(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SourceError);
    const issues = (err as SourceError).issues.map((i) => `${i.row}:${i.column}:${i.rule}`);
    expect(issues).toEqual(['22:klaster:invalid_value', '22:kode:invalid_format']);
  });
});
