/**
 * The hooks every suite of real kit processes on a real redis-server needs: Redis started once,
 * a client to look at what it holds, and after each test the sockets closed, the kits killed
 * (by pid) and Redis emptied.
 */
import type { RedisClientType } from 'redis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Client } from './clients.ts';
import type { KitProcess } from './kit-process.ts';
import { redisClient, startRedis, type RunningRedis } from './redis.ts';

export interface RedisSuite {
  /** Set once the suite started (in beforeAll). */
  redis: RunningRedis;
  client: RedisClientType;
  /** Kits and sockets to end after each test. */
  kits: KitProcess[];
  sockets: Client[];
  /** Keeps a connected phone's or host's socket for closing after the test. */
  keep<T extends { socket: Client }>(connected: T): T;
}

/** Registers the suite's hooks; `beforeFlush` runs after the kits are killed, before Redis is emptied. */
export function redisSuite(beforeFlush?: () => Promise<void>): RedisSuite {
  const suite = {
    kits: [] as KitProcess[],
    sockets: [] as Client[],
    keep<T extends { socket: Client }>(connected: T): T {
      suite.sockets.push(connected.socket);
      return connected;
    },
  } as RedisSuite;
  beforeAll(async () => {
    suite.redis = await startRedis();
    suite.client = await redisClient(suite.redis.url);
  });
  afterEach(async () => {
    for (const s of suite.sockets.splice(0)) s.close();
    for (const k of suite.kits.splice(0)) await k.kill();
    await beforeFlush?.();
    await suite.client.flushAll();
  });
  afterAll(async () => {
    await suite.client?.quit().catch(() => undefined);
    await suite.redis?.stop();
  });
  return suite;
}
