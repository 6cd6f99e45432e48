/**
 * The phone's screen, in three parts that update separately: the question (rebuilt
 * only when the question changes, so typing is never interrupted), what happened to
 * this phone's answer, and the results once the facilitator shows them.
 */
import type { ActivityView, AnswerValue, Snapshot } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { explanationOf, t } from '../i18n.ts';
import { resultsElement } from '../results.ts';
import { timeLeft, type LocalCountdown } from '../countdown.ts';
import { controls, hasControls } from './controls.ts';
import { helpGroups, keepPage } from './safety.ts';

export type Feedback = '' | 'sending' | 'received' | 'receivedClosed' | 'pending' | 'closed' | 'refused';

export interface Screen {
  banner: HTMLElement;
  question: HTMLElement;
  feedback: HTMLElement;
  /** "Answers close in 0:25": not announced every second (aria-live off inside the live page). */
  countdown: HTMLElement;
  results: HTMLElement;
}

export function mountScreen(root: HTMLElement): Screen {
  const screen = {
    banner: el('p', 'banner'),
    question: el('section', 'question'),
    feedback: el('p', 'feedback'),
    countdown: el('p', 'countdown'),
    results: el('section', 'results-area'),
  };
  screen.countdown.setAttribute('aria-live', 'off');
  screen.countdown.hidden = true;
  screen.banner.setAttribute('role', 'status');
  screen.banner.hidden = true;
  screen.feedback.setAttribute('role', 'status');
  const privacy = el('p', 'note', `${t('join.privacy')} ${t('join.stepOut')}`);
  root.replaceChildren(screen.banner, screen.question, screen.feedback, screen.countdown, screen.results, privacy);
  return screen;
}

export function showBanner(screen: Screen, text: string): void {
  screen.banner.textContent = text;
  screen.banner.hidden = text === '';
}

/** The room is paused: a calm screen; the answer in progress is kept for when it resumes. */
export function showPaused(screen: Screen): void {
  screen.question.replaceChildren(el('h1', '', t('join.pause.title')), el('p', '', t('join.pause.body')));
  screen.question.dataset['activity'] = '';
  screen.feedback.textContent = '';
  screen.results.replaceChildren();
}

/** The workshop is over: thanks, and the help lines, for anyone the evening stirred up. */
export function showFinished(screen: Screen): void {
  // The end of the workshop is when the numbers are worth keeping: the lasting page's link, when there is one.
  screen.question.replaceChildren(el('h1', '', t('join.finished.title')), el('p', '', t('join.finished.body')), ...helpGroups(), keepPage() ?? '');
  screen.question.dataset['activity'] = '';
  screen.feedback.textContent = '';
  screen.results.replaceChildren();
  showCountdown(screen, undefined);
}

/** The time left before answers close, redrawn every second while it runs. */
let ticking: ReturnType<typeof setInterval> | undefined;
export function showCountdown(screen: Screen, countdown: LocalCountdown | undefined): void {
  clearInterval(ticking);
  screen.countdown.hidden = countdown === undefined;
  if (!countdown) return;
  const draw = (): void => void (screen.countdown.textContent = t('join.countdown.closesIn', { time: timeLeft(countdown) }));
  draw();
  ticking = setInterval(draw, 1000);
}

export function showWaiting(screen: Screen): void {
  screen.question.replaceChildren(el('h1', '', t('join.waiting.title')), el('p', '', t('join.waiting.body')));
  screen.question.dataset['activity'] = '';
  screen.feedback.textContent = '';
  screen.results.replaceChildren();
}

/** Builds the question and its answer controls; `send` is called with a valid answer. */
export function showQuestion(screen: Screen, view: ActivityView, send: (value: AnswerValue) => void): void {
  const parts: HTMLElement[] = [el('p', 'label', t(`activity.kind.${view.kind}`))];
  if (view.title) parts.push(el('h1', '', view.title));
  if (view.story) parts.push(el('p', 'story', view.story));
  parts.push(el(view.title ? 'p' : 'h1', 'prompt', view.prompt));
  if (hasControls(view)) parts.push(controls(view, send), skipControls(screen));
  screen.question.classList.remove('skipped');
  screen.question.replaceChildren(...parts);
  screen.question.dataset['activity'] = view.id;
  screen.results.replaceChildren();
}

/** "Skip this question": no answer is sent, nobody is told, and the person can still answer. */
function skipControls(screen: Screen): HTMLElement {
  const skip = el('button', 'skip', t('join.skip'));
  skip.type = 'button';
  const unskip = el('button', 'skip', t('join.unskip'));
  unskip.type = 'button';
  const skipped = el('p', 'skipped-note', t('join.skipped'));
  skip.addEventListener('click', () => {
    screen.question.classList.add('skipped');
    unskip.focus();
  });
  unskip.addEventListener('click', () => {
    screen.question.classList.remove('skipped');
    screen.question.querySelector<HTMLElement>('.controls button, .controls input')?.focus();
  });
  return el('div', 'skip-box', [skip, skipped, unskip]);
}

/** Citation marks like [29] point to the deck's source list, which phones do not have. */
function withoutCitations(text: string): string {
  return text.replace(/\s*\[\d+[a-z]?\]/g, '');
}

/** Marks this phone's answer, and locks the controls when answers are closed. */
export function showAnswerState(screen: Screen, mine: AnswerValue | undefined, open: boolean): void {
  const chosen = new Set(Array.isArray(mine) ? mine : typeof mine === 'number' ? [mine] : []);
  for (const b of screen.question.querySelectorAll<HTMLButtonElement>('button')) {
    if (b.classList.contains('choice') && mine !== undefined) b.setAttribute('aria-pressed', String(chosen.has(Number(b.dataset['value']))));
    b.disabled = !open;
  }
  for (const field of screen.question.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    field.disabled = !open;
    if (typeof mine === 'string' && field.value === '') field.value = mine;
  }
}

/**
 * What to say about this phone's answer. Once answers are locked nothing promises a change:
 * an answer the server holds is "received, answers are closed now".
 */
export function answerFeedback(view: ActivityView, open: boolean, feedback: Feedback, stored: boolean): Feedback {
  if (!hasControls(view)) return '';
  if (open) return feedback;
  return stored ? 'receivedClosed' : 'closed';
}

export function showFeedback(screen: Screen, feedback: Feedback): void {
  screen.feedback.className = `feedback ${feedback}`;
  screen.feedback.textContent = feedback ? t(`join.answer.${feedback}`) : '';
}

export function showResults(screen: Screen, view: ActivityView, snap: Snapshot): void {
  // The best option is marked on the buttons themselves, even while counts are held back.
  for (const b of screen.question.querySelectorAll<HTMLButtonElement>('.controls button.choice')) {
    const best = snap.revealed && snap.answer !== undefined && Number(b.dataset['value']) === snap.answer;
    b.classList.toggle('best', best);
    b.querySelector('.best-mark')?.remove();
    if (best) b.append(el('span', 'best-mark', t('join.results.best')));
  }
  // A question box has nothing to show the room: its questions wait for the facilitator.
  if (!snap.revealed || !hasControls(view)) {
    screen.results.replaceChildren();
    return;
  }
  const parts: HTMLElement[] = [el('h2', '', t('join.results.title')), resultsElement(view, snap)];
  const why = explanationOf(snap);
  if (why) parts.push(el('p', 'explanation', withoutCitations(why)));
  screen.results.replaceChildren(...parts);
}
