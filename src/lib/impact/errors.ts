/** A thrown error as the worker sends it to the page: a StatsInputError keeps its code. */
import { StatsInputError } from '../stats/index';
import type { WorkbenchError } from './types';

export function toWorkbenchError(e: unknown): WorkbenchError {
  if (e instanceof StatsInputError) return { code: e.code, message: e.message };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
