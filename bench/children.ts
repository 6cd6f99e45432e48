/**
 * The bench's child processes: free ports, starting a server child and waiting until it is
 * ready, and asking any child a question over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** The repository, where every child is started. */
export const ROOT = resolve(import.meta.dirname, '..');

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Starts a server child and resolves once it prints that it is ready. */
export function startChild(script: string, args: string[], execArgv: string[] = [], env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = fork(join(ROOT, script), args, { cwd: ROOT, silent: true, execArgv, env: { ...process.env, ...env } });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Press Ctrl+C to stop')) ok(child);
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => fail(new Error(`${script} exited (${code}): ${out}`)));
  });
}

/** Sends `message` to `child` and resolves with the first reply that passes `test`. */
export function ask<T>(child: ChildProcess, message: unknown, test: (m: T) => boolean = () => true): Promise<T> {
  return new Promise((ok) => {
    const on = (m: T): void => {
      if (!test(m)) return;
      child.off('message', on);
      ok(m);
    };
    child.on('message', on);
    child.send(message as never);
  });
}
