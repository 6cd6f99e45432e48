import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server.ts';

/** Every installed copy of a package, from the lock file npm ci installs exactly. */
function installed(name: string): { path: string; version: string }[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  return Object.entries(lock.packages)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .map(([path, p]) => ({ path, version: p.version ?? '0.0.0' }));
}

const atLeast = (version: string, minimum: string): boolean => {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};

describe('dependencies with known advisories', () => {
  // npm audit is not reachable here, so the patched versions are checked directly.
  it.each([
    ['engine.io', '6.6.7'],
    ['ws', '8.21.0'],
    ['socket.io-parser', '4.2.7'],
    ['socket.io', '4.8.0'],
  ])('every installed %s is at least %s', (name, minimum) => {
    const copies = installed(name);
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(atLeast(copy.version, minimum), `${copy.path}@${copy.version}`).toBe(true);
    for (const copy of copies) {
      const onDisk = JSON.parse(readFileSync(join(ROOT, copy.path, 'package.json'), 'utf8')) as { version: string };
      expect(onDisk.version, copy.path).toBe(copy.version);
    }
  });
});
