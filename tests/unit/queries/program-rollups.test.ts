/**
 * The programme page reads rollups built once in the session (PROGRAM_AGGREGATES): the catalogue
 * statement directly, the cross-filter through one programme's slice of them, filtered in the page
 * (program/cube.ts). On native DuckDB against the fixture snapshot, each answer must be exactly the
 * rows of the same figure computed from the snapshot tables directly (PROGRAM_SQL_DIRECT), for the
 * province, each region (one without reports), a programme without rows and several periods.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Coordinator, sql, type Query, type Row } from '../../../src/lib/db/coordinator';
import type { SqlParam } from '../../../src/lib/db/engine';
import * as Q from '../../../src/lib/queries/program';
import { monthIndex } from '../../../src/lib/program/filters';
import { poorIndex, profileIndex, programmeCube } from '../../../src/lib/program/cube';
import { fixtureCoordinator, writeFixtureSnapshot } from './fixture';

let dir: string;
const run = async <T extends Row>(q: Query<T>) => (await fixtureCoordinator(dir)).coordinator.query(q);
const direct = (name: Q.DirectQueryName, params: SqlParam[]) => sql(Q.DIRECT_TABLES[name], Q.PROGRAM_SQL_DIRECT[name], params);
const cubeOf = async (id: string) => programmeCube(await run(Q.programSlice(id)), await run(Q.regionNames()));

beforeAll(async () => {
  dir = await writeFixtureSnapshot();
});

const PROGRAMS = ['pkh_plus', 'aspd', 'tidak_ada'];
const REGIONS = ['', '3501', '3578', '3579'];
const PERIODS: [number, number][] = [
  [0, Q.MAX_MONTH],
  [monthIndex(2024, 1), monthIndex(2024, 2)],
  [monthIndex(2023, 12), monthIndex(2023, 12)],
  [monthIndex(2024, 2), monthIndex(2024, 12)],
  [monthIndex(2025, 1), monthIndex(2025, 6)]
];

describe('programme rollups give the rows of the direct statements', () => {
  it('catalogue', async () => {
    const rows = await run(Q.programCatalogue());
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(await run(direct('catalogue', Q.programParamsDirect.catalogue())));
  });

  it('trend, for the province and every region', async () => {
    let nonEmpty = 0;
    for (const id of PROGRAMS)
      for (const k of REGIONS) {
        const rows = (await cubeOf(id)).trend(k);
        nonEmpty += rows.length > 0 ? 1 : 0;
        expect(rows, `${id} ${k}`).toEqual(await run(direct('trend', Q.programParamsDirect.trend(id, k))));
      }
    expect(nonEmpty).toBe(5); // pkh_plus: province, 3501, 3578; aspd: province, 3578
  });

  it('byRegion, for several periods', async () => {
    for (const id of PROGRAMS)
      for (const [from, to] of PERIODS) {
        const rows = (await cubeOf(id)).byRegion(from, to);
        expect(rows, `${id} ${from}-${to}`).toHaveLength(3);
        expect(rows, `${id} ${from}-${to}`).toEqual(await run(direct('byRegion', Q.programParamsDirect.byRegion(id, from, to))));
      }
  });

  it('profile, for the province and every region', async () => {
    for (const id of PROGRAMS)
      for (const k of REGIONS)
        expect(profileIndex(await run(Q.programProfiles(id)))(k), `${id} ${k}`).toEqual(await run(direct('profile', Q.programParamsDirect.profile(id, k))));
  });

  it("poor: the year the page picks from every complete year is the direct statement's, for years before, between, on and after them", async () => {
    const { coordinator, engine } = await fixtureCoordinator(dir);
    const runOn = <T extends Row>(q: Query<T>) => coordinator.query(q);
    await runOn(sql(['nilai_indikator'], 'SELECT 1 AS x', [])); // loads the table (not a statement the checks below run: the coordinator caches answers)
    // Two more complete years (2016, 2018) and a partial one (2020) beside the fixture's 2023 (2024 is partial there).
    for (const [kode, tahun, nilai] of [
      ['3501', 2016, 80],
      ['3578', 2016, 130],
      ['3579', 2016, 9],
      ['3501', 2018, 78],
      ['3578', 2018, 125],
      ['3579', 2018, 8.5],
      ['3501', 2020, 77]
    ] as const)
      await engine.query(
        `INSERT INTO nilai_indikator (kode, tahun, periode, indikator, nilai) VALUES ('${kode}', ${tahun}, 'maret', 'jumlah_miskin', ${nilai})`
      );
    await engine.query("INSERT INTO nilai_indikator (kode, tahun, periode, indikator, nilai) VALUES ('3578', 2018, 'maret', 'p0', 4.4)");
    const poorOf = poorIndex(await runOn(Q.poorYears()));
    const picked = new Set<number>();
    for (const year of [2010, 2016, 2017, 2018, 2020, 2023, 2024, 2030]) {
      const rows = poorOf(year);
      expect(rows, String(year)).toEqual(await runOn(direct('poor', Q.programParamsDirect.poor(year))));
      expect(rows, String(year)).toHaveLength(3);
      picked.add(rows[0]!.tahun);
    }
    expect([...picked].sort()).toEqual([2016, 2018, 2023]);
  });

  it('each rollup is built once per coordinator, after its tables load', async () => {
    const { coordinator, engine, loader } = await fixtureCoordinator(dir);
    await coordinator.query(Q.programSlice('pkh_plus'));
    await engine.query("INSERT INTO agg_program_bulan (program_id, kode, tahun, bulan, m) VALUES ('penanda', '', 2000, 1, 0)");
    await coordinator.query(Q.programCatalogue()); // does not rebuild (the marker stays)
    expect(await engine.query("SELECT * FROM agg_program_bulan WHERE program_id = 'penanda'")).toHaveLength(1);
    // A new coordinator (a new session) on the same database rebuilds it from the loaded table.
    await new Coordinator(async () => engine, loader).query(Q.programSlice('aspd'));
    expect(await engine.query("SELECT * FROM agg_program_bulan WHERE program_id = 'penanda'")).toHaveLength(0);
  });

  it('the slices read only rollups, never the snapshot tables directly', () => {
    for (const name of ['slice', 'profiles'] as const) {
      expect(Q.PROGRAM_SQL[name]).not.toMatch(/\bpenyaluran\b|\bpenerima_profil\b/);
      expect(Q.PROGRAM_USES[name].length).toBe(1);
    }
    expect(Q.programSlice('x').prepare).toEqual([Q.PROGRAM_AGGREGATES.agg_program_bulan.sql]);
    for (const a of Object.values(Q.PROGRAM_AGGREGATES)) expect(a.sql).toMatch(/CREATE OR REPLACE TEMP TABLE/);
  });
});
