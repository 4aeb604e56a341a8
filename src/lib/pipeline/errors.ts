/** A problem in a source file, precise enough to fix it: file, row (1 = header), column, rule. */
export interface SourceIssue {
  file: string;
  /** Spreadsheet row number: 1 is the header, data starts at 2. 0 = the file as a whole. */
  row: number;
  column: string | null;
  rule: string;
  message: string;
  value?: string;
}

export function formatIssue(i: SourceIssue): string {
  const where = [i.file, i.row > 0 ? `row ${i.row}` : null, i.column ? `column "${i.column}"` : null].filter(Boolean).join(', ');
  const value = i.value !== undefined ? ` (value: ${JSON.stringify(i.value.slice(0, 60))})` : '';
  return `${where}: ${i.message}${value} [rule: ${i.rule}]`;
}

/** Thrown when sources are invalid; the snapshot on disk is left untouched. */
export class SourceError extends Error {
  constructor(public readonly issues: SourceIssue[]) {
    super(
      `${issues.length} problem(s) in the sources:\n` +
        issues
          .slice(0, 50)
          .map((i) => '  ' + formatIssue(i))
          .join('\n') +
        (issues.length > 50 ? `\n  … and ${issues.length - 50} more` : '')
    );
    this.name = 'SourceError';
  }
}
