/**
 * What a phone may put in the facilitator's queue, whichever store keeps it: questions asked
 * with "Ask a question" and answers typed in a question box go through one limit per phone,
 * and a phone's new question-box answer replaces its earlier one while that still waits, so
 * changing an answer does not add a question. Counted in memory by the phone's key (never an
 * address); a restart forgets it, which costs at most one more question.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Ack } from '../protocol.ts';
import type { LiveQa } from './live-workshop.ts';

/** Questions one phone may put to the facilitator per minute: enough for anyone, too few to flood the queue. */
export const QUESTIONS_PER_MINUTE = 3;

export class Asking {
  private readonly limit = new RateLimiterMemory({ points: QUESTIONS_PER_MINUTE, duration: 60 });
  /** Each phone's latest question-box question, by phone and activity. */
  private readonly boxed = new Map<string, string>();

  constructor(private readonly qa: Pick<LiveQa, 'ask'>) {}

  /** A phone asks (RATE_LIMITED past its limit). */
  async ask(phone: string, text: unknown): Promise<Ack<{ flagged: boolean }>> {
    if (!(await this.allowed(phone))) return { ok: false, error: 'RATE_LIMITED' };
    const result = await this.qa.ask(text);
    return result.ok ? { ok: true, flagged: result.flagged } : result;
  }

  /** A phone's answer in a question box (already stored as its ballot) goes to the queue, replacing its last one while that waits. */
  async fromBox(phone: string, activityId: string, text: string): Promise<void> {
    if (!(await this.allowed(phone))) return;
    const key = `${activityId}\n${phone}`;
    const result = await this.qa.ask(text, this.boxed.get(key));
    if (result.ok) this.boxed.set(key, result.id);
  }

  private async allowed(phone: string): Promise<boolean> {
    try {
      await this.limit.consume(phone);
      return true;
    } catch {
      return false;
    }
  }
}
