/** Machine-readable reasons why a panel cannot be analysed with the requested method. */
export type StatsErrorCode =
  | 'empty'
  | 'non_numeric'
  | 'duplicate_row'
  | 'unit_two_groups'
  | 'no_comparison'
  | 'no_treated'
  | 'too_few_pre_periods'
  | 'too_few_post_periods'
  | 'unbalanced'
  | 'multiple_adoption_periods'
  | 'too_few_clusters'
  | 'singular'
  | 'unknown_unit'
  | 'invalid_argument'
  | 'degenerate'
  | 'non_absorbing'
  | 'out_of_range';

/**
 * Thrown for input the estimators cannot use. The message is plain English and names the
 * offending unit/row/value so that a CLI or UI can show it as is; `code` is for programs.
 */
export class StatsInputError extends Error {
  readonly code: StatsErrorCode;
  constructor(code: StatsErrorCode, message: string) {
    super(message);
    this.name = 'StatsInputError';
    this.code = code;
  }
}
