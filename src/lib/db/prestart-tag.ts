/**
 * The <script> that starts DuckDB's boot worker from a page's HTML (db/prestart.js), for the
 * prerendered pages that query DuckDB. Pure, so the tag and where it goes are unit-tested;
 * hooks.server.ts applies it.
 *
 * Why: the app's own modules would start DuckDB only once they have loaded and the route's load ran
 * (~300–500 ms after navigation on a repeat visit here); a classic script in the head runs as soon as
 * it is parsed, so the worker compiles the module (and V8 reads its code cache) and loads
 * duckdb-wasm's worker script while the page's JavaScript loads. db/wasm.ts takes that worker when it
 * boots this build's module, and starts one itself otherwise. The script is served as written (not
 * bundled): it stays a few lines.
 */

/** Routes whose every visit queries DuckDB (a route's own load starts it otherwise: db/wasm.ts). */
export const PRESTART_ROUTES: readonly string[] = ['/program/[id]'];

/** What the script starts, as Vite gives the built assets' URLs (site-absolute, one folder). */
export interface PrestartAssets {
  /** DuckDB's module. */
  wasm: string;
  /** db/duckdb-boot.js, the worker that compiles it. */
  boot: string;
  /** duckdb-wasm's worker script, which the boot worker loads. */
  worker: string;
}

/**
 * The tag for a page at `pathname`. Prerendered pages use relative URLs (SvelteKit's default, so the
 * site works under any base path): the script is addressed from the page, the files it starts from
 * the script (all are assets in the same folder).
 */
export function prestartTag(pathname: string, script: string, assets: PrestartAssets): string {
  const depth = pathname.split('/').filter(Boolean).length;
  const up = depth > 1 ? '../'.repeat(depth - 1) : './';
  const file = (u: string) => u.slice(u.lastIndexOf('/') + 1);
  const dir = (u: string) => u.slice(0, u.lastIndexOf('/') + 1);
  const data = Object.entries(assets).map(([key, url]) => {
    if (dir(url) !== dir(script)) throw new Error(`prestart: ${script} and ${url} are not in one folder`);
    return ` data-${key}="${file(url)}"`;
  });
  return `<script src="${up}${script.replace(/^\//, '')}"${data.join('')}></script>`;
}

/**
 * `html` with the tag placed right after the Content-Security-Policy meta (a policy in a meta element
 * governs only what follows it) and before SvelteKit's modulepreload links, so it runs first.
 */
export function withPrestart(html: string, tag: string): string {
  const csp = html.match(/<meta http-equiv="content-security-policy"[^>]*>/i);
  if (!csp || csp.index === undefined) throw new Error('prestart: the page has no Content-Security-Policy meta');
  const at = csp.index + csp[0].length;
  return `${html.slice(0, at)}\n\t\t${tag}${html.slice(at)}`;
}
