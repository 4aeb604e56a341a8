import { describe, expect, it } from 'vitest';
import { SAVED_KEY, deleteQuery, loadSaved, saveQuery } from '../../../src/lib/sql/saved';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('saved queries', () => {
  it('saves newest first, replaces by name and deletes', () => {
    const s = memory();
    saveQuery(s, 'a', 'SELECT 1', new Date('2025-01-01'));
    saveQuery(s, 'b', 'SELECT 2', new Date('2025-01-02'));
    const list = saveQuery(s, ' a ', 'SELECT 3', new Date('2025-01-03'));
    expect(list.map((q) => [q.name, q.sql])).toEqual([
      ['a', 'SELECT 3'],
      ['b', 'SELECT 2']
    ]);
    expect(loadSaved(s)).toEqual(list);
    expect(deleteQuery(s, 'a').map((q) => q.name)).toEqual(['b']);
  });
  it('ignores a corrupt store and works without one', () => {
    const s = memory();
    s.setItem(SAVED_KEY, '{not json');
    expect(loadSaved(s)).toEqual([]);
    s.setItem(SAVED_KEY, JSON.stringify([{ name: 1 }, { name: 'ok', sql: 'SELECT 1', saved_at: 'x' }]));
    expect(loadSaved(s).map((q) => q.name)).toEqual(['ok']);
    expect(loadSaved(null)).toEqual([]);
    expect(saveQuery(null, 'x', 'SELECT 1')).toHaveLength(1);
  });
});
