/** Minimal flag parsing shared by the CLIs: `--name value` and boolean `--name`. */
const argv = process.argv.slice(2);

export function flag(name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  return v === undefined || v.startsWith('--') ? undefined : v;
}

export function has(name: string): boolean {
  return argv.includes(name);
}

export function intFlag(name: string, fallback: number): number {
  const v = flag(name);
  if (v === undefined) return fallback;
  const n = Number(v.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} expects a whole number, got "${v}"`);
  return n;
}
