/**
 * Refresh data/nilai_indikator.csv from the BPS reference tables and data/rekam_program.csv from
 * the programmes' public record (../shared/reference and ../shared/reference/more).
 * Usage: npm run data:bps [-- --reference DIR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BPS_FILES, PROGRAMME_RECORD_FILE, convertProgrammeRecord, mergeBpsReferences, toCsv } from '../lib/pipeline/bps-reference';
import { parseCsvRecords } from '../lib/pipeline/csv';
import { flag } from './args';

const dir = resolve(flag('--reference') ?? '../shared/reference');
const { rows, report } = mergeBpsReferences(BPS_FILES.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') })));

// Every indicator written must be in the catalogue (the pipeline would refuse the snapshot).
const [header, ...catalogue] = parseCsvRecords(readFileSync('data/indikator.csv', 'utf8'));
const known = new Set(catalogue.map((r) => r[header.indexOf('id')]));
const missing = [...new Set(rows.map((r) => r.indikator))].filter((id) => !known.has(id));
if (missing.length) {
  console.error(`data/indikator.csv has no entry for: ${missing.join(', ')} — add them before importing.`);
  process.exit(1);
}

writeFileSync('data/nilai_indikator.csv', toCsv(['kode', 'tahun', 'periode', 'indikator', 'nilai', 'sumber'], rows as unknown as Record<string, unknown>[]));
console.log(`data/nilai_indikator.csv: ${rows.length} rows from ${BPS_FILES.length} files in ${dir}`);
console.log(`  ${report.confirmed} values found in two files with the same value (kept once, both carriers named)`);
for (const k of report.konflik) console.log(`  not used (KONFLIK in the source): ${k.key} — ${k.file} row ${k.row}`);
for (const c of report.conflicts)
  console.log(`  not used (files disagree): ${c.key} — ${c.values.map((v) => `${v.nilai} in ${v.file} row ${v.row}`).join(' vs ')}`);

const record = convertProgrammeRecord(readFileSync(join(dir, PROGRAMME_RECORD_FILE), 'utf8'));
writeFileSync(
  'data/rekam_program.csv',
  toCsv(['program_id', 'kode', 'tahun', 'periode', 'indikator', 'nilai', 'sumber'], record as unknown as Record<string, unknown>[])
);
console.log(`data/rekam_program.csv: ${record.length} rows from ${PROGRAMME_RECORD_FILE}`);
