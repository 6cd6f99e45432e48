/**
 * The rules of anonymous Q&A, with no socket or database: a question waits for the
 * facilitator, who approves, dismisses or marks it answered; only approved questions reach
 * the room, where each phone may upvote each once (and take it back). A question keeps no
 * asker and no time. Like workshop.ts: `decide` is pure, `evolve` applies an event in place.
 */
import type { ErrorCode } from '../protocol.ts';
import { personalDetails } from './disclosure.ts';
import { MAX_QUESTION_LENGTH } from './limits.ts';


export type QuestionStatus = 'waiting' | 'approved' | 'dismissed';

/**
 * Questions waiting for the facilitator, at most: far more than an evening's, and a cap on
 * what a flood can leave in the queue. A phone asking past it hears RATE_LIMITED (try later).
 */
export const MAX_WAITING_QUESTIONS = 200;
export type Moderation = 'approve' | 'dismiss' | 'answered' | 'unanswered';

export interface Question {
  id: string;
  /** Order of arrival; no clock time is kept. */
  seq: number;
  text: string;
  /** The text looked personal (core/disclosure.ts): the console marks it. */
  flagged: boolean;
  status: QuestionStatus;
  answered: boolean;
  /** Keys of the phones that upvoted (privacy/keys.ts, scoped to this question). */
  votes: Set<string>;
}

export interface QaState {
  questions: Map<string, Question>;
}

export type QaCommand =
  /** `replaces`: this phone's earlier question-box answer; while it still waits, it is dismissed, so the queue does not grow. */
  | { type: 'ask'; id: string; text: unknown; replaces?: string | undefined }
  | { type: 'moderate'; id: string; action: Moderation }
  | { type: 'vote'; id: string; voter: string; on: boolean };

export type QaEvent =
  | { type: 'question'; id: string; seq: number; text: string; flagged: boolean }
  | { type: 'question-status'; id: string; status: QuestionStatus; answered: boolean }
  | { type: 'vote'; id: string; voter: string; on: boolean };

export type QaDecision = { ok: true; events: QaEvent[] } | { ok: false; error: ErrorCode };

export function emptyQa(): QaState {
  return { questions: new Map() };
}

/** The question as stored, or undefined when it is empty or too long. */
export function cleanQuestion(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const clean = text.normalize('NFC').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  return clean.length > 0 && [...clean].length <= MAX_QUESTION_LENGTH ? clean : undefined;
}

/** Checks a command against the rules. Pure. */
export function decideQa(state: QaState, command: QaCommand): QaDecision {
  if (command.type === 'ask') {
    const text = cleanQuestion(command.text);
    if (text === undefined) return { ok: false, error: 'BAD_QUESTION' };
    // The same ask again (a store retrying a write whose reply was lost): it is there already.
    if (state.questions.has(command.id)) return { ok: true, events: [] };
    const replaced = command.replaces === undefined ? undefined : state.questions.get(command.replaces);
    const replacing = replaced?.status === 'waiting' ? replaced : undefined;
    const waiting = [...state.questions.values()].filter((q) => q.status === 'waiting').length;
    if (!replacing && waiting >= MAX_WAITING_QUESTIONS) return { ok: false, error: 'RATE_LIMITED' };
    const seq = Math.max(0, ...[...state.questions.values()].map((q) => q.seq)) + 1;
    const asked: QaEvent = { type: 'question', id: command.id, seq, text, flagged: personalDetails(text).length > 0 };
    return { ok: true, events: replacing ? [{ type: 'question-status', id: replacing.id, status: 'dismissed', answered: replacing.answered }, asked] : [asked] };
  }
  const question = state.questions.get(command.id);
  if (!question) return { ok: false, error: 'UNKNOWN_QUESTION' };
  if (command.type === 'vote') {
    // Only what the room can see can be voted on; voting twice is voting once.
    if (question.status !== 'approved') return { ok: false, error: 'UNKNOWN_QUESTION' };
    return { ok: true, events: question.votes.has(command.voter) === command.on ? [] : [{ type: 'vote', id: command.id, voter: command.voter, on: command.on }] };
  }
  const next: Pick<Question, 'status' | 'answered'> = {
    approve: { status: 'approved' as const, answered: question.answered },
    dismiss: { status: 'dismissed' as const, answered: question.answered },
    // Marking answered approves too: the room sees what was answered, at the bottom of the list.
    answered: { status: 'approved' as const, answered: true },
    unanswered: { status: question.status, answered: false },
  }[command.action];
  const same = next.status === question.status && next.answered === question.answered;
  return { ok: true, events: same ? [] : [{ type: 'question-status', id: command.id, ...next }] };
}

/** Applies one event to `state` (in place). */
export function evolveQa(state: QaState, event: QaEvent): QaState {
  switch (event.type) {
    case 'question':
      state.questions.set(event.id, { id: event.id, seq: event.seq, text: event.text, flagged: event.flagged, status: 'waiting', answered: false, votes: new Set() });
      break;
    case 'question-status': {
      const q = state.questions.get(event.id);
      if (q) Object.assign(q, { status: event.status, answered: event.answered });
      break;
    }
    case 'vote': {
      const q = state.questions.get(event.id);
      if (q && event.on) q.votes.add(event.voter);
      else q?.votes.delete(event.voter);
      break;
    }
  }
  return state;
}

/** `decideQa`, then `evolveQa`. */
export function applyQa(state: QaState, command: QaCommand): QaDecision {
  const decision = decideQa(state, command);
  if (decision.ok) for (const e of decision.events) evolveQa(state, e);
  return decision;
}

/** What the room sees: approved questions, unanswered first, then by votes, then oldest first. */
export function board(state: QaState): Question[] {
  return [...state.questions.values()]
    .filter((q) => q.status === 'approved')
    .sort((a, b) => Number(a.answered) - Number(b.answered) || b.votes.size - a.votes.size || a.seq - b.seq);
}

/** What the facilitator moderates: waiting first (oldest first), then the board, then dismissed. */
export function queue(state: QaState): Question[] {
  const waiting = [...state.questions.values()].filter((q) => q.status === 'waiting').sort((a, b) => a.seq - b.seq);
  const dismissed = [...state.questions.values()].filter((q) => q.status === 'dismissed').sort((a, b) => a.seq - b.seq);
  return [...waiting, ...board(state), ...dismissed];
}
