/**
 * The kit's connections to Redis (REDIS_URL): one for commands, one for the change channels,
 * and socket.io's Redis Streams adapter, which carries broadcasts between processes and picks
 * up where it left off after Redis restarts. While Redis is away, commands wait (and phones
 * resend until acknowledged); the clients reconnect by themselves.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { ServerOptions } from 'socket.io';

export interface RedisConnection {
  redis: RedisClientType;
  subscriber: RedisClientType;
  adapter: ServerOptions['adapter'];
  close(): Promise<void>;
}

/** Waits between reconnection attempts: 50 ms, growing to at most 1 s. */
const reconnectStrategy = (attempt: number): number => Math.min(50 * 2 ** attempt, 1000);

export async function connectRedis(url: string, log: (line: string) => void): Promise<RedisConnection> {
  const redis: RedisClientType = createClient({ url, socket: { reconnectStrategy } });
  let ready = false;
  let down = false;
  // Said once per outage, once the kit has started (before that, it stops with one line).
  redis.on('error', () => {
    if (ready && !down) log('Redis is not answering; answers wait until it is back.');
    down = true;
  });
  redis.on('ready', () => {
    if (ready && down) log('Redis is back.');
    ready = true;
    down = false;
  });
  await redis.connect();
  const subscriber = redis.duplicate();
  subscriber.on('error', () => undefined);
  await subscriber.connect();
  return {
    redis,
    subscriber,
    adapter: createAdapter(redis, { streamName: 'kit:socket.io' }),
    async close() {
      await Promise.allSettled([subscriber.quit(), redis.quit()]);
    },
  };
}
