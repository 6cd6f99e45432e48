import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisClientType } from 'redis';
import { tallyFields, tallyFromFields } from '../../server/core/tally-fields.ts';
import { RedisBallots } from '../../server/redis/ballots.ts';
import { realActivities } from '../helpers/server.ts';
import { commandsOf, redisClient, startRedis, type RunningRedis } from '../helpers/redis.ts';

const activity = realActivities().find((a) => a.id === 'reflect-signs.after');
if (!activity) throw new Error('no reflect-signs.after');
let redis: RunningRedis;
let clients: RedisClientType[] = [];

beforeAll(async () => {
  redis = await startRedis();
  // Two clients stand for two kit processes taking answers at the same time.
  clients = [await redisClient(redis.url), await redisClient(redis.url)];
});
afterAll(async () => {
  for (const c of clients) await c.quit().catch(() => undefined);
  await redis?.stop();
});

describe('ballots in Redis', () => {
  it('keeps one ballot per phone and counts equal to the ballots, with two processes answering at once', async () => {
    const [a, b] = clients.map((c) => new RedisBallots(c)) as [RedisBallots, RedisBallots];
    await a.setState('w1', activity.id, 'open', false);
    const voters = Array.from({ length: 100 }, (_, i) => `voter-${i}`);
    // Each phone answers twice, on both processes, at the same time (a retry racing a change).
    const submit = (ballots: RedisBallots, voter: string, value: number) => ballots.submit('w1', activity.id, voter, value, tallyFields(activity, value));
    const results = await Promise.all(voters.flatMap((v, i) => [submit(a, v, 1 + (i % 5)), submit(b, v, 1 + ((i + 1) % 5))]));
    expect(results.every((r) => r === 'stored')).toBe(true);
    expect(await a.ballotCount('w1', activity.id)).toBe(100);
    const fields = await b.tally('w1', activity.id);
    expect(Number(fields['total'])).toBe(100);
    const tally = tallyFromFields(activity, fields);
    expect(tally.counts.reduce((s, n) => s + n, 0)).toBe(100);
    // The counts are exactly those of the ballots kept.
    const kept = await Promise.all(voters.map((v) => a.ballot('w1', activity.id, v)));
    const expected = [0, 0, 0, 0, 0];
    for (const v of kept) expected[(v as number) - 1] = (expected[(v as number) - 1] ?? 0) + 1;
    expect(tally.counts).toEqual(expected);
    expect(tally.sum).toBe(kept.reduce((s: number, v) => s + (v as number), 0));
  });

  it('confirms the same answer again without counting it, even once locked, and refuses a change when locked', async () => {
    const ballots = new RedisBallots(clients[0] as RedisClientType);
    await ballots.setState('w2', activity.id, 'open', false);
    expect(await ballots.submit('w2', activity.id, 'p', 4, tallyFields(activity, 4))).toBe('stored');
    expect(await ballots.submit('w2', activity.id, 'p', 4, tallyFields(activity, 4))).toBe('same');
    await ballots.setState('w2', activity.id, 'locked', false);
    expect(await ballots.submit('w2', activity.id, 'p', 4, tallyFields(activity, 4))).toBe('same');
    expect(await ballots.submit('w2', activity.id, 'p', 2, tallyFields(activity, 2))).toBe('NOT_OPEN');
    expect(await ballots.tally('w2', activity.id)).toMatchObject({ total: '1', 'c:3': '1', sum: '4' });
  });

  it('stores the answers that arrive together in one script, each with its own result, the same phone twice counted once', async () => {
    const ballots = new RedisBallots(clients[0] as RedisClientType);
    await ballots.setState('w4', activity.id, 'open', false);
    const submit = (voter: string, value: number) => ballots.submit('w4', activity.id, voter, value, tallyFields(activity, value));
    let results: string[] = [];
    const sent = await commandsOf(async () => (results = await Promise.all([submit('a', 1), submit('b', 2), submit('a', 1), submit('c', 5), submit('a', 4)])));
    expect(sent).toEqual({ evalsha: 1 });
    // One after another: the second 'a' confirms the first, the third replaces it.
    expect(results).toEqual(['stored', 'stored', 'same', 'stored', 'stored']);
    expect(await ballots.ballot('w4', activity.id, 'a')).toBe(4);
    expect(await ballots.tally('w4', activity.id)).toMatchObject({ total: '3', sum: String(4 + 2 + 5) });
    // Locked: a new answer is refused in the same script that confirms a known one.
    await ballots.setState('w4', activity.id, 'locked', false);
    expect(await Promise.all([submit('b', 2), submit('d', 3)])).toEqual(['same', 'NOT_OPEN']);
  });

  it('loses no acknowledged ballot and counts none twice when Redis is killed mid-burst and restarted', async () => {
    const ballots = new RedisBallots(clients[0] as RedisClientType);
    await ballots.setState('w3', activity.id, 'open', false);
    const acked = new Set<string>();
    let crash: Promise<void> | undefined;
    // 500 phones answer at once; Redis is killed after the 100th acknowledgement. The client
    // queues what it could not send and sends it again on reconnect, as a phone re-sends.
    await Promise.all(
      Array.from({ length: 500 }, async (_, i) => {
        for (;;) {
          try {
            const result = await ballots.submit('w3', activity.id, `v${i}`, 3, tallyFields(activity, 3));
            if (result === 'stored' || result === 'same') acked.add(`v${i}`);
            if (acked.size === 100) crash ??= redis.crashAndRestart();
            return;
          } catch {
            await new Promise((ok) => setTimeout(ok, 100));
          }
        }
      }),
    );
    expect(crash).toBeDefined();
    await crash;
    const after = new RedisBallots(clients[1] as RedisClientType);
    expect(acked.size).toBe(500);
    for (const v of acked) expect(await after.ballot('w3', activity.id, v), v).toBe(3);
    // Counted once each: the counts equal the ballots.
    expect(await after.ballotCount('w3', activity.id)).toBe(500);
    expect(await after.tally('w3', activity.id)).toMatchObject({ total: '500', 'c:2': '500', sum: '1500' });
  });
});
