import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { prestartTag, withPrestart } from '$lib/db/prestart-tag';

const SCRIPT = '/_app/immutable/assets/prestart.D1x.js';
const ASSETS = {
  wasm: '/_app/immutable/assets/duckdb-eh.Bdv.wasm',
  boot: '/_app/immutable/assets/duckdb-boot.Q7a.js',
  worker: '/_app/immutable/assets/duckdb-browser-eh.worker.hQa.js'
};

describe('prestart tag', () => {
  it('addresses the script relative to the page and what it starts relative to the script', () => {
    expect(prestartTag('/program/pkh_plus', SCRIPT, ASSETS)).toBe(
      '<script src="../_app/immutable/assets/prestart.D1x.js" data-wasm="duckdb-eh.Bdv.wasm" data-boot="duckdb-boot.Q7a.js" data-worker="duckdb-browser-eh.worker.hQa.js"></script>'
    );
    expect(prestartTag('/a/b/c', SCRIPT, ASSETS)).toContain('src="../../_app/');
    expect(prestartTag('/sql', SCRIPT, ASSETS)).toContain('src="./_app/');
    // What a browser makes of it, from the page's own address.
    const src = prestartTag('/program/pkh_plus', SCRIPT, ASSETS).match(/src="([^"]+)"/)![1];
    const script = new URL(src, 'https://example.org/dampak/program/pkh_plus');
    expect(script.pathname).toBe('/dampak/_app/immutable/assets/prestart.D1x.js');
    expect(new URL('duckdb-eh.Bdv.wasm', script).pathname).toBe('/dampak/_app/immutable/assets/duckdb-eh.Bdv.wasm');
    expect(new URL('duckdb-boot.Q7a.js', script).pathname).toBe('/dampak/_app/immutable/assets/duckdb-boot.Q7a.js');
  });

  it('refuses files in different folders (they would be addressed wrongly)', () => {
    expect(() => prestartTag('/program/x', '/src/lib/db/prestart.js', ASSETS)).toThrow(/not in one folder/);
    expect(() => prestartTag('/program/x', SCRIPT, { ...ASSETS, boot: '/_app/immutable/workers/duckdb-boot.Q7a.js' })).toThrow(/not in one folder/);
  });

  it('goes right after the Content-Security-Policy meta, before the modulepreload links', () => {
    const html =
      '<head>\n<meta charset="utf-8" />\n<meta http-equiv="content-security-policy" content="script-src \'self\'">\n<link href="../_app/immutable/entry/start.js" rel="modulepreload">\n</head>';
    const out = withPrestart(html, '<script src="x.js"></script>');
    expect(out.indexOf('<script src="x.js">')).toBeGreaterThan(out.indexOf('content-security-policy'));
    expect(out.indexOf('<script src="x.js">')).toBeLessThan(out.indexOf('modulepreload'));
    expect(out.replace(/\n\t\t<script src="x.js"><\/script>/, '')).toBe(html);
    expect(() => withPrestart('<head></head>', '<script></script>')).toThrow(/Content-Security-Policy/);
  });

  it('the script only reads its own attributes and starts that one worker', () => {
    const js = readFileSync('src/lib/db/prestart.js', 'utf8');
    expect(js).toMatch(/s\.dataset/);
    expect(js).toMatch(/new Worker\(at\(a\.boot\)\)/);
    expect(js).toMatch(/postMessage\(\{ wasm: at\(a\.wasm\), worker: at\(a\.worker\) \}\)/);
    expect(js).not.toMatch(/import|eval|innerHTML/);
  });
});
