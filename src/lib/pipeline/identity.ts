/**
 * Identity numbers (NIK, KK) never reach a snapshot: the import replaces them with a salted hash
 * or drops them, and `assertNoIdentityColumns` refuses to write any table in which a 16-digit
 * column survives. The salt comes from DAMPAK_SALT or from a file named by DAMPAK_SALT_FILE that
 * lies outside the repository, so the hashes cannot be recomputed from the published code alone.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../db/ident';
import { isIdentityValue } from '../sheet/identity';

export { isIdentityValue, looksLikeIdentityColumn } from '../sheet/identity';

export class IdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityError';
  }
}

const MIN_SALT_LENGTH = 16;

/** The git work tree holding `dir` (walks up to a .git entry), or null. */
function repoRoot(dir: string): string | null {
  let d = resolve(dir);
  for (;;) {
    if (existsSync(join(d, '.git'))) return d;
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}

/** Read the salt; throws with what to do when it is missing, short, or kept inside the repository. */
export function loadSalt(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  let salt = env.DAMPAK_SALT;
  if (!salt && env.DAMPAK_SALT_FILE) {
    const file = resolve(cwd, env.DAMPAK_SALT_FILE);
    const root = repoRoot(cwd);
    if (root) {
      const rel = relative(root, file);
      if (!rel.startsWith('..') && !isAbsolute(rel)) {
        throw new IdentityError(`DAMPAK_SALT_FILE ${file} is inside the repository ${root}; keep the salt outside it`);
      }
    }
    if (!existsSync(file)) throw new IdentityError(`DAMPAK_SALT_FILE ${file} does not exist`);
    salt = readFileSync(file, 'utf8').trim();
  }
  if (!salt) throw new IdentityError('identity columns need a salt: set DAMPAK_SALT or DAMPAK_SALT_FILE (a file outside the repository)');
  if (salt.length < MIN_SALT_LENGTH) throw new IdentityError(`the salt must be at least ${MIN_SALT_LENGTH} characters`);
  return salt;
}

/** Canonical form of an identity number: digits only. */
export const canonicalIdentity = (value: string): string => value.replace(/\D/g, '');

/** Keyed hash (HMAC-SHA256) of the digits, first 16 hex characters: the `id_hash` of penerima. */
export function hashIdentity(salt: string, value: string): string {
  return createHmac('sha256', salt).update(canonicalIdentity(value)).digest('hex').slice(0, 16);
}

/**
 * Keyed hash of another identifier (an e-JSC case or ticket number) as written, trimmed; prefixed so
 * that it can never equal the hash of a NIK with the same digits. 16 hex characters, like id_hash.
 */
export function hashText(salt: string, value: string): string {
  return createHmac('sha256', salt).update(`text:${value.trim()}`).digest('hex').slice(0, 16);
}

/** Columns that hold such hashes (hex by construction; see assertNoIdentityColumns). */
export const HASH_COLUMNS = ['id_hash', 'id_kasus'] as const;

/**
 * Refuse a table that still holds identity numbers. A column fails if any value is 16 digits,
 * except hash columns (`hashColumns`, hex by construction): a random 16-hex hash is all digits
 * about once in 1,850 rows, so those fail only when more than 1 % of values are 16 digits.
 */
export async function assertNoIdentityColumns(conn: DuckDBConnection, table: string, hashColumns: readonly string[] = HASH_COLUMNS): Promise<void> {
  // Only types that can hold 16 digits (INTEGER, BOOLEAN, DATE … cannot).
  const cols = (
    await conn.runAndReadAll(
      `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '${table.replaceAll("'", "''")}' ` +
        `AND (data_type IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT', 'DOUBLE') OR data_type LIKE 'DECIMAL%')`
    )
  )
    .getRows()
    .map((r) => ({ name: String(r[0]), text: String(r[1]) === 'VARCHAR' }));
  if (cols.length === 0) return;
  const pattern = "'^\\s*''?\\d{16}(\\.0+)?\\s*$'";
  // Text as isIdentityValue reads it (the browser's rule): 16 digits grouped by spaces, dots or dashes.
  const grouped = (c: string) => `regexp_full_match(regexp_replace(CAST(${ident(c)} AS VARCHAR), '[\\s.-]', '', 'g'), '''?\\d{16}')`;
  const match = (c: { name: string; text: boolean }) =>
    `regexp_full_match(CAST(${ident(c.name)} AS VARCHAR), ${pattern})${c.text ? ` OR ${grouped(c.name)}` : ''}`;
  const exprs = cols.map((c) => `count(*) FILTER (WHERE ${match(c)})::BIGINT, count(${ident(c.name)})::BIGINT`);
  const row = (await conn.runAndReadAll(`SELECT ${exprs.join(', ')} FROM ${ident(table)}`)).getRows()[0];
  const bad: string[] = [];
  cols.forEach(({ name: c }, i) => {
    const hits = Number(row[2 * i]);
    const total = Number(row[2 * i + 1]);
    const allowed = hashColumns.includes(c) ? total * 0.01 : 0;
    if (hits > allowed) bad.push(`${c} (${hits} of ${total} values are 16-digit numbers)`);
  });
  if (bad.length) {
    throw new IdentityError(
      `refusing to write ${table}: identity-like column(s) ${bad.join(', ')}. Hash them (identity action "hash") or drop them in the mapping.`
    );
  }
}

/** Same rule over rows in memory (used before anything touches DuckDB). */
export function identityColumnsIn(rows: readonly Record<string, unknown>[]): string[] {
  const found = new Set<string>();
  for (const r of rows) for (const [k, v] of Object.entries(r)) if (!found.has(k) && isIdentityValue(v)) found.add(k);
  return [...found];
}
