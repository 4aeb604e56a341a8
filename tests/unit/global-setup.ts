import { linkedDuckdbWasm } from '../../src/lib/db/linked-wasm';

export default async function setup(): Promise<void> {
  await linkedDuckdbWasm();
}
