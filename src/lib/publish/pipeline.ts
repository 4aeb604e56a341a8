/**
 * The public build's hooks into the snapshot pipeline (Node, build time): which tables are left
 * out, and the suppressed copy of a table that holds recipient counts.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { PUBLIC_SUPPRESSION, suppressTableSql, suppressedColumns } from './suppress';
import { PROFIL_FAMILY, protectFamily } from './families';

interface Column {
  name: string;
  type: string;
}

/**
 * The table to write for `name` in the public build and its manifest columns: the table itself,
 * or a suppressed copy (`<name>__publik`) with the `disamarkan` flag column.
 */
export async function publicTable(conn: DuckDBConnection, name: string, columns: Column[]): Promise<{ table: string; columns: Column[] }> {
  const rule = PUBLIC_SUPPRESSION[name];
  if (!rule) return { table: name, columns };
  // penerima_profil's dimensions share one total: complementary suppression (families.ts).
  if (name === PROFIL_FAMILY.table) {
    const r = await protectFamily(conn, PROFIL_FAMILY, columns.map((c) => c.name));
    return { table: r.table, columns: suppressedColumns(columns) };
  }
  const target = `${name}__publik`;
  await conn.run(suppressTableSql(name, target, columns.map((c) => c.name), rule));
  return { table: target, columns: suppressedColumns(columns) };
}
