/**
 * Scan a published folder (Node): every Parquet file through native DuckDB (column names, and every
 * text or integer value searched in SQL), every JSON and CSV file as text, precompressed copies
 * (.gz, .br) after decompression. Used by `npm run build:public` as its last gate.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { openDuckDB } from '../db/native';
import { ident } from '../db/ident';
import { IDENTITY_NUMBER_RE2, columnFindings, mask, scanCsvText, scanJsonText, scanManifest, type Finding } from './scan';

const SCANNED = /\.(parquet|json|csv)$/;
const INTEGER_TYPES = /^(BIGINT|HUGEINT|UBIGINT|UHUGEINT|DECIMAL)/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Table or rollup name of a file: 'data/wilayah.parquet' → 'wilayah'. */
const entityOf = (file: string) =>
  basename(file)
    .replace(/\.(parquet|json|csv)(\.(gz|br))?$/, '')
    .replace(/\.topo$/, '');
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function scanParquet(path: string, file: string): Promise<Finding[]> {
  const conn = await openDuckDB();
  try {
    const src = `read_parquet(${lit(path)})`;
    const cols = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`)).getRowObjectsJS() as { column_name: string; column_type: string }[];
    const out = columnFindings(
      file,
      entityOf(file),
      cols.map((c) => c.column_name)
    );
    for (const c of cols) {
      const col = ident(c.column_name);
      let where: string | null = null;
      if (c.column_type === 'VARCHAR') where = `regexp_matches(${col}, ${lit(IDENTITY_NUMBER_RE2)})`;
      else if (INTEGER_TYPES.test(c.column_type)) where = `abs(${col}::HUGEINT) BETWEEN 1000000000000000 AND 9999999999999999`;
      if (!where) continue;
      const hits = (await conn.runAndReadAll(`SELECT ${col}::VARCHAR AS v FROM ${src} WHERE ${where} LIMIT 3`)).getRowObjectsJS() as { v: string }[];
      for (const h of hits) out.push({ file, where: c.column_name, kind: 'identity_number', excerpt: mask(h.v) });
    }
    return out;
  } finally {
    conn.closeSync();
  }
}

function decompressed(path: string): { bytes: Buffer; inner: string } {
  const raw = readFileSync(path);
  if (path.endsWith('.gz')) return { bytes: gunzipSync(raw), inner: path.slice(0, -3) };
  if (path.endsWith('.br')) return { bytes: brotliDecompressSync(raw), inner: path.slice(0, -3) };
  return { bytes: raw, inner: path };
}

/** Every finding in `dir`; file names in findings are relative to it. */
export async function scanDir(dir: string): Promise<{ files: number; findings: Finding[] }> {
  const findings: Finding[] = [];
  let files = 0;
  for (const path of walk(dir)) {
    const { bytes, inner } = decompressed(path);
    if (!SCANNED.test(inner)) continue;
    const file = relative(dir, path);
    files++;
    if (inner.endsWith('.parquet')) {
      findings.push(...(await scanParquet(path.endsWith('.parquet') ? path : writeTemp(bytes), file)));
    } else if (inner.endsWith('.json')) {
      const text = bytes.toString('utf8');
      try {
        findings.push(...scanJsonText(file, text));
        if (basename(inner) === 'manifest.json') findings.push(...scanManifest(file, JSON.parse(text)));
      } catch {
        // Not JSON after all (e.g. a source map named .json): search it as text.
        findings.push(...scanCsvText(file, text, entityOf(file)).filter((f) => f.kind === 'identity_number'));
      }
    } else {
      findings.push(...scanCsvText(file, bytes.toString('utf8'), entityOf(file)));
    }
  }
  return { files, findings };
}

/** A compressed Parquet copy is scanned from a temporary plain file. */
function writeTemp(bytes: Buffer): string {
  const p = join(mkdtempSync(join(tmpdir(), 'dampak-scan-')), 'x.parquet');
  writeFileSync(p, bytes);
  return p;
}
