/**
 * npm run data — build the snapshot in static/data from the sources in data/.
 *   --input DIR        source folder (default data); with a dampak-mapping.json, the agency's
 *                      CSV/XLSX exports it names replace the demo penyaluran/penerima (README)
 *   --out DIR          snapshot folder (default static/data)
 *   --boundaries FILE  GeoJSON with BPS codes instead of GADM 4.1
 *   --penerima N       demo beneficiary rows (default 200000)
 *   --seed N           demo seed (default 20251)
 *   --keep N           previous snapshots kept for rollback (default 3)
 *   --rollback         restore the previous snapshot and exit
 * Exit codes: 0 ok, 1 invalid sources (nothing written), 2 usage or unexpected failure.
 */
import { SourceError } from '../lib/pipeline/errors';
import { IdentityError } from '../lib/pipeline/identity';
import { buildSnapshot, rollback } from '../lib/pipeline/snapshot';
import { DEFAULT_PENERIMA_ROWS } from '../lib/pipeline/demo';
import { flag, has, intFlag } from './args';

const out = flag('--out') ?? 'static/data';
const workDir = flag('--work') ?? '.dampak';
const keep = intFlag('--keep', 3);

async function main(): Promise<number> {
  if (has('--rollback')) {
    const m = rollback({ out, workDir, keep });
    console.log(`restored snapshot ${m.snapshot_id} (${m.created_at}) to ${out}`);
    return 0;
  }
  const t0 = performance.now();
  await buildSnapshot({
    input: flag('--input') ?? 'data',
    out,
    workDir,
    boundaries: flag('--boundaries'),
    penerimaRows: intFlag('--penerima', DEFAULT_PENERIMA_ROWS),
    seed: intFlag('--seed', 20251),
    keep,
    log: (m) => console.log(m)
  });
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof SourceError || e instanceof IdentityError) {
      console.error(e.message);
      console.error('The snapshot in ' + out + ' was not changed.');
      process.exit(1);
    }
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  }
);
