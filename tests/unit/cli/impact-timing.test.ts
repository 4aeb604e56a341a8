import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './validation-args';

const dir = mkdtempSync(path.join(tmpdir(), 'impact-timing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function impact(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/impact.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const file = (name: string, text: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};

// Four regions, 2019–2022; 3501 and 3502 start in 2021 (effect −1), 3503 and 3504 never.
const panel = file(
  'panel.csv',
  'kode,tahun,nilai,mulai\n' +
    ['3501', '3502', '3503', '3504']
      .flatMap((k, i) =>
        [2019, 2020, 2021, 2022].map(
          (y) => `${k},${y},${10 + i + 0.3 * (y - 2019) + (i < 2 && y >= 2021 ? -1 : 0) + (y === 2020 && i % 2 ? 0.1 : 0)},${i < 2 ? 2021 : 0}`
        )
      )
      .join('\n') +
    '\n'
);
const base = ['--input', panel, '--unit', 'kode', '--time', 'tahun', '--outcome', 'nilai', '--method', 'twfe'];

describe('impact --timing FILE', () => {
  it('gives the same estimate as the equivalent group column, and says which timing it used', () => {
    const viaColumn = JSON.parse(impact(...base, '--group', 'mulai').stdout);
    // 2021.0: pandas writes a year column with gaps as floats
    const timing = file('timing.csv', 'kode,tahun_mulai,intensitas\n3501,2021,4.5\n3502,2021.0,\n3503,,\n3504,0,\n');
    const r = impact(...base, '--timing', timing);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.estimate).toBeCloseTo(viaColumn.estimate, 12);
    expect(out.estimate).toBeCloseTo(-1, 6);
    expect(out.timing).toEqual({ source: 'file', file: timing, treated_units: 2, intensity: { '3501': 4.5 } });
    expect(viaColumn.timing).toEqual({ source: 'group_column', column: 'mulai' });
  });

  it.each([
    ['an unknown region', 'kode,tahun_mulai\n3501,2021\n3599,2021\n', 'row 3, column "kode": unknown region "3599"'],
    ['a year outside the data', 'kode,tahun_mulai\n3501,2031\n', 'row 2, column "tahun_mulai": year 2031 is outside the data (2019–2022)'],
    ['a year that is not a year', 'kode,tahun_mulai\n3501,dua ribu\n', 'row 2, column "tahun_mulai": "dua ribu" is not a year'],
    ['a region twice', 'kode,tahun_mulai\n3501,2021\n3501,2022\n', 'row 3, column "kode": region "3501" appears again (first in row 2)'],
    ['a negative intensity', 'kode,tahun_mulai,intensitas\n3501,2021,-3\n', 'row 2, column "intensitas": intensity "-3" is not a number ≥ 0'],
    // second attack round: Number() reads these as 2021 and 16; a file means what its digits say
    ['a year written in hexadecimal', 'kode,tahun_mulai\n3501,0x7E5\n', 'row 2, column "tahun_mulai": "0x7E5" is not a year'],
    ['a year written with an exponent', 'kode,tahun_mulai\n3501,2.021e3\n', 'row 2, column "tahun_mulai": "2.021e3" is not a year'],
    ['a year written in binary', 'kode,tahun_mulai\n3501,0b11111100101\n', 'row 2, column "tahun_mulai": "0b11111100101" is not a year'],
    ['an intensity in hexadecimal', 'kode,tahun_mulai,intensitas\n3501,2021,0x10\n', 'row 2, column "intensitas": intensity "0x10" is not a number ≥ 0'],
    ['a missing column', 'kode,mulai\n3501,2021\n', 'column "tahun_mulai" is missing']
  ])('%s: one line naming row and column, exit 2', (_what, text, message) => {
    const timing = file(`bad-${message.length}.csv`, text);
    const r = impact(...base, '--timing', timing);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`Timing file ${timing}`);
    expect(r.stderr).toContain(message);
  });

  it('--timing together with --group is refused', () => {
    const timing = file('ok.csv', 'kode,tahun_mulai\n3501,2021\n');
    const r = impact(...base, '--group', 'mulai', '--timing', timing);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('exactly one of --group');
  });

  it('a hostile cell is quoted back named and cut, never raw: no control or direction characters, no 5 MB line', () => {
    const timing = file('hostile.csv', `kode,tahun_mulai\n35\u202e01\u0007,2021\n3502,${'9'.repeat(5_000_000)}\n`);
    const r = impact(...base, '--timing', timing);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('⟨U+202E⟩');
    expect(r.stderr).toContain('⟨U+0007⟩');
    // eslint-disable-next-line no-control-regex -- the control characters must not be printed
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e]/);
    expect(r.stderr.length).toBeLessThan(2_000);
  });
});
