/**
 * The rules of a live workshop, with no socket, HTTP or database in sight.
 *
 * `decide(state, command)` is pure: it checks a command against the rules and returns
 * the events it causes (what to store) or an error code; it never changes `state`.
 * `evolve(state, event)` applies one event. It updates the state in place on purpose:
 * copying a room of 10,000 ballots for every answer would make a burst O(N²).
 * The clock is passed in with each command (`at`); ids come from the caller.
 */
import type { Activity } from '../content/schema.ts';
import { LANGUAGES, type ActivityStatus, type AnswerValue, type ErrorCode, type Snapshot } from '../protocol.ts';
import { normaliseAnswer, sameAnswer } from './answers.ts';
import { count, emptyTally, results, type Tally } from './tally.ts';

/** Fewest answers before counts are shown, unless the activity says otherwise. */
export interface Thresholds {
  default: number;
  text: number;
}
/**
 * 10, as the speaker notes and the brief say: agencies that publish sensitive counts hide
 * small ones for the same reason. A room may lower it with --threshold; free text never.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { default: 10, text: 10 };

export interface ActivityState {
  status: ActivityStatus;
  /** Results shown to the room. Only ever true while `status` is 'locked': a reveal locks, reopening hides. */
  revealed: boolean;
  /** Salted device hash to answer: one ballot per attendee. */
  ballots: Map<string, AnswerValue>;
  tally: Tally;
}

export interface WorkshopState {
  /** The activity the phones show, or null between activities. */
  current: string | null;
  activities: Map<string, ActivityState>;
}

export type Command =
  | { type: 'answer'; activityId: string; voter: string; value: unknown; at: number }
  | { type: 'open' | 'lock' | 'unlock' | 'reveal' | 'hide' | 'reset'; activityId: string; at: number }
  | { type: 'idle'; at: number };

/** Facts to store, in order. */
export type Event =
  | { type: 'ballot'; activityId: string; voter: string; value: AnswerValue; at: number }
  | { type: 'activity'; activityId: string; status: ActivityStatus; revealed: boolean; at: number }
  | { type: 'cleared'; activityId: string; at: number }
  | { type: 'current'; activityId: string | null; at: number };

export type Decision = { ok: true; events: Event[] } | { ok: false; error: ErrorCode };

export function emptyWorkshop(): WorkshopState {
  return { current: null, activities: new Map() };
}

/** The state of an activity, or its initial state when nothing has happened to it yet. */
export function activityState(state: WorkshopState, activity: Activity): ActivityState {
  return state.activities.get(activity.id) ?? { status: 'ready', revealed: false, ballots: new Map(), tally: emptyTally(activity) };
}

/** Checks `command` against the rules. Pure. */
export function decide(state: WorkshopState, catalog: ReadonlyMap<string, Activity>, command: Command): Decision {
  if (command.type === 'idle') {
    return { ok: true, events: state.current === null ? [] : [{ type: 'current', activityId: null, at: command.at }] };
  }
  const activity = catalog.get(command.activityId);
  if (!activity) return { ok: false, error: 'UNKNOWN_ACTIVITY' };
  const current = activityState(state, activity);
  const { at, activityId } = command;
  const change = (status: ActivityStatus, revealed: boolean): Event[] =>
    status === current.status && revealed === current.revealed ? [] : [{ type: 'activity', activityId, status, revealed, at }];

  switch (command.type) {
    case 'answer': {
      const value = normaliseAnswer(activity, command.value);
      if (value === undefined) return { ok: false, error: 'BAD_ANSWER' };
      const previous = current.ballots.get(command.voter);
      // The same answer sent again (a phone retrying after a lost ack) changes nothing, and
      // is confirmed even if answers were locked meanwhile: it was stored before the lock.
      if (previous !== undefined && sameAnswer(previous, value)) return { ok: true, events: [] };
      // Revealed counts never move: one more answer after a reveal would show, by difference,
      // what that one phone chose. (A reveal locks; `revealed` is checked too for rooms stored
      // before it did.)
      if (current.status !== 'open' || current.revealed) return { ok: false, error: 'NOT_OPEN' };
      return { ok: true, events: [{ type: 'ballot', activityId, voter: command.voter, value, at }] };
    }
    case 'open':
      return {
        ok: true,
        events: [
          ...(state.current === activityId ? [] : [{ type: 'current' as const, activityId, at }]),
          // Arriving again keeps a locked (or revealed) activity as it is; a fresh one opens, with nothing shown.
          ...(current.status === 'ready' ? change('open', false) : change(current.status, current.revealed)),
        ],
      };
    case 'lock':
      return { ok: true, events: change('locked', current.revealed) };
    case 'unlock':
      // Reopening on purpose withdraws the reveal: results shown while answers come in would
      // move with each one, and the difference would single a person out.
      return { ok: true, events: change('open', false) };
    case 'reveal':
      // A first round is a pre-test: revealing a knowledge check would show the best answer
      // on every phone and spoil the second round, so no first round is ever revealed.
      if (activity.round === 'before') return { ok: false, error: 'HIDDEN_UNTIL_AFTER' };
      // Revealing locks: the counts shown are the counts at the reveal, and do not move.
      return { ok: true, events: change('locked', true) };
    case 'hide':
      return { ok: true, events: change(current.status, false) };
    case 'reset':
      return {
        ok: true,
        events: [...(current.ballots.size > 0 ? [{ type: 'cleared' as const, activityId, at }] : []), ...change(current.status, false)],
      };
  }
}

/** Applies one event to `state` (in place) and returns it. */
export function evolve(state: WorkshopState, catalog: ReadonlyMap<string, Activity>, event: Event): WorkshopState {
  if (event.type === 'current') {
    state.current = event.activityId;
    return state;
  }
  const activity = catalog.get(event.activityId);
  // Stored events for an activity the content no longer has are kept but not counted.
  if (!activity) return state;
  const current = activityState(state, activity);
  state.activities.set(activity.id, current);
  switch (event.type) {
    case 'ballot': {
      const previous = current.ballots.get(event.voter);
      if (previous !== undefined) count(current.tally, activity, previous, -1);
      current.ballots.set(event.voter, event.value);
      count(current.tally, activity, event.value, 1);
      break;
    }
    case 'activity':
      current.status = event.status;
      current.revealed = event.revealed;
      break;
    case 'cleared':
      current.ballots.clear();
      current.tally = emptyTally(activity);
      break;
  }
  return state;
}

/** `decide`, then `evolve` with the events: what a handler does, in one call. */
export function apply(state: WorkshopState, catalog: ReadonlyMap<string, Activity>, command: Command): Decision {
  const decision = decide(state, catalog, command);
  if (decision.ok) for (const event of decision.events) evolve(state, catalog, event);
  return decision;
}

/** The fewest answers before `activity`'s counts are shown. */
export function thresholdOf(activity: Activity, thresholds: Thresholds): number {
  return activity.threshold ?? (activity.kind === 'text' ? thresholds.text : thresholds.default);
}

/** What the room may see of an activity: counts only once revealed and over the threshold. */
export function snapshot(state: WorkshopState, activity: Activity, thresholds: Thresholds): Snapshot {
  const current = activityState(state, activity);
  return snapshotOf(activity, { status: current.status, revealed: current.revealed, total: current.ballots.size, tally: current.tally }, thresholds);
}

/** The same, from an activity's state and counts kept elsewhere (a store that counts for itself). */
export function snapshotOf(activity: Activity, current: { status: ActivityStatus; revealed: boolean; total: number; tally: Tally }, thresholds: Thresholds): Snapshot {
  const total = current.total;
  const threshold = thresholdOf(activity, thresholds);
  const shown = current.revealed && total >= threshold;
  const snap: Snapshot = {
    activityId: activity.id,
    status: current.status,
    revealed: current.revealed,
    total,
    threshold,
    results: shown ? results(current.tally, activity, total) : null,
  };
  if (current.revealed && 'answer' in activity && activity.answer !== undefined) snap.answer = activity.answer;
  if (current.revealed && 'explanation' in activity && activity.explanation) {
    snap.explanation = { en: activity.explanation };
    for (const lang of LANGUAGES) {
      const why = lang === 'en' ? undefined : activity[lang]?.explanation;
      if (why) snap.explanation[lang] = why;
    }
  }
  return snap;
}
