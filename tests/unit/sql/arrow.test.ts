import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm';
import { arrowToRows } from '../../../src/lib/db/engine';
import { rowsToArrowIpc } from '../../../src/lib/sql/arrow';
import { nodeEngine } from '../../../src/lib/db/node';

const rows = [
  { nama: 'Kota Batu', n: 3, aktif: true, kosong: null, teks: 'ä–ß' },
  { nama: null, n: null, aktif: false, kosong: null, teks: '' },
  { nama: 'Kabupaten Malang', n: 2.5, aktif: null, kosong: null, teks: 'x' }
];
const columns = ['nama', 'n', 'aktif', 'kosong', 'teks'];

describe('rows → Arrow IPC (hand-built buffers)', () => {
  it('round-trips text, numbers, booleans and nulls, with typed columns', () => {
    const table = tableFromIPC(rowsToArrowIpc(columns, rows));
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['nama:Utf8', 'n:Float64', 'aktif:Bool', 'kosong:Utf8', 'teks:Utf8']);
    expect(arrowToRows(table)).toEqual(rows);
  });

  it('handles more than 8 rows (validity bitmap across bytes) and zero rows', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ v: i % 3 === 0 ? null : i, b: i % 2 === 0 }));
    expect(arrowToRows(tableFromIPC(rowsToArrowIpc(['v', 'b'], many)))).toEqual(many);
    expect(tableFromIPC(rowsToArrowIpc(['v'], [])).numRows).toBe(0);
  });

  it('is accepted by DuckDB as a table', async () => {
    const engine = await nodeEngine();
    await engine.insertIpc('t', rowsToArrowIpc(columns, rows));
    expect(await engine.query('SELECT count(*)::INTEGER AS n, sum(n) AS s, count(aktif) AS a FROM t')).toEqual([{ n: 3, s: 5.5, a: 2 }]);
  });

  it('can be written as Parquet by parquet-wasm (the download path)', async () => {
    const { Table, writeParquet } = await import('parquet-wasm');
    const bytes = writeParquet(Table.fromIPCStream(rowsToArrowIpc(columns, rows)));
    expect(arrowToRows(tableFromIPC(readParquet(bytes).intoIPCStream()))).toEqual(rows);
  });
});
