/**
 * Every kit process on one Redis follows the running workshop: `npm start -- --new` on one
 * process moves the others (phones without a code land in the new workshop on each, a phone
 * with the new code is let in everywhere, the old code is refused), and a process restarted
 * after a crash joins the workshop the others run. With two real kit processes and a real
 * redis-server; then the same moves inside one process, on RedisWorkshops itself.
 */
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { RedisClientType } from 'redis';
import type { LiveWorkshop } from '../../server/live/live-workshop.ts';
import { RedisWorkshops } from '../../server/redis/redis-workshops.ts';
import { listWorkshops, openRunningWorkshop, readRecord, runningWorkshopId, saveRecord } from '../../server/redis/workshop-records.ts';
import { DEFAULT_THRESHOLDS } from '../../server/core/workshop.ts';
import { freshWorkshop } from '../../server/workshops.ts';
import { attendee, host, newDevice } from '../helpers/clients.ts';
import { startKit, type KitProcess } from '../helpers/kit-process.ts';
import { redisClient } from '../helpers/redis.ts';
import { redisSuite } from '../helpers/redis-suite.ts';
import { realActivities } from '../helpers/server.ts';

const HOST_KEY = 'following-host-key-0000';
const CHECK = 'check-force.after';
const suite = redisSuite();

async function kit(extra: readonly string[] = []): Promise<KitProcess> {
  const k = await startKit(suite.redis.url, HOST_KEY, extra);
  suite.kits.push(k);
  return k;
}

/** Resolves when `kit:running` no longer names `from`: with the new id and when it was seen (read every 2 ms). */
async function runningChanges(from: string | null): Promise<{ id: string; at: number }> {
  for (;;) {
    const id = await runningWorkshopId(suite.client);
    if (id !== null && id !== from) return { id, at: performance.now() };
    await new Promise((ok) => setTimeout(ok, 2));
  }
}

/** Connects phones without a code to `url` until one lands in the workshop `code`. */
async function firstPhoneIn(url: string, code: string): Promise<void> {
  for (;;) {
    const phone = suite.keep(await attendee(url));
    if (phone.state.code === code) return;
    phone.socket.close();
  }
}

describe('kit processes on one Redis follow the running workshop', () => {
  it('move together to the workshop --new started on one of them; a restarted process joins it', async () => {
    const one = await kit();
    const two = await kit();
    const oldDeck = suite.keep(await host(one.url, HOST_KEY));
    const oldPhone = suite.keep(await attendee(one.url));
    const oldCode = oldDeck.state.code;
    expect(oldPhone.state.code).toBe(oldCode);
    expect(suite.keep(await attendee(two.url)).state.code).toBe(oldCode);

    // Process two restarts with --new; process one is told, and follows.
    const before = await runningWorkshopId(suite.client);
    await two.kill();
    suite.kits.splice(suite.kits.indexOf(two), 1);
    const changed = runningChanges(before);
    const started = kit(['--new']);
    const { id, at } = await changed;
    const newCode = (await readRecord(suite.client, id))?.code ?? '';
    await firstPhoneIn(one.url, newCode);
    const delay = performance.now() - at;
    console.log(`process one followed the new workshop ${Math.round(delay)} ms after kit:running changed`);
    const three = await started;

    // Every process now: a phone without a code, or with the new code, is in the new workshop;
    // the old code is refused (as after npm start -- --new on a laptop); so is a deck's new connection.
    for (const url of [one.url, three.url]) {
      expect(suite.keep(await attendee(url)).state.code).toBe(newCode);
      expect(suite.keep(await attendee(url, newDevice(), newCode)).state.code).toBe(newCode);
      await expect(attendee(url, newDevice(), oldCode)).rejects.toThrow('UNKNOWN_WORKSHOP');
      expect(suite.keep(await host(url, HOST_KEY)).state.code).toBe(newCode);
    }
    // What was connected to the old workshop keeps it until it reconnects: the deck still drives its phones.
    const told = new Promise((ok) => oldPhone.socket.once('room:state', ok));
    expect(await oldDeck.socket.emitWithAck('activity:open', { activityId: CHECK })).toEqual({ ok: true });
    expect(await told).toMatchObject({ code: oldCode, current: { activity: { id: CHECK } } });

    // Process one crashes and comes back without --new: it joins the running workshop, makes none.
    await one.kill();
    suite.kits.splice(suite.kits.indexOf(one), 1);
    const again = await kit();
    expect(suite.keep(await attendee(again.url)).state.code).toBe(newCode);
    expect(await runningWorkshopId(suite.client)).toBe(id);
    expect((await listWorkshops(suite.client)).map((w) => w.code)).toEqual([oldCode, newCode]);
  });
});

describe('RedisWorkshops, inside one process', () => {
  const opened: RedisWorkshops[] = [];
  const connections: RedisClientType[] = [];
  afterEach(async () => {
    for (const w of opened.splice(0)) w.stop();
    for (const c of connections.splice(0)) await c.quit().catch(() => undefined);
  });

  async function open(): Promise<RedisWorkshops> {
    const [redisConnection, subscriber] = [await redisClient(suite.redis.url), await redisClient(suite.redis.url)];
    connections.push(redisConnection, subscriber);
    const running = await openRunningWorkshop(redisConnection, false, Date.now());
    const rooms = await RedisWorkshops.open({ redis: redisConnection, subscriber, running, activities: realActivities(), thresholds: DEFAULT_THRESHOLDS, clock: Date.now, joinUrl: () => '/' });
    opened.push(rooms);
    return rooms;
  }

  it('looks a code it does not know up in Redis, and follows it when it is the running one', async () => {
    const rooms = await open();
    const moves: LiveWorkshop[] = [];
    const attached: string[] = [];
    rooms.follow({ opened: (w) => attached.push(w.record.code), running: (w) => moves.push(w) });
    const first = rooms.running().record;
    expect(attached).toEqual([first.code]);

    // Another process's workshop, running, with no word on the channel (a lost message).
    const next = freshWorkshop(new Set([first.code]), Date.now());
    await saveRecord(suite.client, next);
    await suite.client.set('kit:running', next.id);
    expect((await rooms.workshop(next.code))?.record.id).toBe(next.id);
    expect(rooms.running().record.id).toBe(next.id);
    expect(moves.map((w) => w.record.code)).toEqual([next.code]);
    // Opened once, its outputs attached before it started; a code no one has is still no workshop.
    expect(attached).toEqual([first.code, next.code]);
    expect(await rooms.workshop('NOPE99')).toBeUndefined();
    expect(rooms.running().record.id).toBe(next.id);
  });

  it('follows a workshop started with --new elsewhere, told on the channel', async () => {
    const rooms = await open();
    const moved = new Promise<LiveWorkshop>((ok) => rooms.follow({ running: ok }));
    const started = performance.now();
    const fresh = await openRunningWorkshop(suite.client, true, Date.now());
    expect((await moved).record.id).toBe(fresh.id);
    console.log(`followed ${Math.round(performance.now() - started)} ms after openRunningWorkshop(--new) began`);
    expect(rooms.running().record.code).toBe(fresh.code);
  });
});
