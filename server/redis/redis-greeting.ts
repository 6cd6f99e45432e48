/**
 * What phones are sent when they connect, read from Redis in one script, one round trip, for
 * every phone that connected within a few milliseconds of the first: the pause, the deck's
 * clock, the questions, the current activity's state and counts, and each phone's ballot and
 * votes. Thousands of phones connect within a minute (and again after a restart); a read per
 * part costs each a handful of round trips, and a script per phone a write and a reply each.
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
import { Gather } from './gather.ts';
import { Script } from './script.ts';

/**
 * KEYS: paused, clock, stopped, current, questions, then the expected activity's state, counts
 * and ballots, then the votes of each expected question. ARGV: the expected activity's id, then
 * for each phone its ballot key and its vote key for each expected question ('' for none).
 * Returns {paused, {clock, stopped}, current, events, state, counts, {votes of each question},
 * {{ballot, {voted...}} of each phone}}, the activity's parts false when the current activity
 * is not the one expected.
 */
const GREET = new Script(`
local current = redis.call('GET', KEYS[4])
local same = current and current == ARGV[1]
local out = {redis.call('GET', KEYS[1]), redis.call('MGET', KEYS[2], KEYS[3]), current, redis.call('LRANGE', KEYS[5], 0, -1), false, false, {}, {}}
if same then
  out[5] = redis.call('HGETALL', KEYS[6])
  out[6] = redis.call('HGETALL', KEYS[7])
end
local questions = #KEYS - 8
for q = 1, questions do out[7][q] = redis.call('SCARD', KEYS[8 + q]) end
for first = 2, #ARGV, questions + 1 do
  local ballot = false
  if same and ARGV[first] ~= '' then ballot = redis.call('HGET', KEYS[8], ARGV[first]) end
  local voted = {}
  for q = 1, questions do voted[q] = ARGV[first + q] ~= '' and redis.call('SISMEMBER', KEYS[8 + q], ARGV[first + q]) or 0 end
  out[8][#out[8] + 1] = {ballot, voted}
end
return out
`);

type Reply = [string | null, [string | null, string | null], string | null, string[], string[] | null, string[] | null, number[], [string | null, number[]][]];

/** Tries with the keys of what Redis showed the try before; then each part is read on its own. */
const TRIES = 3;

/**
 * Phones connecting within this long of the first are read together: a few milliseconds more
 * before a phone sees the room, against a round trip per phone (a storm of reconnects after a
 * restart is read a hundred phones to a script).
 */
const GATHER_MS = 20;
const MOST_PHONES = 100;

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
  private readonly gather = new Gather<string | undefined, AttendeeGreeting>((phones) => this.readAll(phones), GATHER_MS, MOST_PHONES);

  constructor(
    private readonly redis: RedisClientType,
    private readonly parts: GreetingParts,
  ) {}

  /** `phone`'s greeting, read with those of the other phones that connect within GATHER_MS. */
  read(phone: string | undefined): Promise<AttendeeGreeting> {
    return this.gather.one(phone);
  }

  private async readAll(phones: (string | undefined)[]): Promise<AttendeeGreeting[]> {
    for (let i = 0; i < TRIES; i++) {
      const greetings = await this.once(phones);
      if (greetings) return greetings;
    }
    return Promise.all(phones.map((phone) => greetingByParts(this.parts, phone)));
  }

  /** One script; undefined when Redis held another activity or other questions than expected (they are expected next). */
  private async once(phones: (string | undefined)[]): Promise<AttendeeGreeting[] | undefined> {
    const { workshopId, room, qa, console } = this.parts;
    const expected = this.current;
    const questions = this.questions;
    const activity = activityKeys(workshopId, expected ?? '');
    const keys = [...console.greetingKeys(), currentKey(workshopId), qaKey(workshopId), activity.state, activity.tally, activity.ballots, ...questions.map((id) => votesKey(workshopId, id))];
    const args = [expected ?? '', ...phones.flatMap((phone) => [phone && expected ? room.voter(phone, expected) : '', ...questions.map((id) => (phone ? qa.voter(phone, id) : ''))])];
    const [paused, [clock, stopped], current, events, state, counts, votes, mine] = (await GREET.run(this.redis, keys, args)) as Reply;
    const asked = qaStateOf(events);
    const onBoard = board(asked).map((q) => q.id);
    this.current = current;
    this.questions = onBoard;
    if ((current ?? null) !== expected || onBoard.some((id) => !questions.includes(id))) return undefined;
    // The same for every phone (each is sent at once, so one object serves all); without a
    // phone (a page not yet given one), nothing in the room's state is its own.
    const shared = room.attendeeStateFrom(current, hash(state), hash(counts));
    const position = console.positionFrom(clock, stopped);
    return phones.map((phone, p) => {
      const [ballot, voted] = mine[p] ?? [null, []];
      const perQuestion = new Map(questions.map((id, q) => [id, { count: votes[q] ?? 0, mine: voted[q] === 1 }]));
      return {
        paused: { paused: paused === '1' },
        // boardFrom sets each question's votes for this phone and makes its board from them at once.
        board: qa.boardFrom(asked, perQuestion, phone),
        position,
        state: phone && shared.current ? { ...shared, mine: room.mineFrom(ballot) } : shared,
      };
    });
  }
}
