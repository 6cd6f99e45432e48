/**
 * A phone's greeting on Redis (redis/redis-greeting.ts): read in one script, and the same as
 * its parts read one by one (the pause, the deck's position, the board with the phone's votes,
 * the current activity with the phone's answer), also when the facilitator moved on since
 * this process last looked. On a real redis-server; the Redis client's own diagnostics channel
 * says how many commands a greeting sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisClientType } from 'redis';
import type { Activity } from '../../server/content/content.ts';
import { DEFAULT_THRESHOLDS } from '../../server/core/workshop.ts';
import type { AttendeeGreeting } from '../../server/live/live-workshop.ts';
import { RedisConsole } from '../../server/redis/redis-console.ts';
import { RedisGreeting } from '../../server/redis/redis-greeting.ts';
import { RedisQa } from '../../server/redis/redis-qa.ts';
import { RedisRoom } from '../../server/redis/redis-room.ts';
import { realActivities } from '../helpers/server.ts';
import { commandsOf, redisClient, startRedis, type RunningRedis } from '../helpers/redis.ts';

const KC = 'check-force.after';
const OTHER = 'check-who-recruits.after';
const catalog: ReadonlyMap<string, Activity> = new Map(realActivities().map((a) => [a.id, a]));
const record = { id: 'w-greet', code: 'GREET1', hostKey: 'k', salt: 'salt', createdAt: 1 };
// A still clock: the deck's elapsed time is the same whichever way it is read.
const clock = (): number => 1_000_000;
let redis: RunningRedis;
let client: RedisClientType;
let room: RedisRoom;
let qa: RedisQa;
let deck: RedisConsole;
let greeting: RedisGreeting;

/** The greeting read part by part, as a store without a script of its own reads it. */
async function byParts(phone: string | undefined): Promise<AttendeeGreeting> {
  const [paused, board, position, state] = await Promise.all([deck.isPaused(), qa.board(phone), deck.position(), room.attendeeState(phone)]);
  return { paused, board, position, state };
}

const settle = (): Promise<void> => new Promise((ok) => setTimeout(ok, 400));

beforeAll(async () => {
  redis = await startRedis();
  client = await redisClient(redis.url);
  const subscriber = await redisClient(redis.url);
  // No start(): no lease, no channel, so Redis runs nothing but what the test asks.
  room = new RedisRoom({ record, catalog, thresholds: DEFAULT_THRESHOLDS, redis: client, subscriber, clock, joinUrl: () => '/' });
  qa = new RedisQa(record, client, subscriber);
  deck = new RedisConsole(record, client, clock);
  greeting = new RedisGreeting(client, { workshopId: record.id, room, qa, console: deck });
});
afterAll(async () => {
  room?.stop();
  qa?.stop();
  await client?.quit().catch(() => undefined);
  await redis?.stop();
});

describe("a phone's greeting on Redis", () => {
  it('is read in one script, and is what its parts say, for a phone that answered and voted, one that did not, and a page without a phone', async () => {
    expect(await room.command('open', KC)).toEqual({ ok: true });
    for (let i = 0; i < 12; i++) expect((await room.submit(`phone-${i}`, KC, i % 3)).ok).toBe(true);
    const asked = await qa.ask('How do I talk to my teen about this?');
    const other = await qa.ask('Who do I call first?');
    if (!asked.ok || !other.ok) throw new Error('asking failed');
    expect(await qa.moderate(asked.id, 'approve')).toEqual({ ok: true });
    expect(await qa.moderate(other.id, 'approve')).toEqual({ ok: true });
    expect((await qa.vote('phone-1', asked.id, true)).ok).toBe(true);
    expect((await qa.vote('phone-2', asked.id, true)).ok).toBe(true);
    await deck.pause(true);
    await deck.at('2/3', 'full');
    await settle();

    for (const phone of ['phone-1', 'phone-5', 'phone-new', undefined]) expect(await greeting.read(phone)).toEqual(await byParts(phone));
    const answered = await greeting.read('phone-1');
    expect(answered.state.mine).toBe(1);
    expect(answered.board.mine).toEqual([asked.id]);
    expect(answered.board.questions.map((q) => [q.id, q.votes])).toEqual([
      [asked.id, 2],
      [other.id, 0],
    ]);
    expect(answered.paused).toEqual({ paused: true });
    expect(answered.position.slide).toBe('2/3');
    expect((await greeting.read(undefined)).state).not.toHaveProperty('mine');

    // Once this process has seen the room, a greeting is one command to Redis.
    expect(await commandsOf(() => greeting.read('phone-3'))).toEqual({ evalsha: 1 });
  });

  it('reads the phones that connect together in one script, each phone with its own answer and votes', async () => {
    const phones = ['phone-0', 'phone-1', 'phone-2', 'phone-new', undefined, 'phone-4'];
    let together: AttendeeGreeting[] = [];
    expect(await commandsOf(async () => (together = await Promise.all(phones.map((phone) => greeting.read(phone)))))).toEqual({ evalsha: 1 });
    for (const [i, phone] of phones.entries()) expect(together[i]).toEqual(await byParts(phone));
    expect(together.map((g) => g.state.mine)).toEqual([0, 1, 2, null, undefined, 1]);
    expect(together.map((g) => g.board.mine)).toEqual([[], [expect.any(String)], [expect.any(String)], [], undefined, []]);
  });

  it('is read again with the right keys when the facilitator moved on or approved a question since, and still matches its parts', async () => {
    await greeting.read('phone-1');
    expect(await room.command('open', OTHER)).toEqual({ ok: true });
    expect((await room.submit('phone-1', OTHER, 2)).ok).toBe(true);
    const late = await qa.ask('Is this common here?');
    if (!late.ok) throw new Error('asking failed');
    expect(await qa.moderate(late.id, 'approve')).toEqual({ ok: true });
    expect((await qa.vote('phone-1', late.id, true)).ok).toBe(true);
    await deck.pause(false);
    await settle();

    // The first try finds another activity and another board than expected: a second script.
    const ran = await commandsOf(async () => {
      const fresh = await greeting.read('phone-1');
      expect(fresh).toEqual(await byParts('phone-1'));
      expect(fresh.state.current?.activity.id).toBe(OTHER);
      expect(fresh.state.mine).toBe(2);
      expect(fresh.board.mine).toContain(late.id);
      expect(fresh.paused).toEqual({ paused: false });
    });
    expect(ran['evalsha']).toBe(2);

    // With no activity showing, a phone has nothing of its own in the room's state.
    expect(await room.command('idle')).toEqual({ ok: true });
    await settle();
    const idle = await greeting.read('phone-1');
    expect(idle).toEqual(await byParts('phone-1'));
    expect(idle.state.current).toBeNull();
  });
});
