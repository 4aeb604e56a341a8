/**
 * Tables made from files the user dropped, for this browser tab only (DuckDB-WASM is in memory;
 * a reload forgets them, by design: nothing is stored or uploaded).
 */
export interface UserTable {
  name: string;
  file: string;
  rows: number;
  columns: { name: string; type: string }[];
  /** Rows whose region matched a BPS code, when a region column was chosen. */
  matched: number | null;
  /** The file's column that was matched to BPS codes (kode_bps), when one was chosen. */
  regionColumn?: string | null;
}

export const userTables: UserTable[] = $state([]);

export function rememberUserTable(t: UserTable): void {
  const i = userTables.findIndex((x) => x.name === t.name);
  if (i >= 0) userTables[i] = t;
  else userTables.push(t);
}
