/**
 * DuckDB-WASM's blocking build with the browser's settings, as the workbench sees it: the app's
 * connection (snapshot tables are inserted through it) and the workbench's own ReadOnlyConnection.
 */
import type { Table } from 'apache-arrow';
import { safeSettingsSql } from '../../../src/lib/db/engine';
import { blockingDuckdb } from '../../../src/lib/db/node';
import type { ReadOnlyConnection } from '../../../src/lib/db/readonly';

export async function workbenchDb() {
  const db = await blockingDuckdb();
  const app = db.connect();
  /** Statements of the app itself (fixtures), before the settings are locked. */
  const setup = (sql: string) => app.query(sql);
  const lock = () => {
    app.query(safeSettingsSql('http://localhost'));
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
