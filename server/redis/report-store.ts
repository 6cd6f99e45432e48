/**
 * What the report reads, when the workshops are in Redis: a copy of them in an in-memory
 * SQLite store (nothing on disk), made for one report and closed after it, so the report,
 * its CSV and JSON are built by the same code as on a laptop.
 */
import type { RedisClientType } from 'redis';
import type { Activity } from '../content/content.ts';
import type { QaEvent } from '../core/questions.ts';
import type { ActivityStatus, AnswerValue } from '../protocol.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import type { Store, StoredEvent } from '../store/store.ts';
import { activityKeys } from './ballots.ts';
import { qaKey, votesKey } from './redis-qa.ts';
import { currentKey, timesKey } from './redis-room.ts';
import { readKept, type KeptInRedis } from './redis-purge.ts';
import { joinedKey } from './redis-workshops.ts';
import { listWorkshops } from './workshop-records.ts';

/** Runs `use` on a copy of every workshop in Redis. */
export async function withRedisCopy<T>(redis: RedisClientType, activities: readonly Activity[], use: (store: Store) => T): Promise<T> {
  const store = await redisCopy(redis, activities);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

/** A copy of every workshop in Redis, in memory; the caller closes it. */
export async function redisCopy(redis: RedisClientType, activities: readonly Activity[]): Promise<Store> {
  const store = openSqliteStore(':memory:');
  try {
    for (const record of await listWorkshops(redis)) {
      const kept = await readKept(redis, record.id);
      store.createWorkshop(record);
      store.commit([{ workshopId: record.id, events: await eventsOf(redis, record.id, activities, kept) }]);
      // Purged in Redis: what purge kept, as a purged workshop on a laptop reads.
      if (kept) store.purge(record.id, kept.summaries, kept.at, kept);
    }
    return store;
  } catch (error) {
    store.close();
    throw error;
  }
}

/** A workshop's state in Redis as the events a store takes. */
async function eventsOf(redis: RedisClientType, workshopId: string, activities: readonly Activity[], kept: KeptInRedis | undefined): Promise<StoredEvent[]> {
  const [current, times, qa, joined] = await Promise.all([redis.get(currentKey(workshopId)), redis.hGetAll(timesKey(workshopId)), redis.lRange(qaKey(workshopId), 0, -1), redis.sMembers(joinedKey(workshopId))]);
  // A purged workshop's times outlive its other keys in what purge kept.
  const startedAt = Number(times['startedAt'] ?? kept?.startedAt ?? 0);
  const lastCommandAt = Number(times['lastCommandAt'] ?? kept?.lastCommandAt ?? 0);
  // The first command's time and the last, as the store keeps them (no other time is kept).
  const events: StoredEvent[] = startedAt > 0 ? [{ type: 'current', activityId: current, at: startedAt }, { type: 'current', activityId: current, at: lastCommandAt }] : [];
  for (const a of activities) {
    const keys = activityKeys(workshopId, a.id);
    const [state, ballots] = await Promise.all([redis.hGetAll(keys.state), redis.hGetAll(keys.ballots)]);
    if (state['status']) events.push({ type: 'activity', activityId: a.id, status: state['status'] as ActivityStatus, revealed: state['revealed'] === '1', at: lastCommandAt });
    for (const [voter, raw] of Object.entries(ballots)) events.push({ type: 'ballot', activityId: a.id, voter, value: (JSON.parse(raw) as { v: AnswerValue }).v, at: 0 });
  }
  const questions = qa.map((e) => JSON.parse(e) as QaEvent);
  events.push(...questions);
  for (const q of questions) {
    if (q.type !== 'question') continue;
    const voters = await redis.sMembers(votesKey(workshopId, q.id));
    events.push(...voters.map((voter) => ({ type: 'vote' as const, id: q.id, voter, on: true })));
  }
  events.push(...joined.map((key) => ({ type: 'joined' as const, key })));
  return events;
}
