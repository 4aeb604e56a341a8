/**
 * A small static server for the built site (handler: static-server.ts).
 *   npm run serve [-- --dir build --port 4173 --host 127.0.0.1]
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { flag, intFlag } from './args';
import { staticHandler } from './static-server';

const root = resolve(flag('--dir') ?? process.env.DAMPAK_BUILD_DIR ?? 'build');
const port = intFlag('--port', 4173);
const host = flag('--host') ?? '127.0.0.1';

createServer(staticHandler(root)).listen(port, host, () => console.log(`Dampak: http://${host}:${port}/ (serving ${root})`));
