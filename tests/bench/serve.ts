/**
 * The bench's one way to serve a built site: src/cli/serve.ts in its own process group (npx → tsx →
 * node, so one signal stops all three), resolved once the server answers. Used by run.ts and the
 * standalone measurements (load-run.ts, routes.ts).
 */
import { spawn } from 'node:child_process';

/** Serve `dir` on 127.0.0.1:`port`; resolves with a stop function once `/` answers (also called on exit). */
export async function serveSite(dir: string, port: number): Promise<() => void> {
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn('npx', ['tsx', 'src/cli/serve.ts', '--dir', dir, '--port', String(port)], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid);
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);
  for (let i = 0; i < 100; i++) {
    const up = await fetch(origin + '/').then(
      (r) => r.ok,
      () => false
    );
    if (up) return stop;
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`server for ${dir} did not start on port ${port}`);
}
