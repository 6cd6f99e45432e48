/**
 * The console's clock against the plan: planned minutes come from the notes' `Time:`
 * lines (the outline), elapsed time from the server's deck position. Pure.
 */
import { planShows, type OutlineSection, type OutlineSlide, type PlanId } from '../../server/protocol.ts';

export interface Where {
  section: OutlineSection;
  slide: OutlineSlide;
  /** Position among the slides the deck shows (1-based), and how many it shows. */
  number: number;
  count: number;
  next: OutlineSlide | undefined;
  previous: OutlineSlide | undefined;
}

/** The slides the deck shows in `plan`. */
export function shownSlides(outline: readonly OutlineSection[], plan: PlanId): OutlineSlide[] {
  return outline.flatMap((s) => s.slides).filter((s) => planShows(plan, s.plan));
}

export function locate(outline: readonly OutlineSection[], key: string | null, plan: PlanId): Where | undefined {
  const shown = shownSlides(outline, plan);
  const i = shown.findIndex((s) => s.key === key);
  const slide = shown[i];
  const section = outline.find((s) => s.slides.some((x) => x.key === key));
  if (!slide || !section) return undefined;
  return { section, slide, number: i + 1, count: shown.length, next: shown[i + 1], previous: shown[i - 1] };
}

export interface Pace {
  /** Planned minutes of the whole deck as shown, and of the current section. */
  planned: number;
  sectionPlanned: number;
  /** Milliseconds spent in all, and in the current section. */
  elapsed: number;
  sectionElapsed: number;
  /** Minutes behind the plan (negative: ahead, zero: within the current slide's own time). */
  behind: number;
}

/**
 * Where the workshop stands against its plan. `elapsed` and `spent` are the server's
 * figures, `sinceUpdate` the milliseconds since they were sent.
 */
export function pace(outline: readonly OutlineSection[], where: Where, plan: PlanId, elapsed: number, spent: Record<string, number>, sinceUpdate: number): Pace {
  const shown = shownSlides(outline, plan);
  const minutes = (slides: readonly OutlineSlide[]): number => slides.reduce((m, s) => m + s.minutes, 0);
  const running = elapsed > 0 ? sinceUpdate : 0;
  const before = shown.slice(0, where.number - 1);
  const totalElapsed = elapsed + running;
  return {
    planned: minutes(shown),
    sectionPlanned: minutes(where.section.slides.filter((s) => planShows(plan, s.plan))),
    elapsed: totalElapsed,
    sectionElapsed: (spent[where.section.id] ?? 0) + running,
    behind: elapsed > 0 ? Math.round(lateness(totalElapsed / 60_000, minutes(before), where.slide.minutes) * 10) / 10 : 0,
  };
}

/**
 * On time while the clock is within the current slide's planned span; behind past its end,
 * ahead before its start.
 */
function lateness(elapsed: number, start: number, slide: number): number {
  if (elapsed > start + slide) return elapsed - start - slide;
  if (elapsed < start) return elapsed - start;
  return 0;
}

/** 754000 → "12:34". */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
