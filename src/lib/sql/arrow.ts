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
  const offsets = new Int32Array(values.length + 1);
  // One buffer for all strings, written with encodeInto (no array per value); grown when UTF-8 needs more.
  let chars = 0;
  for (const v of values) if (v !== null && v !== undefined) chars += String(v).length;
  let data = new Uint8Array(Math.max(16, Math.ceil(chars * 1.1)));
  let at = 0;
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) {
      const s = String(v);
      for (;;) {
        const { read, written } = encoder.encodeInto(s, data.subarray(at));
        if (read === s.length) {
          at += written;
          break;
        }
        const bigger = new Uint8Array(Math.max(data.length * 2, at + s.length * 3));
        bigger.set(data.subarray(0, at));
        data = bigger;
      }
    }
    offsets[i + 1] = at;
  });
  return makeVector(
    makeData({ type: new Utf8(), length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data: data.subarray(0, at) })
  );
}

/** The Arrow type a column gets: DOUBLE when every value is a number, BOOLEAN when every one is a boolean, else text. */
export function columnKind(values: readonly unknown[]): 'number' | 'boolean' | 'text' {
  let kind: 'number' | 'boolean' | null = null;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const k = typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : null;
    if (k === null || (kind !== null && kind !== k)) return 'text';
    kind = k;
  }
  return kind ?? 'text';
}

/** Columns of values → Arrow IPC stream. Names must be unique (the caller's columns are). */
export function columnsToArrowIpc(names: readonly string[], columns: readonly (readonly unknown[])[]): Uint8Array {
  const vectors = new Map<string, Vector>();
  names.forEach((name, j) => {
    const values = columns[j].map((v) => v ?? null);
    const kind = columnKind(values);
    vectors.set(name, kind === 'number' ? float64(values) : kind === 'boolean' ? bool(values) : utf8(values));
  });
  return tableToIPC(new Table(Object.fromEntries(vectors)), 'stream');
}

export function rowsToArrowIpc(columns: readonly string[], rows: readonly Record<string, unknown>[]): Uint8Array {
  return columnsToArrowIpc(
    columns,
    columns.map((c) => rows.map((r) => r[c] ?? null))
  );
}
