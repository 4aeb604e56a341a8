/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The service worker keeps one file: DuckDB's 24 MB module, stored uncompressed in Cache Storage
 * (db/modulecache.ts registers it once a page has DuckDB running). Nothing else goes through it.
 *
 * Why: from the HTTP cache the module arrives brotli-decoded by the network process while the page
 * starts (measured: done ~700–900 ms after navigation on a repeat visit here); from Cache Storage it
 * arrives in ~300 ms, and Chromium keeps V8's compiled code beside it (the response's side data), so
 * the module is deserialised, not compiled.
 *
 * It never downloads the module: it copies the response the page already has in the HTTP cache
 * (`only-if-cached`), so a first visit over a slow network pays the 5 MB of brotli once. The page
 * names the module in the worker's URL (`?module=`); a new build names a new module (hashed URL),
 * which installs a new worker, and that drops the old copy.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;

/** The module this worker keeps: same origin, within its scope, a DuckDB module's name; else none. */
function moduleUrl(): string | null {
  const named = new URL(sw.location.href).searchParams.get('module');
  if (!named) return null;
  const url = new URL(named, sw.location.href);
  const scope = new URL('./', sw.location.href);
  return url.origin === scope.origin && url.pathname.startsWith(scope.pathname) && /\/duckdb-eh\.[^/?#]+\.wasm$/.test(url.pathname) && !url.search && !url.hash
    ? url.href
    : null;
}

const MODULE = moduleUrl();
const CACHE = `dampak-duckdb-${MODULE ? MODULE.slice(MODULE.lastIndexOf('/') + 1) : 'none'}`;

/** Chromium's static routing (`InstallEvent.addRoutes`): requests it sends to the network never start this worker. */
interface RoutedInstallEvent extends ExtendableEvent {
  addRoutes?(rules: unknown[]): Promise<void>;
}

async function storeModule(url: string): Promise<void> {
  const response = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' });
  if (!response.ok) throw new Error(`duckdb module not in the HTTP cache (${response.status})`);
  await (await caches.open(CACHE)).put(url, response);
}

sw.addEventListener('install', (event: RoutedInstallEvent) => {
  event.waitUntil(
    (async () => {
      if (!MODULE) throw new Error('no DuckDB module named');
      // Everything but the module goes straight to the network (where the browser can route requests).
      if (event.addRoutes && typeof URLPattern === 'function') {
        const module = new URLPattern({ pathname: new URL(MODULE).pathname.replace(/[:*+?()[\]{}\\]/g, '\\$&') });
        await event.addRoutes([{ condition: { not: { urlPattern: module } }, source: 'network' }]).catch(() => {});
      }
      await storeModule(MODULE);
      await sw.skipWaiting(); // safe: an older page asks for its own module's URL, which this worker passes on
    })()
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('dampak-duckdb-') && name !== CACHE) await caches.delete(name);
    })()
  );
});

sw.addEventListener('fetch', (event) => {
  if (!MODULE || event.request.method !== 'GET' || event.request.url !== MODULE) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(MODULE);
      if (hit) return hit;
      // Not (or no longer) kept: from the network, and kept again for the next visit.
      const response = await fetch(event.request);
      if (response.ok) event.waitUntil(cache.put(MODULE, response.clone()).catch(() => {}));
      return response;
    })()
  );
});
