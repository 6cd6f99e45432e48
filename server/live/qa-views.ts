/** What phones and consoles see of a workshop's Q&A, wherever its state is kept. */
import { board, queue, type QaState, type Question } from '../core/questions.ts';
import { ballotKey } from '../privacy/keys.ts';
import type { BoardQuestion, QaBoard, QaQueue } from '../protocol.ts';

/** A phone's upvote key, for this question only (privacy/keys.ts). */
export function voteKey(salt: string, phone: string, questionId: string): string {
  return ballotKey(salt, phone, `question:${questionId}`);
}

/** The approved questions; with `phone`, the ones it upvoted. */
export function boardView(state: QaState, salt: string, phone?: string): QaBoard {
  const approved = board(state);
  const view: QaBoard = { questions: approved.map(questionView) };
  if (phone) view.mine = approved.filter((q) => q.votes.has(voteKey(salt, phone, q.id))).map((q) => q.id);
  return view;
}

/** Every question, for the facilitator to moderate. */
export function queueView(state: QaState): QaQueue {
  return { questions: queue(state).map((q) => ({ ...questionView(q), status: q.status, flagged: q.flagged })) };
}

function questionView(q: Question): BoardQuestion {
  return { id: q.id, text: q.text, votes: q.votes.size, answered: q.answered };
}
