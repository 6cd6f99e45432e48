/**
 * One workshop's anonymous Q&A when several kit processes share Redis. The Q&A's events
 * (core/questions.ts) are a list in Redis; each process rebuilds the state from it, lets the
 * core decide, and appends the new events only if no other process appended meanwhile
 * (one script compares the list's length), else decides again. A workshop has tens of
 * questions, so reading them all is cheap. Broadcasts go through socket.io's adapter.
 */
import { randomBytes } from 'node:crypto';
import type { RedisClientType } from 'redis';
import { decideQa, emptyQa, evolveQa, type Moderation, type QaCommand, type QaEvent, type QaState } from '../core/questions.ts';
import type { Ack, QaBoard, QaQueue } from '../protocol.ts';
import type { QaOutput } from '../qa/qa-room.ts';
import { boardView, queueView, voteKey } from '../qa/views.ts';
import type { LiveQa } from '../room/live-workshop.ts';
import type { WorkshopRecord } from '../store/store.ts';

/** KEYS: the list. ARGV: the length the events were decided on, then the events (JSON). */
const APPEND_IF_UNCHANGED = `
if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return 0 end
for i = 2, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
return 1
`;

/** Phones and consoles hear about new questions and votes at most this often (as qa-room.ts). */
const INTERVAL_MS = 200;

/** The key of a workshop's Q&A events. */
export const qaKey = (workshopId: string): string => `kit:${workshopId}:qa`;

export class RedisQa implements LiveQa {
  private output: QaOutput | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly record: WorkshopRecord,
    private readonly redis: RedisClientType,
  ) {}

  attach(output: QaOutput): void {
    this.output = output;
  }

  private async load(): Promise<{ state: QaState; length: number }> {
    const events = await this.redis.lRange(qaKey(this.record.id), 0, -1);
    const state = emptyQa();
    for (const e of events) evolveQa(state, JSON.parse(e) as QaEvent);
    return { state, length: events.length };
  }

  async ask(text: unknown): Promise<Ack<{ flagged: boolean }>> {
    const id = randomBytes(6).toString('base64url');
    const result = await this.run({ type: 'ask', id, text });
    return result.ok ? { ok: true, flagged: result.state.questions.get(id)?.flagged ?? false } : result;
  }

  async vote(phone: string, questionId: string, on: boolean): Promise<Ack<{ votes: number }>> {
    const result = await this.run({ type: 'vote', id: questionId, voter: voteKey(this.record.salt, phone, questionId), on });
    return result.ok ? { ok: true, votes: result.state.questions.get(questionId)?.votes.size ?? 0 } : result;
  }

  async moderate(questionId: string, action: Moderation): Promise<Ack> {
    const result = await this.run({ type: 'moderate', id: questionId, action });
    return result.ok ? { ok: true } : result;
  }

  /** Decides on the stored state and appends the events, unless another process wrote first: then again. */
  private async run(command: QaCommand): Promise<Ack<{ state: QaState }>> {
    try {
      for (;;) {
        const { state, length } = await this.load();
        const decision = decideQa(state, command);
        if (!decision.ok) return decision;
        if (decision.events.length === 0) return { ok: true, state };
        const args = [String(length), ...decision.events.map((e) => JSON.stringify(e))];
        if ((await this.redis.eval(APPEND_IF_UNCHANGED, { keys: [qaKey(this.record.id)], arguments: args })) !== 1) continue;
        for (const e of decision.events) evolveQa(state, e);
        // The facilitator's decisions reach the room at once; questions and votes are coalesced.
        if (command.type === 'moderate') void this.flush();
        else this.timer ??= setTimeout(() => void this.flush(), INTERVAL_MS);
        return { ok: true, state };
      }
    } catch {
      return { ok: false, error: 'STORAGE' };
    }
  }

  private async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const { state } = await this.load().catch(() => ({ state: undefined }));
    if (!state) return;
    this.output?.toHosts(queueView(state));
    this.output?.toAttendees(boardView(state, this.record.salt));
  }

  async board(phone?: string): Promise<QaBoard> {
    return boardView((await this.load()).state, this.record.salt, phone);
  }

  async queue(): Promise<QaQueue> {
    return queueView((await this.load()).state);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
