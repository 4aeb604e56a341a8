/** The public build (build-public/) served on a port of its own beside the internal one, for specs that test it. */
import { existsSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';

export const PUBLIC_DIR = 'build-public';
export const hasPublicBuild = () => existsSync(`${PUBLIC_DIR}/index.html`);

/** Start `serve` on E2E_PORT + offset and wait until it answers; returns the URL maker and a stop. */
export async function servePublicBuild(offset: number): Promise<{ url: (path: string) => string; stop: () => void }> {
  const port = Number(process.env.E2E_PORT ?? 4319) + offset;
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  const server: ChildProcess = spawn('npx', ['tsx', 'src/cli/serve.ts', '--dir', PUBLIC_DIR, '--port', String(port)], { stdio: 'ignore' });
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(url('/')).then(
        (r) => r.ok,
        () => false
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => void server.kill() };
}
