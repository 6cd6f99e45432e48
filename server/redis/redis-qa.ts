/**
 * One workshop's anonymous Q&A when several kit processes share Redis.
 * - Questions and the facilitator's decisions (core/questions.ts's events) are a list: each
 *   process rebuilds them from it, lets the core decide, and appends the new events only if no
 *   other process appended meanwhile (one script compares the list's length), else decides
 *   again. A workshop has tens of questions, so reading them all is cheap.
 * - Votes are a set per question (a vote key added or removed: voting twice is voting once),
 *   so a vote or a phone's greeting costs the same with 10 votes stored or 10,000.
 * - Broadcasts never go through socket.io's adapter, whose stream Redis keeps: a question's
 *   text must not sit there (dismissed and flagged ones included). A change is announced on a
 *   Redis channel with no text in it; every process then reads the queue and the board from
 *   Redis and sends them to its own sockets only (wire/live.ts emits Q&A locally), so each
 *   phone and console gets each once.
 */
import { randomBytes } from 'node:crypto';
import type { RedisClientType } from 'redis';
import { board, decideQa, emptyQa, evolveQa, type Moderation, type QaCommand, type QaEvent, type QaState } from '../core/questions.ts';
import type { Ack, QaBoard, QaQueue } from '../protocol.ts';
import type { LiveQa, QaOutput } from '../live/live-workshop.ts';
import { boardView, queueView, voteKey } from '../live/qa-views.ts';
import type { WorkshopRecord } from '../store/store.ts';
import { Script } from './script.ts';
import { DEFAULT_REDIS_WAIT_MS, waitForRedis } from './wait-for-redis.ts';

/** KEYS: the list. ARGV: the length the events were decided on, then the events (JSON). */
const APPEND_IF_UNCHANGED = new Script(`
if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return 0 end
for i = 2, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
return 1
`);

/** Phones and consoles hear about new questions and votes at most this often (as qa-room.ts). */
const INTERVAL_MS = 200;

/** The key of a workshop's questions and decisions. */
export const qaKey = (workshopId: string): string => `kit:${workshopId}:qa`;
/** The channel announcing that a workshop's questions or votes changed (the message says nothing more). */
export const qaChangesKey = (workshopId: string): string => `kit:${workshopId}:qa:changes`;
/** The key of one question's votes (a set of vote keys). */
export const votesKey = (workshopId: string, questionId: string): string => `kit:${workshopId}:qa:${questionId}:votes`;

/**
 * A question's votes as the core and the views read them: how many (counted in Redis), and
 * whether one phone is among them. It never holds the other phones' keys.
 */
class CountedVotes extends Set<string> {
  constructor(
    private readonly count: number,
    private readonly mine: string | undefined,
  ) {
    super();
  }

  override get size(): number {
    return this.count;
  }

  override has(key: string): boolean {
    return key === this.mine;
  }
}

/** The questions and decisions as stored (votes are counted apart). */
export function qaStateOf(events: readonly string[]): QaState {
  const state = emptyQa();
  for (const e of events) evolveQa(state, JSON.parse(e) as QaEvent);
  return state;
}

export class RedisQa implements LiveQa {
  private output: QaOutput | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly record: WorkshopRecord,
    private readonly redis: RedisClientType,
    /** A connection for the change channel (a subscribed connection can do nothing else). */
    private readonly subscriber: RedisClientType,
    /** How long a question, vote or decision waits for Redis when it is away, before STORAGE (--redis-wait). */
    private readonly waitMs = DEFAULT_REDIS_WAIT_MS,
  ) {}

  /** Listens for changes of any process, this one's included: each sends the Q&A to its own sockets. */
  async start(): Promise<void> {
    await this.subscriber.subscribe(qaChangesKey(this.record.id), () => void this.flush());
  }

  attach(output: QaOutput): void {
    this.output = output;
  }

  /** The questions with their vote counts; with `phone`, whether it voted for each. */
  private async load(phone?: string): Promise<{ state: QaState; length: number }> {
    const events = await this.redis.lRange(qaKey(this.record.id), 0, -1);
    const state = qaStateOf(events);
    const questions = [...state.questions.values()];
    const keys = questions.map((q) => votesKey(this.record.id, q.id));
    const [counts, mine] = await Promise.all([
      Promise.all(keys.map((key) => this.redis.sCard(key))),
      Promise.all(questions.map((q, i) => (phone ? this.redis.sIsMember(keys[i] ?? '', this.voter(phone, q.id)) : false))),
    ]);
    questions.forEach((q, i) => (q.votes = new CountedVotes(counts[i] ?? 0, mine[i] && phone ? this.voter(phone, q.id) : undefined)));
    return { state, length: events.length };
  }

  /** A phone's key for its upvote of one question (live/qa-views.ts). */
  voter(phone: string, questionId: string): string {
    return voteKey(this.record.salt, phone, questionId);
  }

  /**
   * A phone's board from what Redis holds (redis-greeting.ts reads it in one script): the
   * questions as stored, and for each question on the board its votes and whether one is the phone's.
   */
  boardFrom(state: QaState, votes: ReadonlyMap<string, { count: number; mine: boolean }>, phone: string | undefined): QaBoard {
    for (const q of board(state)) {
      const v = votes.get(q.id) ?? { count: 0, mine: false };
      q.votes = new CountedVotes(v.count, v.mine && phone ? this.voter(phone, q.id) : undefined);
    }
    return boardView(state, this.record.salt, phone);
  }

  async ask(text: unknown, replaces?: string): Promise<Ack<{ flagged: boolean; id: string }>> {
    const id = randomBytes(6).toString('base64url');
    const result = await this.run({ type: 'ask', id, text, replaces });
    return result.ok ? { ok: true, id, flagged: result.state.questions.get(id)?.flagged ?? false } : result;
  }

  /** A phone's upvote, or taking it back: the core checks the question is on the board, the set keeps one per phone. */
  async vote(phone: string, questionId: string, on: boolean): Promise<Ack<{ votes: number }>> {
    try {
      // Tried again while Redis is away: adding or removing a set member twice is doing it once.
      return await waitForRedis(this.redis, this.waitMs, async (again) => {
        const { state } = await this.load(phone);
        const voter = voteKey(this.record.salt, phone, questionId);
        const decision = decideQa(state, { type: 'vote', id: questionId, voter, on });
        if (!decision.ok) return decision;
        const key = votesKey(this.record.id, questionId);
        if (decision.events.length > 0) await (on ? this.redis.sAdd(key, voter) : this.redis.sRem(key, voter));
        // A retry that finds the vote there may find this one's own first try: announced all the same.
        if (decision.events.length > 0 || again) this.timer ??= setTimeout(() => void this.announce(), INTERVAL_MS);
        return { ok: true, votes: await this.redis.sCard(key) };
      });
    } catch {
      return { ok: false, error: 'STORAGE' };
    }
  }

  async moderate(questionId: string, action: Moderation): Promise<Ack> {
    const result = await this.run({ type: 'moderate', id: questionId, action });
    return result.ok ? { ok: true } : result;
  }

  /**
   * Questions and decisions: decided on the stored list and appended, unless another process
   * wrote first: then again. While Redis is away it waits; a retry decides again on what is
   * stored, where a question already there (its id) or a decision already made changes nothing.
   */
  private async run(command: Exclude<QaCommand, { type: 'vote' }>): Promise<Ack<{ state: QaState }>> {
    // The facilitator's decisions reach the room at once; new questions are coalesced.
    const announce = (): void => {
      if (command.type === 'moderate') void this.announce();
      else this.timer ??= setTimeout(() => void this.announce(), INTERVAL_MS);
    };
    try {
      return await waitForRedis(this.redis, this.waitMs, async (again) => {
        for (;;) {
          const { state, length } = await this.load();
          const decision = decideQa(state, command);
          if (!decision.ok) return decision;
          if (decision.events.length === 0) {
            // Found stored by a retry: maybe this command's own first try, whose note was never sent.
            if (again) announce();
            return { ok: true, state };
          }
          const args = [String(length), ...decision.events.map((e) => JSON.stringify(e))];
          if ((await APPEND_IF_UNCHANGED.run(this.redis, [qaKey(this.record.id)], args)) !== 1) continue;
          for (const e of decision.events) evolveQa(state, e);
          announce();
          return { ok: true, state };
        }
      });
    } catch {
      return { ok: false, error: 'STORAGE' };
    }
  }

  /** Tells every process (this one too) that the questions changed; the message holds no text. */
  private async announce(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.redis.publish(qaChangesKey(this.record.id), '1').catch(() => undefined);
  }

  /** Sends the queue and the board, read from Redis, to this process's consoles and phones. */
  private async flush(): Promise<void> {
    const { state } = await this.load().catch(() => ({ state: undefined }));
    if (!state) return;
    this.output?.toHosts(queueView(state));
    this.output?.toAttendees(boardView(state, this.record.salt));
  }

  async board(phone?: string): Promise<QaBoard> {
    return boardView((await this.load(phone)).state, this.record.salt, phone);
  }

  async queue(): Promise<QaQueue> {
    return queueView((await this.load()).state);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
