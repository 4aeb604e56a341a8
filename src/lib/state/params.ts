/**
 * Filters live in the URL. A param spec says how to read a value, what is valid and what to fall
 * back to; an invalid value falls back and reports itself so the page can say so.
 */
export interface ParamSpec<T> {
  name: string;
  fallback: T;
  parse: (raw: string) => T | undefined;
  serialize?: (v: T) => string;
}

export interface ParamValue<T> {
  value: T;
  /** The raw text when it was present but invalid. */
  invalid: string | null;
}

export function readParam<T>(params: URLSearchParams, spec: ParamSpec<T>): ParamValue<T> {
  const raw = params.get(spec.name);
  if (raw === null || raw === '') return { value: spec.fallback, invalid: null };
  const v = spec.parse(raw);
  return v === undefined ? { value: spec.fallback, invalid: raw } : { value: v, invalid: null };
}

/** New search params with `updates` applied; values equal to the fallback are dropped to keep links short. */
export function withParams(
  params: URLSearchParams,
  updates: Record<string, string | number | null | undefined>,
  fallbacks: Record<string, string> = {}
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(updates)) {
    if (v === null || v === undefined || v === '' || String(v) === fallbacks[k]) next.delete(k);
    else next.set(k, String(v));
  }
  next.sort();
  return next;
}

export const oneOf =
  <T extends string>(values: readonly T[]) =>
  (raw: string): T | undefined =>
    (values as readonly string[]).includes(raw) ? (raw as T) : undefined;

/**
 * A whole number written in decimal digits only: Number() would also read "0x7E8", "2e3", " 2024 ",
 * "2024.0" or "0b11111101000" as numbers, and a URL must not mean 2024 when it says 0x7E8.
 */
export function decimalInt(raw: string): number | undefined {
  return /^-?\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

export const intIn =
  (values: readonly number[]) =>
  (raw: string): number | undefined => {
    const n = decimalInt(raw);
    return n !== undefined && values.includes(n) ? n : undefined;
  };
