/** Data catalogue queries: previews and full exports of snapshot tables (names come from the manifest). */
import { sql } from '../db/coordinator';
import { ident } from '../db/ident';

export const previewRows = (table: string, limit = 10) => sql([table], `SELECT * FROM ${ident(table)} LIMIT ?`, [limit]);

/** A whole table for download: not cached (it can be large and is asked for once). */
export const allRows = (table: string) => sql([table], `SELECT * FROM ${ident(table)}`, [], { cache: false });
