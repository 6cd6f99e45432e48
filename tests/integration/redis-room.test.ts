/**
 * Two kit processes' rooms on one Redis (each with its own connections and broadcast channel,
 * as in two processes): answers through both count once each, and only one of them sends the
 * presenter each tally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisClientType } from 'redis';
import type { Activity } from '../../server/content/content.ts';
import { DEFAULT_THRESHOLDS } from '../../server/core/workshop.ts';
import type { RoomState, Snapshot } from '../../server/protocol.ts';
import { RedisRoom } from '../../server/redis/redis-room.ts';
import { realActivities } from '../helpers/server.ts';
import { redisClient, startRedis, type RunningRedis } from '../helpers/redis.ts';

const KC = 'check-force.after';
const catalog: ReadonlyMap<string, Activity> = new Map(realActivities().map((a) => [a.id, a]));
const record = { id: 'w-redis', code: 'REDIS1', hostKey: 'k', salt: 'salt', createdAt: 1 };
let redis: RunningRedis;
const clients: RedisClientType[] = [];

interface Heard {
  room: RedisRoom;
  toHosts: { event: string; payload: Snapshot | RoomState }[];
}

async function process(): Promise<Heard> {
  const [a, b] = [await redisClient(redis.url), await redisClient(redis.url)];
  clients.push(a, b);
  const room = new RedisRoom({ record, catalog, thresholds: DEFAULT_THRESHOLDS, redis: a, subscriber: b, clock: Date.now, joinUrl: () => '/' });
  const heard: Heard = { room, toHosts: [] };
  room.attach({ toHosts: (event, payload) => heard.toHosts.push({ event, payload: payload as Snapshot }), toAttendees: () => undefined, attendeeCount: () => 0 });
  await room.start();
  return heard;
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const c of clients) await c.quit().catch(() => undefined);
  await redis?.stop();
});

describe('rooms of two processes on one Redis', () => {
  it('count every answer once, whichever process took it, and one process sends the tallies', async () => {
    const one = await process();
    const two = await process();
    expect(await one.room.command('open', KC)).toEqual({ ok: true });
    const phones = Array.from({ length: 60 }, (_, i) => `phone-${i}`);
    const acks = await Promise.all(phones.map((p, i) => (i % 2 ? one : two).room.submit(p, KC, i % 3)));
    expect(acks.every((a) => a.ok)).toBe(true);
    // A phone re-sending through the other process is confirmed and not counted again.
    expect(await one.room.submit('phone-0', KC, 0)).toEqual({ ok: true, value: 0 });
    expect((await one.room.snapshot(KC))?.total).toBe(60);
    expect((await two.room.snapshot(KC))?.total).toBe(60);

    const last = (h: Heard) => h.toHosts.filter((m) => m.event === 'activity:snapshot' && (m.payload as Snapshot).activityId === KC).at(-1)?.payload as Snapshot | undefined;
    while ((last(one)?.total ?? last(two)?.total ?? 0) < 60) await new Promise((ok) => setTimeout(ok, 50));
    const senders = [one, two].filter((h) => h.toHosts.some((m) => m.event === 'activity:snapshot' && (m.payload as Snapshot).activityId === KC && (m.payload as Snapshot).total > 0));
    expect(senders).toHaveLength(1);
    one.room.stop();
    two.room.stop();
  });
});
