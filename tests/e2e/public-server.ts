/**
 * The public build (build-public/) served for the specs that test it: in the test process, on a
 * port the system picks (a fixed offset from E2E_PORT can collide with another checkout's server).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { staticHandler } from '../../src/cli/static-server';

export const PUBLIC_DIR = 'build-public';
/** Fails (never skips) when build-public is missing, so the public build's tests cannot pass unseen. */
export function requirePublicBuild(): void {
  if (!existsSync(`${PUBLIC_DIR}/index.html`))
    throw new Error('build-public/ is missing: run `npm run test:e2e:build` (or `npm run build:public -- --from static/data`) first');
}

/** Serve build-public with the app's own static server; returns the URL maker and a stop. */
export async function servePublicBuild(): Promise<{ url: (path: string) => string; stop: () => void }> {
  const server = createServer(staticHandler(resolve(PUBLIC_DIR)));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: (path: string) => `http://127.0.0.1:${port}${path}`, stop: () => void server.close() };
}
