/**
 * Where DuckDB's module comes from on the next visit: the service worker (src/service-worker.ts)
 * keeps it in Cache Storage. Registered once a page has DuckDB running, so the module is in the HTTP
 * cache by then and the worker only copies it (it never downloads it). Where service workers are
 * unavailable (or refused) the module keeps coming from the HTTP cache, as before.
 */
import { base } from '$app/paths';
import { duckdbModuleUrl } from './wasm';

let kept: Promise<boolean> | null = null;

/** Register the service worker (once per page); resolves true once it is active with the module stored. */
export function keepModule(): Promise<boolean> {
  kept ??= (async () => {
    const container = typeof navigator === 'object' ? navigator.serviceWorker : undefined;
    if (!container) return false;
    try {
      // The worker learns the module from its own URL: a new build's module makes a new worker.
      const script = new URL(`${base}/service-worker.js`, location.href);
      script.searchParams.set('module', duckdbModuleUrl());
      const registration = await container.register(script, { scope: new URL(`${base}/`, location.href).href });
      const worker = registration.installing ?? registration.waiting ?? registration.active;
      if (!worker) return false;
      if (worker.state === 'activated') return true;
      return await new Promise<boolean>((resolve) => {
        const settle = () => {
          if (worker.state === 'activated' || worker.state === 'redundant') resolve(worker.state === 'activated');
        };
        worker.addEventListener('statechange', settle);
        settle();
      });
    } catch {
      return false;
    }
  })();
  return kept;
}

/** Whether this page's module came through the service worker (the page is controlled by it). */
export const moduleFromServiceWorker = (): boolean => typeof navigator === 'object' && !!navigator.serviceWorker?.controller;
