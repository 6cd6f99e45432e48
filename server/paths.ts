/** The kit's folder (the one with package.json), wherever this file was bundled to. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function kitRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}
