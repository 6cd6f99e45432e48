/**
 * `npm start` builds the client only when it is missing or older than what it is made
 * from, so a facilitator's edit to a slide or resources.yaml shows up on the next start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtClientDir } from '../regions/name.ts';

const SOURCES = ['client', 'slides', 'regions', 'server/protocol.ts', 'server/content', 'server/regions', 'server/build', 'vite.config.ts', 'package-lock.json'];

/** Newest modification time (ms) of the files under `paths`. */
function newest(root: string, paths: readonly string[]): number {
  let latest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const p of paths) visit(join(root, p));
  return latest;
}

/**
 * Runs `vite build` for the region pack `region` when its pages (builtClientDir) are stale.
 * Returns false when the build failed.
 */
export function ensureClientBuilt(root: string, region: string, log: (line: string) => void): boolean {
  const stamp = join(builtClientDir(root, region), '.built');
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest(root, SOURCES)) return true;
  log(`Building the deck and the attendee page for ${region} (takes a few seconds)...`);
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, KIT_REGION: region } });
  if (result.status !== 0) return false;
  writeFileSync(stamp, new Date().toISOString());
  return true;
}
