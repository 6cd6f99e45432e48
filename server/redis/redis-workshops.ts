/**
 * Every workshop when several kit processes share Redis: each with its room, Q&A and console
 * state in Redis, so a phone may land on any process. The same contract as local/workshops.ts (live/live-workshop.ts).
 * Every process follows the workshop running in Redis (`kit:running`): when another process
 * starts a new one, this one opens it (told on a channel, and looking every FOLLOW_MS should
 * the message be lost) and makes it the running one here too.
 */
import type { RedisClientType } from 'redis';
import type { Activity } from '../content/content.ts';
import type { Thresholds } from '../core/workshop.ts';
import { Asking } from '../live/asking.ts';
import { JoinCounter } from '../live/join-counter.ts';
import type { LiveWorkshops, WorkshopsFollower } from '../live/live-workshop.ts';
import { WorkshopOf } from '../live/workshop-of.ts';
import type { WorkshopRecord } from '../store/store.ts';
import { workshopThresholds } from '../workshops.ts';
import { RedisConsole } from './redis-console.ts';
import { RedisGreeting } from './redis-greeting.ts';
import { RedisQa } from './redis-qa.ts';
import { RedisRoom } from './redis-room.ts';
import { listWorkshops, readRecord, RUNNING_CHANGES, runningWorkshopId } from './workshop-records.ts';

export interface RedisWorkshopsOptions {
  redis: RedisClientType;
  /** A second connection, for the change channels (a subscribed connection can do nothing else). */
  subscriber: RedisClientType;
  activities: readonly Activity[];
  /** For workshops that keep no threshold of their own (made before it was kept). */
  thresholds: Thresholds;
  clock: () => number;
  joinUrl: (code: string) => string;
  /** How long a phone's or the facilitator's write waits for Redis when it is away, before STORAGE (--redis-wait). */
  waitMs?: number;
}

/** The key of a workshop's joined phones (a set of keys for joining only). */
export const joinedKey = (workshopId: string): string => `kit:${workshopId}:joined`;

type RedisWorkshop = WorkshopOf<RedisRoom, RedisQa, RedisConsole>;

function redisWorkshop(record: WorkshopRecord, options: RedisWorkshopsOptions & { catalog: ReadonlyMap<string, Activity> }): RedisWorkshop {
  const { redis } = options;
  const qa = new RedisQa(record, redis, options.subscriber, options.waitMs);
  const asking = new Asking(qa);
  const room = new RedisRoom({ ...options, record, thresholds: workshopThresholds(record, options.thresholds), onQuestion: (text, phone, activityId) => asking.fromBox(phone, activityId, text) });
  const joins = new JoinCounter(
    record,
    async (keys) => void (await redis.sAdd(joinedKey(record.id), keys)),
    () => redis.sCard(joinedKey(record.id)),
  );
  const deckConsole = new RedisConsole(record, redis, options.clock, options.waitMs);
  const greeting = new RedisGreeting(redis, { workshopId: record.id, room, qa, console: deckConsole });
  return new WorkshopOf(record, room, qa, deckConsole, joins, asking, (phone) => greeting.read(phone));
}

/** Starts a workshop's parts: each listens for the other processes' changes. */
async function startParts(w: RedisWorkshop): Promise<void> {
  await w.room.start();
  await w.console.start();
  await w.qa.start();
}

/**
 * How often a process also looks at `kit:running` itself, should it have missed the channel's
 * message (while its connection to Redis was down, say).
 */
export const FOLLOW_MS = 1000;

type Options = RedisWorkshopsOptions & { catalog: ReadonlyMap<string, Activity> };

export class RedisWorkshops implements LiveWorkshops {
  private readonly byCode = new Map<string, RedisWorkshop>();
  private readonly followers: WorkshopsFollower[] = [];
  private runs: RedisWorkshop;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** The last look at `kit:running` asked for, and one asked for that has not begun yet. */
  private looked: Promise<void> = Promise.resolve();
  private waiting: Promise<void> | undefined;

  private constructor(
    private readonly options: Options,
    running: WorkshopRecord,
  ) {
    this.runs = redisWorkshop(running, options);
    this.byCode.set(running.code, this.runs);
  }

  /**
   * Every workshop in Redis, each listening for the other processes' changes, `running` the one
   * the processes run; from then on this process follows the one running in Redis.
   */
  static async open(options: RedisWorkshopsOptions & { running: WorkshopRecord }): Promise<RedisWorkshops> {
    const catalog: ReadonlyMap<string, Activity> = new Map(options.activities.map((a) => [a.id, a]));
    const all = new RedisWorkshops({ ...options, catalog }, options.running);
    await startParts(all.runs);
    for (const record of await listWorkshops(options.redis)) await all.add(record);
    // Another process started with --new says so on the channel; every process moves to it.
    await options.subscriber.subscribe(RUNNING_CHANGES, () => void all.look());
    all.timer = setInterval(() => void all.look(), FOLLOW_MS);
    return all;
  }

  /** A workshop this process has not opened yet (another process made it): opened once, however many ask. */
  private async add(record: WorkshopRecord): Promise<RedisWorkshop> {
    const known = this.byCode.get(record.code);
    if (known) return known;
    const w = redisWorkshop(record, this.options);
    this.byCode.set(record.code, w);
    // Its outputs are attached before it starts sending.
    for (const f of this.followers) f.opened?.(w);
    try {
      await startParts(w);
    } catch (error) {
      w.stop();
      this.byCode.delete(record.code);
      throw error;
    }
    return w;
  }

  /**
   * Looks at which workshop runs in Redis, and follows it. One look at a time; callers share a
   * look that has not begun yet (it reads `kit:running` after they asked).
   */
  private look(): Promise<void> {
    if (this.waiting) return this.waiting;
    const next = this.looked.then(() => {
      this.waiting = undefined;
      return this.lookNow();
    });
    this.waiting = next;
    this.looked = next;
    return next;
  }

  private async lookNow(): Promise<void> {
    try {
      const id = await runningWorkshopId(this.options.redis);
      if (this.stopped || !id || id === this.runs.record.id) return;
      const record = await readRecord(this.options.redis, id);
      if (!record) return;
      const w = await this.add(record);
      if (this.stopped || w === this.runs) return;
      this.runs = w;
      for (const f of this.followers) f.running?.(w);
    } catch {
      // Redis is away: the next look tries again.
    }
  }

  /** By join code; a code this process does not know yet is looked for in Redis (another process may have just started it). */
  workshop(code: string): RedisWorkshop | undefined | Promise<RedisWorkshop | undefined> {
    return this.byCode.get(code) ?? this.find(code);
  }

  private async find(code: string): Promise<RedisWorkshop | undefined> {
    const record = (await listWorkshops(this.options.redis).catch(() => [])).find((r) => r.code === code);
    if (!record || this.stopped) return undefined;
    // It may be the one running now: follow it first, so a phone with its code is let in.
    await this.look();
    return this.add(record).catch(() => undefined);
  }

  workshops(): RedisWorkshop[] {
    return [...this.byCode.values()];
  }

  /** The workshop the processes run (`kit:running`), as this process last saw it. */
  running(): RedisWorkshop {
    return this.runs;
  }

  follow(follower: WorkshopsFollower): void {
    this.followers.push(follower);
    for (const w of this.byCode.values()) follower.opened?.(w);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    for (const w of this.byCode.values()) w.stop();
  }
}
