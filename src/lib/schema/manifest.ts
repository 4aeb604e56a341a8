/** The snapshot manifest: what the pipeline wrote, and what the app checks before trusting a file. */
import './jitless';
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';

const fileEntry = z.object({
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/)
});

export const manifestTableSchema = fileEntry.extend({
  name: z.string(),
  kind: z.enum(['table', 'rollup']),
  rows: z.number().int().nonnegative(),
  row_group_size: z.number().int().positive(),
  schema_version: z.number().int().positive(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  sources: z.array(z.string()),
  demo: z.boolean(),
  microdata: z.boolean()
});

export const manifestSchema = z.object({
  schema_version: z.number().int().positive(),
  snapshot_id: z.string().regex(/^[0-9a-f]{12}$/),
  created_at: z.string(),
  /** True when the snapshot is the public build (aggregates only, small cells suppressed). */
  public: z.boolean(),
  demo_seed: z.number().int().nullable(),
  tables: z.array(manifestTableSchema),
  rollups: z.array(fileEntry.extend({ name: z.string(), rows: z.number().int().nonnegative(), demo: z.boolean() })),
  boundaries: fileEntry.extend({ source: z.string(), licence: z.string(), features: z.number().int() })
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestTable = z.infer<typeof manifestTableSchema>;
