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
 * (never the workbench's SQL), in turn, for `budgetMs`, once the page has been quiet for `idleMs`:
 * neither DuckDB used nor the user active (browser.ts notes clicks and keys). The replay is work the
 * user did not ask for, so it yields: a page statement or an input pauses it (before its next
 * statement) until the page is quiet again, and the budget counts replay time only. A programme
 * page's cross-filters never touch DuckDB (program/cube.ts), so "DuckDB idle" alone let the replay take a
 * core while the user clicked: on this 2-core machine, with another process on the other core, that
 * was the cross-filter's slowest updates. It stops while the tab is hidden, and is recorded as done
 * (per module URL, which carries its hash) only after its whole budget ran.
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

  /**
   * The page is busy now: a statement the app sent (kept for the replay, unless the replay already
   * runs), any other use of DuckDB, or the user's input (`null`).
   */
  note(s: Statement | null): void {
    this.last = this.deps.now();
    if (s && !this.running && this.statements.size < MAX_STATEMENTS) this.statements.set(JSON.stringify([s.sql, s.params]), s);
  }

  /** Resolves once the page has been quiet for `idleMs` with the tab visible. */
  async quiet(): Promise<void> {
    const { deps, opts } = this;
    // a hidden tab is checked every idleMs, a visible one once the rest of idleMs has passed
    while (deps.now() - this.last < opts.idleMs || deps.hidden())
      await deps.sleep(deps.hidden() ? opts.idleMs : Math.max(opts.idleMs - (deps.now() - this.last), 50));
  }

  /**
   * Waits until the page is quiet with a statement recorded, then replays. Resolves with the rounds
   * run, or null where it did not run: already done for this module, the tab hidden meanwhile, or
   * every statement failed (then it is not recorded as done).
   */
  async start(): Promise<number | null> {
    const { deps, opts } = this;
    if (deps.storage?.getItem(WARMUP_KEY) === deps.module) return null;
    do await deps.sleep(opts.idleMs);
    while (deps.now() - this.last < opts.idleMs || deps.hidden() || !this.statements.size);
    this.running = true;
    const list = [...this.statements.values()];
    let spent = 0;
    let rounds = 0;
    try {
      for (; list.length && spent < opts.budgetMs; rounds++)
        for (const s of [...list]) {
          if (deps.hidden()) return null;
          // the page or the user was busy since the last replayed statement: pause until quiet
          if (deps.now() - this.last < opts.idleMs) await this.quiet();
          const t0 = deps.now();
          // A statement that fails here (a write, refused in the read-only transaction) is dropped.
          await deps.run(s.sql, s.params).catch(() => list.splice(list.indexOf(s), 1));
          spent += deps.now() - t0;
        }
    } finally {
      this.running = false;
    }
    if (!list.length) return null;
    deps.storage?.setItem(WARMUP_KEY, deps.module);
    return rounds;
  }
}
