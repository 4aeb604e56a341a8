/**
 * The engine's settings go to DuckDB as one text (safeSettingsSql, one message to the browser's
 * worker): every setting takes effect, an origin cannot break out of its string, and a statement that
 * fails stops the text before the lock (what makes sending them together safe).
 */
import { describe, expect, it } from 'vitest';
import { SAFE_SETTINGS, NATIVE_TABLES, nativeFileName, safeSettingsSql } from '../../../src/lib/db/engine';
import { blockingDuckdb } from '../../../src/lib/db/node';

async function fresh() {
  const db = await blockingDuckdb();
  const conn = db.connect();
  const setting = (name: string) => String(conn.query(`SELECT current_setting('${name}')::VARCHAR AS v`).toArray()[0].v);
  return { conn, setting };
}

describe('safe settings as one text', () => {
  it('applies every setting in order, ending locked', async () => {
    const { conn, setting } = await fresh();
    conn.query(safeSettingsSql('https://dinsos.example'));
    expect(setting('autoload_known_extensions')).toBe('false');
    expect(setting('autoinstall_known_extensions')).toBe('false');
    expect(setting('custom_extension_repository')).toBe('https://dinsos.example/duckdb-ext');
    expect(setting('enable_external_access')).toBe('false');
    expect(setting('lock_configuration')).toBe('true');
    for (const t of NATIVE_TABLES) expect(setting('allowed_paths')).toContain(nativeFileName(t));
    expect(() => conn.query('SET enable_external_access = true')).toThrow(/locked/);
    expect(safeSettingsSql('x').split(';\n')).toEqual(SAFE_SETTINGS('x'));
  });

  it('keeps a quote in the origin inside its string', async () => {
    const { conn, setting } = await fresh();
    const origin = "http://x'; SET lock_configuration = false; --";
    conn.query(safeSettingsSql(origin));
    expect(setting('custom_extension_repository')).toBe(`${origin}/duckdb-ext`);
    expect(setting('lock_configuration')).toBe('true');
  });

  it('stops at a failing statement, so the statements after it (the lock) never run', async () => {
    const { conn, setting } = await fresh();
    expect(() => conn.query(['SET enable_external_access = false', 'SELECT no_such_function()', 'SET lock_configuration = true'].join(';\n'))).toThrow(
      /no_such_function/
    );
    expect(setting('enable_external_access')).toBe('false');
    expect(setting('lock_configuration')).toBe('false');
  });
});
