import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../../src/lib/i18n/messages';

describe('message tables', () => {
  it('every Indonesian key has an English text and vice versa, with the same placeholders', async () => {
    const seen = new Set<string>();
    for (const d of DOMAINS) {
      const id = d.id as Record<string, string>;
      const en = (await d.en()).default as Record<string, string>;
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

describe('every stats error code has words on the workbench', () => {
  it('impact.error.<code> exists for each StatsErrorCode', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync('src/lib/stats/errors.ts', 'utf8');
    const codes = [...src.slice(src.indexOf('StatsErrorCode ='), src.indexOf(';', src.indexOf('StatsErrorCode ='))).matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(10);
    const { impact } = await import('../../../src/lib/i18n/messages/impact');
    for (const code of codes) {
      expect(impact.id, code).toHaveProperty(`impact.error.${code}`);
      expect((await impact.en()).default, code).toHaveProperty(`impact.error.${code}`);
    }
  });
});
