import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { staticHandler } from '../../../src/cli/static-server';

const META = `default-src 'self'; worker-src 'self'; connect-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; object-src 'none'`;
let server: Server;
let port = 0;

/** A raw request: the path is sent exactly as given (fetch would normalise escapes). */
function get(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
const csp = (h: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(
    String(h['content-security-policy'])
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v])
  );

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'dampak-serve-'));
  writeFileSync(join(root, 'index.html'), `<html><head><meta http-equiv="content-security-policy" content="${META.replaceAll("'", '&#39;')}"></head></html>`);
  writeFileSync(
    join(root, '404.html'),
    `<html><head><meta http-equiv="content-security-policy" content="${META}"></head><body>Halaman tidak ditemukan</body></html>`
  );
  mkdirSync(join(root, '_app'));
  writeFileSync(join(root, '_app', 'duckdb-browser-eh.worker.js'), 'self.onmessage = () => {};');
  mkdirSync(join(root, '_app', 'immutable', 'workers'), { recursive: true });
  writeFileSync(join(root, '_app', 'immutable', 'workers', 'w.js'), 'self.onmessage = () => {};');
  mkdirSync(join(root, 'infografis', 'embed'), { recursive: true });
  writeFileSync(join(root, 'infografis', 'embed', 'angka.html'), `<meta http-equiv="content-security-policy" content="${META}">`);
  server = createServer(staticHandler(root));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('static server', () => {
  it("a worker script carries connect-src and worker-src 'self' in its own header (a meta tag does not bind workers)", async () => {
    const r = await get('/_app/duckdb-browser-eh.worker.js');
    expect(r.status).toBe(200);
    const p = csp(r.headers);
    expect(p['connect-src']).toEqual(["'self'"]);
    expect(p['worker-src']).toEqual(["'self'"]);
    expect(p['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(p['default-src']).toEqual(["'self'"]);
  });

  it("a page's header repeats its meta policy (bootstrap hash included) and adds frame-ancestors", async () => {
    const r = await get('/');
    const p = csp(r.headers);
    expect(p['script-src']).toContain("'sha256-abc='");
    expect(p['connect-src']).toEqual(["'self'"]);
    expect(p['frame-ancestors']).toEqual(["'self'"]);
    expect(csp((await get('/infografis/embed/angka'))['headers'])['frame-ancestors']).toEqual(['*']);
  });

  it('hashed assets are cached for good; other files are revalidated by ETag and answered 304 when unchanged', async () => {
    const page = await get('/');
    expect(page.headers['cache-control']).toBe('no-cache');
    const etag = String(page.headers.etag);
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET', headers: { 'if-none-match': etag } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
      req.end();
    });
    expect(again).toBe(304);
    const worker = await get('/_app/immutable/workers/w.js');
    expect(worker.headers['cache-control']).toContain('immutable');
  });

  it('a malformed percent-escape gets 400, and the server keeps serving', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/data/%zz', '/%C0%AF']) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
      expect(csp(r.headers)['connect-src']).toEqual(["'self'"]);
    }
    expect((await get('/')).status).toBe(200);
  });

  it("unknown paths, NUL bytes and traversal get the app's 404 page, with a policy", async () => {
    for (const path of ['/wilayah/9999', '/%00', '/..%2f..%2fetc%2fpasswd', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.body).toContain('Halaman tidak ditemukan');
      expect(csp(r.headers)['script-src']).toContain("'sha256-abc='");
    }
  });
});
