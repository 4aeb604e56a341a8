/**
 * Refresh data/upt.csv from the public record of the technical units.
 * Usage: npm run data:upt [-- --reference FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TABLES } from '../lib/schema';
import { toCsv } from '../lib/pipeline/bps-reference';
import { convertUptReference } from '../lib/pipeline/upt-reference';
import { flag } from './args';

const ref = resolve(flag('--reference') ?? '../shared/reference/more/upt_dinsos_jatim.csv');
const rows = convertUptReference(readFileSync(ref, 'utf8'));
writeFileSync(
  'data/upt.csv',
  toCsv(
    TABLES.upt.columns.map((c) => c.name),
    rows as unknown as Record<string, unknown>[]
  )
);
console.log(`data/upt.csv: ${rows.length} units from ${ref}`);
