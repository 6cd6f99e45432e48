/**
 * What a phone is sent when it connects, read from Redis in one script, one round trip: the
 * pause, the deck's clock, the questions, the current activity's state and counts, and this
 * phone's ballot and votes. Thousands of phones connect within a minute (and again after a
 * restart), and a read per part costs each a handful of round trips.
 *
 * A phone's own keys (its ballot, its votes) are HMACs that Redis cannot make. They are made for
 * the current activity and the questions on the board as this process last saw them; when the
 * script finds others in Redis (the facilitator moved on, a question was approved), it is read
 * again with those, and after a few tries each part is read on its own.
 */
import type { RedisClientType } from 'redis';
import { board } from '../core/questions.ts';
import type { AttendeeGreeting } from '../live/live-workshop.ts';
import { greetingByParts } from '../live/workshop-of.ts';
import { activityKeys } from './ballots.ts';
import type { RedisConsole } from './redis-console.ts';
import { qaKey, qaStateOf, votesKey, type RedisQa } from './redis-qa.ts';
import { currentKey, type RedisRoom } from './redis-room.ts';
import { Script } from './script.ts';

/**
 * KEYS: paused, clock, stopped, current, questions, then the expected activity's state, counts
 * and ballots, then the votes of each expected question. ARGV: the expected activity's id, the
 * phone's ballot key ('' for none), then the phone's vote key for each expected question.
 * Returns {paused, {clock, stopped}, current, events, state, counts, ballot, {count, mine, ...}},
 * the activity's parts false when the current activity is not the one expected.
 */
const GREET = new Script(`
local current = redis.call('GET', KEYS[4])
local out = {redis.call('GET', KEYS[1]), redis.call('MGET', KEYS[2], KEYS[3]), current, redis.call('LRANGE', KEYS[5], 0, -1), false, false, false}
if current and current == ARGV[1] then
  out[5] = redis.call('HGETALL', KEYS[6])
  out[6] = redis.call('HGETALL', KEYS[7])
  if ARGV[2] ~= '' then out[7] = redis.call('HGET', KEYS[8], ARGV[2]) end
end
local votes = {}
for i = 9, #KEYS do
  votes[#votes + 1] = redis.call('SCARD', KEYS[i])
  votes[#votes + 1] = ARGV[i - 6] ~= '' and redis.call('SISMEMBER', KEYS[i], ARGV[i - 6]) or 0
end
out[8] = votes
return out
`);

type Reply = [string | null, [string | null, string | null], string | null, string[], string[] | null, string[] | null, string | null, number[]];

/** Tries with the keys of what Redis showed the try before; then each part is read on its own. */
const TRIES = 3;

/** A hash as Redis replies to HGETALL inside a script: field, value, field, value... */
function hash(flat: string[] | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; flat && i + 1 < flat.length; i += 2) out[flat[i] as string] = flat[i + 1] as string;
  return out;
}

export interface GreetingParts {
  workshopId: string;
  room: RedisRoom;
  qa: RedisQa;
  console: RedisConsole;
}

export class RedisGreeting {
  /** What this process saw last: the current activity, and the questions on the board. */
  private current: string | null = null;
  private questions: string[] = [];

  constructor(
    private readonly redis: RedisClientType,
    private readonly parts: GreetingParts,
  ) {}

  async read(phone: string | undefined): Promise<AttendeeGreeting> {
    for (let i = 0; i < TRIES; i++) {
      const greeting = await this.once(phone);
      if (greeting) return greeting;
    }
    return greetingByParts(this.parts, phone);
  }

  /** One script; undefined when Redis held another activity or other questions than expected (they are expected next). */
  private async once(phone: string | undefined): Promise<AttendeeGreeting | undefined> {
    const { workshopId, room, qa, console } = this.parts;
    const expected = this.current;
    const questions = this.questions;
    const activity = activityKeys(workshopId, expected ?? '');
    const keys = [...console.greetingKeys(), currentKey(workshopId), qaKey(workshopId), activity.state, activity.tally, activity.ballots, ...questions.map((id) => votesKey(workshopId, id))];
    const args = [expected ?? '', phone && expected ? room.voter(phone, expected) : '', ...questions.map((id) => (phone ? qa.voter(phone, id) : ''))];
    const [paused, [clock, stopped], current, events, state, counts, ballot, votes] = (await GREET.run(this.redis, keys, args)) as Reply;
    const asked = qaStateOf(events);
    const onBoard = board(asked).map((q) => q.id);
    this.current = current;
    this.questions = onBoard;
    if ((current ?? null) !== expected || onBoard.some((id) => !questions.includes(id))) return undefined;
    const voted = new Map(questions.map((id, i) => [id, { count: votes[2 * i] ?? 0, mine: votes[2 * i + 1] === 1 }]));
    return {
      paused: { paused: paused === '1' },
      board: qa.boardFrom(asked, voted, phone),
      position: console.positionFrom(clock, stopped),
      state: room.attendeeStateFrom(current, hash(state), hash(counts), phone ? ballot : undefined),
    };
  }
}
