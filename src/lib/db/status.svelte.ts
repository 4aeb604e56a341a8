/** Reactive loading state of snapshot tables, for progress bars and error panels. */
import type { SnapshotError } from './snapshot';

export interface TableStatus {
  state: 'loading' | 'ready' | 'error';
  loaded: number;
  total: number;
  error?: SnapshotError;
}

export const tableStatus: Record<string, TableStatus> = $state({});
export const engineStatus: { state: 'idle' | 'starting' | 'ready' | 'error'; error?: Error } = $state({ state: 'idle' });
