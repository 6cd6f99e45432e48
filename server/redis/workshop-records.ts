/**
 * Workshops when several kit processes share Redis: their records in one hash, and which
 * one `npm start` runs. Processes starting together agree on it: the first to set it wins
 * and the others open that one.
 */
import type { RedisClientType } from 'redis';
import type { WorkshopRecord } from '../store/store.ts';
import { freshWorkshop } from '../workshops.ts';

const RECORDS = 'kit:workshops';
const RUNNING = 'kit:running';

/** The id of the workshop `npm start` runs, or null when none was started. */
export const runningWorkshopId = (redis: RedisClientType): Promise<string | null> => redis.get(RUNNING);

/** Replaces a workshop's record (purge overwrites its salt and key). */
export async function saveRecord(redis: RedisClientType, record: WorkshopRecord): Promise<void> {
  await redis.hSet(RECORDS, record.id, JSON.stringify(record));
}

/** Removes a workshop's record, its salt and key with it; no longer the running one if it was. */
export async function forgetRecord(redis: RedisClientType, workshopId: string): Promise<void> {
  await redis.hDel(RECORDS, workshopId);
  await redis.eval(`if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end return 0`, { keys: [RUNNING], arguments: [workshopId] });
}

/** All workshops, oldest first. */
export async function listWorkshops(redis: RedisClientType): Promise<WorkshopRecord[]> {
  // Records made before the threshold was kept have none: the kit's setting applies to them.
  const all = Object.values(await redis.hGetAll(RECORDS)).map((raw) => ({ threshold: null, ...(JSON.parse(raw) as WorkshopRecord) }));
  return all.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/**
 * The workshop the kit runs: the one running already, or a new one when there is none or
 * `fresh` is asked for (then every process started after this one joins the new one). A new
 * workshop keeps `threshold`; one running already keeps the one it was created with.
 */
export async function openRunningWorkshop(redis: RedisClientType, fresh: boolean, now: number, threshold: number | null = null): Promise<WorkshopRecord> {
  const records = await listWorkshops(redis);
  const running = await redis.get(RUNNING);
  const current = records.find((r) => r.id === running);
  if (current && !fresh) return current;
  const record = freshWorkshop(new Set(records.map((r) => r.code)), now, threshold);
  await redis.hSet(RECORDS, record.id, JSON.stringify(record));
  if (fresh) await redis.set(RUNNING, record.id);
  else if ((await redis.set(RUNNING, record.id, { NX: true })) !== 'OK') {
    // Another process started at the same moment and won: run its workshop, forget ours.
    await redis.hDel(RECORDS, record.id);
    return openRunningWorkshop(redis, false, now, threshold);
  }
  return record;
}
