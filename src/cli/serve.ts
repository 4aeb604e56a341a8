/**
 * A small static server for the built site: serves precompressed .br/.gz files when the browser
 * accepts them, the right MIME types (wasm!), and the Content-Security-Policy the site is built for.
 *   npm run serve [-- --dir build --port 4173 --host 127.0.0.1]
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { flag, intFlag } from './args';

const root = resolve(flag('--dir') ?? process.env.DAMPAK_BUILD_DIR ?? 'build');
const port = intFlag('--port', 4173);
const host = flag('--host') ?? '127.0.0.1';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8'
};

/**
 * Header part of the Content-Security-Policy. Script, worker and connect rules come from the
 * <meta> policy SvelteKit writes into every page (it carries the hash of its bootstrap script);
 * headers add what a meta policy cannot express.
 */
export const CSP = ["frame-ancestors 'self'", "object-src 'none'", "base-uri 'self'"].join('; ');

function resolveFile(urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
  const base = join(root, clean);
  if (!base.startsWith(root)) return null;
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

createServer((req, res) => {
  const file = resolveFile(req.url ?? '/');
  const headers: Record<string, string> = {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache'
  };
  // Embeddable infographic cards (iframe snippets) may be framed by any site; everything else only by itself.
  if ((req.url ?? '').startsWith('/infografis/embed/')) headers['Content-Security-Policy'] = CSP.replace("frame-ancestors 'self'", 'frame-ancestors *');
  if (!file) {
    const notFound = join(root, '404.html');
    res.writeHead(404, { ...headers, 'Content-Type': MIME['.html'] });
    res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    return;
  }
  headers['Content-Type'] = MIME[extname(file)] ?? 'application/octet-stream';
  const accept = String(req.headers['accept-encoding'] ?? '');
  let body = file;
  if (/\bbr\b/.test(accept) && existsSync(`${file}.br`)) {
    body = `${file}.br`;
    headers['Content-Encoding'] = 'br';
  } else if (/\bgzip\b/.test(accept) && existsSync(`${file}.gz`)) {
    body = `${file}.gz`;
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Vary'] = 'Accept-Encoding';
  const data = readFileSync(body);
  headers['Content-Length'] = String(data.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : data);
}).listen(port, host, () => console.log(`Dampak: http://${host}:${port}/ (serving ${root})`));
