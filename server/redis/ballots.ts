/**
 * Ballots and counts in Redis, exactly once under any concurrency: one Lua script checks the
 * activity is open (and not revealed: revealed counts never move), sets each phone's ballot and
 * adjusts the counts, atomically, for the answers that arrived within a few milliseconds of
 * each other (gather.ts). Several kit processes may take answers for one activity at the same
 * time; the counts stay equal to the ballots. A ballot is acknowledged only once Redis answered
 * the script (with AOF and `appendfsync always`, once it is on disk: see docs/deploy.md). */
import type { RedisClientType } from 'redis';
import { Gather } from './gather.ts';
import { Script } from './script.ts';

/** The keys of one activity of one workshop. */
export function activityKeys(workshopId: string, activityId: string) {
  const base = `kit:${workshopId}:${activityId}`;
  return { state: `${base}:state`, ballots: `${base}:ballots`, tally: `${base}:tally` };
}

/**
 * KEYS: state, ballots, tally. ARGV: for each answer, the voter, the ballot (JSON), how many
 * field, amount pairs it counts, then those pairs. A stored ballot is {"v": answer, "f":
 * [[field, amount], ...]}, so the script can take back exactly what the previous answer added.
 * Returns, for each answer in order, "same" (the same answer again: confirmed, nothing changes,
 * even once locked), "NOT_OPEN" or "stored". One answer after another, as if each were its own
 * script: the same phone twice in one call is counted once.
 */
const SUBMIT = new Script(`
local open = redis.call('HGET', KEYS[1], 'status') == 'open' and redis.call('HGET', KEYS[1], 'revealed') ~= '1'
local results = {}
local i = 1
while i <= #ARGV do
  local voter, ballot, pairs = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
  local previous = redis.call('HGET', KEYS[2], voter)
  if previous and cjson.decode(previous).v_json == cjson.decode(ballot).v_json then
    results[#results + 1] = 'same'
  elseif not open then
    results[#results + 1] = 'NOT_OPEN'
  else
    if previous then
      for _, f in ipairs(cjson.decode(previous).f) do redis.call('HINCRBY', KEYS[3], f[1], -f[2]) end
    else
      redis.call('HINCRBY', KEYS[3], 'total', 1)
    end
    for p = i + 3, i + 1 + 2 * pairs, 2 do redis.call('HINCRBY', KEYS[3], ARGV[p], ARGV[p + 1]) end
    redis.call('HSET', KEYS[2], voter, ballot)
    results[#results + 1] = 'stored'
  end
  i = i + 3 + 2 * pairs
end
return results
`);

/** Answers to one activity arriving within this long of the first are stored in one script. */
const GATHER_MS = 5;
const MOST_ANSWERS = 100;

interface Answer {
  voter: string;
  value: unknown;
  fields: [string, number][];
}

export type SubmitResult = 'stored' | 'same' | 'NOT_OPEN';

export class RedisBallots {
  /** The answers being gathered, by activity's ballots key. */
  private readonly gathering = new Map<string, Gather<Answer, SubmitResult>>();

  constructor(private readonly redis: RedisClientType) {}

  /**
   * Stores `value` as `voter`'s ballot if the activity is open; `fields` are what it counts
   * (core/tally-fields.ts). With the other answers to the activity of the next few milliseconds.
   */
  submit(workshopId: string, activityId: string, voter: string, value: unknown, fields: [string, number][]): Promise<SubmitResult> {
    const keys = activityKeys(workshopId, activityId);
    let gather = this.gathering.get(keys.ballots);
    if (!gather) {
      gather = new Gather((answers) => this.submitAll(keys, answers), GATHER_MS, MOST_ANSWERS);
      this.gathering.set(keys.ballots, gather);
    }
    return gather.one({ voter, value, fields });
  }

  private async submitAll(keys: ReturnType<typeof activityKeys>, answers: Answer[]): Promise<SubmitResult[]> {
    // The answer is compared as its JSON text, so [1, 2] equals [1, 2] and "a" equals "a".
    const args = answers.flatMap(({ voter, value, fields }) => [voter, JSON.stringify({ v_json: JSON.stringify(value), v: value, f: fields }), String(fields.length), ...fields.flatMap(([f, n]) => [f, String(n)])]);
    return (await SUBMIT.run(this.redis, [keys.state, keys.ballots, keys.tally], args)) as SubmitResult[];
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
