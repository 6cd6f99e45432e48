/**
 * Every workshop when several kit processes share Redis: each with its room, Q&A and console
 * state in Redis, so a phone may land on any process. The same contract as local/workshops.ts (live/live-workshop.ts).
 */
import type { RedisClientType } from 'redis';
import type { Activity } from '../content/content.ts';
import type { Thresholds } from '../core/workshop.ts';
import { Asking } from '../live/asking.ts';
import { JoinCounter } from '../live/join-counter.ts';
import type { LiveWorkshops } from '../live/live-workshop.ts';
import { WorkshopOf } from '../live/workshop-of.ts';
import type { WorkshopRecord } from '../store/store.ts';
import { workshopThresholds } from '../workshops.ts';
import { RedisConsole } from './redis-console.ts';
import { RedisQa } from './redis-qa.ts';
import { RedisRoom } from './redis-room.ts';
import { listWorkshops } from './workshop-records.ts';

export interface RedisWorkshopsOptions {
  redis: RedisClientType;
  /** A second connection, for the change channels (a subscribed connection can do nothing else). */
  subscriber: RedisClientType;
  activities: readonly Activity[];
  /** For workshops that keep no threshold of their own (made before it was kept). */
  thresholds: Thresholds;
  clock: () => number;
  joinUrl: (code: string) => string;
}

/** The key of a workshop's joined phones (a set of keys for joining only). */
export const joinedKey = (workshopId: string): string => `kit:${workshopId}:joined`;

type RedisWorkshop = WorkshopOf<RedisRoom, RedisQa, RedisConsole>;

function redisWorkshop(record: WorkshopRecord, options: RedisWorkshopsOptions & { catalog: ReadonlyMap<string, Activity> }): RedisWorkshop {
  const { redis } = options;
  const qa = new RedisQa(record, redis, options.subscriber);
  const asking = new Asking(qa);
  const room = new RedisRoom({ ...options, record, thresholds: workshopThresholds(record, options.thresholds), onQuestion: (text, phone, activityId) => asking.fromBox(phone, activityId, text) });
  const joins = new JoinCounter(
    record,
    async (keys) => void (await redis.sAdd(joinedKey(record.id), keys)),
    () => redis.sCard(joinedKey(record.id)),
  );
  return new WorkshopOf(record, room, qa, new RedisConsole(record, redis, options.clock), joins, asking);
}

export class RedisWorkshops implements LiveWorkshops {
  private constructor(private readonly byCode: ReadonlyMap<string, RedisWorkshop>) {}

  /** Every workshop in Redis, each listening for the other processes' changes. */
  static async open(options: RedisWorkshopsOptions): Promise<RedisWorkshops> {
    const catalog: ReadonlyMap<string, Activity> = new Map(options.activities.map((a) => [a.id, a]));
    const workshops = (await listWorkshops(options.redis)).map((record) => redisWorkshop(record, { ...options, catalog }));
    for (const w of workshops) {
      await w.room.start();
      await w.console.start();
      await w.qa.start();
    }
    return new RedisWorkshops(new Map(workshops.map((w) => [w.record.code, w])));
  }

  workshop(code: string): RedisWorkshop | undefined {
    return this.byCode.get(code);
  }

  workshops(): RedisWorkshop[] {
    return [...this.byCode.values()];
  }

  stop(): void {
    for (const w of this.byCode.values()) w.stop();
  }
}
