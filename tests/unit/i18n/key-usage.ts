/**
 * Which message namespaces a route's code uses, read from the source: every module a route's page
 * imports (statically or with import(), through $lib and relative paths, transitively) is scanned
 * for string literals that are message keys, and for template literals whose fixed start is a key
 * prefix (`program.jenis.${x}`). Used by namespaces.test.ts to check src/lib/i18n/routes.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DOMAINS } from '../../../src/lib/i18n/messages';
import { NAMESPACES, type Namespace } from '../../../src/lib/i18n/namespaces';

const ROOT = resolve(import.meta.dirname, '../../..');

/** key → namespace, from the message files themselves. */
export const KEY_NAMESPACE = new Map<string, Namespace>();
DOMAINS.forEach((d, i) => {
  for (const k of Object.keys(d.id)) KEY_NAMESPACE.set(k, NAMESPACES[i]);
});

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('$lib/')) base = join(ROOT, 'src/lib', spec.slice(5));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null; // packages hold no message keys
  for (const c of [base, `${base}.ts`, `${base}.svelte.ts`, `${base}.js`, join(base, 'index.ts')]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

const IMPORT = /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
const LITERAL = /(['"`])([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)*\.?)(\1|\$\{)/g;

/** Namespaces whose keys the given files (and everything they import) use, with an example key each. */
export function namespacesUsedBy(entries: string[]): Map<Namespace, string> {
  const seen = new Set<string>();
  const used = new Map<Namespace, string>();
  const stack = entries.map((e) => resolve(ROOT, e));
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || file.includes(join('src', 'lib', 'i18n'))) continue;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(IMPORT)) {
      const dep = resolveImport(file, m[1] ?? m[2] ?? m[3]);
      if (dep) stack.push(dep);
    }
    for (const m of src.matchAll(LITERAL)) {
      const text = m[2];
      const ns = KEY_NAMESPACE.get(text);
      if (ns) {
        if (!used.has(ns)) used.set(ns, `${text} (${file.slice(ROOT.length + 1)})`);
      } else if ((m[3] === '${' || text.endsWith('.')) && text.includes('.')) {
        for (const [k, n] of KEY_NAMESPACE) if (k.startsWith(text) && !used.has(n)) used.set(n, `${k} (${file.slice(ROOT.length + 1)})`);
      }
    }
  }
  return used;
}
