/**
 * How long Redis keeps what the kit wrote. Nothing is kept forever by default:
 * - socket.io's stream (what the processes broadcast to each other) is capped at a number of
 *   entries and expires STREAM_TTL_MS after the last process running noted it is alive;
 * - a workshop that is no longer the one running has ended: every key of it expires
 *   `retentionMs` after it ended (REDIS_RETENTION_DAYS), and once that time has passed the
 *   next kit to start or purge removes its record, salt and key too. What purge kept
 *   (`kit:ID:kept`, counts only) does not expire, like a purged workshop's counts on a laptop.
 */
import type { RedisClientType } from 'redis';
import { listWorkshops, runningWorkshopId } from './workshop-records.ts';

export interface RedisRetention {
  /** How long an ended workshop's keys live after it ended. */
  retentionMs: number;
  /** At most about this many entries in socket.io's stream (trimmed approximately, by Redis). */
  streamMaxLen: number;
}

const DAY = 86_400_000;
export const DEFAULT_RETENTION: RedisRetention = { retentionMs: 30 * DAY, streamMaxLen: 1000 };

/** The stream lives this long after the last refresh: every process refreshes it while it runs. */
export const STREAM_TTL_MS = 3_600_000;
export const STREAM_REFRESH_MS = 300_000;

/** When each ended workshop ended (a hash: workshop id to time). */
const ENDED = 'kit:ended';

/** The key of what purge kept of a workshop (its counts; never a ballot or a question). */
export const keptKey = (workshopId: string): string => `kit:${workshopId}:kept`;

/** REDIS_RETENTION_DAYS and REDIS_STREAM_MAXLEN from `env`, or a message saying which is wrong. */
export function redisRetention(env: Readonly<Record<string, string | undefined>>): RedisRetention | string {
  const whole = (name: string, min: number, max: number, fallback: number): number | string => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const n = Number(text);
    return Number.isInteger(n) && n >= min && n <= max ? n : `${name} must be a whole number from ${min} to ${max}, not "${text}"`;
  };
  const days = whole('REDIS_RETENTION_DAYS', 1, 3650, DEFAULT_RETENTION.retentionMs / DAY);
  const maxLen = whole('REDIS_STREAM_MAXLEN', 100, 1_000_000, DEFAULT_RETENTION.streamMaxLen);
  if (typeof days === 'string') return days;
  if (typeof maxLen === 'string') return maxLen;
  return { retentionMs: days * DAY, streamMaxLen: maxLen };
}

/** Every key of one workshop in Redis (`kit:ID:...`). */
export async function workshopKeys(redis: RedisClientType, workshopId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: `kit:${workshopId}:*`, COUNT: 200 })) keys.push(...batch);
  return keys;
}

/** Forgets when a workshop ended (it was deleted). */
export async function forgetEnded(redis: RedisClientType, workshopId: string): Promise<void> {
  await redis.hDel(ENDED, workshopId);
}

/**
 * Marks every workshop but the running one as ended (from `now`, the first time it is seen so),
 * gives each key of an ended workshop that has no expiry one at the end of its retention (a
 * process still serving it may have written a key since), and returns the workshops whose
 * retention is over: the caller removes what is left of them (redis-purge.ts).
 */
export async function sweepEnded(redis: RedisClientType, now: number, { retentionMs }: RedisRetention): Promise<string[]> {
  const running = await runningWorkshopId(redis);
  const ended = await redis.hGetAll(ENDED);
  const over: string[] = [];
  for (const { id } of await listWorkshops(redis)) {
    if (id === running) {
      if (ended[id] !== undefined) await redis.hDel(ENDED, id);
      continue;
    }
    if (ended[id] === undefined) await redis.hSet(ENDED, id, String(now));
    const left = Number(ended[id] ?? now) + retentionMs - now;
    if (left <= 0) {
      over.push(id);
      continue;
    }
    const kept = keptKey(id);
    // NX: a key keeps the expiry it has; only keys without one get it.
    for (const key of await workshopKeys(redis, id)) if (key !== kept) await redis.pExpire(key, left, 'NX');
  }
  return over;
}
