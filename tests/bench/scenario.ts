/**
 * The fixed script of the benchmark: which page, which queries with which parameters, which
 * cross-filter steps. Shared by the browser run and the native DuckDB run so both execute the same SQL.
 */
import {
  MAX_MONTH,
  PROGRAM_AGGREGATES,
  PROGRAM_SQL,
  PROGRAM_SQL_DIRECT,
  DIRECT_TABLES,
  programParams,
  programParamsDirect,
  type ProgramQueryName
} from '../../src/lib/queries/program';
import type { SqlParam } from '../../src/lib/db/engine';

export const PROGRAM = 'pkh_plus';
/** A region that runs PKH Plus in every snapshot (staggered roll-out starts with the poorest kabupaten). */
export const REGION = '3526';
export const PAGE = `/program/${PROGRAM}?bench=1`;

const m = (y: number, mo: number) => y * 12 + mo - 1;

/** Each programme-page statement with the parameters the page sends for a typical filter. */
export const PAGE_QUERIES: { name: ProgramQueryName; params: SqlParam[] }[] = [
  { name: 'catalogue', params: programParams.catalogue() },
  { name: 'slice', params: programParams.slice(PROGRAM) },
  { name: 'profiles', params: programParams.profiles(PROGRAM) },
  { name: 'regions', params: programParams.regions() },
  { name: 'poorYears', params: programParams.poorYears() },
  { name: 'schedule', params: programParams.schedule(PROGRAM) }
];
/** The typical cross-filter the page answers from its cube (src/lib/program/cube.ts), timed in the page. */
const CUBE_CASE_YEAR = 2024;
export const CUBE_CASE = { program: PROGRAM, region: REGION, from: m(2023, 1), to: m(CUBE_CASE_YEAR, 12) };
/** Names of those timings in the report: what a region click (trend, profile) and a period change (byRegion, poor) compute. */
export const CUBE_STEPS = ['cube: trend', 'cube: profile', 'cube: byRegion', 'cube: poor'] as const;
export const sqlOf = (name: ProgramQueryName) => PROGRAM_SQL[name];
/** The statements that build the rollups (run once per session before the timings). */
export const AGGREGATE_SQL = Object.values(PROGRAM_AGGREGATES).map((a) => a.sql);

/**
 * What the page computes, as SQL on the snapshot tables directly (same rows, checked by the unit
 * tests), timed for comparison with the page's answer `of`: a rollup statement or a cube step.
 */
export const DIRECT_QUERIES: {
  name: string;
  of: ProgramQueryName | (typeof CUBE_STEPS)[number];
  tables: readonly string[];
  sql: string;
  params: SqlParam[];
}[] = [
  { name: 'catalogue (direct)', of: 'catalogue', tables: DIRECT_TABLES.catalogue, sql: PROGRAM_SQL_DIRECT.catalogue, params: programParamsDirect.catalogue() },
  { name: 'trend (direct)', of: 'cube: trend', tables: DIRECT_TABLES.trend, sql: PROGRAM_SQL_DIRECT.trend, params: programParamsDirect.trend(PROGRAM, REGION) },
  {
    name: 'byRegion (direct)',
    of: 'cube: byRegion',
    tables: DIRECT_TABLES.byRegion,
    sql: PROGRAM_SQL_DIRECT.byRegion,
    params: programParamsDirect.byRegion(PROGRAM, m(2023, 1), m(2024, 12))
  },
  {
    name: 'profile (direct)',
    of: 'cube: profile',
    tables: DIRECT_TABLES.profile,
    sql: PROGRAM_SQL_DIRECT.profile,
    params: programParamsDirect.profile(PROGRAM, REGION)
  },
  { name: 'poor (direct)', of: 'cube: poor', tables: DIRECT_TABLES.poor, sql: PROGRAM_SQL_DIRECT.poor, params: programParamsDirect.poor(CUBE_CASE_YEAR) }
];
/**
 * The data steps of a cross-filter update: the cube's (region click: trend + profile; period
 * change: byRegion + the number of poor of its year). No update sends a statement to DuckDB.
 */
export const CROSSFILTER_STEPS: string[] = [...CUBE_STEPS];
export { MAX_MONTH };

/**
 * Microdata at full scale: not used by the programme pages (they read the rollup), measured to show
 * what loading and grouping 5M beneficiary rows costs in the browser.
 */
export const MICRO_QUERY = {
  name: 'penerima_groupby',
  tables: ['penerima'],
  sql: `SELECT program_id, kode, count(*) AS n, CAST(sum(nominal_rp) AS DOUBLE) AS rp FROM penerima WHERE tahun_masuk <= ? GROUP BY program_id, kode`,
  params: [2025] as SqlParam[]
};

/** How often each measurement repeats. */
export const REPEAT = { coldLoads: 5, query: 7, regionClicks: 24, periodChanges: 16, routeRuns: 3 };
