/**
 * The <script> that starts DuckDB's compile from a page's HTML (db/prestart.js), for the prerendered
 * pages that query DuckDB. Pure, so the tag and where it goes are unit-tested; hooks.server.ts applies it.
 *
 * Why: the app's own modules would start the compile only once they have loaded and the route's load
 * ran (~300–400 ms after navigation on a repeat visit here); a classic script in the head runs as soon
 * as it is parsed, so the module's 24 MB stream from the HTTP cache (and V8 reads its code cache) while
 * the page's JavaScript loads. db/wasm.ts takes that compile when it names this build's module, and
 * compiles itself otherwise. The script is served as written (not bundled): it stays a few lines.
 */

/** Routes whose every visit queries DuckDB (a route's own load starts it otherwise: db/wasm.ts). */
export const PRESTART_ROUTES: readonly string[] = ['/program/[id]'];

/**
 * The tag for a page at `pathname`. `script` and `wasm` are the built assets' URLs as Vite gives them
 * (site-absolute, `/_app/immutable/assets/…`). Prerendered pages use relative URLs (SvelteKit's
 * default, so the site works under any base path): the script is addressed from the page, the module
 * from the script (both are assets in the same folder).
 */
export function prestartTag(pathname: string, script: string, wasm: string): string {
  const depth = pathname.split('/').filter(Boolean).length;
  const up = depth > 1 ? '../'.repeat(depth - 1) : './';
  const file = (u: string) => u.slice(u.lastIndexOf('/') + 1);
  const dir = (u: string) => u.slice(0, u.lastIndexOf('/') + 1);
  if (dir(script) !== dir(wasm)) throw new Error(`prestart: ${script} and ${wasm} are not in one folder`);
  return `<script src="${up}${script.replace(/^\//, '')}" data-wasm="${file(wasm)}"></script>`;
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
