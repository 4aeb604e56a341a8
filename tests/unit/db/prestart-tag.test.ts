import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { prestartTag, withPrestart } from '$lib/db/prestart-tag';

const SCRIPT = '/_app/immutable/assets/prestart.D1x.js';
const WASM = '/_app/immutable/assets/duckdb-eh.Bdv.wasm';

describe('prestart tag', () => {
  it('addresses the script relative to the page and the module relative to the script', () => {
    expect(prestartTag('/program/pkh_plus', SCRIPT, WASM)).toBe(
      '<script src="../_app/immutable/assets/prestart.D1x.js" data-wasm="duckdb-eh.Bdv.wasm"></script>'
    );
    expect(prestartTag('/a/b/c', SCRIPT, WASM)).toContain('src="../../_app/');
    expect(prestartTag('/sql', SCRIPT, WASM)).toContain('src="./_app/');
    // What a browser makes of it, from the page's own address.
    const src = prestartTag('/program/pkh_plus', SCRIPT, WASM).match(/src="([^"]+)"/)![1];
    const script = new URL(src, 'https://example.org/dampak/program/pkh_plus');
    expect(script.pathname).toBe('/dampak/_app/immutable/assets/prestart.D1x.js');
    expect(new URL('duckdb-eh.Bdv.wasm', script).pathname).toBe('/dampak/_app/immutable/assets/duckdb-eh.Bdv.wasm');
  });

  it('refuses assets in different folders (the module would be addressed wrongly)', () => {
    expect(() => prestartTag('/program/x', '/src/lib/db/prestart.js', WASM)).toThrow(/not in one folder/);
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

  it('the script only reads its own attribute and compiles that one module', () => {
    const js = readFileSync('src/lib/db/prestart.js', 'utf8');
    expect(js).toMatch(/getAttribute\('data-wasm'\)/);
    expect(js).toMatch(/WebAssembly\.compileStreaming\(fetch\(url\)\)/);
    expect(js).not.toMatch(/import|eval|innerHTML/);
  });
});
