/**
 * The guide's walk through the deck: every section and slide as the projector shows them
 * (deckOutline), with each plan's agenda, the planned minutes, the speaker notes and, on an
 * activity slide, the question with its options, the best answer and why.
 */
import type { Activity } from '../content/content.ts';
import { activityText } from '../content/localize.ts';
import { deckOutline, type OutlineSection, type OutlineSlide } from '../content/outline.ts';
import { PLANS, planShows, type PlanId } from '../protocol.ts';
import { notesHtml } from './notes.ts';
import { escapeHtml, type PageInput, type Words } from './shell.ts';

/** Each plan's name in the guide's strings. */
const PLAN_NAME: Record<PlanId, string> = { '60': 'guide.plan60', '90': 'guide.plan90', full: 'guide.planFull' };

/** Minutes of the slides `plan` shows, to the nearest half minute: a plan, not a stopwatch. */
function minutesIn(slides: readonly OutlineSlide[], plan: PlanId): number {
  return Math.round(slides.filter((s) => planShows(plan, s.plan)).reduce((m, s) => m + s.minutes, 0) * 2) / 2;
}

/** Each plan's agenda: its sections with their minutes, and its total against its slot. */
function agendaHtml(outline: readonly OutlineSection[], w: Words): string {
  const head = `<tr><th scope="col">${escapeHtml(w.t('guide.agenda.section'))}</th>${PLANS.map((p) => `<th scope="col">${escapeHtml(w.t(PLAN_NAME[p]))}</th>`).join('')}</tr>`;
  const rows = outline.map((section, i) => {
    const cells = PLANS.map((p) => {
      const n = minutesIn(section.slides, p);
      return `<td>${n > 0 ? escapeHtml(w.fill('guide.agenda.minutes', { minutes: w.number(n) })) : '-'}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(w.fill('guide.section', { number: i + 1, title: section.title }))}</th>${cells.join('')}</tr>`;
  });
  const all = outline.flatMap((s) => s.slides);
  const totals = PLANS.map((p) => `<td><strong>${escapeHtml(w.fill('guide.agenda.minutes', { minutes: w.number(minutesIn(all, p)) }))}</strong></td>`);
  const total = `<tr><th scope="row">${escapeHtml(w.t('guide.agenda.total'))}</th>${totals.join('')}</tr>`;
  return `<table class="agenda"><thead>${head}</thead><tbody>${rows.join('')}${total}</tbody></table>`;
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
  if (slide.plan !== '60') meta.push(`<span class="badge">${escapeHtml(w.t(slide.plan === 'full' ? 'guide.optional' : 'guide.plan90Only'))}</span>`);
  const activity = slide.activityId ? input.content.activities.find((a) => a.id === slide.activityId) : undefined;
  // A source list shown over several slides has the same notes on each: print them once.
  const notes = slide.notes && slide.notes !== previous?.notes ? `<h5>${escapeHtml(w.t('guide.notes'))}</h5><div class="notes">${notesHtml(slide.notes, labels)}</div>` : '';
  return [
    `<article class="slide${slide.plan === '60' ? '' : ' optional'}">`,
    `<h4>${escapeHtml(slide.title)}</h4>`,
    meta.length > 0 ? `<p class="meta">${meta.join(' · ')}</p>` : '',
    activity ? activityHtml(activity, w) : '',
    notes,
    '</article>',
  ].join('');
}

function sectionHtml(section: OutlineSection, number: number, input: PageInput, w: Words, labels: string[]): string {
  const time = PLANS.map((p) => w.fill('guide.section.inPlan', { plan: w.t(PLAN_NAME[p]), minutes: w.number(minutesIn(section.slides, p)) })).join(' · ');
  const slides = section.slides.map((s, i) => slideHtml(s, section.slides[i - 1], input, w, labels));
  return [
    '<section class="deck-section">',
    `<h3>${escapeHtml(w.fill('guide.section', { number, title: section.title }))}</h3>`,
    `<p class="meta">${escapeHtml(time)}</p>`,
    ...slides,
    '</section>',
  ].join('\n');
}

/** The whole deck in the guide: total planned time, then section by section. */
export function deckPart(input: PageInput, w: Words, id: string): string {
  const outline = deckOutline(input.content, w.lang);
  const labels = ['notes.time', 'notes.say', 'notes.tip', 'notes.verify'].map(w.t);
  return [
    `<section class="part" id="${id}" aria-labelledby="${id}-h">`,
    `<h2 id="${id}-h">${escapeHtml(w.t('guide.deck.title'))}</h2>`,
    `<p class="plan">${escapeHtml(w.t('guide.deck.plans'))}</p>`,
    agendaHtml(outline, w),
    ...outline.map((section, i) => sectionHtml(section, i + 1, input, w, labels)),
    '</section>',
  ].join('\n');
}
