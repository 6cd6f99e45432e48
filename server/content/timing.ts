/**
 * The workshop's running time, read from the speaker notes' `Time:` lines. The core (every
 * slide not marked `data-optional`) must fit a 75-minute slot, break included; optional
 * modules are what a facilitator adds when the evening has room for them.
 */
import type { Slide } from './slides.ts';

/** The longest the core workshop may plan for, in minutes. */
export const CORE_MINUTES = 75;

/** Whether a slide belongs to an optional module rather than the core. */
export function isOptional(slide: Slide): boolean {
  return slide.attrs['data-optional'] !== undefined;
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

export interface Plan {
  core: number;
  optional: number;
}

/** The planned minutes of a deck's core and of its optional modules. */
export function planOf(slides: readonly Slide[], label = 'Time'): Plan {
  const plan: Plan = { core: 0, optional: 0 };
  for (const slide of slides) plan[isOptional(slide) ? 'optional' : 'core'] += minutesOf(slide, label) ?? 0;
  return { core: Math.round(plan.core * 100) / 100, optional: Math.round(plan.optional * 100) / 100 };
}
