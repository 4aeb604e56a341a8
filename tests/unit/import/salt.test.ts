import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSalt } from '../../../src/lib/pipeline/identity';

describe('the identity salt', () => {
  it('comes from DAMPAK_SALT', () => {
    expect(loadSalt({ DAMPAK_SALT: 'a-long-enough-salt' })).toBe('a-long-enough-salt');
  });
  it('or from a file outside the repository named by DAMPAK_SALT_FILE', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'salt-')), 'salt.txt');
    writeFileSync(f, 'salt-from-a-file-outside\n');
    expect(loadSalt({ DAMPAK_SALT_FILE: f })).toBe('salt-from-a-file-outside');
  });
  it('refuses a salt file inside the repository, a missing or short salt', () => {
    expect(() => loadSalt({ DAMPAK_SALT_FILE: 'package.json' })).toThrow(/inside the repository/);
    expect(() => loadSalt({})).toThrow(/DAMPAK_SALT/);
    expect(() => loadSalt({ DAMPAK_SALT: 'short' })).toThrow(/at least 16/);
    expect(() => loadSalt({ DAMPAK_SALT_FILE: join(tmpdir(), 'no-such-salt-file') })).toThrow(/does not exist/);
  });
});
