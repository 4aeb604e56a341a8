/** Messages between the Data page and the upload worker (read.worker.ts). */
import type { DistinctRegion, IdentityReport, Value } from './columns';
import type { UploadErrorCode } from './read';

export type UploadRequest =
  | { kind: 'read'; id: number; file: File; budget?: number }
  | { kind: 'distinct'; id: number; region: string; type: string | null }
  | { kind: 'build'; id: number; region: string | null; type: string | null; codes: { value: string; type: string | null; kode: string | null }[] | null };

export type UploadReply =
  | { kind: 'progress'; id: number; fraction: number }
  | { kind: 'read'; id: number; names: string[]; types: { name: string; type: string }[]; rows: number; preview: Value[][]; identity: IdentityReport }
  | { kind: 'distinct'; id: number; values: DistinctRegion[] }
  | { kind: 'build'; id: number; ipc: Uint8Array; types: { name: string; type: string }[]; rows: number; renamed: { from: string; to: string } | null }
  | { kind: 'error'; id: number; code: UploadErrorCode; message: string; detail: Record<string, string | number> };
