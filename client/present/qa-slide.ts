/**
 * The Q&A board on `data-qa` slides: the questions the facilitator approved, most voted
 * first, answered ones last and marked. Never who asked. Question text is set as text.
 */
import type { QaQueue } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { t, tn } from '../i18n.ts';

/** The most a slide shows (the rest wait on the phones and the console, by votes). */
const MAX_ON_SLIDE = 3;

export function renderQuestions(queue: QaQueue): void {
  // The queue comes in the board's order; only approved questions are the room's to see.
  const approved = queue.questions.filter((q) => q.status === 'approved');
  const shown = approved.slice(0, MAX_ON_SLIDE);
  for (const slide of document.querySelectorAll<HTMLElement>('section[data-qa]')) {
    slide.querySelector('.qa-board')?.remove();
    // With questions up, the slide's own words step back to leave them the room (theme.css).
    slide.classList.toggle('asked', shown.length > 0);
    const items = shown.map((q) =>
      el('li', q.answered ? 'qa-question answered' : 'qa-question', [
        el('span', 'qa-text', q.text),
        el('span', 'qa-votes', tn('present.qa.votes', q.votes)),
        q.answered && el('span', 'qa-answered', t('present.qa.answered')),
      ]),
    );
    const more = approved.length - shown.length;
    slide.append(
      el('div', 'qa-board', items.length ? [el('ol', 'qa-list', items), more > 0 && el('p', 'qa-empty', tn('present.qa.more', more))] : [el('p', 'qa-empty', t('present.qa.empty'))]),
    );
  }
}
