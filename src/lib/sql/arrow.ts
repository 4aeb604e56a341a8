/**
 * Plain rows → Arrow IPC with explicit column types (numbers → DOUBLE, true/false → BOOLEAN,
 * everything else → VARCHAR; an all-empty column is VARCHAR, not Arrow's Null type, which DuckDB
 * and Parquet writers handle poorly). Used for dropped files and for Parquet downloads.
 *
 * The buffers are filled by hand: apache-arrow's Builders (vectorFromArray, tableFromJSON) compile
 * their null checks with `new Function`, which the app's Content Security Policy forbids.
 */
import { Bool, Float64, Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';

const encoder = new TextEncoder();

function validity(values: readonly unknown[]): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nulls++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  });
  return { bitmap, nulls };
}

function float64(values: readonly unknown[]): Vector {
  const { bitmap, nulls } = validity(values);
  const data = Float64Array.from(values, (v) => (typeof v === 'number' ? v : 0));
  return makeVector(makeData({ type: new Float64(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data }));
}

function bool(values: readonly unknown[]): Vector {
  const { bitmap, nulls } = validity(values);
  const data = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v === true) data[i >> 3] |= 1 << (i & 7);
  });
  return makeVector(makeData({ type: new Bool(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data }));
}

function utf8(values: readonly unknown[]): Vector {
  const { bitmap, nulls } = validity(values);
  const parts = values.map((v) => (v === null || v === undefined ? new Uint8Array(0) : encoder.encode(String(v))));
  const offsets = new Int32Array(values.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i] + p.length));
  const data = new Uint8Array(offsets[values.length]);
  parts.forEach((p, i) => data.set(p, offsets[i]));
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data }));
}

export function rowsToArrowIpc(columns: readonly string[], rows: readonly Record<string, unknown>[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) {
    const values = rows.map((r) => r[c] ?? null);
    const present = values.filter((v) => v !== null);
    if (present.length && present.every((v) => typeof v === 'number')) vectors[c] = float64(values);
    else if (present.length && present.every((v) => typeof v === 'boolean')) vectors[c] = bool(values);
    else vectors[c] = utf8(values);
  }
  return tableToIPC(new Table(vectors), 'stream');
}
