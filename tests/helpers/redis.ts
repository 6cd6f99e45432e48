/**
 * A real redis-server (Debian's) for tests: on a free port, in its own folder, with AOF and
 * `appendfsync always` as docs/deploy.md recommends; stopped with kill -9 and started again on
 * the same folder to prove what survives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { tracingChannel } from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type RedisClientType } from 'redis';

export interface RunningRedis {
  url: string;
  /** kill -9, then a new redis-server on the same port and folder, once `down` (ms, or a promise: an outage) is over. */
  crashAndRestart(down?: number | Promise<unknown>): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

async function waitForPing(url: string): Promise<void> {
  for (;;) {
    const client = createClient({ url, socket: { reconnectStrategy: false } });
    try {
      await client.connect();
      await client.ping();
      await client.quit();
      return;
    } catch {
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
}

export async function startRedis(): Promise<RunningRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'csec-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--daemonize', 'no'];
  let server: ChildProcess = spawn('/usr/bin/redis-server', args, { stdio: 'ignore' });
  await waitForPing(url);
  const exited = (p: ChildProcess) => new Promise((ok) => (p.exitCode !== null ? ok(null) : p.once('exit', ok)));
  let stopped = false;
  return {
    url,
    async crashAndRestart(down: number | Promise<unknown> = 0) {
      server.kill('SIGKILL');
      await exited(server);
      await (typeof down === 'number' ? new Promise((ok) => setTimeout(ok, down)) : down);
      // A test that ended during the outage stopped Redis for good: start none behind its back.
      if (stopped) return;
      server = spawn('/usr/bin/redis-server', args, { stdio: 'ignore' });
      await waitForPing(url);
    },
    async stop() {
      stopped = true;
      server.kill('SIGKILL');
      await exited(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A client that keeps retrying while Redis is down (as the kit's does). */
export async function redisClient(url: string): Promise<RedisClientType> {
  const client: RedisClientType = createClient({ url, socket: { reconnectStrategy: (n) => Math.min(50 * n, 500) } });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * The commands a Redis client of this process sent while `run` ran, by name, as node-redis
 * announces each on its diagnostics channel (commands a script runs inside Redis are not sent).
 */
export async function commandsOf(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const sent: Record<string, number> = {};
  const channel = tracingChannel('node-redis:command');
  const count = (context: unknown): void => {
    const name = (context as { command: string }).command.toLowerCase();
    sent[name] = (sent[name] ?? 0) + 1;
  };
  const handlers = { start: count };
  channel.subscribe(handlers as never);
  try {
    await run();
  } finally {
    channel.unsubscribe(handlers as never);
  }
  return sent;
}
