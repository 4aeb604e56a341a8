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
export const hasPublicBuild = () => existsSync(`${PUBLIC_DIR}/index.html`);

/** Serve build-public with the app's own static server; returns the URL maker and a stop. */
export async function servePublicBuild(): Promise<{ url: (path: string) => string; stop: () => void }> {
  const server = createServer(staticHandler(resolve(PUBLIC_DIR)));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: (path: string) => `http://127.0.0.1:${port}${path}`, stop: () => void server.close() };
}
