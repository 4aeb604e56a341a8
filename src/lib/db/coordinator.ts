/**
 * The query coordinator (after Mosaic's): a client declares the query it needs for the current
 * filter as a `Query` value — SQL, parameters and the snapshot tables it reads, declared once,
 * together — and the coordinator loads those tables, runs the statement on the injected SqlEngine,
 * caches the result and, per client, delivers only the newest answer.
 *
 * The engine (DuckDB-WASM in the browser, native DuckDB in Node) and the table loader are injected,
 * so the same query modules run in the app, in unit tests and in CLIs, and how tables load can
 * change without touching this file.
 */
import type { Row, SqlEngine, SqlParam } from './engine';

export type { Row, SqlParam } from './engine';

/** A declared query: what to run and what it reads. Built by the modules in src/lib/queries. */
export interface Query<T extends Row = Row> {
  /** Snapshot tables the statement reads: loaded before it runs; their manifest flags give the view's demo badge. */
  readonly tables: readonly string[];
  readonly sql: string;
  readonly params: readonly SqlParam[];
  /** false: never cached (a user's own table that can be replaced, or a large export). Default true. */
  readonly cache?: boolean;
  /** Called with the duration of every execution (not of cache hits); the benchmark listens here. */
  readonly observe?: (ms: number) => void;
  /**
   * Statements that build derived tables the query reads (e.g. a rollup made once from a loaded
   * snapshot table): each distinct statement runs once per coordinator, after `tables` are loaded
   * and before the first query that lists it. They must be idempotent (CREATE OR REPLACE).
   */
  readonly prepare?: readonly string[];
  /** Phantom field carrying the row type; never set. */
  readonly _row?: T;
}

/** Declare a query. `tables` are the snapshot tables it reads (user tables are not listed: they are already in DuckDB). */
export function sql<T extends Row = Row>(
  tables: readonly string[],
  text: string,
  params: readonly SqlParam[] = [],
  opts: Pick<Query, 'cache' | 'observe' | 'prepare'> = {}
): Query<T> {
  return { tables, sql: text, params, ...opts };
}

/** Makes sure tables are in the engine (the browser fetches, verifies and inserts them; Node reads Parquet). */
export interface TableLoader {
  ensure(tables: readonly string[]): Promise<void>;
}

/** Thrown to a client whose request was overtaken by a newer one of the same client. */
export class Superseded extends Error {
  constructor() {
    super('superseded');
    this.name = 'Superseded';
  }
}

export interface CoordinatorOptions {
  /** Results kept (least recently used dropped first). */
  cacheSize?: number;
}

export class Coordinator {
  private cache = new Map<string, Promise<Row[]>>();
  private prepared = new Map<string, Promise<unknown>>();
  private readonly cacheSize: number;

  constructor(
    private readonly engine: () => Promise<SqlEngine>,
    private readonly loader: TableLoader,
    opts: CoordinatorOptions = {}
  ) {
    this.cacheSize = opts.cacheSize ?? 128;
  }

  /** Load the query's tables, run it (or answer from the cache). A failed query is not cached. */
  query<T extends Row>(q: Query<T>): Promise<T[]> {
    if (q.cache === false) return this.execute(q);
    const key = JSON.stringify([q.sql, q.params]);
    let p = this.cache.get(key);
    if (p) {
      this.cache.delete(key); // re-insert: most recently used last
    } else {
      p = this.execute(q);
      p.catch(() => this.cache.delete(key));
    }
    this.cache.set(key, p);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    return p as Promise<T[]>;
  }

  /** Forget cached results (e.g. after a user table was replaced). */
  clear(): void {
    this.cache.clear();
  }

  /**
   * A client: each `request` supersedes the previous one, whose promise then rejects with
   * Superseded instead of delivering a stale answer (the newest filter wins).
   */
  client(): Client {
    let seq = 0;
    return {
      request: async <R>(work: (c: Coordinator) => Promise<R>): Promise<R> => {
        const mine = ++seq;
        const result = await work(this);
        if (mine !== seq) throw new Superseded();
        return result;
      },
      cancel: () => void seq++
    };
  }

  private async execute<T extends Row>(q: Query<T>): Promise<T[]> {
    await this.loader.ensure(q.tables);
    const engine = await this.engine();
    for (const stmt of q.prepare ?? []) await this.prepareOnce(engine, stmt);
    const t0 = performance.now();
    const rows = await engine.query<T>(q.sql, q.params);
    q.observe?.(performance.now() - t0);
    return rows;
  }

  /** Run a preparing statement once; concurrent queries share it; a failure is retried by the next query. */
  private prepareOnce(engine: SqlEngine, stmt: string): Promise<unknown> {
    let p = this.prepared.get(stmt);
    if (!p) {
      p = engine.query(stmt);
      p.catch(() => this.prepared.delete(stmt));
      this.prepared.set(stmt, p);
    }
    return p;
  }
}

export interface Client {
  /** Run `work` (one or several queries); rejects with Superseded if a newer request started meanwhile. */
  request<R>(work: (c: Coordinator) => Promise<R>): Promise<R>;
  /** Drop the pending request's answer (e.g. when the view goes away). */
  cancel(): void;
}

/** A module of query builders turned into functions that run them: `bound.x(args)` = `c.query(mod.x(args))`. */
export type Bound<M> = { [K in keyof M]: M[K] extends (...args: infer A) => Query<infer R> ? (...args: A) => Promise<R[]> : never };

export function bindQueries<M extends Record<string, unknown>>(c: () => Coordinator, mod: M): Bound<M> {
  const out: Record<string, unknown> = {};
  for (const [name, build] of Object.entries(mod)) {
    if (typeof build === 'function') out[name] = (...args: unknown[]) => c().query((build as (...a: unknown[]) => Query)(...args));
  }
  return out as Bound<M>;
}
