/**
 * A query kept up to date with the filter it reads, for views: declare what to fetch from reactive
 * state; when that state changes the request is made again and only the newest answer lands (an
 * older one is superseded, never shown). The last good value stays while a newer one loads, so a
 * chart is updated in place instead of flashing a spinner. Retry re-runs the request (no reload).
 *
 * Create it while a component (or a class a component owns) initialises: it uses $effect.
 */
import { Superseded } from './coordinator';

export type LoadStatus = 'loading' | 'ready' | 'empty' | 'error';

/** What <Load> and ChartCard need to decide loading / empty / error. */
export interface Loadable {
  readonly status: LoadStatus;
  readonly error: unknown;
  retry(): void;
}

export interface LiveOptions<T> {
  /** When a value counts as "no data" (default: an empty array). */
  empty?: (v: T) => boolean;
  /** Called when a new value has landed, with the time its request started (performance.now()). */
  onvalue?: (v: T, startedAt: number) => void;
}

const isEmptyArray = (v: unknown) => Array.isArray(v) && v.length === 0;

export class Live<T> implements Loadable {
  value = $state<T | undefined>(undefined);
  error = $state<unknown>(null);
  /** A request is on its way (also while an older value is shown). */
  pending = $state(false);
  #attempt = $state(0);
  #seq = 0;

  /**
   * @param request reads the reactive state it depends on and returns the work to do, or null
   *                while its inputs are not known yet.
   */
  readonly #opts: LiveOptions<T>;

  constructor(request: () => (() => Promise<T>) | null, opts: LiveOptions<T> = {}) {
    this.#opts = opts;
    $effect(() => {
      void this.#attempt; // retry() re-runs
      const work = request();
      if (!work) return;
      const mine = ++this.#seq;
      const t0 = performance.now();
      this.pending = true;
      work().then(
        (v) => {
          if (mine !== this.#seq) return;
          this.value = v;
          this.error = null;
          this.pending = false;
          this.#opts.onvalue?.(v, t0);
        },
        (e) => {
          if (mine !== this.#seq || e instanceof Superseded) return;
          this.error = e;
          this.pending = false;
        }
      );
      return () => void this.#seq++; // a newer request (or teardown) supersedes this one
    });
  }

  get status(): LoadStatus {
    if (this.error) return 'error';
    if (this.value === undefined) return 'loading';
    return (this.#opts.empty ?? isEmptyArray)(this.value) ? 'empty' : 'ready';
  }

  retry(): void {
    this.error = null;
    this.#attempt++;
  }
}

/** The state of several loadables together: the first error, else loading until all have a value. */
export function combined(...parts: Loadable[]): Loadable {
  return {
    get status(): LoadStatus {
      const s = parts.map((p) => p.status);
      if (s.includes('error')) return 'error';
      if (s.includes('loading')) return 'loading';
      return s.every((x) => x === 'empty') ? 'empty' : 'ready';
    },
    get error() {
      return parts.find((p) => p.status === 'error')?.error ?? null;
    },
    retry: () => parts.filter((p) => p.status === 'error').forEach((p) => p.retry())
  };
}
