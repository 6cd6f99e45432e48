// `npm start`: bundles the TypeScript server into dist/server/main.js with esbuild when it
// is missing or older than its sources, then runs it in this same process (no loader
// thread, no second node to leave behind). The server builds the pages it serves.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist/server/main.js');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

if (!existsSync(out) || statSync(out).mtimeMs < Math.max(newest(join(root, 'server')), newest(join(root, 'package-lock.json')))) {
  await build({
    entryPoints: [join(root, 'server/main.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
await import(pathToFileURL(out).href);
