/**
 * Anonymous Q&A on the wire: phones ask and upvote, the facilitator moderates. The gate in
 * live.ts has already checked the role, the flood limit and that the event is known.
 */
import type { Socket } from 'socket.io';
import type { Identity } from './guard.ts';
import { handle } from './handle.ts';
import { questionAsk, questionModerate, questionVote } from './schemas.ts';

export function createQaHandlers() {
  return (socket: Socket, { workshop, role, phone }: Identity): void => {
    if (role === 'attendee' && phone) {
      // One limit per phone for asking and for the question box (live/asking.ts).
      handle(socket, 'question:ask', questionAsk, (p) => workshop.ask(phone, p.text));
      handle(socket, 'question:vote', questionVote, (p) => workshop.qa.vote(phone, p.questionId, p.on));
    }
    if (role === 'host') handle(socket, 'question:moderate', questionModerate, (p) => workshop.qa.moderate(p.questionId, p.action));
  };
}
