/**
 * Read and validate the committed sources (data/*.csv, or `--input DIR`). Every problem in every
 * file is collected before failing, so one run shows all that needs fixing.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_TABLES, TABLES, type Indikator, type NilaiIndikator, type Program, type RekamProgram, type TableName, type Upt, type Wilayah } from '../schema';
import { readCsv } from './csv';
import { SourceError, type SourceIssue } from './errors';
import { checkKeys, checkPercentages, checkReferences, validateRows } from './validate';

export interface Sources {
  wilayah: Wilayah[];
  /** The technical units (public facts, data/upt.csv). */
  upt: Upt[];
  indikator: Indikator[];
  nilai_indikator: NilaiIndikator[];
  program: Program[];
  rekam_program: RekamProgram[];
}

/** `warn` receives problems that do not stop the run (columns the table does not have). */
export function readSources(dir: string, warn: (issue: SourceIssue) => void = () => {}): Sources {
  const issues: SourceIssue[] = [];
  const out: Partial<Record<TableName, Record<string, unknown>[]>> = {};
  const known: Partial<Record<TableName, Set<string>>> = {};
  // Order matters: referenced tables first, so their keys are known.
  for (const name of SOURCE_TABLES) {
    const spec = TABLES[name];
    const file = join(dir, `${name}.csv`);
    if (!existsSync(file)) {
      issues.push({ file, row: 0, column: null, rule: 'missing_file', message: 'source file not found' });
      continue;
    }
    let bytes: Uint8Array;
    try {
      if (!statSync(file).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      bytes = readFileSync(file);
    } catch (e) {
      const code = (e as { code?: string }).code;
      const message =
        code === 'EISDIR'
          ? 'is a folder, not a file'
          : code === 'EACCES'
            ? 'cannot be read (permission denied)'
            : `cannot be read (${code ?? (e as Error).message})`;
      issues.push({ file, row: 0, column: null, rule: 'unreadable', message });
      continue;
    }
    const csv = readCsv(
      file,
      bytes,
      spec.columns.filter((c) => !c.nullable).map((c) => c.name),
      spec.columns.map((c) => c.name)
    );
    if (!csv.table) {
      issues.push(...csv.issues);
      continue;
    }
    csv.warnings.forEach(warn);
    const valid = validateRows(spec, csv.table);
    issues.push(...valid.issues);
    issues.push(...checkKeys(spec, file, valid.rows, valid.rowNumbers));
    issues.push(...checkReferences(spec, file, valid.rows, known, valid.rowNumbers));
    if (name === 'nilai_indikator' && out.indikator) {
      const units = new Map(out.indikator.map((r) => [String(r.id), String(r.satuan)]));
      issues.push(...checkPercentages(file, valid.rows, units, valid.rowNumbers));
    }
    if (name === 'wilayah' && valid.issues.length === 0 && valid.rows.length !== 38) {
      issues.push({ file, row: 0, column: 'kode', rule: 'region_count', message: `expected the 38 kabupaten/kota, found ${valid.rows.length}` });
    }
    out[name] = valid.rows;
    known[name] = new Set(valid.rows.map((r) => String(r[spec.key[0]])));
  }
  if (issues.length) throw new SourceError(issues);
  return out as unknown as Sources;
}
