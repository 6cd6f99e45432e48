/**
 * The guide's walk through the deck: every section and slide as the projector shows them
 * (deckOutline), with the planned minutes, the speaker notes and, on an activity slide, the
 * question with its options, the best answer and why.
 */
import type { Activity } from '../content/content.ts';
import { activityText } from '../content/localize.ts';
import { deckOutline, type OutlineSection, type OutlineSlide } from '../content/outline.ts';
import { notesHtml } from './notes.ts';
import { escapeHtml, type PageInput, type Words } from './shell.ts';

interface Plan {
  core: number;
  optional: number;
}

/**
 * Core and optional minutes of some slides, as timing.ts planOf counts them, to the nearest
 * half minute: a plan, not a stopwatch (the core's 74.92 minutes print as 75).
 */
function planOf(slides: readonly OutlineSlide[]): Plan {
  const plan: Plan = { core: 0, optional: 0 };
  for (const s of slides) plan[s.optional ? 'optional' : 'core'] += s.minutes;
  return { core: Math.round(plan.core * 2) / 2, optional: Math.round(plan.optional * 2) / 2 };
}

/** The activity as the guide prints it: what the room sees, the best answer marked, and why. */
export function activityHtml(a: Activity, w: Words): string {
  const label = a.round ? w.t(a.kind === 'scale' ? `activity.checkin.${a.round}` : `activity.round.${a.round}`) : w.t(`activity.kind.${a.kind}`);
  const words = activityText(a, w.lang);
  const best = 'answer' in a ? a.answer : undefined;
  const parts = [`<h5>${escapeHtml(w.fill('guide.activity', { kind: label }))}</h5>`];
  if (words.story !== undefined) parts.push(`<p>${escapeHtml(words.story)}</p>`);
  parts.push(`<p class="prompt">${escapeHtml(words.prompt)}</p>`);
  if (words.options) {
    const items = words.options.map((o, i) =>
      i === best ? `<li class="best"><strong>${escapeHtml(o)}</strong> <span class="best-mark">(${escapeHtml(w.t('guide.best'))})</span></li>` : `<li>${escapeHtml(o)}</li>`,
    );
    parts.push(`<ol class="options" type="A">${items.join('')}</ol>`);
  }
  if (a.kind === 'scale' && words.labels) {
    parts.push(`<p>${escapeHtml(w.fill('guide.scale', { min: a.min, max: a.max, low: words.labels[0], high: words.labels[1] }))}</p>`);
  }
  if (best !== undefined) parts.push(`<p class="answer"><strong>${escapeHtml(w.fill('guide.answer', { letter: String.fromCharCode(65 + best) }))}</strong></p>`);
  if (words.explanation !== undefined) parts.push(`<p><strong>${escapeHtml(w.t('guide.why'))}:</strong> ${escapeHtml(words.explanation)}</p>`);
  return `<div class="activity">${parts.join('')}</div>`;
}

function slideHtml(slide: OutlineSlide, previous: OutlineSlide | undefined, input: PageInput, w: Words, labels: string[]): string {
  const meta: string[] = [];
  if (slide.minutes > 0 && slide.minutes < 1) meta.push(escapeHtml(w.fill('guide.slide.seconds', { seconds: Math.round(slide.minutes * 60) })));
  else if (slide.minutes >= 1) meta.push(escapeHtml(w.fill('guide.slide.time', { minutes: w.number(slide.minutes) })));
  if (slide.optional) meta.push(`<span class="badge">${escapeHtml(w.t('guide.optional'))}</span>`);
  const activity = slide.activityId ? input.content.activities.find((a) => a.id === slide.activityId) : undefined;
  // A source list shown over several slides has the same notes on each: print them once.
  const notes = slide.notes && slide.notes !== previous?.notes ? `<h5>${escapeHtml(w.t('guide.notes'))}</h5><div class="notes">${notesHtml(slide.notes, labels)}</div>` : '';
  return [
    `<article class="slide${slide.optional ? ' optional' : ''}">`,
    `<h4>${escapeHtml(slide.title)}</h4>`,
    meta.length > 0 ? `<p class="meta">${meta.join(' · ')}</p>` : '',
    activity ? activityHtml(activity, w) : '',
    notes,
    '</article>',
  ].join('');
}

function sectionHtml(section: OutlineSection, number: number, input: PageInput, w: Words, labels: string[]): string {
  const plan = planOf(section.slides);
  const time =
    plan.optional > 0
      ? w.fill('guide.section.timeOptional', { core: w.number(plan.core), optional: w.number(plan.optional) })
      : w.fill('guide.section.time', { core: w.number(plan.core) });
  const slides = section.slides.map((s, i) => slideHtml(s, section.slides[i - 1], input, w, labels));
  return [
    '<section class="deck-section">',
    `<h3>${escapeHtml(w.fill('guide.section', { number, title: section.title }))}</h3>`,
    plan.core + plan.optional > 0 ? `<p class="meta">${escapeHtml(time)}</p>` : '',
    ...slides,
    '</section>',
  ].join('\n');
}

/** The whole deck in the guide: total planned time, then section by section. */
export function deckPart(input: PageInput, w: Words, id: string): string {
  const outline = deckOutline(input.content, w.lang);
  const total = planOf(outline.flatMap((s) => s.slides));
  const labels = ['notes.time', 'notes.say', 'notes.tip', 'notes.verify'].map(w.t);
  return [
    `<section class="part" id="${id}" aria-labelledby="${id}-h">`,
    `<h2 id="${id}-h">${escapeHtml(w.t('guide.deck.title'))}</h2>`,
    `<p class="plan"><strong>${escapeHtml(w.fill('guide.deck.plan', { core: w.number(total.core), optional: w.number(total.optional) }))}</strong></p>`,
    ...outline.map((section, i) => sectionHtml(section, i + 1, input, w, labels)),
    '</section>',
  ].join('\n');
}
