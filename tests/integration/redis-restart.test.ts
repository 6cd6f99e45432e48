/**
 * Every kit process stopped and started again against the same redis-server: the deck's
 * slide, its clock, the pause and the workshop's threshold come back. And the console on
 * Redis, with a clock passed in: the time no process ran does not count.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RedisClientType } from 'redis';
import type { DeckPosition } from '../../server/protocol.ts';
import { RedisConsole } from '../../server/redis/redis-console.ts';
import { freshWorkshop } from '../../server/workshops.ts';
import { attendee, host, type Client } from '../helpers/clients.ts';
import { startKit, type KitProcess } from '../helpers/kit-process.ts';
import { redisClient, startRedis, type RunningRedis } from '../helpers/redis.ts';

const HOST_KEY = 'redis-restart-host-key';
const CHECK = 'check-force.after';
let redis: RunningRedis;
let client: RedisClientType;
let kits: KitProcess[] = [];
const sockets: Client[] = [];
const consoles: RedisConsole[] = [];

beforeAll(async () => {
  redis = await startRedis();
  client = await redisClient(redis.url);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const k of kits.splice(0)) await k.kill();
  for (const c of consoles.splice(0)) c.stop();
  await client.flushAll();
});
afterAll(async () => {
  await client?.quit().catch(() => undefined);
  await redis?.stop();
});

const keep = <T extends { socket: Client }>(c: T): T => (sockets.push(c.socket), c);
const device = (): string => randomBytes(18).toString('base64url');

async function twoKits(...args: string[]): Promise<[KitProcess, KitProcess]> {
  const one = await startKit(redis.url, HOST_KEY, args);
  const two = await startKit(redis.url, HOST_KEY, args);
  kits = [one, two];
  return [one, two];
}

describe('every kit process restarted on the same Redis', () => {
  it('brings back the slide, the clock, the pause and the threshold', async () => {
    const [one, two] = await twoKits('--threshold', '5');
    const deck = keep(await host(one.url, HOST_KEY));
    for (const slide of ['0.0', '0.1', '1.0', '2.3']) expect(await deck.socket.emitWithAck('deck:at', { slide, plan: 'full' })).toEqual({ ok: true });
    expect(await deck.socket.emitWithAck('room:pause', { paused: true })).toEqual({ ok: true });
    expect(await deck.socket.emitWithAck('activity:open', { activityId: CHECK })).toEqual({ ok: true });
    const phones = Array.from({ length: 5 }, device);
    for (const [i, phone] of phones.entries()) {
      const on = keep(await attendee(i % 2 ? one.url : two.url, phone));
      expect(await on.socket.emitWithAck('answer:submit', { activityId: CHECK, value: i % 3 })).toEqual({ ok: true, value: i % 3 });
    }
    expect(await deck.socket.emitWithAck('activity:reveal', { activityId: CHECK })).toEqual({ ok: true });
    const before = { host: keep(await host(two.url, HOST_KEY)), phone: keep(await attendee(two.url, phones[0] ?? '')) };
    expect(before.phone.state.current?.snapshot).toMatchObject({ threshold: 5, results: { kind: 'options', counts: [2, 2, 1] } });
    // The deck says where it is again (as on every connect), so the clock as of now is stored.
    expect(await deck.socket.emitWithAck('deck:at', { slide: '2.3', plan: 'full' })).toEqual({ ok: true });

    for (const s of sockets.splice(0)) s.close();
    for (const k of kits.splice(0)) await k.kill();
    // Started again without --threshold: the workshop keeps its 5.
    const [three] = await twoKits();
    const after = { host: keep(await host(three.url, HOST_KEY)), phone: keep(await attendee(three.url, phones[0] ?? '')) };

    const [was, is] = [before.host.greeting['deck:position'], after.host.greeting['deck:position']] as [DeckPosition, DeckPosition];
    expect(is).toMatchObject({ slide: '2.3', plan: 'full' });
    expect(is.elapsed).toBeGreaterThanOrEqual(was.elapsed);
    expect(Object.keys(is.spent).sort()).toEqual(Object.keys(was.spent).sort());
    for (const [section, ms] of Object.entries(was.spent)) expect(is.spent[section]).toBeGreaterThanOrEqual(ms);
    expect(after.host.greeting['room:paused']).toEqual({ paused: true });
    expect(after.phone.greeting['room:paused']).toEqual({ paused: true });
    expect(after.host.state.snapshots).toEqual(before.host.state.snapshots);
    expect(after.host.greeting['learning:update']).toEqual(before.host.greeting['learning:update']);
    expect(after.phone.state).toEqual(before.phone.state);
  });
});

describe('the console on Redis', () => {
  const record = freshWorkshop(new Set(), 1, 10);
  let now = 1_000_000;
  const open = async (): Promise<RedisConsole> => {
    const c = new RedisConsole(record, client, () => now);
    consoles.push(c);
    await c.start();
    return c;
  };

  it('does not count the time no process ran, and counts a short restart as running', async () => {
    const first = await open();
    await first.at('0.0', '90');
    now += 60_000;
    await first.at('0.1', '90');
    now += 30_000;
    const atStop = await first.position();
    expect(atStop).toEqual({ slide: '0.1', plan: '90', elapsed: 30_000, spent: { '0': 30_000 } });
    first.stop();

    // An hour with no process: the clock reads what it read at the stop.
    now += 3_600_000;
    const second = await open();
    expect(await second.position()).toEqual(atStop);
    // A second process starting meanwhile finds the first running: nothing more is taken off.
    now += 1_000;
    await open();
    expect(await second.position()).toEqual({ ...atStop, elapsed: 31_000, spent: { '0': 31_000 } });
    // Stopped and started again within seconds (a restart by systemd): that time counts.
    now += 2_000;
    expect(await (await open()).position()).toEqual({ ...atStop, elapsed: 33_000, spent: { '0': 33_000 } });
  });
});
