/**
 * Runs the page's own DuckDB statements again, once per browser and DuckDB module, so that later
 * visits start DuckDB from Chromium's code cache.
 *
 * Why: Chromium keeps V8's compiled code of a streamed WebAssembly module in its code cache, but
 * writes it only once enough of the module runs optimised: V8 optimises functions that run hot, and
 * about 1 MB of optimised code triggers the write, a couple of seconds after the last one. A page whose
 * statements each run once never gets there, so every visit validated and compiled DuckDB's 24 MB
 * again. With the cache, a repeat visit of the programme page had DuckDB ready and its tables usable
 * ~250 ms sooner (paired runs, tests/bench).
 *
 * What runs is exactly what a repeat visit runs: the statements the app itself sent on this page
 * (never the workbench's SQL), in turn, for `budgetMs`, after DuckDB has been idle for `idleMs`. One
 * statement at a time, so a query the page asks meanwhile waits for one statement at most. It stops
 * while the tab is hidden, and is recorded as done (per module URL, which carries its hash) only after
 * its whole budget ran.
 */
import type { SqlParam } from './engine';

export interface Statement {
  sql: string;
  params: readonly SqlParam[];
}

export interface WarmupDeps {
  /** Runs a statement so that it cannot write (browser.ts: its own connection, a read-only transaction rolled back). */
  run(sql: string, params: readonly SqlParam[]): Promise<unknown>;
  /** Where "done" is kept (localStorage), or null: then it runs on every visit. */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** The module's URL: a new build's module is warmed again. */
  module: string;
  hidden(): boolean;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const WARMUP_KEY = 'dampak:duckdb-warm';
/** At most this many distinct statements are kept (a page sends a handful). */
const MAX_STATEMENTS = 16;

export class Warmup {
  private readonly statements = new Map<string, Statement>();
  private last: number;
  private running = false;

  constructor(
    private readonly deps: WarmupDeps,
    private readonly opts = { idleMs: 2000, budgetMs: 4000 }
  ) {
    this.last = deps.now();
  }

  /** A statement the app sent (kept for the replay) or any other use of DuckDB (`null`): DuckDB is busy now. */
  note(s: Statement | null): void {
    if (this.running) return;
    this.last = this.deps.now();
    if (s && this.statements.size < MAX_STATEMENTS) this.statements.set(JSON.stringify([s.sql, s.params]), s);
  }

  /**
   * Waits until DuckDB has been idle for `idleMs` with the tab visible and a statement recorded, then
   * replays. Resolves with the rounds run, or null where it did not run: already done for this module,
   * the tab hidden meanwhile, or every statement failed (then it is not recorded as done).
   */
  async start(): Promise<number | null> {
    const { deps, opts } = this;
    if (deps.storage?.getItem(WARMUP_KEY) === deps.module) return null;
    do await deps.sleep(opts.idleMs);
    while (deps.now() - this.last < opts.idleMs || deps.hidden() || !this.statements.size);
    this.running = true;
    const list = [...this.statements.values()];
    const t0 = deps.now();
    let rounds = 0;
    try {
      for (; list.length && deps.now() - t0 < opts.budgetMs; rounds++)
        for (const s of [...list]) {
          if (deps.hidden()) return null;
          // A statement that fails here (a write, refused in the read-only transaction) is dropped.
          await deps.run(s.sql, s.params).catch(() => list.splice(list.indexOf(s), 1));
        }
    } finally {
      this.running = false;
    }
    if (!list.length) return null;
    deps.storage?.setItem(WARMUP_KEY, deps.module);
    return rounds;
  }
}
