/**
 * Anonymous Q&A on the wire: phones ask and upvote, the facilitator moderates. The gate in
 * live.ts has already checked the role, the flood limit and that the event is known.
 */
import type { Socket } from 'socket.io';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Identity } from './guard.ts';
import { handle } from './handle.ts';
import { questionAsk, questionModerate, questionVote } from './schemas.ts';

/** Questions one phone may ask per minute: enough for anyone, too few to flood the queue. */
export const QUESTIONS_PER_MINUTE = 3;

export function createQaHandlers() {
  // Keyed by the phone's in-memory key, so reconnecting does not reset it; never by address.
  const asked = new RateLimiterMemory({ points: QUESTIONS_PER_MINUTE, duration: 60 });
  return (socket: Socket, { workshop, role, phone }: Identity): void => {
    if (role === 'attendee' && phone) {
      handle(socket, 'question:ask', questionAsk, async (p) => {
        try {
          await asked.consume(`${workshop.record.id}:${phone}`);
        } catch {
          return { ok: false, error: 'RATE_LIMITED' };
        }
        return workshop.qa.ask(p.text);
      });
      handle(socket, 'question:vote', questionVote, (p) => workshop.qa.vote(phone, p.questionId, p.on));
    }
    if (role === 'host') handle(socket, 'question:moderate', questionModerate, (p) => workshop.qa.moderate(p.questionId, p.action));
  };
}
