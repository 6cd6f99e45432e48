/**
 * Opening the kit on Redis (REDIS_URL): the connections, the workshop every process runs, and
 * the live workshops, as `createApp` takes them.
 */
import type { Activity } from '../content/content.ts';
import type { Thresholds } from '../core/workshop.ts';
import type { SharedWorkshops } from '../live/live-workshop.ts';
import type { WorkshopRecord } from '../store/store.ts';
import { connectRedis } from './connect.ts';
import { forgetExpired } from './redis-purge.ts';
import { RedisWorkshops } from './redis-workshops.ts';
import { withRedisCopy } from './report-store.ts';
import { redisRetention, sweepEnded, type RedisRetention } from './retention.ts';
import { openRunningWorkshop } from './workshop-records.ts';

export interface OpenSharedOptions {
  activities: readonly Activity[];
  /** For workshops that keep no threshold of their own (made before it was kept). */
  thresholds: Thresholds;
  /** The threshold a workshop created now keeps. */
  threshold: number;
  joinUrl: (code: string) => string;
  /** Start a fresh workshop instead of running the one running already. */
  fresh: boolean;
  log: (line: string) => void;
  /** How long Redis keeps what the kit wrote; by default from REDIS_RETENTION_DAYS and REDIS_STREAM_MAXLEN. */
  retention?: RedisRetention;
  /** How long a phone's or the facilitator's write waits for Redis when it is away, before STORAGE (--redis-wait). */
  waitMs?: number;
}

/** How long the kit waits for Redis when it starts before it says so and stops. */
const FIRST_CONNECT_MS = 10_000;

export async function openShared(url: URL, options: OpenSharedOptions): Promise<{ workshop: WorkshopRecord; shared: SharedWorkshops<RedisWorkshops>; close(): Promise<void> }> {
  const timeout = new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`Redis at ${url.host} did not answer within ${FIRST_CONNECT_MS / 1000} s`)), FIRST_CONNECT_MS).unref());
  const retention = options.retention ?? redisRetention(process.env);
  if (typeof retention === 'string') throw new Error(retention);
  const connection = await Promise.race([connectRedis(url.href, options.log, retention), timeout]);
  const { redis, subscriber, adapter } = connection;
  const workshop = await openRunningWorkshop(redis, options.fresh, Date.now(), options.threshold);
  // Every other workshop has ended: its keys expire; what is past its retention goes now.
  await forgetExpired(redis, await sweepEnded(redis, Date.now(), retention));
  const rooms = await RedisWorkshops.open({ redis, subscriber, running: workshop, activities: options.activities, thresholds: options.thresholds, clock: Date.now, joinUrl: options.joinUrl, waitMs: options.waitMs });
  return {
    workshop,
    shared: { rooms, adapter, withStore: (use) => withRedisCopy(redis, options.activities, use) },
    close: () => connection.close(),
  };
}
