import { describe, expect, it } from 'vitest';
import { Warmup, WARMUP_KEY, type WarmupDeps } from '$lib/db/warmup';

/** A clock that only moves when the warm-up sleeps or a statement runs (each statement costs `cost` ms). */
function harness(opts: { cost?: number; hidden?: () => boolean; stored?: string; fail?: string } = {}) {
  let t = 0;
  const ran: string[] = [];
  const store = new Map<string, string>(opts.stored ? [[WARMUP_KEY, opts.stored]] : []);
  const deps: WarmupDeps = {
    async run(sql) {
      if (sql === opts.fail) throw new Error('boom');
      ran.push(sql);
      t += opts.cost ?? 10;
    },
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
    module: 'https://x/_app/immutable/assets/duckdb-eh.abc.wasm',
    hidden: opts.hidden ?? (() => false),
    now: () => t,
    sleep: async (ms) => void (t += ms)
  };
  return { deps, ran, store, at: () => t, advance: (ms: number) => (t += ms) };
}

const OPTS = { idleMs: 2000, budgetMs: 100, giveUpMs: 60_000 };

describe('DuckDB code-cache warm-up', () => {
  it('replays the recorded statements in turn for its budget, then records the module as done', async () => {
    const h = harness();
    const w = new Warmup(h.deps, OPTS);
    w.note({ sql: 'SELECT 1', params: [] });
    w.note({ sql: 'SELECT ?', params: [2] });
    w.note({ sql: 'SELECT 1', params: [] }); // the same statement is kept once
    const r = await w.start();
    expect(r).toEqual({ state: 'done', rounds: 5, statements: 2, ms: 100 });
    expect(h.ran).toEqual(Array.from({ length: 5 }, () => ['SELECT 1', 'SELECT ?']).flat());
    expect(h.store.get(WARMUP_KEY)).toBe(h.deps.module);
  });

  it('does nothing for a module already warmed, and runs again for another module', async () => {
    const same = harness({ stored: 'https://x/_app/immutable/assets/duckdb-eh.abc.wasm' });
    const w = new Warmup(same.deps, OPTS);
    w.note({ sql: 'SELECT 1', params: [] });
    expect(await w.start()).toEqual({ state: 'skipped', why: 'already' });
    expect(same.ran).toEqual([]);
    const other = harness({ stored: 'https://x/_app/immutable/assets/duckdb-eh.old.wasm' });
    const w2 = new Warmup(other.deps, OPTS);
    w2.note({ sql: 'SELECT 1', params: [] });
    expect((await w2.start()).state).toBe('done');
  });

  it('waits until DuckDB has been idle, and does not record its own statements', async () => {
    const h = harness();
    const w = new Warmup(h.deps, OPTS);
    w.note({ sql: 'SELECT 1', params: [] });
    // The page keeps DuckDB busy: every sleep, another use arrives.
    const sleep = h.deps.sleep;
    let busyFor = 3;
    h.deps.sleep = async (ms) => {
      await sleep(ms);
      if (busyFor-- > 0) w.note(null);
    };
    const r = await w.start();
    expect(r.state).toBe('done');
    expect(h.at()).toBeGreaterThanOrEqual(4 * 2000 + 100); // three busy waits, one idle, the budget
    expect(new Set(h.ran)).toEqual(new Set(['SELECT 1']));
  });

  it('gives up without statements, stops when the tab hides, and is not marked done then', async () => {
    const none = harness();
    expect(await new Warmup(none.deps, OPTS).start()).toEqual({ state: 'skipped', why: 'nothing' });

    let runs = 0;
    const h = harness({ hidden: () => runs >= 3 });
    const run = h.deps.run;
    h.deps.run = async (sql, p) => {
      runs++;
      return run(sql, p);
    };
    const w = new Warmup(h.deps, OPTS);
    w.note({ sql: 'SELECT 1', params: [] });
    expect(await w.start()).toEqual({ state: 'skipped', why: 'hidden' });
    expect(h.ran.length).toBe(3);
    expect(h.store.has(WARMUP_KEY)).toBe(false);
  });

  it('stops at a failing statement without marking the module done', async () => {
    const h = harness({ fail: 'SELECT bad' });
    const w = new Warmup(h.deps, OPTS);
    w.note({ sql: 'SELECT 1', params: [] });
    w.note({ sql: 'SELECT bad', params: [] });
    expect(await w.start()).toEqual({ state: 'skipped', why: 'failed' });
    expect(h.store.has(WARMUP_KEY)).toBe(false);
  });

  it('runs every visit where there is no storage', async () => {
    const h = harness();
    const w = new Warmup({ ...h.deps, storage: null }, OPTS);
    w.note({ sql: 'SELECT 1', params: [] });
    expect((await w.start()).state).toBe('done');
  });
});
