/**
 * The kit as its own process, as `npm start` runs it (node directly): stopped with kill -9
 * (a crash) or SIGINT (Ctrl+C), by pid, for the tests of restarts and of several processes
 * sharing Redis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './server.ts';

export interface KitProcess {
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** kill -9: no goodbye to anyone. */
  kill(): Promise<void>;
  /** Ctrl+C (SIGINT): resolves with everything it printed, once it exited. */
  interrupt(): Promise<string>;
}

export function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Starts `node scripts/start.mjs --port PORT ...args` and resolves once it says it is running. */
export async function startKitProcess(port: number, args: readonly string[], env: Record<string, string> = {}): Promise<KitProcess> {
  const url = `http://127.0.0.1:${port}`;
  const argv = [join(ROOT, 'scripts/start.mjs'), '--port', String(port), '--public-url', url, ...args];
  const child: ChildProcess = spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((ok) => child.once('close', () => ok()));
  await new Promise<void>((ok, fail) => {
    const read = (d: Buffer): void => {
      out += d.toString();
      if (out.includes('Press Ctrl+C to stop')) ok();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then(() => fail(new Error(`the kit exited (${child.exitCode}): ${out}`)));
  });
  return {
    url,
    output: () => out,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async interrupt() {
      child.kill('SIGINT');
      await exited;
      return out;
    },
  };
}

/** Starts one kit process on Redis (it keeps nothing in a data folder). */
export async function startKit(redisUrl: string, hostKey: string, extra: readonly string[] = []): Promise<KitProcess> {
  return startKitProcess(await freePort(), ['--host-key', hostKey, ...extra], { REDIS_URL: redisUrl });
}
