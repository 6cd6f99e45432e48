/**
 * /guide: the facilitator guide, printed from the kit so it always matches the deck, the
 * notes and the numbers. The checklist to tick on paper, the deck slide by slide, then what
 * to do when someone discloses, reporting in California, hard questions, the room, who to
 * call, the debrief, and the sources the [n] citations point to.
 */
import { deckPart } from './guide-deck.ts';
import { FLOW_CSS, referralFlow } from './referral-flow.ts';
import { escapeHtml, lastChecked, otherLanguages, page, wordsFor, type PageInput, type Words } from './shell.ts';

const CSS = `
.checklist{list-style:none;padding:0}
.checklist li{position:relative;padding-left:1.9em;margin:.35em 0}
.checklist li::before{content:"";position:absolute;left:0;top:.2em;width:1.05em;height:1.05em;border:2px solid #1a1a1a;border-radius:2px}
.toc ol{columns:2;column-gap:2em;padding-left:1.4em}
.deck-section{border-top:3px solid #1a1a1a;margin-top:1.5em}
.agenda{border-collapse:collapse;width:100%;font-size:.92em;break-inside:avoid}
.agenda th,.agenda td{border:1px solid #767676;padding:.15em .4em;text-align:left}
.agenda td{text-align:right;white-space:nowrap}
.slide{border-left:4px solid #767676;padding:.1em 0 .1em .8em;margin:1em 0}
.slide.optional{border-left-style:dashed}
.slide h4{margin:.2em 0}
.slide h5{margin:.6em 0 .2em;font-size:.9em;text-transform:uppercase;letter-spacing:.04em}
.meta{margin:.1em 0 .4em;font-size:.95em}
.badge{display:inline-block;border:1.5px solid #1a1a1a;border-radius:3px;padding:0 .35em;font-weight:700;color:#1a1a1a}
.notes p{margin:.3em 0}
.activity{background:#f3f3f3;border:1px solid #767676;padding:.3em .7em;margin:.5em 0}
.activity .prompt{font-weight:700}
.best-mark{font-style:italic}
.qa h3{font-size:1.05em;margin-bottom:.2em}
.qa p{margin-top:0}
.sources{padding-left:0;list-style:none;font-size:.92em}
.sources li{margin:.3em 0;overflow-wrap:anywhere}
footer{margin-top:2em;border-top:1px solid #767676;padding-top:.5em;font-size:.92em}
@page{size:letter;margin:.6in .65in}
@media print{
  body{font-size:10.5pt}
  #deck,#disclosure,#referral,#sources{break-before:page}
  h2,h3,h4,h5{break-after:avoid}
  .activity,.qa-item,.checklist li,.slide>.meta{break-inside:avoid}
  .activity{background:none}
}
${FLOW_CSS}`;

/** A titled part of the guide with a list of items. */
function listPart(id: string, title: string, items: readonly string[], tag: 'ol' | 'ul', { intro = '', listClass = '' } = {}): string {
  return [
    `<section class="part" id="${id}" aria-labelledby="${id}-h">`,
    `<h2 id="${id}-h">${escapeHtml(title)}</h2>`,
    intro,
    `<${tag}${listClass ? ` class="${listClass}"` : ''}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`,
    '</section>',
  ].join('\n');
}

function hardQuestions(w: Words, id: string): string {
  const { title, items } = w.text.guide.hard_questions;
  const qa = items.map((q, i) => `<div class="qa-item"><h3 id="${id}-${i + 1}">${escapeHtml(q.question)}</h3><p>${escapeHtml(q.answer)}</p></div>`);
  return [`<section class="part qa" id="${id}" aria-labelledby="${id}-h">`, `<h2 id="${id}-h">${escapeHtml(title)}</h2>`, ...qa, '</section>'].join('\n');
}

function sourcesPart(input: PageInput, w: Words, id: string): string {
  const items = input.content.sources.map((s) => {
    const urls = (s.urls ?? (s.url ? [s.url] : [])).map((u) => `<a href="${escapeHtml(u)}">${escapeHtml(u)}</a>`).join(' ; ');
    const notes = [s.secondary ? w.t('present.sources.secondary') : '', s.unverified ? w.fill('guide.unverified', { reason: s.unverified }) : ''].filter(Boolean);
    const remark = notes.length > 0 ? ` <em>(${escapeHtml(notes.join('; '))})</em>` : '';
    return `<li id="source-${escapeHtml(s.id)}"><strong>[${escapeHtml(s.id)}]</strong> ${escapeHtml(s.title)}${remark}<br>${urls}</li>`;
  });
  return [
    `<section class="part" id="${id}" aria-labelledby="${id}-h">`,
    `<h2 id="${id}-h">${escapeHtml(w.t('guide.sources'))}</h2>`,
    `<p>${escapeHtml(w.t('guide.sources.intro'))}</p>`,
    `<ul class="sources">${items.join('\n')}</ul>`,
    '</section>',
  ].join('\n');
}

/** The facilitator guide in `input.lang`, as a whole HTML document. */
export function renderGuide(input: PageInput): string {
  const w = wordsFor(input.content, input.lang);
  const g = w.text.guide;
  const parts: { id: string; title: string; html: string }[] = [
    { id: 'prepare', title: g.prepare.title, html: listPart('prepare', g.prepare.title, g.prepare.items, 'ul', { listClass: 'checklist' }) },
    { id: 'deck', title: w.t('guide.deck.title'), html: deckPart(input, w, 'deck') },
    { id: 'disclosure', title: g.disclosure.title, html: listPart('disclosure', g.disclosure.title, g.disclosure.steps, 'ol') },
    { id: 'reporting', title: g.reporting.title, html: listPart('reporting', g.reporting.title, g.reporting.items, 'ul', { intro: `<p>${escapeHtml(g.reporting.intro)}</p>` }) },
    { id: 'hard-questions', title: g.hard_questions.title, html: hardQuestions(w, 'hard-questions') },
    { id: 'in-room', title: g.in_room.title, html: listPart('in-room', g.in_room.title, g.in_room.steps, 'ol') },
    {
      id: 'referral',
      title: g.referral.title,
      html: `<section class="part" id="referral" aria-labelledby="referral-h"><h2 id="referral-h">${escapeHtml(g.referral.title)}</h2>${referralFlow(input.content, w)}</section>`,
    },
    { id: 'debrief', title: g.debrief.title, html: listPart('debrief', g.debrief.title, g.debrief.items, 'ul') },
    { id: 'sources', title: w.t('guide.sources'), html: sourcesPart(input, w, 'sources') },
  ];
  const toc = parts.map((p) => `<li><a href="#${p.id}">${escapeHtml(p.title)}</a></li>`).join('');
  const printed = w.fill('guide.printed', { date: w.date(input.now), checked: w.date(lastChecked(input.content)) });
  const body = [
    '<header>',
    `<p class="tools screen-only">${otherLanguages(input.content, w.lang, '/guide', 'guide.thisPage')}<span>${escapeHtml(w.t('guide.print'))}</span></p>`,
    `<h1>${escapeHtml(g.title)}</h1>`,
    `<p>${escapeHtml(g.intro)}</p>`,
    '</header>',
    `<nav class="toc screen-only" aria-labelledby="toc-h"><h2 id="toc-h">${escapeHtml(w.t('guide.contents'))}</h2><ol>${toc}</ol></nav>`,
    '<main>',
    ...parts.map((p) => p.html),
    '</main>',
    `<footer><p>${escapeHtml(printed)}</p></footer>`,
  ].join('\n');
  return page({ lang: w.lang, title: g.title, css: CSS, body });
}
