/**
 * The BPS reference tables (../shared/reference/bps_jatim_poverty_kabkota.csv and the longer
 * series in ../shared/reference/more) → rows of nilai_indikator, and the programmes' public record
 * → rows of rekam_program. Values are copied as published, each with its carrier as source;
 * nothing is derived or interpolated.
 *
 * Merging several files: the same region × year × period × indicator may appear in two files.
 * Equal values (within rounding) are kept once, naming both carriers; different values are a
 * conflict and neither is used (a gap stays a gap). Rows whose source says KONFLIK (the collector
 * found two sources disagreeing) are not used either.
 */
import { csvLine } from '../charts/csv';
import { parseCsvRecords } from './csv';
import type { NilaiIndikator, RekamProgram } from '../schema/tables';

/** Source indicator names → the catalogue's ids (data/indikator.csv). */
const INDICATOR: Record<string, string> = {
  p0_persen: 'p0',
  jumlah_penduduk_miskin_ribu: 'jumlah_miskin',
  garis_kemiskinan_rp: 'garis_kemiskinan',
  ipm: 'ipm',
  tpt_persen: 'tpt',
  jumlah_penduduk_jiwa: 'jumlah_penduduk',
  p1_indeks_kedalaman: 'p1',
  p2_indeks_keparahan: 'p2',
  gini_ratio: 'gini',
  kemiskinan_ekstrem_persen: 'kemiskinan_ekstrem',
  jumlah_miskin_ekstrem_ribu: 'jumlah_miskin_ekstrem'
};
const PERIOD: Record<string, string> = { Maret: 'maret', September: 'september', Agustus: 'agustus', Tahunan: 'tahunan' };

/** The reference files, in order of precedence (an earlier file's carrier is named first). */
export const BPS_FILES = [
  'bps_jatim_poverty_kabkota.csv',
  'more/kabkota_poverty_extra.csv',
  'more/ipm_2022_2023_kabkota.csv',
  'more/p1_p2_2025_kabkota.csv',
  'more/tpt_2009_2012_kabkota.csv'
] as const;
export const PROGRAMME_RECORD_FILE = 'more/programme_public_record.csv';

/** Two values closer than this are the same figure (rounding in a news quote). */
const SAME_VALUE = 0.005;

/** A row of data/nilai_indikator.csv before validation: the value keeps the source's digits as text. */
export type BpsRow = Omit<NilaiIndikator, 'periode' | 'nilai'> & { periode: string; nilai: string };

export interface BpsMergeReport {
  /** Rows the collector marked KONFLIK (not used). */
  konflik: { file: string; row: number; key: string }[];
  /** The same key with different values in two files (neither used). */
  conflicts: { key: string; values: { file: string; row: number; nilai: string }[] }[];
  /** The same key and value in two files (kept once, both carriers named). */
  confirmed: number;
}

interface SourceRecord {
  file: string;
  row: number;
  fields: Record<'kab_code' | 'year' | 'period' | 'indicator' | 'value' | 'source', string>;
}

function records(file: string, text: string, columns: readonly string[]): SourceRecord[] {
  const [header, ...rest] = parseCsvRecords(text.replace(/^\uFEFF/, ''));
  const index = columns.map((name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: column "${name}" is missing`);
    return i;
  });
  return rest
    .map((r, i) => ({ r, row: i + 2 }))
    .filter(({ r }) => r.some((c) => c.trim() !== ''))
    .map(({ r, row }) => ({ file, row, fields: Object.fromEntries(columns.map((c, j) => [c, r[index[j]] ?? ''])) as SourceRecord['fields'] }));
}

const BPS_COLUMNS = ['kab_code', 'year', 'period', 'indicator', 'value', 'source'] as const;
export const isKonflik = (source: string) => /KONFLIK/.test(source);

/** One reference file → rows (KONFLIK rows left out and reported). */
export function convertBpsReference(text: string, file = 'bps_jatim_poverty_kabkota.csv', report?: BpsMergeReport): BpsRow[] {
  return records(file, text, BPS_COLUMNS).flatMap(({ fields: f, row }) => {
    const indikator = INDICATOR[f.indicator];
    const periode = PERIOD[f.period];
    if (!indikator || !periode) throw new Error(`${file} row ${row}: unknown indicator/period ${f.indicator}/${f.period}`);
    if (isKonflik(f.source)) {
      report?.konflik.push({ file, row, key: `${f.kab_code} ${f.year} ${periode} ${indikator}` });
      return [];
    }
    return [{ kode: f.kab_code, tahun: Number(f.year), periode, indikator, nilai: f.value, sumber: `BPS — dibaca dari ${f.source}` }];
  });
}

/** Several reference files → one set of rows, with the merge rules above. */
export function mergeBpsReferences(files: readonly { file: string; text: string }[]): { rows: BpsRow[]; report: BpsMergeReport } {
  const report: BpsMergeReport = { konflik: [], conflicts: [], confirmed: 0 };
  const byKey = new Map<string, { row: BpsRow; file: string; line: number }[]>();
  for (const { file, text } of files) {
    const lines = records(file, text, BPS_COLUMNS)
      .filter((r) => !isKonflik(r.fields.source))
      .map((r) => r.row);
    convertBpsReference(text, file, report).forEach((row, i) => {
      const key = `${row.kode} ${row.tahun} ${row.periode} ${row.indikator}`;
      byKey.set(key, [...(byKey.get(key) ?? []), { row, file, line: lines[i] }]);
    });
  }
  const rows: BpsRow[] = [];
  for (const [key, found] of byKey) {
    const [first, ...others] = found;
    if (others.some((o) => Math.abs(Number(o.row.nilai) - Number(first.row.nilai)) >= SAME_VALUE)) {
      report.conflicts.push({ key, values: found.map((f) => ({ file: f.file, row: f.line, nilai: f.row.nilai })) });
      continue;
    }
    if (others.length) report.confirmed++;
    const also = others.map((o) => o.row.sumber.replace(/^BPS — dibaca dari /, ''));
    rows.push(also.length ? { ...first.row, sumber: `${first.row.sumber} (sama dengan: ${also.join(' ; ')})` } : first.row);
  }
  rows.sort((a, b) => a.kode.localeCompare(b.kode) || a.tahun - b.tahun || a.periode.localeCompare(b.periode) || a.indikator.localeCompare(b.indikator));
  return { rows, report };
}

/** Programme ids of data/program.csv for the record's indicator prefixes. */
const RECORD_PROGRAMME: [prefix: string, program: string][] = [
  ['pkh_plus_', 'pkh_plus'],
  ['aspd_', 'aspd'],
  ['bansos_kemiskinan_ekstrem_', 'bansos_ke']
];

/** A row of data/rekam_program.csv before validation: the value keeps the source's digits as text. */
export type RecordRow = Omit<RekamProgram, 'nilai'> & { nilai: string };

/**
 * The programmes' public record (news and agency pages) → rows of data/rekam_program.csv. `periode`
 * keeps the source's own words (plan or actual, which payment stage); `indikator` keeps the
 * collector's name without the programme prefix.
 */
export function convertProgrammeRecord(text: string, file = PROGRAMME_RECORD_FILE): RecordRow[] {
  return records(file, text, BPS_COLUMNS)
    .map(({ fields: f, row }) => {
      const match = RECORD_PROGRAMME.find(([prefix]) => f.indicator.startsWith(prefix));
      if (!match) throw new Error(`${file} row ${row}: indicator ${f.indicator} belongs to no programme of data/program.csv`);
      if (isKonflik(f.source)) throw new Error(`${file} row ${row}: KONFLIK in the programme record is not handled`);
      return {
        program_id: match[1],
        kode: f.kab_code,
        tahun: Number(f.year),
        periode: f.period,
        indikator: f.indicator.slice(match[0].length),
        nilai: f.value,
        sumber: f.source
      };
    })
    .sort(
      (a, b) =>
        a.program_id.localeCompare(b.program_id) ||
        a.indikator.localeCompare(b.indikator) ||
        a.tahun - b.tahun ||
        a.kode.localeCompare(b.kode) ||
        a.periode.localeCompare(b.periode)
    );
}

/** data/*.csv written by the CLIs: the app's one CSV cell writer (quoting, formulas neutralised). */
export function toCsv(header: string[], rows: Record<string, unknown>[]): string {
  return (
    [
      csvLine(header, false),
      ...rows.map((r) =>
        csvLine(
          header.map((h) => r[h] ?? ''),
          false
        )
      )
    ].join('\n') + '\n'
  );
}
