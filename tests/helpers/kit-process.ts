/**
 * The kit as its own process, as `npm start` runs it (node directly, killed by pid), for the
 * tests of several processes sharing Redis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './server.ts';

export interface KitProcess {
  url: string;
  /** kill -9: no goodbye to anyone. */
  kill(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Starts one kit process on Redis and resolves once it says it is running. */
export async function startKit(redisUrl: string, hostKey: string): Promise<KitProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // On Redis the kit keeps nothing in a data folder.
  const args = [join(ROOT, 'scripts/start.mjs'), '--port', String(port), '--host-key', hostKey, '--public-url', url];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, REDIS_URL: redisUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((ok, fail) => {
    let out = '';
    const read = (d: Buffer): void => {
      out += d.toString();
      if (out.includes('Press Ctrl+C to stop')) ok();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`the kit exited (${code}): ${out}`)));
  });
  const exited = (): Promise<void> => new Promise((ok) => (child.exitCode !== null || child.signalCode !== null ? ok() : child.once('exit', () => ok())));
  return {
    url,
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
  };
}
