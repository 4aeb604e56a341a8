/**
 * Refresh data/nilai_indikator.csv from the BPS reference table.
 * Usage: npm run data:bps [-- --reference FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { convertBpsReference, toCsv } from '../lib/pipeline/bps-reference';
import { flag } from './args';

const ref = resolve(flag('--reference') ?? '../shared/reference/bps_jatim_poverty_kabkota.csv');
const rows = convertBpsReference(readFileSync(ref, 'utf8'));
writeFileSync('data/nilai_indikator.csv', toCsv(['kode', 'tahun', 'periode', 'indikator', 'nilai', 'sumber'], rows as unknown as Record<string, unknown>[]));
console.log(`data/nilai_indikator.csv: ${rows.length} rows from ${ref}`);
