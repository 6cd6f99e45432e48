/**
 * The plan the deck shows, from its link (`?plan=60`, `?plan=90`, `?full`). Slides of the full
 * set only are hidden by the content (reveal.js shows hidden slides with `?full`); a slide of
 * the 90-minute plan is hidden here, in the Markdown, when the deck shows the 60-minute plan.
 */
import { DEFAULT_PLAN, PLANS, planShows, type PlanId } from '../../server/protocol.ts';

export function planFromLink(search = location.search): PlanId {
  const params = new URLSearchParams(search);
  if (params.has('full')) return 'full';
  const plan = params.get('plan');
  return (PLANS as readonly string[]).includes(plan ?? '') ? (plan as PlanId) : DEFAULT_PLAN;
}

/** The Markdown of a deck file with the slides that `plan` leaves out hidden. */
export function forPlan(markdown: string, plan: PlanId): string {
  return markdown.replace(/(<!--\s*\.slide:[^>]*?data-plan="(\w+)")/g, (all, _attrs: string, slidePlan: string) =>
    planShows(plan, slidePlan as PlanId) ? all : `${all} data-visibility="hidden"`,
  );
}
