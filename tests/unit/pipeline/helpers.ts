/** Temp folders with a copy of data/, a mutation applied, and a snapshot built from them. */
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { buildSnapshot, type SnapshotOptions } from '../../../src/lib/pipeline/snapshot';

export const ROOT = resolve(__dirname, '../../..');
export const SHARED = resolve(ROOT, '../shared');

export function tempDir(prefix = 'dampak-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A copy of the committed sources, optionally edited: `edit(file, text) => text`. */
export function sourcesCopy(edit?: Record<string, (text: string) => string | Uint8Array>): string {
  const dir = tempDir('dampak-src-');
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  for (const [file, fn] of Object.entries(edit ?? {})) {
    const p = join(dir, file);
    writeFileSync(p, fn(readFileSync(p, 'utf8')));
  }
  return dir;
}

export function snapshotOptions(input: string, out: string, extra: Partial<SnapshotOptions> = {}): SnapshotOptions {
  return { input, out, workDir: join(out, '..', 'work'), seed: 7, penerimaRows: 3000, keep: 3, ...extra };
}

export async function build(input: string, extra: Partial<SnapshotOptions> = {}) {
  const base = tempDir('dampak-out-');
  const out = join(base, 'data');
  const result = await buildSnapshot(snapshotOptions(input, out, extra));
  return { base, out, result };
}

/** file → sha256 of every file in a folder. */
export function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort())
    out[f] = createHash('sha256')
      .update(readFileSync(join(dir, f)))
      .digest('hex');
  return out;
}

/** Replace the `n`-th data line (1 = first data row) of a CSV text. */
export function editLine(text: string, n: number, fn: (line: string) => string): string {
  const lines = text.split('\n');
  lines[n] = fn(lines[n]);
  return lines.join('\n');
}
