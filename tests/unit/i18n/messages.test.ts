import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../../src/lib/i18n/messages';

describe('message tables', () => {
  it('every Indonesian key has an English text and vice versa, with the same placeholders', () => {
    const seen = new Set<string>();
    for (const d of DOMAINS) {
      const id = d.id as Record<string, string>;
      const en = d.en as Record<string, string>;
      expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
      for (const k of Object.keys(id)) {
        expect(seen.has(k), `key ${k} defined twice`).toBe(false);
        seen.add(k);
        const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(vars(en[k]), k).toEqual(vars(id[k]));
        expect(id[k].trim(), k).not.toBe('');
      }
    }
    expect(seen.size).toBeGreaterThan(50);
  });
});
