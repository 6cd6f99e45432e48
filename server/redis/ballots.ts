/**
 * Ballots and counts in Redis, exactly once under any concurrency: one Lua script checks the
 * activity is open (and not revealed: revealed counts never move), sets the phone's ballot and adjusts the counts, atomically. Several kit
 * processes may take answers for one activity at the same time; the counts stay equal to the
 * ballots. A ballot is acknowledged only once Redis answered the script (with AOF and
 * `appendfsync always`, once it is on disk: see docs/deploy.md).
 */
import type { RedisClientType } from 'redis';
import { Script } from './script.ts';

/** The keys of one activity of one workshop. */
export function activityKeys(workshopId: string, activityId: string) {
  const base = `kit:${workshopId}:${activityId}`;
  return { state: `${base}:state`, ballots: `${base}:ballots`, tally: `${base}:tally` };
}

/**
 * KEYS: state, ballots, tally. ARGV: voter, ballot (JSON), then field, amount pairs for the
 * new answer. A stored ballot is {"v": answer, "f": [[field, amount], ...]}, so the script can
 * take back exactly what the previous answer added.
 * Returns {"same"} (the same answer again: confirmed, nothing changes, even once locked),
 * {"NOT_OPEN"}, or {"stored"}.
 */
const SUBMIT = new Script(`
local previous = redis.call('HGET', KEYS[2], ARGV[1])
if previous then
  if cjson.decode(previous).v_json == cjson.decode(ARGV[2]).v_json then return 'same' end
end
if redis.call('HGET', KEYS[1], 'status') ~= 'open' or redis.call('HGET', KEYS[1], 'revealed') == '1' then return 'NOT_OPEN' end
if previous then
  for _, f in ipairs(cjson.decode(previous).f) do redis.call('HINCRBY', KEYS[3], f[1], -f[2]) end
else
  redis.call('HINCRBY', KEYS[3], 'total', 1)
end
for i = 3, #ARGV, 2 do redis.call('HINCRBY', KEYS[3], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 'stored'
`);

export type SubmitResult = 'stored' | 'same' | 'NOT_OPEN';

export class RedisBallots {
  constructor(private readonly redis: RedisClientType) {}

  /** Stores `value` as `voter`'s ballot if the activity is open; `fields` are what it counts (core/tally-fields.ts). */
  async submit(workshopId: string, activityId: string, voter: string, value: unknown, fields: [string, number][]): Promise<SubmitResult> {
    const keys = activityKeys(workshopId, activityId);
    // The answer is compared as its JSON text, so [1, 2] equals [1, 2] and "a" equals "a".
    const ballot = JSON.stringify({ v_json: JSON.stringify(value), v: value, f: fields });
    const args = [voter, ballot, ...fields.flatMap(([f, n]) => [f, String(n)])];
    return (await SUBMIT.run(this.redis, [keys.state, keys.ballots, keys.tally], args)) as SubmitResult;
  }

  async setState(workshopId: string, activityId: string, status: string, revealed: boolean): Promise<void> {
    await this.redis.hSet(activityKeys(workshopId, activityId).state, { status, revealed: revealed ? '1' : '0' });
  }

  /** Deletes the activity's ballots and counts together. */
  async clear(workshopId: string, activityId: string): Promise<void> {
    const keys = activityKeys(workshopId, activityId);
    await this.redis.multi().del(keys.ballots).del(keys.tally).exec();
  }

  /** The stored counts (field to number as text), `total` included. */
  async tally(workshopId: string, activityId: string): Promise<Record<string, string>> {
    return this.redis.hGetAll(activityKeys(workshopId, activityId).tally);
  }

  /** One phone's stored answer, or undefined. */
  async ballot(workshopId: string, activityId: string, voter: string): Promise<unknown> {
    const raw = await this.redis.hGet(activityKeys(workshopId, activityId).ballots, voter);
    return raw ? (JSON.parse(raw) as { v: unknown }).v : undefined;
  }

  async ballotCount(workshopId: string, activityId: string): Promise<number> {
    return this.redis.hLen(activityKeys(workshopId, activityId).ballots);
  }
}
