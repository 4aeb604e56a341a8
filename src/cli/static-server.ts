/**
 * The static server's request handler (serve.ts runs it): precompressed .br/.gz files, the right MIME
 * types (wasm!), and the Content-Security-Policy as a response header on every file.
 *
 * Why a header and not only the <meta> policy SvelteKit writes into each page: a meta policy binds
 * the page, not the Web Workers it starts. A worker's policy comes from its own script's response,
 * so without this header DuckDB-WASM's worker could fetch any host. Every response therefore carries
 * `connect-src 'self'; worker-src 'self'`; an HTML page's header repeats its meta policy (with the
 * hash of SvelteKit's bootstrap script) so both policies agree, and adds what a meta policy cannot
 * express (frame-ancestors).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

export const MIME: Record<string, string> = {
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

/** The policy of every non-HTML response (scripts, workers, wasm, data): the site's own, without inline scripts. */
export const BASE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'"
].join('; ');

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/** An HTML page's header policy: its own meta policy (or the base one) plus frame-ancestors. */
export function pagePolicy(html: string, frameAncestors: string): string {
  const meta = META_CSP.exec(html)?.[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"');
  const policy = meta && /connect-src 'self'(;|$)/.test(meta) && /worker-src 'self'(;|$)/.test(meta) ? meta : BASE_CSP;
  return `${policy}; frame-ancestors ${frameAncestors}`;
}

/** The file for a URL path, or null. A malformed escape (`/%E0%A4%A`) throws URIError. */
export function resolveFile(root: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  if (decoded.includes('\0')) return null;
  const clean = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  const base = join(root, clean);
  if (base !== root && !base.startsWith(root + sep)) return null;
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export function staticHandler(root: string) {
  const policies = new Map<string, string>();
  const policyOf = (file: string, frameAncestors: string) => {
    const key = `${file}|${frameAncestors}`;
    let p = policies.get(key);
    if (!p) policies.set(key, (p = pagePolicy(readFileSync(file, 'utf8').slice(0, 20_000), frameAncestors)));
    return p;
  };

  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    // Embeddable infographic cards (iframe snippets) may be framed by any site; everything else only by itself.
    const frameAncestors = url.startsWith('/infografis/embed/') ? '*' : "'self'";
    const headers: Record<string, string> = {
      'Content-Security-Policy': `${BASE_CSP}; frame-ancestors ${frameAncestors}`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache'
    };
    let file: string | null;
    try {
      file = resolveFile(root, url);
    } catch {
      res.writeHead(400, { ...headers, 'Content-Type': MIME['.txt'] });
      res.end('Bad request: the address is not valid percent-encoded text.\n');
      return;
    }
    try {
      if (!file) {
        const notFound = join(root, '404.html');
        if (existsSync(notFound)) headers['Content-Security-Policy'] = policyOf(notFound, frameAncestors);
        res.writeHead(404, { ...headers, 'Content-Type': MIME['.html'] });
        res.end(req.method === 'HEAD' ? undefined : existsSync(notFound) ? readFileSync(notFound) : 'Not found');
        return;
      }
      headers['Content-Type'] = MIME[extname(file)] ?? 'application/octet-stream';
      if (extname(file) === '.html') headers['Content-Security-Policy'] = policyOf(file, frameAncestors);
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
      // Repeat visits: Vite's hashed files never change under their name, so the browser keeps them
      // without asking (DuckDB's wasm then also reuses its compiled code); everything else is
      // revalidated with an ETag and answered 304 when unchanged.
      if (url.startsWith('/_app/immutable/')) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
      const st = statSync(body);
      headers['ETag'] = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
      if (req.headers['if-none-match'] === headers['ETag']) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const data = readFileSync(body);
      headers['Content-Length'] = String(data.length);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : data);
    } catch (e) {
      // One bad request must never stop the server.
      if (!res.headersSent) res.writeHead(500, { ...headers, 'Content-Type': MIME['.txt'] });
      res.end(`Server error: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  };
}
