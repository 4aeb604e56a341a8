import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disclosed, protect, ranges, type FamilyInput, type ProtectCell } from '../../../src/lib/publish/complementary';
import { PROFIL_FAMILY, auditFamily, protectFamily } from '../../../src/lib/publish/families';
import { suppressTableSql, PUBLIC_SUPPRESSION } from '../../../src/lib/publish/suppress';

/** Every integer assignment of the hidden cells (each lo..cap) consistent with the published sums: the true range of each cell. */
function bruteForce(f: FamilyInput, cap: number): { lo: number; hi: number }[][] {
  const cells = f.groups.flatMap((g, gi) => g.hidden.map((b, k) => ({ gi, k, lo: b.lo, hi: Math.min(b.hi, cap) })));
  const seen = f.groups.map((g) => g.hidden.map(() => ({ lo: Infinity, hi: -Infinity })));
  const values = new Array<number>(cells.length);
  const visit = (i: number) => {
    if (i === cells.length) {
      const totals = f.groups.map((g, gi) => g.published + cells.reduce((s, c, j) => (c.gi === gi ? s + values[j] : s), 0));
      if (totals.some((t) => t !== totals[0]) || (f.total !== null && totals[0] !== f.total)) return;
      cells.forEach((c, j) => {
        seen[c.gi][c.k].lo = Math.min(seen[c.gi][c.k].lo, values[j]);
        seen[c.gi][c.k].hi = Math.max(seen[c.gi][c.k].hi, values[j]);
      });
      return;
    }
    for (let v = cells[i].lo; v <= cells[i].hi; v++) {
      values[i] = v;
      visit(i + 1);
    }
  };
  visit(0);
  return seen;
}

describe('the range of a hidden cell given the published cells', () => {
  it("the issue's example: total 18 from a complete dimension, '<18' = 10 published, so '18–59' = 8", () => {
    const f: FamilyInput = {
      groups: [
        { published: 18, hidden: [] },
        { published: 10, hidden: [{ lo: 1, hi: 9 }] }
      ],
      total: null
    };
    const r = ranges(f);
    expect(r.hidden[1][0]).toEqual({ lo: 8, hi: 8 });
    expect(disclosed(r.hidden[1][0])).toBe(true);
  });

  it('matches brute-force enumeration on random small families', () => {
    let seed = 11;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let trial = 0; trial < 200; trial++) {
      const groups = 1 + rnd(3);
      const f: FamilyInput = { groups: [], total: rnd(3) === 0 ? 10 + rnd(20) : null };
      for (let g = 0; g < groups; g++) {
        const hidden = Array.from({ length: rnd(3) }, () => (rnd(2) ? { lo: 1, hi: 9 } : { lo: 1 + rnd(5), hi: 10 + rnd(10) }));
        f.groups.push({ published: rnd(25), hidden });
      }
      const brute = bruteForce(f, 30);
      const closed = ranges(f).hidden;
      brute.forEach((g, gi) =>
        g.forEach((b, k) => {
          if (b.lo === Infinity) return; // infeasible family: nothing to compare
          expect([Math.max(Math.ceil(closed[gi][k].lo), 0), Math.floor(closed[gi][k].hi)], JSON.stringify(f)).toEqual([b.lo, b.hi]);
        })
      );
    }
  });
});

describe('complementary suppression', () => {
  const bounds = (c: ProtectCell) => (c.small ? { lo: 1, hi: 9 } : { lo: 10, hi: Infinity });

  it('hides a second cell where one hidden cell could be computed from the total', () => {
    // age group: <18 = 10, 18–59 = 8 (small); sex: L = 9 (small), P = 9 (small); status: aktif = 18
    const cells: ProtectCell[] = [
      { group: 0, value: 10, small: false },
      { group: 0, value: 8, small: true },
      { group: 1, value: 9, small: true },
      { group: 1, value: 9, small: true },
      { group: 2, value: 18, small: false }
    ];
    const r = protect(cells, 3, null, bounds);
    expect(r.withheld).toBe(false);
    if (r.withheld) return;
    expect(r.hidden.slice(0, 2)).toEqual([true, true]);
    // no hidden cell can be pinned down by the strongest attacker
    const f: FamilyInput = { groups: [0, 1, 2].map(() => ({ published: 0, hidden: [] as { lo: number; hi: number }[] })), total: null };
    cells.forEach((c, i) => (r.hidden[i] ? f.groups[c.group].hidden.push(bounds(c)) : (f.groups[c.group].published += c.value)));
    expect(ranges(f).hidden.flat().some(disclosed)).toBe(false);
  });

  it('leaves a family without small cells as it is, and withholds one it cannot protect', () => {
    expect(protect([{ group: 0, value: 50, small: false }], 1, null, bounds)).toEqual({ hidden: [false], withheld: false });
    // a single category equal to a total that is published elsewhere: nothing can hide it
    expect(protect([{ group: 0, value: 4, small: true }], 1, 4, bounds)).toEqual({ hidden: null, withheld: true });
  });
});

describe('penerima_profil in DuckDB: protected, then audited from the published file alone', () => {
  it('the old primary-only suppression fails the audit; complementary suppression passes it', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`CREATE TABLE penerima_profil AS SELECT * FROM (VALUES
      ('aspd','3501',2019,'kelompok_umur','<18',10,36000000), ('aspd','3501',2019,'kelompok_umur','18-59',8,28800000),
      ('aspd','3501',2019,'jenis_kelamin','L',12,1), ('aspd','3501',2019,'jenis_kelamin','P',6,1),
      ('aspd','3501',2019,'status','aktif',18,1),
      ('aspd','3502',2019,'status','aktif',40,1), ('aspd','3502',2019,'jenis_kelamin','L',40,1)
    ) t(program_id,kode,tahun_masuk,dimensi,kategori,n,nominal_rp)`);
    const cols = ['program_id', 'kode', 'tahun_masuk', 'dimensi', 'kategori', 'n', 'nominal_rp'];
    const dir = mkdtempSync(join(tmpdir(), 'dampak-complementary-'));
    await conn.run(suppressTableSql('penerima_profil', 'lama', cols, PUBLIC_SUPPRESSION.penerima_profil));
    await conn.run(`COPY lama TO '${join(dir, 'lama.parquet')}' (FORMAT parquet)`);
    const before = await auditFamily(conn, join(dir, 'lama.parquet'), PROFIL_FAMILY);
    expect(before.map((d) => `${d.family} ${d.group}=${d.cell}: ${d.value}`).sort()).toEqual([
      'aspd|3501|2019 jenis_kelamin=P: 6',
      'aspd|3501|2019 kelompok_umur=18-59: 8'
    ]);

    const r = await protectFamily(conn, PROFIL_FAMILY, cols);
    expect(r.primary).toBe(2);
    expect(r.secondary).toBeGreaterThanOrEqual(2);
    await conn.run(`COPY ${r.table} TO '${join(dir, 'baru.parquet')}' (FORMAT parquet)`);
    expect(await auditFamily(conn, join(dir, 'baru.parquet'), PROFIL_FAMILY)).toEqual([]);
    // nothing small is visible, hidden rows carry no money, the untouched family is as it was
    const rows = (await conn.runAndReadAll(`SELECT kode, dimensi, kategori, n, nominal_rp, disamarkan FROM ${r.table} ORDER BY ALL`)).getRowObjectsJS();
    expect(rows.filter((x) => x.n !== null && Number(x.n) < 10)).toEqual([]);
    expect(rows.filter((x) => x.disamarkan && x.nominal_rp !== null)).toEqual([]);
    expect(rows.filter((x) => x.kode === '3502').every((x) => !x.disamarkan)).toBe(true);
  });
});
