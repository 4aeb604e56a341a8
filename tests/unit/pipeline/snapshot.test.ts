import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildSnapshot, rollback } from '../../../src/lib/pipeline/snapshot';
import { SourceError } from '../../../src/lib/pipeline/errors';
import { manifestSchema, TABLE_NAMES } from '../../../src/lib/schema';
import { ROOT, SHARED, build, digest, editLine, snapshotOptions, sourcesCopy } from './helpers';

describe('snapshot pipeline on the committed sources', () => {
  let first: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    first = await build(sourcesCopy());
  });

  it('writes every table, the rollups, boundaries and a valid manifest', () => {
    const m = manifestSchema.parse(JSON.parse(readFileSync(join(first.out, 'manifest.json'), 'utf8')));
    expect(m.tables.map((t) => t.name)).toEqual(expect.arrayContaining(TABLE_NAMES));
    const byName = Object.fromEntries(m.tables.map((t) => [t.name, t]));
    expect(byName.wilayah.rows).toBe(38);
    expect(byName.nilai_indikator.rows).toBe(readFileSync(join(ROOT, 'data/nilai_indikator.csv'), 'utf8').trim().split('\n').length - 1);
    expect(byName.penerima.rows).toBe(3000);
    expect(byName.penerima.demo && byName.penyaluran.demo).toBe(true);
    expect(byName.nilai_indikator.demo || byName.wilayah.demo).toBe(false);
    for (const t of m.tables) expect(existsSync(join(first.out, t.file))).toBe(true);
    expect(m.boundaries.source).toMatch(/GADM 4\.1/);
  });

  it('rerunning on the same input leaves the snapshot byte-for-byte unchanged', async () => {
    const before = digest(first.out);
    const again = await buildSnapshot(snapshotOptions(join(first.out, '..', 'unused'), first.out, { input: sourcesCopy() }));
    expect(again.changed).toBe(false);
    expect(digest(first.out)).toEqual(before);
  });

  it('two independent runs give identical files (DuckDB files: identical rows)', async () => {
    const second = await build(sourcesCopy());
    // A DuckDB database file carries a random database id in its header, so a table's native copy
    // (a load accelerator, never the published format; with its .br) is compared by content, and the manifest
    // without its bytes and hash. Everything else, the Parquet files included, is byte-identical.
    const bytewise = (d: Record<string, string>) => Object.fromEntries(Object.entries(d).filter(([f]) => !/\.duckdb(\.br)?$/.test(f) && f !== 'manifest.json'));
    expect(bytewise(digest(second.out))).toEqual(bytewise(digest(first.out)));
    const withoutNativeHash = (dir: string) => {
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      for (const t of m.tables) if (t.native) t.native = { file: t.native.file, storage_version: t.native.storage_version };
      return m;
    };
    expect(withoutNativeHash(second.out)).toEqual(withoutNativeHash(first.out));
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    for (const t of withoutNativeHash(first.out).tables.filter((x: { native?: unknown }) => x.native)) {
      const rows = async (dir: string) => {
        await conn.run(`ATTACH '${join(dir, t.native.file)}' AS n (READ_ONLY)`);
        const r = (await conn.runAndReadAll(`SELECT * FROM n.${t.name}`)).getRowsJS();
        await conn.run('DETACH n');
        return r;
      };
      const a = await rows(first.out);
      expect(a.length, t.name).toBe(t.rows);
      expect(await rows(second.out), t.name).toEqual(a);
    }
    conn.closeSync();
  });

  it('a different demo seed changes only demo tables', async () => {
    const other = await build(sourcesCopy(), { seed: 8 });
    const a = digest(first.out);
    const b = digest(other.out);
    expect(b['nilai_indikator.parquet']).toBe(a['nilai_indikator.parquet']);
    expect(b['penerima.parquet']).not.toBe(a['penerima.parquet']);
  });

  it('--boundaries takes another GeoJSON with BPS codes and credits it', async () => {
    const alt = await build(sourcesCopy(), { boundaries: join(SHARED, 'reference/geo/jatim_kabkota.geojson') });
    expect(alt.result.manifest.boundaries.source).toMatch(/cahyadsn/);
    expect(alt.result.manifest.boundaries.features).toBe(38);
  });
});

/** Each bad input: the rule it must name, and an edit to the committed sources. */
const BAD: {
  name: string;
  file: string;
  edit: (t: string) => string | Uint8Array;
  expect: { row?: number; column?: string; rule: string };
  message?: RegExp;
}[] = [
  {
    name: 'a missing column',
    file: 'wilayah.csv',
    edit: (t) => t.replace('kode,nama,nama_pendek', 'kd,nama,nama_pendek'),
    expect: { row: 1, column: 'kode', rule: 'missing_column' }
  },
  {
    name: 'a non-numeric value',
    file: 'wilayah.csv',
    edit: (t) => editLine(t, 3, (l) => l.replace('-8.0500', 'abc')),
    expect: { row: 4, column: 'lat', rule: 'numeric' }
  },
  {
    name: 'an unknown region code',
    file: 'nilai_indikator.csv',
    edit: (t) => editLine(t, 40, (l) => l.replace(/^35\d\d/, '3599')),
    expect: { row: 41, column: 'kode', rule: 'invalid_format' },
    message: /unknown region code/
  },
  {
    name: 'a region code not in wilayah',
    file: 'wilayah.csv',
    edit: (t) => editLine(t, 38, (l) => l.replace(/^3579/, '3529')),
    expect: { row: 39, column: 'kode', rule: 'duplicate_code' }
  },
  {
    name: 'a duplicate key',
    file: 'nilai_indikator.csv',
    edit: (t) => t.trimEnd() + '\n' + t.split('\n')[5] + '\n',
    expect: { column: 'kode+tahun+periode+indikator', rule: 'duplicate_key' }
  },
  {
    name: 'a negative amount',
    file: 'program.csv',
    edit: (t) => t.replace(',2000000,70+', ',-2000000,70+'),
    expect: { row: 2, column: 'nilai_per_penerima', rule: 'non_negative' }
  },
  { name: 'an empty file', file: 'program.csv', edit: () => '', expect: { rule: 'empty' } },
  { name: 'a wrong delimiter', file: 'wilayah.csv', edit: (t) => t.replaceAll(',', ';'), expect: { row: 1, rule: 'delimiter' } },
  {
    name: 'a wrong encoding',
    file: 'wilayah.csv',
    edit: (t) => {
      const b = Buffer.from(t, 'utf8');
      const i = b.indexOf('Pacitan');
      const o = Buffer.concat([b.subarray(0, i), Buffer.from([0xe9]), b.subarray(i)]);
      return new Uint8Array(o);
    },
    expect: { row: 2, rule: 'encoding' }
  }
];

describe('bad input stops the run, names file, row, column and rule, and keeps the old snapshot', () => {
  let good: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    good = await build(sourcesCopy());
  });

  for (const bad of BAD) {
    it(`rejects ${bad.name}`, async () => {
      const before = digest(good.out);
      const input = sourcesCopy({ [bad.file]: bad.edit });
      const err = await buildSnapshot(snapshotOptions(input, good.out)).then(
        () => null,
        (e: unknown) => e
      );
      expect(err).toBeInstanceOf(SourceError);
      const issues = (err as SourceError).issues;
      const hit = issues.find((i) => i.rule === bad.expect.rule);
      expect(hit, JSON.stringify(issues.slice(0, 3))).toBeDefined();
      expect(hit!.file).toBe(join(input, bad.file));
      if (bad.expect.row !== undefined) expect(hit!.row).toBe(bad.expect.row);
      if (bad.expect.column !== undefined) expect(hit!.column).toBe(bad.expect.column);
      expect((err as Error).message).toContain(bad.file);
      if (bad.message) expect(hit!.message).toMatch(bad.message);
      expect(digest(good.out)).toEqual(before);
    });
  }

  it('the CLI exits non-zero with the message and leaves the snapshot intact', () => {
    const before = digest(good.out);
    const input = sourcesCopy({ 'wilayah.csv': (t) => editLine(t, 3, (l) => l.replace('-8.0500', 'abc')) });
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/data.ts', '--input', input, '--out', good.out, '--work', join(good.base, 'work'), '--penerima', '3000'],
      { cwd: ROOT, encoding: 'utf8' }
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/wilayah\.csv, row 4, column "lat": not a number/);
    expect(digest(good.out)).toEqual(before);
  });
});

describe('rollback', () => {
  it('restores the previous snapshot', async () => {
    const first = await build(sourcesCopy());
    const opts = snapshotOptions(sourcesCopy(), first.out, { seed: 99, workDir: join(first.base, 'work') });
    const before = digest(first.out);
    await buildSnapshot(opts);
    expect(digest(first.out)).not.toEqual(before);
    rollback(opts);
    expect(digest(first.out)).toEqual(before);
  });

  it('the CLI --rollback fails clearly with no history', () => {
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/data.ts', '--rollback', '--out', '/tmp/none-dampak', '--work', '/tmp/none-dampak-work'], {
        cwd: ROOT,
        stdio: 'pipe'
      })
    ).toThrow(/no previous snapshot/);
  });
});

/** Issue 11, items 14–15: what the pipeline used to accept with exit 0, or report badly. */
const HOSTILE: { name: string; file: string; edit: (t: string) => string | Uint8Array; expect: { row?: number; column?: string; rule: string } }[] = [
  {
    name: 'a NUL byte in a region name',
    file: 'wilayah.csv',
    edit: (t) => t.replace('Kabupaten Pacitan', 'Kabupaten Pa\u0000citan'),
    expect: { row: 2, column: 'nama', rule: 'hidden_character' }
  },
  {
    name: 'a newline in a region name',
    file: 'wilayah.csv',
    edit: (t) => t.replace(',Kabupaten Pacitan,', ',"Kabupaten\nPacitan",'),
    expect: { row: 2, column: 'nama', rule: 'hidden_character' }
  },
  {
    name: 'a right-to-left override in a region name',
    file: 'wilayah.csv',
    edit: (t) => t.replace('Kabupaten Pacitan', 'Kabupaten \u202ePacitan'),
    expect: { row: 2, column: 'nama', rule: 'hidden_character' }
  },
  {
    name: 'a zero-width space in a region name',
    file: 'wilayah.csv',
    edit: (t) => t.replace('Kabupaten Pacitan', 'Kabupaten Pac\u200bitan'),
    expect: { row: 2, column: 'nama', rule: 'hidden_character' }
  },
  {
    name: 'an emoji in a region name',
    file: 'wilayah.csv',
    edit: (t) => t.replace('Kabupaten Pacitan', 'Kabupaten Pacitan 🏝'),
    expect: { row: 2, column: 'nama', rule: 'invalid_format' }
  },
  {
    name: 'P0 = 150 %',
    file: 'nilai_indikator.csv',
    edit: (t) => t.replace(/^(35\d\d,\d{4},maret,p0,)[\d.]+/m, '$1150'),
    expect: { column: 'nilai', rule: 'percent_range' }
  },
  {
    name: 'a programme that ends before it starts',
    file: 'program.csv',
    edit: (t) => t.replace('APBD,2019,,2000000', 'APBD,2019,2017,2000000'),
    expect: { row: 2, column: 'tahun_selesai', rule: 'year_order' }
  },
  { name: 'a 2 MB line', file: 'upt.csv', edit: (t) => t.replace('\n', '\n' + 'x'.repeat(2_000_000) + '\n'), expect: { row: 2, rule: 'line_too_long' } }
];

describe('hostile sources are rejected with file, row and column (and old snapshot kept)', () => {
  let good: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    good = await build(sourcesCopy());
  });
  for (const bad of HOSTILE) {
    it(`rejects ${bad.name}`, async () => {
      const before = digest(good.out);
      const input = sourcesCopy({ [bad.file]: bad.edit });
      const err = await buildSnapshot(snapshotOptions(input, good.out)).then(
        () => null,
        (e: unknown) => e
      );
      expect(err).toBeInstanceOf(SourceError);
      const hit = (err as SourceError).issues.find((i) => i.rule === bad.expect.rule);
      expect(hit, JSON.stringify((err as SourceError).issues.slice(0, 3))).toBeDefined();
      expect(hit!.file).toBe(join(input, bad.file));
      if (bad.expect.row !== undefined) expect(hit!.row).toBe(bad.expect.row);
      if (bad.expect.column !== undefined) expect(hit!.column).toBe(bad.expect.column);
      expect(digest(good.out)).toEqual(before);
    });
  }

  it('a folder named program.csv is reported as a folder, not a bare EISDIR', async () => {
    const input = sourcesCopy();
    rmSync(join(input, 'program.csv'));
    mkdirSync(join(input, 'program.csv'));
    const err = (await buildSnapshot(snapshotOptions(input, good.out)).catch((e: unknown) => e)) as SourceError;
    expect(err).toBeInstanceOf(SourceError);
    expect(err.message).toMatch(/program\.csv: is a folder, not a file \[rule: unreadable\]/);
  });

  it('messages of a run are in one language (English), also for schema rules written in Indonesian', async () => {
    const input = sourcesCopy({ 'program.csv': (t) => t.replace(',2000000,70+', ',-2000000,70+').replace('APBD,2019,,', 'APBD,1999,,') });
    const err = (await buildSnapshot(snapshotOptions(input, good.out)).catch((e: unknown) => e)) as SourceError;
    expect(err.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['must not be negative', 'is less than 2000']));
    expect(err.message).not.toMatch(/negatif|kurang dari|lebih dari|kosong|bukan/);
  });
});

describe('warnings, the swap and stale work folders', () => {
  it('an extra column or a trailing comma on every line passes, with a warning naming it', async () => {
    const input = sourcesCopy({
      'wilayah.csv': (t) =>
        t.replace('kode,nama,nama_pendek,jenis,lat,lon', 'kode,nama,nama_pendek,jenis,lat,lon,catatan').replace(/\n(35\d\d,[^\n]*)/g, '\n$1,x'),
      'indikator.csv': (t) =>
        t
          .trimEnd()
          .split('\n')
          .map((l) => `${l},`)
          .join('\n') + '\n'
    });
    const logs: string[] = [];
    const r = await build(input, { log: (m) => logs.push(m) });
    expect(r.result.changed).toBe(true);
    expect(logs.join('\n')).toMatch(/warning: .*wilayah\.csv, row 1, column "catatan": the table has no such column: it is ignored \[rule: unknown_column\]/);
    expect(logs.join('\n')).toMatch(/warning: .*indikator\.csv, row 1: every line ends with a delimiter/);
  });

  it('readers always see a complete snapshot: the folder is swapped by one atomic rename of a link', async () => {
    const first = await build(sourcesCopy());
    expect(lstatSync(first.out).isSymbolicLink()).toBe(true);
    const opts = snapshotOptions(sourcesCopy(), first.out, { seed: 99, workDir: join(first.base, 'work') });
    // Another process reads manifest.json and the files it lists, as fast as it can, during the swap.
    const reader = spawn(process.execPath, [
      '-e',
      `const fs = require('fs'), path = require('path'), crypto = require('crypto');
       const out = ${JSON.stringify(first.out)}; let ok = 0, bad = 0;
       const end = Date.now() + 60000;
       process.on('SIGTERM', () => { console.log(JSON.stringify({ ok, bad })); process.exit(0); });
       (function loop() {
         for (let i = 0; i < 50; i++) {
           try {
             const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
             const t = m.tables.find((x) => x.name === 'wilayah');
             const sha = crypto.createHash('sha256').update(fs.readFileSync(path.join(out, t.file))).digest('hex');
             if (sha === t.sha256) ok++; else bad++;
           } catch { bad++; }
         }
         if (Date.now() < end) setImmediate(loop);
       })();`
    ]);
    let out = '';
    reader.stdout.on('data', (d) => (out += d));
    await new Promise((r) => setTimeout(r, 300));
    await buildSnapshot(opts);
    await new Promise((r) => setTimeout(r, 300));
    reader.kill('SIGTERM');
    await new Promise((r) => reader.on('exit', r));
    const counts = JSON.parse(out) as { ok: number; bad: number };
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.bad).toBe(0);
    expect(JSON.parse(readFileSync(join(first.out, 'manifest.json'), 'utf8')).demo_seed).toBe(99);
  });

  it('a run killed with -9 leaves a tmp folder; the next run removes it', async () => {
    const first = await build(sourcesCopy());
    const work = join(first.base, 'work');
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!; // a pid that has exited
    const stale = join(work, `tmp-${dead}-1`);
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, 'penerima.parquet'), 'half-written');
    await buildSnapshot(snapshotOptions(sourcesCopy(), first.out, { seed: 5, workDir: work }));
    expect(existsSync(stale)).toBe(false);
  });
});
