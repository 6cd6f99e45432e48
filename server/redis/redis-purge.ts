/**
 * Purge and delete when the workshops are in Redis (`npm run purge` with REDIS_URL), as on a
 * laptop: purge keeps a workshop's counts (computed by purge/ on a copy: report-store.ts) in
 * `kit:ID:kept` and deletes its ballots, tallies, questions, votes and joined phones; delete
 * removes every key of it. Both destroy its salt and key. Then Redis rewrites its append-only
 * file, which otherwise still holds every command that wrote what was deleted.
 */
import { randomBytes } from 'node:crypto';
import type { RedisClientType } from 'redis';
import type { ActivitySummary, PurgedCounts, WorkshopRecord } from '../store/store.ts';
import { forgetEnded, keptKey, workshopKeys } from './retention.ts';
import { forgetRecord, listWorkshops, saveRecord } from './workshop-records.ts';

/** What purge keeps of a workshop in Redis: counts and times, nothing a phone typed or chose alone. */
export interface KeptInRedis extends PurgedCounts {
  at: number;
  startedAt: number | null;
  lastCommandAt: number | null;
  summaries: ActivitySummary[];
}

/** The keys of a workshop that hold nothing of a phone: the activities' states, the deck, the times. */
const NOT_RAW = /^(current|times|clock|paused|alive|stopped|kept|leader|[^:]+:state)$/;

/** What purge kept of a workshop, or undefined when it was not purged. */
export async function readKept(redis: RedisClientType, workshopId: string): Promise<KeptInRedis | undefined> {
  const raw = await redis.get(keptKey(workshopId));
  return raw ? (JSON.parse(raw) as KeptInRedis) : undefined;
}

/** A value nobody knows, to overwrite a salt or a key with. */
const unknowable = (): string => randomBytes(32).toString('base64url');

/** Keeps only `kept` of `record` in Redis; the salt and key are overwritten. */
export async function purgeInRedis(redis: RedisClientType, record: WorkshopRecord, kept: KeptInRedis): Promise<void> {
  await redis.set(keptKey(record.id), JSON.stringify(kept));
  const prefix = `kit:${record.id}:`;
  const raw = (await workshopKeys(redis, record.id)).filter((key) => !NOT_RAW.test(key.slice(prefix.length)));
  if (raw.length > 0) await redis.del(raw);
  await saveRecord(redis, { ...record, salt: unknowable(), hostKey: unknowable() });
}

/** Removes every key of a workshop and its record. */
export async function deleteInRedis(redis: RedisClientType, workshopId: string): Promise<void> {
  const keys = await workshopKeys(redis, workshopId);
  if (keys.length > 0) await redis.del(keys);
  await forgetRecord(redis, workshopId);
  await forgetEnded(redis, workshopId);
}

/**
 * Removes what is left of workshops whose retention is over (retention.ts): the keys that have
 * not expired yet, and the record unless purge kept its counts (then its secrets are gone already).
 */
export async function forgetExpired(redis: RedisClientType, workshopIds: readonly string[]): Promise<void> {
  for (const id of workshopIds) {
    if (!(await readKept(redis, id))) {
      await deleteInRedis(redis, id);
      continue;
    }
    const keys = (await workshopKeys(redis, id)).filter((key) => key !== keptKey(id));
    if (keys.length > 0) await redis.del(keys);
  }
}

/** The workshop with join code `code`, if Redis has it. */
export async function findByCode(redis: RedisClientType, code: string): Promise<WorkshopRecord | undefined> {
  return (await listWorkshops(redis)).find((w) => w.code === code);
}

/**
 * Has Redis rewrite its append-only file from what it holds now, so deleted questions and
 * keys are no longer in the commands it logged, and waits until it is done. Nothing to do
 * when Redis keeps no such file.
 */
export async function compactLog(redis: RedisClientType): Promise<void> {
  const persistence = async (): Promise<Record<string, string>> =>
    Object.fromEntries((await redis.info('persistence')).split(/\r?\n/).map((line) => line.split(':') as [string, string]));
  if ((await persistence())['aof_enabled'] !== '1') return;
  const busy = async (): Promise<boolean> => {
    const p = await persistence();
    return p['aof_rewrite_in_progress'] === '1' || p['aof_rewrite_scheduled'] === '1';
  };
  while (await busy()) await new Promise((ok) => setTimeout(ok, 100));
  await redis.bgRewriteAof();
  while (await busy()) await new Promise((ok) => setTimeout(ok, 100));
}
