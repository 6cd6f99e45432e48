/**
 * Builds the client once before the tests that serve it (skipped when it is up to date): for
 * the default pack, and for the us pack that tests/integration/regions.test.ts starts.
 */
import { resolve } from 'node:path';
import { ensureClientBuilt } from '../../server/build/ensure-built.ts';
import { DEFAULT_REGION } from '../../server/regions/name.ts';

export default function setup(): void {
  for (const region of [DEFAULT_REGION, 'us']) {
    if (!ensureClientBuilt(resolve(import.meta.dirname, '../..'), region, (line) => console.log(line))) {
      throw new Error(`the client build failed (${region})`);
    }
  }
}
