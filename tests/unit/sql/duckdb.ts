/**
 * DuckDB-WASM's blocking build with the browser's settings, as the workbench sees it: the app's
 * connection (snapshot tables are inserted through it) and the workbench's own ReadOnlyConnection.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Table } from 'apache-arrow';
import { SAFE_SETTINGS } from '../../../src/lib/db/engine';
import type { ReadOnlyConnection } from '../../../src/lib/db/readonly';

const require = createRequire(import.meta.url);

export async function workbenchDb() {
  const duckdb = await import('@duckdb/duckdb-wasm/blocking');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME
  );
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: false } });
  const app = db.connect();
  /** Statements of the app itself (fixtures), before the settings are locked. */
  const setup = (sql: string) => app.query(sql);
  const lock = () => {
    for (const s of SAFE_SETTINGS('http://localhost')) app.query(s);
  };
  const wb = db.connect();
  const conn: ReadOnlyConnection = {
    async control(sql) {
      wb.query(sql);
    },
    async prepared(sql, run) {
      const stmt = wb.prepare(sql);
      try {
        return run ? (stmt.query() as Table) : null;
      } finally {
        stmt.close();
      }
    },
    async tokenize(sql) {
      return db.tokenize(sql);
    },
    // The blocking build runs a statement to its end: nothing to cancel (tests of the time limit
    // use a connection whose statement never ends, readonly.test.ts).
    async send(sql) {
      return wb.query(sql) as Table;
    },
    async cancel() {
      return false;
    }
  };
  return { db, app, setup, lock, conn, appQuery: (sql: string) => app.query(sql) as Table };
}
