import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildSnapshot } from '../../../src/lib/pipeline/snapshot';
import { publishSnapshot } from '../../../src/lib/publish/stage';
import { scanDir } from '../../../src/lib/publish/scan-node';
import { auditPublished } from '../../../src/lib/publish/families';
import { suppressTableSql } from '../../../src/lib/publish/suppress';
import { spawnSync } from 'node:child_process';
import type { Manifest } from '../../../src/lib/schema';

/** The internal snapshot, and the public one the publishing stage writes from it. */
async function build() {
  const root = mkdtempSync(join(tmpdir(), 'dampak-internal-'));
  const out = join(root, 'data');
  await buildSnapshot({ input: 'data', out, workDir: join(root, 'work'), seed: 7, penerimaRows: 20_000, keep: 1 });
  const pubRoot = mkdtempSync(join(tmpdir(), 'dampak-public-'));
  await publishSnapshot({ from: out, out: join(pubRoot, 'data') });
  const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  return [
    { root, out, manifest: read(out) },
    { root: pubRoot, out: join(pubRoot, 'data'), manifest: read(join(pubRoot, 'data')) }
  ];
}

async function rows(file: string, sql: string) {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const r = (await c.runAndReadAll(sql.replace('$f', `read_parquet('${file.replaceAll("'", "''")}')`))).getRowObjectsJS();
  c.closeSync();
  return r as Record<string, unknown>[];
}

describe('public build of the snapshot', async () => {
  const [internal, pub] = await build();

  it('leaves out the microdata table and says it is public', () => {
    expect(internal.manifest.tables.some((t) => t.microdata)).toBe(true);
    expect(pub.manifest.public).toBe(true);
    expect(pub.manifest.tables.filter((t) => t.microdata)).toEqual([]);
    expect(existsSync(join(pub.out, 'penerima.parquet'))).toBe(false);
    const microdata = internal.manifest.tables.filter((t) => t.microdata).map((t) => t.file);
    expect(microdata.sort()).toEqual(['kasus.parquet', 'penerima.parquet']);
    // Their DuckDB copies (what the internal app attaches) stay out of the public tree too.
    const native = internal.manifest.tables.flatMap((t) => (t.native ? [t.native.file] : []));
    expect(native).toEqual(expect.arrayContaining(['kasus.duckdb', 'penerima.duckdb', 'penyaluran.duckdb', 'penerima_profil.duckdb']));
    // So do the programme tables' DuckDB files (a suppressed table's would hold unsuppressed rows):
    // the public manifest lists none, its pages read the published Parquet.
    expect(pub.manifest.tables.filter((t) => t.native)).toEqual([]);
    expect(readdirSync(pub.out).sort()).toEqual(
      readdirSync(internal.out)
        .filter((f) => !microdata.includes(f) && !native.includes(f.replace(/\.br$/, '')) && f !== 'layanan_upt.parquet')
        .sort()
    );
  });

  it('suppresses every count under 10 in the profile rollup and in disbursements, and withholds their rupiah', async () => {
    const small = await rows(join(internal.out, 'penerima_profil.parquet'), 'SELECT count(*)::INTEGER AS n FROM $f WHERE n < 10');
    expect(small[0].n).toBeGreaterThan(0);
    const p = await rows(
      join(pub.out, 'penerima_profil.parquet'),
      'SELECT count(*) FILTER (WHERE n < 10)::INTEGER AS visible_small, count(*) FILTER (WHERE disamarkan)::INTEGER AS flagged, count(*) FILTER (WHERE disamarkan AND (n IS NOT NULL OR nominal_rp IS NOT NULL))::INTEGER AS leaked FROM $f'
    );
    // every small cell is hidden; complementary suppression hides some more (never fewer)
    expect(p[0].visible_small).toBe(0);
    expect(p[0].leaked).toBe(0);
    expect(p[0].flagged as number).toBeGreaterThanOrEqual(small[0].n as number);
    const d = await rows(
      join(pub.out, 'penyaluran.parquet'),
      'SELECT count(*) FILTER (WHERE realisasi_penerima < 10 OR target_penerima < 10)::INTEGER AS visible_small, count(*) FILTER (WHERE disamarkan AND realisasi_rp IS NOT NULL)::INTEGER AS leaked FROM $f'
    );
    expect(d[0]).toEqual({ visible_small: 0, leaked: 0 });
    const cols = pub.manifest.tables.find((t) => t.name === 'penyaluran')!.columns.map((c) => c.name);
    expect(cols[cols.length - 1]).toBe('disamarkan');
  });

  it('writes "<10" into the leadership rollup where the internal one has a small count', () => {
    const a = JSON.parse(readFileSync(join(internal.out, 'ringkasan.json'), 'utf8')).program_tahun as { realisasi_penerima: number }[];
    const b = JSON.parse(readFileSync(join(pub.out, 'ringkasan.json'), 'utf8')).program_tahun as {
      realisasi_penerima: number | string;
      realisasi_rp: number | null;
    }[];
    expect(b).toHaveLength(a.length);
    const smallIdx = a.flatMap((x, i) => (x.realisasi_penerima < 10 ? [i] : []));
    expect(smallIdx.length).toBeGreaterThan(0);
    for (const i of smallIdx) expect(b[i]).toMatchObject({ realisasi_penerima: '<10', realisasi_rp: null });
    expect(b.filter((x) => typeof x.realisasi_penerima === 'number' && x.realisasi_penerima < 10)).toEqual([]);
  });

  it('passes the personal-data scan, which refuses the internal snapshot', async () => {
    expect((await scanDir(pub.root)).findings).toEqual([]);
    const kinds = (await scanDir(internal.root)).findings.map((f) => `${f.where}:${f.kind}`);
    expect(kinds).toContain('tables.penerima:microdata_table');
  });

  it('publishes e-JSC cases only as region × category × year counts, with counts under 10 suppressed', async () => {
    expect(existsSync(join(pub.out, 'kasus.parquet'))).toBe(false);
    expect(pub.manifest.tables.map((t) => t.name)).not.toContain('kasus');
    const cols = pub.manifest.tables.find((t) => t.name === 'kasus_agregat')!.columns.map((c) => c.name);
    expect(cols).toEqual(['kode', 'tahun', 'kategori', 'kasus', 'asesmen', 'ditindaklanjuti', 'dalam_3_hari', 'selesai', 'disamarkan']);
    const counts = ['kasus', 'asesmen', 'ditindaklanjuti', 'dalam_3_hari', 'selesai'];
    const anySmall = counts.map((c) => `${c} < 10`).join(' OR ');
    const small = await rows(join(internal.out, 'kasus_agregat.parquet'), `SELECT count(*)::INTEGER AS n FROM $f WHERE ${anySmall}`);
    expect(small[0].n).toBeGreaterThan(0);
    const p = await rows(
      join(pub.out, 'kasus_agregat.parquet'),
      `SELECT count(*) FILTER (WHERE ${anySmall})::INTEGER AS visible_small, count(*) FILTER (WHERE disamarkan)::INTEGER AS flagged,
              count(*) FILTER (WHERE disamarkan AND (${counts.map((c) => `${c} IS NOT NULL`).join(' OR ')}))::INTEGER AS leaked FROM $f`
    );
    expect(p[0].visible_small).toBe(0);
    expect(p[0].leaked).toBe(0);
    expect(p[0].flagged as number).toBeGreaterThanOrEqual(small[0].n as number);
  });

  it('no suppressed cell can be computed from the published totals and margins (the build-public audit)', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const found = await auditPublished(conn, pub.out, (f) => readFileSync(join(pub.out, f), 'utf8'));
    expect(found).toEqual([]);
  });

  it('npm run build:public refuses a public tree where a hidden cell is the total minus the shown ones', async () => {
    const planted = mkdtempSync(join(tmpdir(), 'dampak-audit-'));
    cpSync(pub.root, planted, { recursive: true });
    // the old, primary-only suppression of the profile rollup, computed from the internal rollup
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`CREATE TABLE penerima_profil AS SELECT * FROM read_parquet('${join(internal.out, 'penerima_profil.parquet')}')`);
    await conn.run(
      suppressTableSql('penerima_profil', 'lama', ['program_id', 'kode', 'tahun_masuk', 'dimensi', 'kategori', 'n', 'nominal_rp'], {
        counts: ['n'],
        withheld: ['nominal_rp']
      })
    );
    await conn.run(`COPY (SELECT * FROM lama ORDER BY ALL) TO '${join(planted, 'data', 'penerima_profil.parquet')}' (FORMAT parquet)`);
    const run = spawnSync('npx', ['tsx', 'src/cli/build-public.ts', '--scan-only', planted], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/PUBLIC BUILD REFUSED: \d+ suppressed cell\(s\) can be computed/);
    expect(run.stderr).toMatch(/penerima_profil \w+\|35\d\d\|\d{4} \w+=/);
  }, 120_000);

  it('has no case id anywhere: not one id of the internal case table appears in a public file', async () => {
    const ids = (await rows(join(internal.out, 'kasus.parquet'), 'SELECT id_kasus FROM $f USING SAMPLE 200 ROWS (reservoir, 7)')).map((r) =>
      String(r.id_kasus)
    );
    expect(ids).toHaveLength(200);
    for (const f of readdirSync(pub.out)) {
      const text = readFileSync(join(pub.out, f)).toString('latin1');
      expect(
        ids.filter((id) => text.includes(id)),
        f
      ).toEqual([]);
    }
    const card = JSON.parse(readFileSync(join(pub.out, 'layanan.json'), 'utf8'));
    expect(Object.keys(card.kasus).sort()).toEqual([
      'dalam_3_hari',
      'dilaporkan',
      'median_hari',
      'menunggu_14_hari',
      'per_tanggal',
      'perlu_tindak_lanjut',
      'tahun'
    ]);
  });

  it('the scan refuses case rows planted in the public tree, whatever the file is called', async () => {
    const planted = mkdtempSync(join(tmpdir(), 'dampak-planted-'));
    cpSync(pub.root, planted, { recursive: true });
    cpSync(join(internal.out, 'kasus.parquet'), join(planted, 'data', 'laporan.parquet'));
    const findings = (await scanDir(planted)).findings.filter((f) => f.file.endsWith('laporan.parquet'));
    expect(findings.map((f) => `${f.where}:${f.kind}`)).toContain('id_kasus:record_id_column');
  });

  describe('the publishing stage reads only a finished snapshot and its manifest', () => {
    /** A copy of the internal snapshot with its manifest edited. */
    function copyWith(edit: (m: Manifest, dir: string) => void): string {
      const dir = join(mkdtempSync(join(tmpdir(), 'dampak-stage-')), 'data');
      cpSync(internal.out, dir, { recursive: true, dereference: true });
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
      edit(m, dir);
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
      return dir;
    }
    const target = () => join(mkdtempSync(join(tmpdir(), 'dampak-stage-out-')), 'data');

    it('copies unsuppressed tables byte for byte, keeps the row order of suppressed ones, and is reproducible', async () => {
      for (const name of ['wilayah', 'nilai_indikator', 'upt']) {
        const a = internal.manifest.tables.find((t) => t.name === name)!;
        const b = pub.manifest.tables.find((t) => t.name === name)!;
        expect(b.sha256, name).toBe(a.sha256);
      }
      const keys = 'SELECT program_id, kode, tahun, bulan FROM $f';
      expect(await rows(join(pub.out, 'penyaluran.parquet'), keys)).toEqual(await rows(join(internal.out, 'penyaluran.parquet'), keys));
      const again = await publishSnapshot({ from: internal.out, out: target() });
      expect(again.snapshot_id).toBe(pub.manifest.snapshot_id);
      expect(again.snapshot_id).not.toBe(internal.manifest.snapshot_id);
      expect(again.tables.map((t) => t.sha256)).toEqual(pub.manifest.tables.map((t) => t.sha256));
    });

    it('leaves out the monthly unit services (layanan_upt): small counts at named units, chained month to month', async () => {
      expect(internal.manifest.tables.map((t) => t.name)).toContain('layanan_upt');
      expect(pub.manifest.tables.map((t) => t.name)).not.toContain('layanan_upt');
      expect(existsSync(join(pub.out, 'layanan_upt.parquet'))).toBe(false);
      // Why it cannot be published cell by cell: most unit-months hold counts under 10.
      const small = await rows(
        join(internal.out, 'layanan_upt.parquet'),
        'SELECT avg(CASE WHEN least(masuk, keluar, keluar_produktif, kunjungan_pasca) < 10 THEN 1 ELSE 0 END) AS share FROM $f'
      );
      expect(Number((small[0] as { share: number }).share)).toBeGreaterThan(0.5);
      // The units' public record (names, places, published capacity) stays.
      expect(pub.manifest.tables.map((t) => t.name)).toContain('upt');
    });

    it('leaves out a table its spec calls microdata even when the manifest says it is not', async () => {
      const from = copyWith((m) => m.tables.forEach((t) => (t.microdata = false)));
      const m = await publishSnapshot({ from, out: target() });
      expect(m.tables.map((t) => t.name)).not.toContain('penerima');
      expect(m.tables.map((t) => t.name)).not.toContain('kasus');
    });

    it('refuses a public snapshot, a changed file and a table it does not know, and leaves the output as it was', async () => {
      const out = target();
      await expect(publishSnapshot({ from: pub.out, out })).rejects.toThrow(/already a public snapshot/);
      const changed = copyWith((_, dir) =>
        writeFileSync(join(dir, 'ringkasan.json'), readFileSync(join(dir, 'ringkasan.json'), 'utf8').replace('"program_tahun":[', '"program_tahun":[ '))
      );
      await expect(publishSnapshot({ from: changed, out })).rejects.toThrow(/ringkasan\.json: does not match the manifest/);
      const stranger = copyWith((m, dir) => {
        cpSync(join(dir, 'kasus.parquet'), join(dir, 'laporan.parquet'));
        const k = m.tables.find((t) => t.name === 'kasus')!;
        m.tables.push({ ...k, name: 'laporan', file: 'laporan.parquet', microdata: false });
      });
      await expect(publishSnapshot({ from: stranger, out })).rejects.toThrow(/laporan\.parquet: table "laporan" is not known to the public build/);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(join(out, '..'))).toEqual([]);
    });
  });
});
