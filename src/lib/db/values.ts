/**
 * Arrow values → plain JavaScript, by the column's Arrow type (never by guessing from the value).
 * Two readings of the same buffers:
 *  - 'data' for the app's own queries: numbers stay numbers (DECIMAL scaled, BIGINT/HUGEINT as
 *    doubles, dates and timestamps as epoch milliseconds), so charts and statistics can compute;
 *  - 'display' for the SQL workbench and dropped files: nothing is rounded or reinterpreted. An
 *    integer or decimal that a double cannot hold exactly stays exact (bigint or decimal text);
 *    dates, times, intervals, lists, structs, maps and blobs become the text DuckDB itself prints.
 * The buffers are read directly: apache-arrow 17's getters return DECIMAL's unscaled words, round
 * timestamps to milliseconds and read MONTH_DAY_NANO intervals as year-month; and reading buffers
 * does not depend on which copy of apache-arrow built the table (DuckDB's Node build has its own).
 */
import { Type, TimeUnit, type Data, type DataType, type Table } from 'apache-arrow';

export type ValueMode = 'data' | 'display';

const TWO_53 = 2n ** 53n;
const safe = (v: bigint) => v < TWO_53 && v > -TWO_53;

/** Little-endian two's-complement words → bigint (DECIMAL/HUGEINT are 4 × 32 bits). */
export function wordsToBigInt(words: ArrayLike<number>): bigint {
  let x = 0n;
  for (let k = words.length - 1; k >= 0; k--) x = (x << 32n) | BigInt(words[k] >>> 0);
  if (words[words.length - 1] & 0x80000000) x -= 1n << BigInt(32 * words.length);
  return x;
}

/** The exact decimal text of unscaled × 10^-scale ("-0.25", "1.50"). */
export function decimalText(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString();
  if (scale <= 0) return (neg ? '-' : '') + digits + '0'.repeat(-scale);
  const padded = digits.padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/** A DECIMAL as a number when the double shows the same value; otherwise its exact text. */
function decimalValue(unscaled: bigint, scale: number, mode: ValueMode): number | string | bigint {
  if (scale === 0) return mode === 'data' || safe(unscaled) ? Number(unscaled) : unscaled;
  const text = decimalText(unscaled, scale);
  const n = safe(unscaled) && scale <= 22 ? Number(unscaled) / 10 ** scale : Number.parseFloat(text);
  if (mode === 'data') return n;
  // A double holds every decimal of up to 15 significant digits exactly enough to print it back.
  const significant = (unscaled < 0n ? -unscaled : unscaled).toString().replace(/0+$/, '').length;
  return significant <= 15 ? n : text;
}

const pad = (n: number | bigint, w = 2) => String(n).padStart(w, '0');

const INT32_MAX = 2 ** 31 - 1;

/** Days since 1970-01-01 → YYYY-MM-DD (proleptic Gregorian, as DuckDB prints; years < 1 as "(BC)"). */
export function dayText(days: number): string {
  if (days >= INT32_MAX) return 'infinity';
  if (days <= -INT32_MAX) return '-infinity';
  // civil-from-days (H. Hinnant), exact for any int32 day count, unlike Date's ±275,000-year range.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y > 0 ? y : 1 - y, 4)}-${pad(m)}-${pad(d)}${y > 0 ? '' : ' (BC)'}`;
}

const PER_SECOND: Record<number, bigint> = {
  [TimeUnit.SECOND]: 1n,
  [TimeUnit.MILLISECOND]: 1_000n,
  [TimeUnit.MICROSECOND]: 1_000_000n,
  [TimeUnit.NANOSECOND]: 1_000_000_000n
};

/** Fraction of a second, trailing zeros dropped (".5", ".123456"), or nothing. */
function fraction(sub: bigint, perSecond: bigint): string {
  if (perSecond === 1n || sub === 0n) return '';
  const width = perSecond.toString().length - 1;
  return '.' + pad(sub, width).replace(/0+$/, '');
}

function floorDiv(a: bigint, b: bigint): [bigint, bigint] {
  const q = a / b;
  const r = a % b;
  return r < 0n ? [q - 1n, r + b] : [q, r];
}

function clockText(secondsOfDay: bigint, sub: bigint, perSecond: bigint): string {
  const s = Number(secondsOfDay);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}${fraction(sub, perSecond)}`;
}

const INT64_MAX = 2n ** 63n - 1n;

function timestampText(value: bigint, unit: number, timezone: string | null): string {
  if (value === INT64_MAX) return 'infinity';
  if (value === -INT64_MAX) return '-infinity';
  const perSecond = PER_SECOND[unit];
  const [seconds, sub] = floorDiv(value, perSecond);
  const [days, secondsOfDay] = floorDiv(seconds, 86_400n);
  return `${dayText(Number(days))} ${clockText(secondsOfDay, sub, perSecond)}${timezone ? '+00' : ''}`;
}

/** DuckDB's interval text: "1 year 2 months 3 days 04:05:06.5", "-01:30:00". */
function intervalText(months: number, days: number, nanos: bigint): string {
  const parts: string[] = [];
  const years = Math.trunc(months / 12);
  const rest = months % 12;
  const unit = (n: number, one: string, many: string) => parts.push(`${n} ${Math.abs(n) === 1 ? one : many}`);
  if (years) unit(years, 'year', 'years');
  if (rest) unit(rest, 'month', 'months');
  if (days) unit(days, 'day', 'days');
  if (nanos !== 0n || parts.length === 0) {
    const neg = nanos < 0n;
    const abs = neg ? -nanos : nanos;
    const micros = abs / 1_000n;
    const [seconds, sub] = [micros / 1_000_000n, micros % 1_000_000n];
    const h = seconds / 3600n;
    parts.push(`${neg ? '-' : ''}${pad(h)}:${pad((seconds / 60n) % 60n)}:${pad(seconds % 60n)}${fraction(sub, 1_000_000n)}`);
  }
  return parts.join(' ');
}

/** A string inside a LIST/STRUCT/MAP as DuckDB prints it: quoted only when it needs to be. */
const nestedString = (s: string) => (s === '' || /[,'"{}[\]:=\s\\]/.test(s) || /^null$/i.test(s) ? `'${s.replaceAll("'", "\\'")}'` : s);

/** BLOB as DuckDB prints it: printable ASCII kept, other bytes as \xNN. */
function blobText(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes)
    s += b >= 0x20 && b < 0x7f && b !== 0x5c && b !== 0x27 && b !== 0x22 ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return s;
}

type Reader = (data: Data, i: number) => unknown;

/** A reader for one column of `type`: (chunk, row in chunk) → value. Nulls are handled by the caller. */
export function readerFor(type: DataType, mode: ValueMode, nested = false): Reader {
  const display = mode === 'display';
  switch (type.typeId) {
    case Type.Int: {
      const wide = (type as unknown as { bitWidth: number }).bitWidth === 64;
      if (!wide) return (d, i) => d.values[i];
      return (d, i) => {
        const v = d.values[i] as bigint;
        return !display || safe(v) ? Number(v) : nested ? v.toString() : v;
      };
    }
    case Type.Float:
      return (d, i) => d.values[i];
    case Type.Decimal: {
      const { scale, bitWidth } = type as unknown as { scale: number; bitWidth: number };
      const stride = bitWidth / 32;
      return (d, i) => {
        const v = decimalValue(wordsToBigInt((d.values as Uint32Array).subarray(i * stride, (i + 1) * stride)), scale, mode);
        return nested && typeof v !== 'number' ? String(v) : v;
      };
    }
    case Type.Date: {
      const dayUnit = (type as unknown as { unit: number }).unit === 0;
      const ms: Reader = dayUnit ? (d, i) => (d.values[i] as number) * 86_400_000 : (d, i) => Number(d.values[i]);
      return display ? (d, i) => dayText(Math.floor((ms(d, i) as number) / 86_400_000)) : ms;
    }
    case Type.Timestamp: {
      const { unit, timezone } = type as unknown as { unit: number; timezone: string | null };
      const perSecond = PER_SECOND[unit];
      if (!display) return (d, i) => Number(BigInt(d.values[i])) * (1000 / Number(perSecond));
      return (d, i) => timestampText(BigInt(d.values[i]), unit, timezone);
    }
    case Type.Time: {
      const { unit } = type as unknown as { unit: number };
      const perSecond = PER_SECOND[unit];
      return (d, i) => {
        const v = BigInt(d.values[i]);
        if (!display) return Number(v) * (1000 / Number(perSecond));
        const [s, sub] = floorDiv(v, perSecond);
        return clockText(s, sub, perSecond);
      };
    }
    case Type.Interval: {
      const { unit } = type as unknown as { unit: number };
      return (d, i) => {
        const v = d.values as Int32Array;
        let text: string;
        if (unit === 2) {
          // MONTH_DAY_NANO: int32 months, int32 days, int64 nanoseconds per value.
          const w = v.subarray(i * 4, i * 4 + 4);
          text = intervalText(w[0], w[1], wordsToBigInt([w[2], w[3]]));
        } else if (unit === 1) {
          text = intervalText(0, v[i * 2], BigInt(v[i * 2 + 1]) * 1_000_000n); // DAY_TIME: days, ms
        } else {
          text = intervalText(v[i], 0, 0n); // YEAR_MONTH
        }
        return text;
      };
    }
    case Type.Utf8:
    case Type.LargeUtf8:
      return nested ? (d, i) => nestedString(utf8(d, i)) : utf8;
    case Type.Bool:
      return (d, i) => {
        const bit = d.offset + i; // booleans are bits: the chunk's offset is not applied to the buffer
        return (d.values[bit >> 3] & (1 << (bit & 7))) !== 0;
      };
    case Type.Null:
      return () => null;
    case Type.Binary:
    case Type.LargeBinary:
      return (d, i) => {
        const bytes = binary(d, i);
        return display ? blobText(bytes) : bytes;
      };
    case Type.FixedSizeBinary: {
      const width = (type as unknown as { byteWidth: number }).byteWidth;
      return (d, i) => {
        const bytes = (d.values as Uint8Array).subarray(i * width, (i + 1) * width);
        return display ? blobText(bytes) : bytes;
      };
    }
    case Type.Dictionary: {
      const valueType = (type as unknown as { dictionary: DataType }).dictionary;
      const inner = readerFor(valueType, mode, nested);
      return (d, i) => {
        const dict = d.dictionary!;
        const key = Number(d.values[i]);
        // the dictionary is a vector of one or more chunks
        let k = key;
        for (const chunk of dict.data) {
          if (k < chunk.length) return chunk.getValid(k) ? inner(chunk as Data, k) : null;
          k -= chunk.length;
        }
        return null;
      };
    }
    case Type.List:
    case Type.FixedSizeList:
    case Type.Struct:
    case Type.Map:
    case Type.Union:
      return nestedReader(type, mode);
    default:
      // A type DuckDB does not send (Duration, Float16, …): named, never silently wrong.
      return () => `<${String(type)}>`;
  }
}

const decoder = new TextDecoder();

/** Variable-width bytes of row i (offsets already cover the chunk's slice). */
function binary(d: Data, i: number): Uint8Array {
  const off = d.valueOffsets as Int32Array | BigInt64Array;
  return (d.values as Uint8Array).subarray(Number(off[i]), Number(off[i + 1]));
}
const utf8 = (d: Data, i: number): string => decoder.decode(binary(d, i));

/**
 * LIST/STRUCT/MAP/UNION. Display: DuckDB's text form ([1, 2], {'a': 1}, {k=1}); data: arrays, objects
 * (prototype-free: field names are data) and [key, value] pairs.
 */
function nestedReader(type: DataType, mode: ValueMode): Reader {
  const display = mode === 'display';
  const children = (type as unknown as { children: { name: string; type: DataType }[] }).children;
  const item = (reader: Reader) => (c: Data, k: number) => (c.getValid(k) ? reader(c, k) : display ? 'NULL' : null);
  const list = (items: unknown[]) => (display ? `[${items.join(', ')}]` : items);
  switch (type.typeId) {
    case Type.List: {
      const child = item(readerFor(children[0].type, mode, true));
      return (d, i) => {
        const off = d.valueOffsets as Int32Array | BigInt64Array;
        const items: unknown[] = [];
        for (let k = Number(off[i]); k < Number(off[i + 1]); k++) items.push(child(d.children[0], k));
        return list(items);
      };
    }
    case Type.FixedSizeList: {
      const size = (type as unknown as { listSize: number }).listSize;
      const child = item(readerFor(children[0].type, mode, true));
      return (d, i) => {
        const items: unknown[] = [];
        for (let k = i * size; k < (i + 1) * size; k++) items.push(child(d.children[0], k));
        return list(items);
      };
    }
    case Type.Struct: {
      const readers = children.map((f) => item(readerFor(f.type, mode, true)));
      return (d, i) => {
        if (display) return `{${children.map((f, j) => `'${f.name.replaceAll("'", "\\'")}': ${readers[j](d.children[j], i)}`).join(', ')}}`;
        const o = emptyRow();
        children.forEach((f, j) => (o[f.name] = readers[j](d.children[j], i)));
        return o;
      };
    }
    case Type.Map: {
      const entry = children[0].type as unknown as { children: { type: DataType }[] };
      const key = item(readerFor(entry.children[0].type, mode, true));
      const value = item(readerFor(entry.children[1].type, mode, true));
      return (d, i) => {
        const off = d.valueOffsets as Int32Array;
        const [ks, vs] = d.children[0].children;
        const pairs: [unknown, unknown][] = [];
        for (let k = off[i]; k < off[i + 1]; k++) pairs.push([key(ks, k), value(vs, k)]);
        return display ? `{${pairs.map(([k, v]) => `${k}=${v}`).join(', ')}}` : pairs;
      };
    }
    default: {
      // UNION: the member named by the type id; sparse unions index children by row, dense by offset.
      const readers = children.map((f) => item(readerFor(f.type, mode, true)));
      const { typeIdToChildIndex, mode: unionMode } = type as unknown as { typeIdToChildIndex: Record<number, number>; mode: number };
      return (d, i) => {
        const j = typeIdToChildIndex[(d as unknown as { typeIds: Int8Array }).typeIds[i]];
        const k = unionMode === 0 ? i : (d.valueOffsets as Int32Array)[i];
        return readers[j](d.children[j], k);
      };
    }
  }
}

/**
 * Column names as the result shows them, made unique deterministically: a repeated name gets
 * "_2", "_3", … (the first keeps its name); an empty name becomes "kolom_N".
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw, j) => {
    const base = raw === '' ? `kolom_${j + 1}` : raw;
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  });
}

/** A row object without a prototype: a column called "__proto__" or "constructor" is just a key. */
export function emptyRow(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/**
 * Arrow table → column names (unique) and rows read in `mode`. Display rows have no prototype, because
 * their keys come from data (a dropped file's header, a user's alias); the app's own rows are plain.
 */
export function readTable(table: Table, mode: ValueMode): { columns: string[]; rows: Record<string, unknown>[] } {
  const fields = table.schema.fields;
  const columns = uniqueNames(fields.map((f) => f.name));
  const readers = fields.map((f) => readerFor(f.type, mode));
  const rows: Record<string, unknown>[] = new Array(table.numRows);
  let r = 0;
  for (const batch of table.batches) {
    const chunks = fields.map((_, j) => batch.data.children[j]);
    for (let i = 0; i < batch.numRows; i++, r++) {
      const row: Record<string, unknown> = mode === 'display' ? emptyRow() : {};
      for (let j = 0; j < columns.length; j++) row[columns[j]] = chunks[j].getValid(i) ? readers[j](chunks[j], i) : null;
      rows[r] = row;
    }
  }
  return { columns, rows };
}
