/**
 * Workshops when several kit processes share Redis: their records in one hash, and which
 * one they all run (`kit:running`). Processes starting together agree on it: the first to set
 * it wins and the others open that one. A process started with `--new` sets a new one and says
 * so on a channel; every process follows it (redis-workshops.ts).
 */
import type { RedisClientType } from 'redis';
import type { WorkshopRecord } from '../store/store.ts';
import { freshWorkshop } from '../workshops.ts';
import { Script } from './script.ts';

const RECORDS = 'kit:workshops';
const RUNNING = 'kit:running';
/** The channel on which a process says it set `kit:running` (the message is the workshop's id). */
export const RUNNING_CHANGES = 'kit:running:changes';

/** The id of the workshop `npm start` runs, or null when none was started. */
export const runningWorkshopId = (redis: RedisClientType): Promise<string | null> => redis.get(RUNNING);

/** KEYS: running. ARGV: the new id, the id found running ('' for none). Sets it unless another process set another meanwhile. */
const REPLACE = new Script(`
local now = redis.call('GET', KEYS[1]) or ''
if now ~= ARGV[2] then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
return 1
`);

/** KEYS: running. ARGV: a workshop's id. No longer the running one, if it was. */
const FORGET = new Script(`if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end return 0`);

/** One workshop's record, or undefined. */
export async function readRecord(redis: RedisClientType, workshopId: string): Promise<WorkshopRecord | undefined> {
  const raw = await redis.hGet(RECORDS, workshopId);
  return raw ? { threshold: null, ...(JSON.parse(raw) as WorkshopRecord) } : undefined;
}

/** Replaces a workshop's record (purge overwrites its salt and key). */
export async function saveRecord(redis: RedisClientType, record: WorkshopRecord): Promise<void> {
  await redis.hSet(RECORDS, record.id, JSON.stringify(record));
}

/** Removes a workshop's record, its salt and key with it; no longer the running one if it was. */
export async function forgetRecord(redis: RedisClientType, workshopId: string): Promise<void> {
  await redis.hDel(RECORDS, workshopId);
  await FORGET.run(redis, [RUNNING], [workshopId]);
}

/** All workshops, oldest first. */
export async function listWorkshops(redis: RedisClientType): Promise<WorkshopRecord[]> {
  // Records made before the threshold was kept have none: the kit's setting applies to them.
  const all = Object.values(await redis.hGetAll(RECORDS)).map((raw) => ({ threshold: null, ...(JSON.parse(raw) as WorkshopRecord) }));
  return all.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/**
 * The workshop the kit runs: the one running already (a process restarted after a crash joins
 * it), or a new one when there is none or `fresh` is asked for: then every process moves to
 * the new one (it is announced on RUNNING_CHANGES). A new workshop keeps `threshold`; one
 * running already keeps the one it was created with.
 */
export async function openRunningWorkshop(redis: RedisClientType, fresh: boolean, now: number, threshold: number | null = null): Promise<WorkshopRecord> {
  const records = await listWorkshops(redis);
  const running = await redis.get(RUNNING);
  const current = records.find((r) => r.id === running);
  if (current && !fresh) return current;
  const record = freshWorkshop(new Set(records.map((r) => r.code)), now, threshold);
  await redis.hSet(RECORDS, record.id, JSON.stringify(record));
  if (fresh) await redis.set(RUNNING, record.id);
  // None runs (or its record is gone): ours, unless another process started at the same moment.
  else if ((await REPLACE.run(redis, [RUNNING], [record.id, running ?? ''])) !== 1) {
    // It won: run its workshop, forget ours.
    await redis.hDel(RECORDS, record.id);
    return openRunningWorkshop(redis, false, now, threshold);
  }
  await redis.publish(RUNNING_CHANGES, record.id);
  return record;
}
