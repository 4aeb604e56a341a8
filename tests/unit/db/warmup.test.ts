import { describe, expect, it } from 'vitest';
import { Warmup, WARMUP_KEY, type WarmupDeps } from '$lib/db/warmup';

/** A clock that only moves when the warm-up sleeps or a statement runs (each statement costs 10 ms). */
function harness(opts: { hidden?: () => boolean; stored?: string; fail?: string } = {}) {
  let t = 0;
  const ran: string[] = [];
  const store = new Map<string, string>(opts.stored ? [[WARMUP_KEY, opts.stored]] : []);
  const deps: WarmupDeps = {
    async run(sql) {
      if (sql === opts.fail) throw new Error('boom');
      ran.push(sql);
      t += 10;
    },
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
    module: 'https://x/_app/immutable/assets/duckdb-eh.abc.wasm',
    hidden: opts.hidden ?? (() => false),
    now: () => t,
    sleep: async (ms) => void (t += ms)
  };
  return { deps, ran, store, at: () => t };
}

const OPTS = { idleMs: 2000, budgetMs: 100 };

describe('DuckDB code-cache warm-up', () => {
  it('replays the recorded statements in turn for its budget, then records the module as done', async () => {
    const h = harness();
    const w = new Warmup(h.deps, OPTS);
    w.note({ sql: 'SELECT 1', params: [] });
    w.note({ sql: 'SELECT ?', params: [2] });
    w.note({ sql: 'SELECT 1', params: [] }); // the same statement is kept once
    expect(await w.start()).toBe(5); // 2 statements × 10 ms per round, 100 ms
    expect(h.ran).toEqual(Array.from({ length: 5 }, () => ['SELECT 1', 'SELECT ?']).flat());
    expect(h.store.get(WARMUP_KEY)).toBe(h.deps.module);
  });

  it('does nothing for a module already warmed, and runs again for another module', async () => {
    const same = harness({ stored: 'https://x/_app/immutable/assets/duckdb-eh.abc.wasm' });
    const w = new Warmup(same.deps, OPTS);
    w.note({ sql: 'SELECT 1', params: [] });
    expect(await w.start()).toBeNull();
    expect(same.ran).toEqual([]);
    const other = harness({ stored: 'https://x/_app/immutable/assets/duckdb-eh.old.wasm' });
    const w2 = new Warmup(other.deps, OPTS);
    w2.note({ sql: 'SELECT 1', params: [] });
    expect(await w2.start()).toBeGreaterThan(0);
    expect(other.store.get(WARMUP_KEY)).toBe(other.deps.module);
  });

  it('waits while DuckDB is busy and while nothing was sent, and never replays its own statements', async () => {
    const h = harness();
    const w = new Warmup(h.deps, OPTS);
    const sleep = h.deps.sleep;
    let sleeps = 0;
    h.deps.sleep = async (ms) => {
      await sleep(ms);
      sleeps++;
      if (sleeps <= 3) w.note(null); // the page keeps DuckDB busy (a table loads)
      if (sleeps === 5) w.note({ sql: 'SELECT 1', params: [] }); // the first statement of the page
    };
    expect(await w.start()).toBe(10);
    expect(sleeps).toBe(6); // busy three times, idle but nothing to replay, then busy, then idle
    expect(new Set(h.ran)).toEqual(new Set(['SELECT 1']));
  });

  it('pauses while the user or the page is busy, and counts only replay time against its budget', async () => {
    const h = harness();
    const w = new Warmup(h.deps, OPTS);
    const run = h.deps.run;
    const pausedAt: number[] = [];
    h.deps.run = async (sql, p) => {
      await run(sql, p);
      // after the 2nd replayed statement the user clicks (a cross-filter: no DuckDB statement)
      if (h.ran.length === 2) w.note(null);
      if (h.ran.length === 3) pausedAt.push(h.at());
    };
    w.note({ sql: 'SELECT 1', params: [] });
    const started = h.at();
    expect(await w.start()).toBe(10); // the full 100 ms budget of replay, despite the pause
    expect(h.ran.length).toBe(10);
    // the third statement ran only after a quiet idleMs from the click (at 2,000 + 20 ms)
    expect(pausedAt[0] - 10).toBeGreaterThanOrEqual(started + 2000 + 20 + 2000);
  });

  it('quiet() waits for idleMs after the last activity', async () => {
    const h = harness();
    const w = new Warmup(h.deps, OPTS);
    w.note(null);
    await w.quiet();
    expect(h.at()).toBeGreaterThanOrEqual(2000);
    const t = h.at();
    await w.quiet(); // already quiet: no wait
    expect(h.at()).toBe(t);
  });

  it('quiet() checks a hidden tab only every idleMs, and resolves once it is visible and quiet', async () => {
    let hidden = true;
    const h = harness({ hidden: () => hidden });
    const w = new Warmup(h.deps, OPTS);
    const sleeps: number[] = [];
    const sleep = h.deps.sleep;
    h.deps.sleep = async (ms) => {
      sleeps.push(ms);
      await sleep(ms);
      if (sleeps.length === 3) hidden = false;
    };
    await w.quiet();
    expect(sleeps).toEqual([2000, 2000, 2000]);
  });

  it('keeps statements the page sends during the replay out of the replay', async () => {
    const h = harness();
    const w = new Warmup(h.deps, OPTS);
    const run = h.deps.run;
    h.deps.run = async (sql, p) => {
      await run(sql, p);
      if (h.ran.length === 1) w.note({ sql: 'SELECT 2', params: [] });
    };
    w.note({ sql: 'SELECT 1', params: [] });
    await w.start();
    expect(new Set(h.ran)).toEqual(new Set(['SELECT 1']));
  });

  it('stops when the tab hides, and is not recorded as done then', async () => {
    let runs = 0;
    const h = harness({ hidden: () => runs >= 3 });
    const run = h.deps.run;
    h.deps.run = async (sql, p) => {
      runs++;
      return run(sql, p);
    };
    const w = new Warmup(h.deps, OPTS);
    w.note({ sql: 'SELECT 1', params: [] });
    expect(await w.start()).toBeNull();
    expect(h.ran.length).toBe(3);
    expect(h.store.has(WARMUP_KEY)).toBe(false);
  });

  it('drops a statement that fails (a write, refused read-only) and keeps replaying the others', async () => {
    const h = harness({ fail: 'DROP TABLE IF EXISTS upload' });
    const w = new Warmup(h.deps, OPTS);
    w.note({ sql: 'DROP TABLE IF EXISTS upload', params: [] });
    w.note({ sql: 'SELECT 1', params: [] });
    expect(await w.start()).toBe(10);
    expect(new Set(h.ran)).toEqual(new Set(['SELECT 1']));
    expect(h.store.get(WARMUP_KEY)).toBe(h.deps.module);
  });

  it('is not recorded as done when every statement failed', async () => {
    const h = harness({ fail: 'SELECT bad' });
    const w = new Warmup(h.deps, OPTS);
    w.note({ sql: 'SELECT bad', params: [] });
    expect(await w.start()).toBeNull();
    expect(h.store.has(WARMUP_KEY)).toBe(false);
  });

  it('runs on every visit where there is no storage', async () => {
    const h = harness();
    const w = new Warmup({ ...h.deps, storage: null }, OPTS);
    w.note({ sql: 'SELECT 1', params: [] });
    expect(await w.start()).toBe(10);
  });
});
