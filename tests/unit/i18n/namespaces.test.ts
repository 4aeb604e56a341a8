import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAINS } from '../../../src/lib/i18n/messages';
import { NAMESPACES, type Namespace } from '../../../src/lib/i18n/namespaces';
import { namespacesUsedBy } from './key-usage';

/** Every +page.svelte under src/routes. */
function pages(dir = 'src/routes'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(join(dir, e.name)) : e.name === '+page.svelte' ? [join(dir, e.name)] : []
  );
}

/** The message files a page registers: useMessages(a, b) with a, b imported from $lib/i18n/messages/<file>. */
function registered(file: string): Set<Namespace> {
  const src = readFileSync(file, 'utf8');
  const out = new Set<Namespace>(['common']);
  for (const call of src.matchAll(/useMessages\(([^)]*)\)/g)) {
    for (const name of call[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const from = src.match(new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*'\\$lib/i18n/messages/(\\w+)'`));
      expect(from, `${file}: useMessages(${name}) must name an import from $lib/i18n/messages/<file>`).not.toBeNull();
      out.add(from![1] as Namespace);
    }
  }
  return out;
}

describe('message files per page', () => {
  it('NAMESPACES names the message files in the order of DOMAINS', async () => {
    expect(DOMAINS.length).toBe(NAMESPACES.length);
    for (const [i, ns] of NAMESPACES.entries()) {
      const mod = (await import(`../../../src/lib/i18n/messages/${ns}.ts`)) as Record<string, unknown>;
      expect(mod[ns], ns).toBe(DOMAINS[i]);
    }
  });

  it('the shell (layout and error page) needs only the strings every page carries', () => {
    const used = namespacesUsedBy(['src/routes/+layout.svelte', 'src/routes/+error.svelte']);
    expect([...used.keys()]).toEqual(expect.arrayContaining(['common']));
    expect(Object.fromEntries([...used].filter(([ns]) => ns !== 'common'))).toEqual({});
  });

  const all = pages();
  it('finds the pages', () => expect(all.length).toBeGreaterThan(10));

  for (const page of all) {
    it(`${page} registers every message file its code uses`, () => {
      const dir = page.slice(0, -'+page.svelte'.length);
      const entries = [page, ...['+page.ts'].map((f) => dir + f).filter((f) => existsSync(f))];
      const used = namespacesUsedBy(entries);
      const have = registered(page);
      const missing = Object.fromEntries([...used].filter(([ns]) => !have.has(ns)));
      expect(missing, 'namespace → a key that needs it (file)').toEqual({});
    });
  }
});
