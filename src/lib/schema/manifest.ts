/**
 * The snapshot manifest: what the pipeline wrote, and what the app checks before trusting a file.
 * Checked with shape.ts, not zod: every page reads the manifest (see shape.ts for why).
 */
import * as s from './shape';

export const MANIFEST_FILE = 'manifest.json';
/** The simplified TopoJSON of the 38 regions (the manifest's `boundaries` entry). */
export const BOUNDARY_FILE = 'wilayah.topo.json';
/** The leadership rollup, read without DuckDB (the manifest's rollup `ringkasan`). */
export const RINGKASAN_FILE = 'ringkasan.json';

const fileEntry = s.object({
  file: s.string(),
  bytes: s.int(0),
  sha256: s.matching(/^[0-9a-f]{64}$/)
});

export const manifestTableSchema = s.extend(fileEntry, {
  name: s.string(),
  kind: s.oneOf(['table', 'rollup']),
  rows: s.int(0),
  row_group_size: s.int(1),
  schema_version: s.int(1),
  columns: s.array(s.object({ name: s.string(), type: s.string() })),
  sources: s.array(s.string()),
  demo: s.boolean(),
  microdata: s.boolean(),
  /**
   * The same table as a DuckDB database file (one table, storage version `storage_version`), written
   * by the pipeline for the tables in NATIVE_TABLES (db/engine.ts: the microdata and the programme
   * page's tables): the browser attaches it read-only instead of decoding the Parquet (db/snapshot.ts).
   * The Parquet file stays the published, downloadable form; a table without it loads from Parquet.
   */
  native: s.optional(s.extend(fileEntry, { storage_version: s.string() }))
});

export const manifestSchema = s.object({
  schema_version: s.int(1),
  snapshot_id: s.matching(/^[0-9a-f]{12}$/),
  created_at: s.string(),
  /** True when the snapshot is the public build (aggregates only, small cells suppressed). */
  public: s.boolean(),
  demo_seed: s.nullable(s.int()),
  tables: s.array(manifestTableSchema),
  rollups: s.array(s.extend(fileEntry, { name: s.string(), rows: s.int(0), demo: s.boolean() })),
  boundaries: s.extend(fileEntry, { source: s.string(), licence: s.string(), features: s.int() })
});

export type Manifest = s.Infer<typeof manifestSchema>;
export type ManifestTable = s.Infer<typeof manifestTableSchema>;
