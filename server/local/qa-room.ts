/**
 * One workshop's anonymous Q&A, live: the questions (core/questions.ts), their durable
 * writes (the same group-commit writer as answers) and coalesced broadcasts: the approved
 * board to phones and decks, the whole queue to the facilitator. Knows no socket.
 */
import { randomBytes } from 'node:crypto';
import { applyQa, emptyQa, evolveQa, type Moderation, type QaCommand, type QaState } from '../core/questions.ts';
import type { Ack, QaBoard, QaQueue } from '../protocol.ts';
import type { Writer } from './writer.ts';
import type { Store, WorkshopRecord } from '../store/store.ts';
import type { LiveQa, QaOutput } from '../live/live-workshop.ts';
import { boardView, queueView, voteKey } from '../live/qa-views.ts';

/** Phones and consoles hear about new questions and votes at most this often. */
const INTERVAL_MS = 200;

export class QaRoom implements LiveQa {
  private state: QaState = emptyQa();
  private output: QaOutput | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly record: WorkshopRecord,
    private readonly store: Store,
    private readonly writer: Writer,
  ) {
    this.reload();
  }

  attach(output: QaOutput): void {
    this.output = output;
  }

  private reload(): void {
    const stored = this.store.loadQuestions(this.record.id);
    const state = emptyQa();
    for (const q of stored.questions) {
      evolveQa(state, { type: 'question', id: q.id, seq: q.seq, text: q.text, flagged: q.flagged });
      evolveQa(state, { type: 'question-status', id: q.id, status: q.status, answered: q.answered });
    }
    for (const v of stored.votes) evolveQa(state, { type: 'vote', id: v.id, voter: v.voter, on: true });
    this.state = state;
  }

  /** A phone's question (or a question-box answer): waits for the facilitator. */
  async ask(text: unknown, replaces?: string): Promise<Ack<{ flagged: boolean; id: string }>> {
    const id = randomBytes(6).toString('base64url');
    const result = await this.run({ type: 'ask', id, text, replaces });
    return result.ok ? { ok: true, id, flagged: this.state.questions.get(id)?.flagged ?? false } : result;
  }

  /** A phone's upvote, or taking it back. One per phone per question, keyed for that question only. */
  async vote(phone: string, questionId: string, on: boolean): Promise<Ack<{ votes: number }>> {
    const result = await this.run({ type: 'vote', id: questionId, voter: voteKey(this.record.salt, phone, questionId), on });
    return result.ok ? { ok: true, votes: this.state.questions.get(questionId)?.votes.size ?? 0 } : result;
  }

  async moderate(questionId: string, action: Moderation): Promise<Ack> {
    return this.run({ type: 'moderate', id: questionId, action });
  }

  private async run(command: QaCommand): Promise<Ack> {
    const decision = applyQa(this.state, command);
    if (!decision.ok) return decision;
    if (decision.events.length === 0) return { ok: true };
    try {
      await this.writer.write(this.record.id, decision.events);
    } catch {
      // Nothing was stored: forget it in memory too.
      this.reload();
      return { ok: false, error: 'STORAGE' };
    }
    // The facilitator's decisions reach the room at once; questions and votes are coalesced.
    if (command.type === 'moderate') this.flush();
    else this.timer ??= setTimeout(() => this.flush(), INTERVAL_MS);
    return { ok: true };
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.output?.toHosts(this.queue());
    this.output?.toAttendees(this.board());
  }

  /** The approved questions; with `phone`, the ones it upvoted. */
  board(phone?: string): QaBoard {
    return boardView(this.state, this.record.salt, phone);
  }

  queue(): QaQueue {
    return queueView(this.state);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

