/**
 * A small structural validator for the file every page reads first, the snapshot manifest. zod is
 * the schema library of the app and the pipeline, but the bundler keeps in zod's shared core
 * whatever any page uses, which put ~25 kB of zod into every page, including the leadership pages
 * that validate nothing else. The manifest needs only objects, arrays, strings, integers, flags.
 * The API mirrors zod's `parse`/`safeParse` (unknown keys are dropped, as zod's objects do).
 */
export type Check = (value: unknown, path: string) => string | null;
export type SafeResult<T> = { success: true; data: T } | { success: false; error: { issues: { path: string; message: string }[] } };

export interface Shape<T> {
  readonly check: Check;
  /** The value with unknown object keys removed (after a successful check). */
  readonly pick: (value: unknown) => T;
  safeParse(value: unknown): SafeResult<T>;
  parse(value: unknown): T;
}
export type Infer<S> = S extends Shape<infer T> ? T : never;

function shape<T>(check: Check, pick: (value: unknown) => T = (v) => v as T): Shape<T> {
  return {
    check,
    pick,
    safeParse(value) {
      const problem = check(value, '');
      if (problem === null) return { success: true, data: pick(value) };
      const [path, message] = problem.includes(': ') ? problem.split(/: (.*)/s) : ['', problem];
      return { success: false, error: { issues: [{ path, message: path ? `${path}: ${message}` : message }] } };
    },
    parse(value) {
      const r = this.safeParse(value);
      if (!r.success) throw new TypeError(r.error.issues[0].message);
      return r.data;
    }
  };
}

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
const got = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

export const string = () => shape<string>((v, p) => (typeof v === 'string' ? null : `${p || 'value'}: expected a string, got ${got(v)}`));
export const boolean = () => shape<boolean>((v, p) => (typeof v === 'boolean' ? null : `${p || 'value'}: expected true or false, got ${got(v)}`));

export const matching = (re: RegExp) =>
  shape<string>((v, p) =>
    typeof v === 'string' && re.test(v) ? null : `${p || 'value'}: expected a string matching ${re}, got ${typeof v === 'string' ? JSON.stringify(v) : got(v)}`
  );

/** A safe integer ≥ `min` (if given). */
export const int = (min?: number) =>
  shape<number>((v, p) =>
    typeof v === 'number' && Number.isSafeInteger(v) && (min === undefined || v >= min)
      ? null
      : `${p || 'value'}: expected an integer${min === undefined ? '' : ` ≥ ${min}`}, got ${typeof v === 'number' ? v : got(v)}`
  );

export const oneOf = <const V extends readonly string[]>(values: V) =>
  shape<V[number]>((v, p) =>
    typeof v === 'string' && values.includes(v) ? null : `${p || 'value'}: expected one of ${values.join(', ')}, got ${JSON.stringify(v)}`
  );

export const nullable = <T>(s: Shape<T>) =>
  shape<T | null>(
    (v, p) => (v === null ? null : s.check(v, p)),
    (v) => (v === null ? null : s.pick(v))
  );

/** A property that may be absent (older manifests lack it); `null` is not absent. */
export const optional = <T>(s: Shape<T>) =>
  shape<T | undefined>(
    (v, p) => (v === undefined ? null : s.check(v, p)),
    (v) => (v === undefined ? undefined : s.pick(v))
  );

export const array = <T>(s: Shape<T>) =>
  shape<T[]>(
    (v, p) => {
      if (!Array.isArray(v)) return `${p || 'value'}: expected an array, got ${got(v)}`;
      for (let i = 0; i < v.length; i++) {
        const problem = s.check(v[i], at(p, i));
        if (problem) return problem;
      }
      return null;
    },
    (v) => (v as unknown[]).map((x) => s.pick(x))
  );

type Props = Record<string, Shape<unknown>>;
/** Properties built with `optional` may be left out; the rest are required. */
type Fields<P extends Props> = { [K in keyof P as undefined extends Infer<P[K]> ? never : K]: Infer<P[K]> } & {
  [K in keyof P as undefined extends Infer<P[K]> ? K : never]?: Infer<P[K]>;
};
export type ObjectShape<P extends Props> = Shape<Fields<P>> & { props: P };

export function object<P extends Props>(props: P): ObjectShape<P> {
  const s = shape<Fields<P>>(
    (v, p) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p || 'value'}: expected an object, got ${got(v)}`;
      for (const [k, ps] of Object.entries(props)) {
        const problem = ps.check((v as Record<string, unknown>)[k], at(p, k));
        if (problem) return problem;
      }
      return null;
    },
    (v) =>
      Object.fromEntries(
        Object.entries(props)
          .map(([k, ps]) => [k, ps.pick((v as Record<string, unknown>)[k])])
          .filter(([, x]) => x !== undefined)
      ) as Fields<P>
  );
  return Object.assign(s, { props });
}

/** The object shape with more (or replaced) properties, like zod's `.extend`. */
export const extend = <P extends Props, Q extends Props>(base: ObjectShape<P>, more: Q) => object({ ...base.props, ...more } as Omit<P, keyof Q> & Q);
