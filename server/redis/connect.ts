/**
 * The kit's connections to Redis (REDIS_URL): one for commands, one for the change channels,
 * and socket.io's Redis Streams adapter, which carries broadcasts between processes and picks
 * up where it left off after Redis restarts. While Redis is away, what phones and facilitators
 * write waits for it (wait-for-redis.ts), for at most --redis-wait; the clients reconnect by
 * themselves.
 * The stream keeps what was broadcast, so it is capped and expires (retention.ts); no
 * question's text is ever in it (redis-qa.ts).
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { ServerOptions } from 'socket.io';
import { DEFAULT_RETENTION, STREAM_REFRESH_MS, STREAM_TTL_MS, type RedisRetention } from './retention.ts';

/** socket.io's stream in Redis. */
export const STREAM = 'kit:socket.io';

export interface RedisConnection {
  redis: RedisClientType;
  subscriber: RedisClientType;
  adapter: ServerOptions['adapter'];
  close(): Promise<void>;
}

/** Waits between reconnection attempts: 50 ms, growing to at most 1 s. */
const reconnectStrategy = (attempt: number): number => Math.min(50 * 2 ** attempt, 1000);

export async function connectRedis(url: string, log: (line: string) => void, retention: RedisRetention = DEFAULT_RETENTION): Promise<RedisConnection> {
  // No command timeout (node-redis's is 5 s): it only ever bounds a command still unsent, at the
  // cost of a timer and an AbortSignal per command, thousands a minute. What a phone or a
  // facilitator writes is bounded by waitForRedis; a read issued while Redis is away waits for
  // it (a greeting, a flush of tallies), as socket.io's adapter reading the stream does.
  const redis: RedisClientType = createClient({ url, socket: { reconnectStrategy }, commandOptions: { timeout: 0 } });
  let ready = false;
  let down = false;
  // Said once per outage, once the kit has started (before that, it stops with one line).
  redis.on('error', () => {
    if (ready && !down) log('Redis is not answering; answers wait for it (--redis-wait, REDIS_WAIT_S).');
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
  // The stream outlives the processes by STREAM_TTL_MS at most: each running one pushes it back.
  const expire = (): Promise<boolean> => redis.pExpire(STREAM, STREAM_TTL_MS).then((set) => set === 1, () => false);
  const refresh = setInterval(() => void expire(), STREAM_REFRESH_MS).unref();
  // Made when socket.io first asks (it starts reading the stream at once): never for npm run purge or report.
  let adapter: ReturnType<typeof createAdapter> | undefined;
  // socket.io calls this with `new` (hence a function, not an arrow), once per namespace.
  function expiringAdapter(nsp: Parameters<ReturnType<typeof createAdapter>>[0]): ReturnType<ReturnType<typeof createAdapter>> {
    adapter ??= createAdapter(redis, { streamName: STREAM, maxLen: retention.streamMaxLen });
    // The adapter writes its first entry (a heartbeat) as it starts: expire the stream once it is there.
    void (async () => {
      for (let tries = 0; tries < 50 && !(await expire()); tries++) await new Promise((ok) => setTimeout(ok, 100).unref());
    })();
    return adapter(nsp);
  }
  return {
    redis,
    subscriber,
    adapter: expiringAdapter,
    async close() {
      clearInterval(refresh);
      await Promise.allSettled([subscriber.quit(), redis.quit()]);
    },
  };
}
