/** Builds the client once before the tests that serve it (skipped when it is up to date). */
import { resolve } from 'node:path';
import { ensureClientBuilt } from '../../server/build/ensure-built.ts';

export default function setup(): void {
  if (!ensureClientBuilt(resolve(import.meta.dirname, '../..'), (line) => console.log(line))) {
    throw new Error('the client build failed');
  }
}
