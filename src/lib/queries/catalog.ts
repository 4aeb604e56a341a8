/** Data catalogue queries: previews and full exports of snapshot tables (names come from the manifest). */
import { query } from '$lib/db';
import { ident } from './sql';

export function previewRows(table: string, limit = 10) {
  return query([table], `SELECT * FROM ${ident(table)} LIMIT ?`, [limit]);
}

export function allRows(table: string) {
  return query([table], `SELECT * FROM ${ident(table)}`);
}
