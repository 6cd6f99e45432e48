import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { precompress } from './server/build/precompress.ts';
import { contentPlugin } from './server/build/content-plugin.ts';
import { builtClientDir, DEFAULT_REGION, REGION_NAME } from './server/regions/name.ts';

const root = import.meta.dirname;
// The region pack whose words and lines the pages carry (npm start -- --region sets it).
const region = process.env['KIT_REGION'] ?? DEFAULT_REGION;
// The build empties its output folder: it must be one of dist/'s, never a path from outside.
if (!REGION_NAME.test(region)) throw new Error(`KIT_REGION must be the name of a folder in regions/, not "${region}"`);

export default defineConfig({
  root: resolve(root, 'client'),
  publicDir: false,
  plugins: [contentPlugin(root, region), precompress()],
  build: {
    outDir: builtClientDir(root, region),
    emptyOutDir: true,
    target: 'es2019',
    // The deck carries both languages' slides; what matters is the bytes sent, and
    // `npm run size` (with its test) holds every page to its budget. No warning for facilitators.
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      input: {
        join: resolve(root, 'client/index.html'),
        present: resolve(root, 'client/present.html'),
        host: resolve(root, 'client/host.html'),
      },
    },
  },
  server: { proxy: { '/socket.io': { target: 'http://localhost:3000', ws: true } } },
});
