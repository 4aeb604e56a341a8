/**
 * Which rollout the workbench uses, read from the URL (`jadwal`): the disbursements (default), the
 * public record (`publik`), or a file dropped on the Data page (`berkas:<table>`), and what happens
 * to regions whose start is unknown (`tak_diketahui`: `keluarkan` = leave out, `pembanding` = keep
 * them as comparisons for the years they are known to be untreated).
 */
import type { UserTable } from '../upload/store.svelte';
import { TIMING_COLUMNS } from '../rollout/timing-file';
import { REGION_COLUMN } from './user-outcome';
import type { UnknownHandling } from './types';

export const TP = { timing: 'jadwal', unknown: 'tak_diketahui' } as const;
export const TIMING_FILE_PREFIX = 'berkas:';
const UNKNOWN_VALUES: Record<string, UnknownHandling> = { keluarkan: 'exclude', pembanding: 'censor' };
export const unknownParamValue = (h: UnknownHandling) => (h === 'exclude' ? 'keluarkan' : 'pembanding');

export type TimingChoice =
  { kind: 'disbursement' } | { kind: 'public' } | { kind: 'file'; table: string; file: string; regionColumn: string | null; intensity: boolean };

export interface TimingRead {
  choice: TimingChoice;
  unknown: UnknownHandling;
  /** The URL named a file this tab does not have (reloaded, or never dropped): disbursements are used. */
  fileMissing: string | null;
  invalid: { param: string; value: string; fallback: string }[];
}

/** Tables dropped in this tab that can be a rollout: matched to BPS codes, with a tahun_mulai column. */
export function timingTables(tables: readonly UserTable[]): UserTable[] {
  return tables.filter((t) => t.columns.some((c) => c.name === REGION_COLUMN) && t.columns.some((c) => c.name === TIMING_COLUMNS.start));
}

export function readTimingChoice(params: URLSearchParams, tables: readonly UserTable[]): TimingRead {
  const invalid: TimingRead['invalid'] = [];
  const rawUnknown = params.get(TP.unknown);
  const unknown = rawUnknown && UNKNOWN_VALUES[rawUnknown] ? UNKNOWN_VALUES[rawUnknown] : 'exclude';
  if (rawUnknown && !UNKNOWN_VALUES[rawUnknown]) invalid.push({ param: TP.unknown, value: rawUnknown, fallback: 'keluarkan' });
  const raw = params.get(TP.timing);
  if (!raw || raw === 'penyaluran') return { choice: { kind: 'disbursement' }, unknown, fileMissing: null, invalid };
  if (raw === 'publik') return { choice: { kind: 'public' }, unknown, fileMissing: null, invalid };
  if (raw.startsWith(TIMING_FILE_PREFIX)) {
    const name = raw.slice(TIMING_FILE_PREFIX.length);
    const t = timingTables(tables).find((x) => x.name === name);
    if (!t) return { choice: { kind: 'disbursement' }, unknown, fileMissing: name, invalid };
    const intensity = t.columns.some((c) => c.name === TIMING_COLUMNS.intensity);
    return { choice: { kind: 'file', table: t.name, file: t.file, regionColumn: t.regionColumn ?? null, intensity }, unknown, fileMissing: null, invalid };
  }
  invalid.push({ param: TP.timing, value: raw, fallback: 'penyaluran' });
  return { choice: { kind: 'disbursement' }, unknown, fileMissing: null, invalid };
}

/** The URL value of a choice. */
export function timingParamValue(c: TimingChoice): string {
  return c.kind === 'disbursement' ? 'penyaluran' : c.kind === 'public' ? 'publik' : TIMING_FILE_PREFIX + c.table;
}

export const timingKey = (c: TimingChoice) => timingParamValue(c);
