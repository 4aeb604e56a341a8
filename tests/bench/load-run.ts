/**
 * `npx tsx tests/bench/load-run.ts --site <bench build with data/> --data <snapshot dir> [--port 4402]`:
 * serves the bench build and prints loadBench (tests/bench/load.ts) as JSON, for measuring sections 3
 * and 4 without the whole `npm run bench`.
 */
import { loadavg } from 'node:os';
import { flag, intFlag } from '../../src/cli/args';
import { loadBench } from './load';
import { serveSite } from './serve';

const site = flag('--site') ?? 'tests/bench/work/site';
const data = flag('--data') ?? 'tests/bench/work/data';
const port = intFlag('--port', 4402);
const origin = `http://127.0.0.1:${port}`;
const stop = await serveSite(site, port);
const before = loadavg();
const result = await loadBench(origin, data, intFlag('--runs', 3));
console.log(JSON.stringify({ loadavg: { before, after: loadavg() }, ...result }, null, 2));
stop();
process.exit(0);
