/**
 * Plain rows → Arrow IPC with explicit column types (numbers → DOUBLE, true/false → BOOLEAN,
 * everything else → VARCHAR; an all-empty column is VARCHAR, not Arrow's Null type, which DuckDB
 * and Parquet writers handle poorly). Used for dropped files and for Parquet downloads.
 */
import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';

export function rowsToArrowIpc(columns: readonly string[], rows: readonly Record<string, unknown>[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) {
    const values = rows.map((r) => (r[c] === undefined ? null : r[c]));
    const present = values.filter((v) => v !== null);
    let type: DataType = new Utf8();
    if (present.length && present.every((v) => typeof v === 'number')) type = new Float64();
    else if (present.length && present.every((v) => typeof v === 'boolean')) type = new Bool();
    const data = type instanceof Utf8 ? values.map((v) => (v === null ? null : String(v))) : values;
    vectors[c] = vectorFromArray(data as never[], type);
  }
  return tableToIPC(new Table(vectors), 'stream');
}
