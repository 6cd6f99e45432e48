/**
 * The workshop's running time, read from the speaker notes' `Time:` lines, and the plans a
 * facilitator can present (protocol.ts PLANS). A slide belongs to the smallest plan that shows
 * it: no mark for every plan, `data-plan="90"` from the 90-minute plan up, `data-optional` for
 * the full set only. Each plan with a slot must fit it with room to spare and time for questions.
 */
import { PLANS, planShows, type PlanId } from '../protocol.ts';
import type { Slide } from './slides.ts';

/** The slot each plan is made for, in minutes (the full set has none: it is everything). */
export const PLAN_SLOTS: Readonly<Record<PlanId, number | undefined>> = { '60': 60, '90': 90, full: undefined };
/** Part of the slot left unplanned: a real room runs late. */
export const SLACK = 0.1;
/** Questions from the room need at least this long, in every plan (the `data-qa` slide's time). */
export const QUESTION_MINUTES = 10;

/** The smallest plan that shows `slide`. */
export function planOfSlide(slide: Slide): PlanId {
  if (slide.attrs['data-optional'] !== undefined) return 'full';
  const plan = slide.attrs['data-plan'];
  return (PLANS as readonly string[]).includes(plan ?? '') ? (plan as PlanId) : '60';
}

/** The minutes a slide's time line (`Time:` in English, its label in `strings`) plans, or undefined when it has none or it cannot be read. */
export function minutesOf(slide: Slide, label = 'Time'): number | undefined {
  const line = timeLine(slide, label);
  const m = line?.match(/^[^:]+:\D*?(\d+(?:\.\d+)?)\s+(min|seg|sec)/i);
  if (!m?.[1] || !m[2]) return undefined;
  const n = Number(m[1]);
  return /^min/i.test(m[2]) ? n : n / 60;
}

/** The slide's time line, if its notes have one. */
export function timeLine(slide: Slide, label = 'Time'): string | undefined {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return slide.notes.match(new RegExp(`^${escaped}:.*$`, 'im'))?.[0];
}

export interface PlanTotal {
  plan: PlanId;
  /** Planned minutes of every slide the plan shows. */
  minutes: number;
  /** Of which, for questions from the room. */
  questions: number;
  slot: number | undefined;
  /** Minutes of the slot left unplanned (undefined for the full set). */
  slack: number | undefined;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Each plan's planned minutes, its questions' minutes and its slack. */
export function planTotals(slides: readonly Slide[], label = 'Time'): PlanTotal[] {
  return PLANS.map((plan) => {
    const shown = slides.filter((s) => planShows(plan, planOfSlide(s)));
    const minutes = round(shown.reduce((m, s) => m + (minutesOf(s, label) ?? 0), 0));
    const questions = round(shown.filter((s) => s.attrs['data-qa'] !== undefined).reduce((m, s) => m + (minutesOf(s, label) ?? 0), 0));
    const slot = PLAN_SLOTS[plan];
    return { plan, minutes, questions, slot, slack: slot === undefined ? undefined : round(slot - minutes) };
  });
}

/** Why a plan does not fit its slot (nothing when it does). */
export function planProblems(total: PlanTotal): string[] {
  const problems: string[] = [];
  if (total.questions < QUESTION_MINUTES) problems.push(`the ${total.plan} plan gives questions ${total.questions} minutes (the data-qa slide's time line); it needs at least ${QUESTION_MINUTES}`);
  if (total.slot === undefined) return problems;
  const most = round(total.slot * (1 - SLACK));
  if (total.minutes > most) problems.push(`the ${total.plan}-minute plan adds up to ${total.minutes} minutes; with ${SLACK * 100}% left for a real room it must plan at most ${most}: shorten a slide's time line or move a slide to a larger plan (data-plan="90" or data-optional)`);
  return problems;
}
