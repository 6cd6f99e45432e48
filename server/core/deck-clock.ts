/**
 * The facilitator's clock: where the deck is, and how long each section (deck file) has
 * taken so far. It starts when the deck first leaves its first slide. Pure: the time is
 * passed in; `move` and `resume` update the clock in place.
 *
 * Across a stop of the kit the clock counts only the time the kit ran: `resume` moves the
 * clock's marks forward by the time it was stopped, so the clock reads on restart what it
 * read when the kit stopped, and the current slide's time picks up from there. A facilitator
 * who stops the kit over lunch finds the clock where they left it, not an hour late.
 */
import { DEFAULT_PLAN, type DeckPosition, type PlanId } from '../protocol.ts';

export interface DeckClock {
  slide: string | null;
  plan: PlanId;
  startedAt: number | null;
  /** When the current slide was reached. */
  since: number;
  /** Milliseconds spent per section, before the current slide. */
  spent: Map<string, number>;
}

/** A clock as plain data, for a store (JSON or columns). */
export interface ClockData {
  slide: string | null;
  plan: PlanId;
  startedAt: number | null;
  since: number;
  spent: Record<string, number>;
}

/** The first slide of a deck; the clock waits on it. */
export const FIRST_SLIDE = '0.0';

export function newClock(): DeckClock {
  return { slide: null, plan: DEFAULT_PLAN, startedAt: null, since: 0, spent: new Map() };
}

/** The section of a slide key `file.slide`. */
export function sectionOf(slide: string): string {
  return slide.split('.')[0] ?? slide;
}

/** The deck moved to `slide` at `at`. */
export function move(clock: DeckClock, slide: string, plan: PlanId, at: number): void {
  if (clock.startedAt !== null && clock.slide !== null) {
    const section = sectionOf(clock.slide);
    clock.spent.set(section, (clock.spent.get(section) ?? 0) + Math.max(0, at - clock.since));
  }
  if (clock.startedAt === null && slide !== FIRST_SLIDE) clock.startedAt = at;
  clock.slide = slide;
  clock.plan = plan;
  clock.since = at;
}

/** The position and times as of `at`, the current slide's time included. */
export function position(clock: DeckClock, at: number): DeckPosition {
  const spent = Object.fromEntries(clock.spent);
  if (clock.startedAt !== null && clock.slide !== null) {
    const section = sectionOf(clock.slide);
    spent[section] = (spent[section] ?? 0) + Math.max(0, at - clock.since);
  }
  return { slide: clock.slide, plan: clock.plan, elapsed: clock.startedAt === null ? 0 : Math.max(0, at - clock.startedAt), spent };
}

/**
 * How often a running clock notes that the kit still runs, whichever store keeps it: what a
 * crash may cost the clock (`resume` counts nothing after the last note).
 */
export const ALIVE_EVERY_MS = 5_000;

/**
 * The kit starts again at `at` after it stopped at `stoppedAt` (when it was last known to
 * run): the time in between does not count. A move stored after `stoppedAt` proves the kit
 * ran until then, so the stop is counted from the later of the two.
 */
export function resume(clock: DeckClock, stoppedAt: number, at: number): void {
  const stopped = Math.max(0, at - Math.max(stoppedAt, clock.since));
  if (clock.startedAt !== null) clock.startedAt += stopped;
  clock.since += stopped;
}

export function clockData(clock: DeckClock): ClockData {
  return { slide: clock.slide, plan: clock.plan, startedAt: clock.startedAt, since: clock.since, spent: Object.fromEntries(clock.spent) };
}

export function clockFrom(data: ClockData): DeckClock {
  return { slide: data.slide, plan: data.plan, startedAt: data.startedAt, since: data.since, spent: new Map(Object.entries(data.spent)) };
}
