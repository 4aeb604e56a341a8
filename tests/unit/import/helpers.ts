import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = 'tests/fixtures/import';
/** A salt for tests only; real runs read DAMPAK_SALT or DAMPAK_SALT_FILE. */
export const TEST_ENV = { DAMPAK_SALT: 'test-salt-not-for-production' };

/** An input folder as an operator would prepare it: the BPS source CSVs, the exports, one mapping. */
export function inputDir(mapping: 'good' | 'reconcile' | 'identity'): string {
  const dir = mkdtempSync(join(tmpdir(), `dampak-import-${mapping}-`));
  for (const f of readdirSync('data').filter((f) => f.endsWith('.csv'))) cpSync(join('data', f), join(dir, f));
  cpSync(join(FIXTURES, 'penyaluran.xlsx'), join(dir, 'penyaluran.xlsx'));
  cpSync(join(FIXTURES, 'penerima.csv'), join(dir, 'penerima.csv'));
  cpSync(join(FIXTURES, mapping, 'dampak-mapping.json'), join(dir, 'dampak-mapping.json'));
  return dir;
}
