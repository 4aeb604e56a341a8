/**
 * Rules that involve more than one column of a row (dates in order, status consistent with the
 * dates, a stock that adds up). The zod schema checks each column; these check the row as a whole.
 * Declared with the table (TableSpec.rules) and enforced wherever rows enter: the source CSVs,
 * the agency's imports, and (in tests) the demo generator.
 */
export type RowValues = Readonly<Record<string, unknown>>;

export interface RowRule {
  /** Name used in reports, e.g. 'date_order'. */
  id: string;
  /** The column a failing row is reported at. */
  column: string;
  /** What is wrong, in words an operator can act on. */
  message: string;
  /** True when the row satisfies the rule. */
  check(row: RowValues): boolean;
}

export interface RuleFailure {
  rule: string;
  column: string;
  message: string;
  value: string;
}

/** Every rule the row breaks (empty when it keeps them all). */
export function ruleFailures(rules: readonly RowRule[] | undefined, row: RowValues): RuleFailure[] {
  if (!rules) return [];
  return rules.filter((r) => !r.check(row)).map((r) => ({ rule: r.id, column: r.column, message: r.message, value: String(row[r.column] ?? '') }));
}
