/**
 * The mapping file (`dampak-mapping.json` in the input folder): which export feeds which snapshot
 * table, and how its columns, region names and identity numbers become the snapshot's columns.
 * Format documented in README ("Impor data dinas").
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SourceIssue } from '../errors';

export const MAPPING_FILE = 'dampak-mapping.json';

/** Tables an agency export may replace; the rest come from BPS sources or are derived. */
export const IMPORTABLE = ['penyaluran', 'penerima', 'kasus', 'layanan_upt'] as const;
export type ImportTable = (typeof IMPORTABLE)[number];

/** The rupiah column that control totals per programme are declared for (tables without money: none). */
export const CONTROL_RUPIAH: Partial<Record<ImportTable, string>> = { penyaluran: 'realisasi_rp', penerima: 'nominal_rp' };
/** Every rupiah column, reconciled in and out per programme (kasus and layanan_upt: rows only). */
export const RUPIAH_COLUMNS: Record<ImportTable, readonly string[]> = {
  penyaluran: ['anggaran_rp', 'realisasi_rp'],
  penerima: ['nominal_rp'],
  kasus: [],
  layanan_upt: []
};

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const identityRule = z.object({
  column: z.string().min(1),
  action: z.enum(['hash', 'drop']),
  /** Target column of the hash (default id_hash). */
  target: z.string().optional(),
  /** "nik" (default): a 16-digit NIK/KK, hashed by its digits; "any": a case or ticket number, hashed as written. */
  format: z.enum(['nik', 'any']).default('nik')
});

export const importSpecSchema = z
  .object({
    table: z.enum(IMPORTABLE),
    file: z
      .string()
      .min(1)
      .refine((f) => !f.includes('..') && !f.startsWith('/'), 'file must be inside the input folder'),
    /** XLSX only: sheet name (default: the first sheet). */
    sheet: z.string().optional(),
    /** Row of the header (1-based, default 1); rows above it are titles and skipped. */
    header_row: z.number().int().positive().default(1),
    /** CSV only (default ","). */
    delimiter: z.string().length(1).default(','),
    /** "id": 1.250.000,50 (Indonesian) · "plain": 1250000.50. Text cells only; numeric XLSX cells are exact. */
    number_format: z.enum(['plain', 'id']).default('plain'),
    /** Snapshot column → source column header. */
    columns: z.record(z.string(), z.string().min(1)),
    /** Snapshot column → {source value → snapshot value}, e.g. programme names to ids. */
    values: z.record(z.string(), z.record(z.string(), scalar)).default({}),
    /** Snapshot column → constant for every row. */
    defaults: z.record(z.string(), scalar.nullable()).default({}),
    /** Region name column (and optional kabupaten/kota column) matched to BPS codes into `kode`. */
    region: z.object({ column: z.string().min(1), type_column: z.string().optional() }).optional(),
    identity: z.array(identityRule).default([]),
    /** Totals declared by the source system; the run fails unless the file adds up to them exactly. */
    control: z
      .object({
        rows: z.number().int().nonnegative().optional(),
        /** Programme id → sum of the table's control rupiah column (realisasi_rp or nominal_rp). */
        rupiah: z.record(z.string(), z.number().int()).optional()
      })
      .optional()
  })
  .strict();

export const mappingSchema = z.object({ imports: z.array(importSpecSchema).min(1) }).strict();

export type ImportSpec = z.infer<typeof importSpecSchema>;
export type Mapping = z.infer<typeof mappingSchema>;

export function parseMapping(file: string, text: string): { mapping: Mapping } | { issues: SourceIssue[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { issues: [{ file, row: 0, column: null, rule: 'mapping', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const parsed = mappingSchema.safeParse(json);
  if (parsed.success) return { mapping: parsed.data };
  return {
    issues: parsed.error.issues.map((i) => ({ file, row: 0, column: i.path.join('.') || null, rule: 'mapping', message: i.message }))
  };
}

export function readMapping(file: string) {
  return parseMapping(file, readFileSync(file, 'utf8'));
}
