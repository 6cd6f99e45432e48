/**
 * The facilitator's countdowns: "close in 30 s" on an activity (answers lock when time is
 * up) and "back at 7:45" on the break slide. Pure: the time is passed in. A countdown ends
 * by itself, or when the room moves on: another activity on the phones, another slide.
 */
import type { Countdown, CountdownSet } from '../protocol.ts';

export type Running = { kind: 'close'; activityId: string; endsAt: number } | { kind: 'break'; slide: string; endsAt: number } | null;

/** The countdown a facilitator asked for, from `now`. */
export function start(set: CountdownSet, now: number): Running {
  if (set.kind === 'close') return { kind: 'close', activityId: set.activityId, endsAt: now + set.seconds * 1000 };
  if (set.kind === 'break') return { kind: 'break', slide: set.slide, endsAt: now + set.minutes * 60_000 };
  return null;
}

/** What clients are sent: the time left from `now`, never a clock time. */
export function viewOf(running: Running, now: number): Countdown {
  if (!running) return { kind: 'none' };
  // A break's end stays on the projector once past ("back at 7:45"): its time may be negative.
  if (running.kind === 'break') return { kind: 'break', slide: running.slide, endsIn: running.endsAt - now };
  return { kind: 'close', activityId: running.activityId, endsIn: Math.max(0, running.endsAt - now) };
}

/** What moved in the room. */
export type Move = { type: 'current'; activityId: string | null } | { type: 'slide'; slide: string } | { type: 'command'; activityId: string };

/**
 * Whether `running` still runs after `move`: a close countdown ends when the phones show
 * another question or the facilitator acts on its activity by hand (lock, clear...); a
 * break ends when the deck leaves its slide.
 */
export function survives(running: Running, move: Move): boolean {
  if (!running) return false;
  if (running.kind === 'break') return move.type !== 'slide' || move.slide === running.slide;
  if (move.type === 'current') return move.activityId === running.activityId;
  if (move.type === 'command') return move.activityId !== running.activityId;
  return true;
}
