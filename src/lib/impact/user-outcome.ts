/**
 * A table the user dropped on the Data page as the workbench's outcome. The URL names the table
 * and its year and value columns; all three are checked against the tables of this tab (uploads
 * live in memory, so after a reload the table is gone and the page falls back with a notice).
 */
import type { Indikator } from '../schema';
import type { UserTable } from '../upload/store.svelte';
import { outcomeCoverage, type OutcomeCoverage } from './coverage';
import type { InvalidParam } from './params';
import type { OutcomeRow } from './types';

/** Outcome ids of uploaded tables start with this (snapshot indicator ids never contain ':'). */
export const USER_PREFIX = 'berkas:';
/** URL parameters of the uploaded outcome's columns. */
export const UP = { year: 'kolom_tahun', value: 'kolom_nilai' } as const;
/** Region column every uploaded table gets when its region column is matched (FileDrop). */
export const REGION_COLUMN = 'kode_bps';

export interface UserOutcomeSpec {
  /** Outcome id, e.g. "berkas:kemiskinan_desa". */
  id: string;
  table: string;
  file: string;
  year: string;
  value: string;
}

const YEAR_HINT = /^(tahun|thn|year|th)$|tahun|year/i;
const isNumeric = (type: string) => /DOUBLE|INT|DECIMAL|FLOAT|REAL|NUMERIC/i.test(type);

/** Numeric columns that can hold the year, the likeliest first (named like "tahun"/"year"). */
export function yearColumns(t: Pick<UserTable, 'columns'>): string[] {
  const numeric = t.columns.filter((c) => isNumeric(c.type)).map((c) => c.name);
  return [...numeric.filter((c) => YEAR_HINT.test(c)), ...numeric.filter((c) => !YEAR_HINT.test(c))];
}

/** Numeric columns that can be the outcome, given the year column. */
export function valueColumns(t: Pick<UserTable, 'columns'>, year: string): string[] {
  return t.columns.filter((c) => isNumeric(c.type) && c.name !== year && c.name !== REGION_COLUMN).map((c) => c.name);
}

/** Tables usable as an outcome: matched to BPS codes, with a year and a value column. */
export function usableTables(tables: readonly UserTable[]): UserTable[] {
  return tables.filter((t) => t.columns.some((c) => c.name === REGION_COLUMN) && yearColumns(t).some((y) => valueColumns(t, y).length > 0));
}

export type UserChoice =
  | { status: 'none' }
  /** The URL names a table this tab does not have (reloaded, or never dropped) or cannot use. */
  | { status: 'missing'; table: string }
  | { status: 'ok'; spec: UserOutcomeSpec; invalid: InvalidParam[] };

/**
 * The uploaded outcome the URL asks for, with its columns validated against the table's actual
 * columns (an unknown column falls back to the likeliest one and is reported).
 */
export function readUserChoice(params: URLSearchParams, outcomeParam: string, tables: readonly UserTable[]): UserChoice {
  const id = params.get(outcomeParam);
  if (!id?.startsWith(USER_PREFIX)) return { status: 'none' };
  const name = id.slice(USER_PREFIX.length);
  const table = usableTables(tables).find((t) => t.name === name);
  if (!table) return { status: 'missing', table: name };
  const invalid: InvalidParam[] = [];
  const pick = (param: string, options: string[]): string => {
    const raw = params.get(param);
    if (raw !== null && options.includes(raw)) return raw;
    if (raw !== null) invalid.push({ param, value: raw, fallback: options[0] });
    return options[0];
  };
  const years = yearColumns(table).filter((y) => valueColumns(table, y).length > 0);
  const year = pick(UP.year, years);
  const value = pick(UP.value, valueColumns(table, year));
  return { status: 'ok', spec: { id, table: table.name, file: table.file, year, value }, invalid };
}

export const specKey = (s: UserOutcomeSpec) => JSON.stringify([s.table, s.year, s.value]);

/**
 * The uploaded outcome's years (as for a BPS indicator: gaps and partial years reported), or null
 * when it has fewer than two years with values.
 */
export function userCoverage(rows: readonly OutcomeRow[], spec: UserOutcomeSpec, nRegions: number): OutcomeCoverage | null {
  const perYear = new Map<number, Set<string>>();
  for (const r of rows) perYear.set(r.tahun, (perYear.get(r.tahun) ?? new Set()).add(r.kode));
  const coverage = [...perYear].map(([tahun, kode]) => ({ indikator: spec.id, periode: USER_PERIODE, tahun, wilayah: kode.size }));
  const found = outcomeCoverage(coverage, nRegions)[0];
  return found ? { ...found, user: spec } : null;
}

export const USER_PERIODE = 'tahunan';

/** The uploaded outcome described like a snapshot indicator (names, unit, source) for the page. */
export function userIndicator(spec: UserOutcomeSpec, words: { name: string; nameEn: string; unit: string; unitEn: string; source: string }): Indikator {
  return {
    id: spec.id,
    nama: words.name,
    nama_en: words.nameEn,
    satuan: words.unit,
    satuan_en: words.unitEn,
    // Whether lower is better is not known for a researcher's own column: no good/bad colouring.
    arah_baik: 'neutral',
    desimal: 2,
    sumber: words.source,
    definisi: '',
    definisi_en: ''
  };
}
