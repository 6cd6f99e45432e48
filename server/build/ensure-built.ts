/**
 * `npm start` builds the client only when it is missing or what it is made from changed
 * since, so a facilitator's edit to a slide or a pack shows up on the next start.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtClientDir } from '../regions/name.ts';

const SOURCES = ['client', 'slides', 'regions', 'server/protocol.ts', 'server/content', 'server/regions', 'server/build', 'vite.config.ts', 'package-lock.json'];

/**
 * What the pages are made from, as one line: every file's path, size and modification time.
 * A file added, changed, removed or renamed changes it (a pack's file deleted changes no time).
 */
function signature(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
    else hash.update(`${relative(root, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const p of paths) visit(join(root, p));
  return hash.digest('hex');
}

/**
 * Runs `vite build` for the region pack `region` when its pages (builtClientDir) are stale.
 * Returns false when the build failed.
 */
export function ensureClientBuilt(root: string, region: string, log: (line: string) => void): boolean {
  const stamp = join(builtClientDir(root, region), '.built');
  const made = signature(root, SOURCES);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === made) return true;
  log(`Building the deck and the attendee page for ${region} (takes a few seconds)...`);
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, KIT_REGION: region } });
  if (result.status !== 0) return false;
  writeFileSync(stamp, `${made}\n`);
  return true;
}
