/**
 * The kit under test, started as child processes: one process on a temp data folder (the
 * laptop's way), several processes sharing one redis-server, or the bare socket.io baseline.
 * Each can be killed with -9 mid-run and restarted, and read back for what it stored.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { redisClient, startRedis } from '../tests/helpers/redis.ts';
import { ask, freePort, startChild } from './children.ts';
import { round } from './stats.ts';
import { memoryBallots, redisBallots, sqliteBallots, type Stored } from './stored.ts';

/** The host key every kit is started with, so the bench's presenter may open and reveal. */
export const HOST_KEY = 'benchmark-host-key-0001';

/** The kit under test: one process on a data folder, or several sharing one Redis. */
export interface Kit {
  urls: string[];
  servers: ChildProcess[];
  /** kill -9 the first process and start it again on the same data (as systemd would); resolves when it is ready. */
  killFirst(): Promise<{ killedAt: number; restarted: Promise<number> }>;
  /** Ballots stored for an activity, and how many distinct phones they stand for. */
  stored(activityId: string, devices: Set<string>): Promise<Stored>;
  /** CPU seconds the kit's Redis used so far (kits on Redis only). */
  redisCpu?(): Promise<number>;
  /** --profile: stops the profiled process gently (so it writes its profile) and starts a plain one. */
  endProfile?(): Promise<void>;
  stop(): Promise<void>;
}

type ServerFigures = { rss_peak_mb: number; cpu_s: number; event_loop_p99_ms: number };

/** The servers' figures together: CPU added up, the largest peak memory and event-loop delay. */
export async function serverMetrics(servers: ChildProcess[]): Promise<ServerFigures> {
  const all = await Promise.all(servers.map((s) => ask<ServerFigures>(s, 'metrics', (m) => 'rss_peak_mb' in (m as object))));
  return {
    rss_peak_mb: Math.max(...all.map((m) => m.rss_peak_mb)),
    cpu_s: round(all.reduce((n, m) => n + m.cpu_s, 0)),
    event_loop_p99_ms: Math.max(...all.map((m) => m.event_loop_p99_ms)),
  };
}

/**
 * One kit process on its own temp data folder (the laptop's way). With `profileDir`, the
 * first restart (the one under the phones' reconnect) writes a CPU profile there.
 */
export async function oneProcess(profileDir?: string): Promise<Kit> {
  const dataDir = mkdtempSync(join(tmpdir(), 'csec-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = ['--port', String(port), '--data-dir', dataDir, '--host-key', HOST_KEY, '--public-url', url];
  let profiled = false;
  const kit: Kit = {
    urls: [url],
    servers: [await startChild('bench/kit-server.mjs', args)],
    async killFirst() {
      const [first] = kit.servers;
      const killedAt = Date.now();
      first?.kill('SIGKILL');
      await new Promise((ok) => first?.once('exit', ok));
      const profile = profileDir && !profiled ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];
      profiled ||= profile.length > 0;
      const restarted = startChild('bench/kit-server.mjs', args, profile).then((child) => {
        kit.servers[0] = child;
        return Date.now();
      });
      return { killedAt, restarted };
    },
    stored: async (activityId, devices) => sqliteBallots(dataDir, activityId, devices),
    async endProfile() {
      const [first] = kit.servers;
      first?.kill('SIGINT');
      await new Promise((ok) => first?.once('exit', ok));
      kit.servers[0] = await startChild('bench/kit-server.mjs', args);
    },
    async stop() {
      for (const s of kit.servers) s.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return kit;
}

/**
 * `n` kit processes sharing one redis-server, phones spread over them. With `profileDir`, the
 * last process (never killed) writes a CPU profile there of the scenarios and the first storm.
 */
export async function processes(n: number, profileDir?: string): Promise<Kit> {
  const redis = await startRedis();
  const client = await redisClient(redis.url);
  const ports = await Promise.all(Array.from({ length: n }, () => freePort()));
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  // On Redis the kit keeps nothing in a data folder.
  const argsOf = (i: number): string[] => ['--port', String(ports[i]), '--host-key', HOST_KEY, '--public-url', urls[i] ?? ''];
  const env = { REDIS_URL: redis.url };
  const servers: ChildProcess[] = [];
  // One after the other: the first agrees the workshop with Redis, the rest join it.
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];
  for (let i = 0; i < n; i++) servers.push(await startChild('bench/kit-server.mjs', argsOf(i), i === n - 1 ? profile : [], env));
  const kit: Kit = {
    urls,
    servers,
    async killFirst() {
      const [first] = servers;
      const killedAt = Date.now();
      first?.kill('SIGKILL');
      await new Promise((ok) => first?.once('exit', ok));
      const restarted = startChild('bench/kit-server.mjs', argsOf(0), [], env).then((child) => {
        servers[0] = child;
        return Date.now();
      });
      return { killedAt, restarted };
    },
    stored: (activityId, devices) => redisBallots(client, activityId, devices),
    async endProfile() {
      const last = servers[n - 1];
      if (!profileDir || !last) return;
      last.kill('SIGINT');
      await new Promise((ok) => last.once('exit', ok));
      servers[n - 1] = await startChild('bench/kit-server.mjs', argsOf(n - 1), [], env);
    },
    async redisCpu() {
      const info = await client.info('cpu');
      const used = (name: string): number => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
      return used('used_cpu_sys') + used('used_cpu_user');
    },
    async stop() {
      for (const s of servers) s.kill('SIGKILL');
      await client.quit();
      await redis.stop();
    },
  };
  return kit;
}

/** The bare socket.io baseline as a kit that can be killed and restarted (it keeps nothing). */
export async function baselineKit(): Promise<Kit> {
  const port = await freePort();
  const args = [String(port)];
  const kit: Kit = {
    urls: [`http://127.0.0.1:${port}`],
    servers: [await startChild('bench/baseline-server.mjs', args)],
    async killFirst() {
      const [first] = kit.servers;
      const killedAt = Date.now();
      first?.kill('SIGKILL');
      await new Promise((ok) => first?.once('exit', ok));
      const restarted = startChild('bench/baseline-server.mjs', args).then((child) => {
        kit.servers[0] = child;
        return Date.now();
      });
      return { killedAt, restarted };
    },
    stored: (activityId, devices) => memoryBallots(kit.servers[0] as ChildProcess, activityId, devices),
    async stop() {
      for (const s of kit.servers) s.kill('SIGKILL');
    },
  };
  return kit;
}
