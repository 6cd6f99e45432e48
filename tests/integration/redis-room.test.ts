/**
 * Two kit processes' rooms on one Redis (each with its own connections and broadcast channel,
 * as in two processes): answers through both count once each; each process sends the tallies
 * of its own answers, and the presenter gets each tally once, whichever sent it.
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
  it('count every answer once, whichever process took it, and send the presenter each tally once', async () => {
    const one = await process();
    const two = await process();
    expect(await one.room.command('open', KC)).toEqual({ ok: true });
    const phones = Array.from({ length: 60 }, (_, i) => `phone-${i}`);
    // In waves, each wave through both processes: both have tallies to send, again and again.
    for (let wave = 0; wave < 6; wave++) {
      const acks = await Promise.all(phones.slice(wave * 10, wave * 10 + 10).map((p, i) => (i % 2 ? one : two).room.submit(p, KC, i % 3)));
      expect(acks.every((a) => a.ok)).toBe(true);
      await new Promise((ok) => setTimeout(ok, 150));
    }
    // A phone re-sending through the other process is confirmed and not counted again.
    expect(await one.room.submit('phone-0', KC, 0)).toEqual({ ok: true, value: 0 });
    expect((await one.room.snapshot(KC))?.total).toBe(60);
    expect((await two.room.snapshot(KC))?.total).toBe(60);

    const sent = (h: Heard) => h.toHosts.filter((m) => m.event === 'activity:snapshot' && (m.payload as Snapshot).activityId === KC).map((m) => (m.payload as Snapshot).total);
    while (![...sent(one), ...sent(two)].includes(60)) await new Promise((ok) => setTimeout(ok, 50));
    await new Promise((ok) => setTimeout(ok, 300));
    // Both processes sent tallies, and no tally reached the presenter twice.
    expect(sent(one).length).toBeGreaterThan(0);
    expect(sent(two).length).toBeGreaterThan(0);
    const totals = [...sent(one), ...sent(two)];
    expect(new Set(totals).size).toBe(totals.length);
    one.room.stop();
    two.room.stop();
  });
});
