import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../../src/lib/schema/manifest';
import * as s from '../../../src/lib/schema/shape';

const entry = { file: 'x.parquet', bytes: 10, sha256: 'a'.repeat(64) };
const good = {
  schema_version: 1,
  snapshot_id: '0123456789ab',
  created_at: '2025-01-01T00:00:00Z',
  public: false,
  demo_seed: 7,
  tables: [
    {
      ...entry,
      name: 'x',
      kind: 'table',
      rows: 3,
      row_group_size: 3,
      schema_version: 1,
      columns: [{ name: 'a', type: 'VARCHAR' }],
      sources: ['s'],
      demo: true,
      microdata: false
    }
  ],
  rollups: [{ ...entry, file: 'ringkasan.json', name: 'ringkasan', rows: 1, demo: false }],
  boundaries: { ...entry, file: 'wilayah.topo.json', source: 'GADM 4.1', licence: 'non-commercial', features: 38 }
};

describe('manifest shape', () => {
  it('accepts a valid manifest and drops keys it does not know', () => {
    const m = manifestSchema.parse({ ...good, extra: 1, tables: [{ ...good.tables[0], note: 'x' }] });
    expect(m.tables[0].kind).toBe('table');
    expect(m).not.toHaveProperty('extra');
    expect(m.tables[0]).not.toHaveProperty('note');
    expect(m.demo_seed).toBe(7);
  });

  it('names the path and the problem of the first bad value', () => {
    const bad = { ...good, tables: [{ ...good.tables[0], sha256: 'xyz' }] };
    const r = manifestSchema.safeParse(bad);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0].message).toBe('tables.0.sha256: expected a string matching /^[0-9a-f]{64}$/, got "xyz"');
    expect(() => manifestSchema.parse({ ...good, rollups: [{ ...good.rollups[0], rows: -1 }] })).toThrow('rollups.0.rows: expected an integer ≥ 0, got -1');
    expect(() => manifestSchema.parse({ ...good, tables: [{ ...good.tables[0], kind: 'view' }] })).toThrow(
      'tables.0.kind: expected one of table, rollup, got "view"'
    );
    expect(() => manifestSchema.parse({ ...good, public: 'no' })).toThrow('public: expected true or false, got string');
    expect(() => manifestSchema.parse(null)).toThrow('value: expected an object, got null');
  });

  it('nullable, integers and arrays behave like their zod counterparts', () => {
    expect(s.nullable(s.int()).parse(null)).toBeNull();
    expect(s.int(1).safeParse(0).success).toBe(false);
    expect(s.int().safeParse(1.5).success).toBe(false);
    expect(s.int().safeParse(2 ** 60).success).toBe(false);
    expect(s.array(s.string()).safeParse(['a', 2]).success).toBe(false);
    expect(manifestSchema.parse({ ...good, demo_seed: null }).demo_seed).toBeNull();
  });
});
