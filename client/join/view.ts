/**
 * The phone's screen, in three parts that update separately: the question (rebuilt
 * only when the question changes, so typing is never interrupted), what happened to
 * this phone's answer, and the results once the facilitator shows them.
 */
import type { ActivityView, AnswerValue, Snapshot } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { explanationOf, t } from '../i18n.ts';
import { personalDetails } from '../../server/core/disclosure.ts';
import { resultsElement } from '../results.ts';
import { personalCard } from './questions.ts';

export type Feedback = '' | 'sending' | 'received' | 'pending' | 'closed' | 'refused';

export interface Screen {
  banner: HTMLElement;
  question: HTMLElement;
  feedback: HTMLElement;
  results: HTMLElement;
}

export function mountScreen(root: HTMLElement): Screen {
  const screen = {
    banner: el('p', 'banner'),
    question: el('section', 'question'),
    feedback: el('p', 'feedback'),
    results: el('section', 'results-area'),
  };
  screen.banner.setAttribute('role', 'status');
  screen.banner.hidden = true;
  screen.feedback.setAttribute('role', 'status');
  const privacy = el('p', 'note', `${t('join.privacy')} ${t('join.stepOut')}`);
  root.replaceChildren(screen.banner, screen.question, screen.feedback, screen.results, privacy);
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
  parts.push(controls(view, send), skipControls(screen));
  screen.question.classList.remove('skipped');
  screen.question.replaceChildren(...parts);
  screen.question.dataset['activity'] = view.id;
  screen.results.replaceChildren();
}

function controls(view: ActivityView, send: (value: AnswerValue) => void): HTMLElement {
  const box = el('div', 'controls');
  if (view.kind === 'choice' || view.kind === 'scenario') {
    (view.options ?? []).forEach((option, i) => box.append(choiceButton(`${String.fromCharCode(65 + i)}. ${option}`, i, () => send(i))));
  } else if (view.kind === 'scale') {
    const row = el('div', 'scale');
    for (let v = view.min ?? 1; v <= (view.max ?? 5); v++) row.append(choiceButton(String(v), v, () => send(v)));
    box.append(row, el('p', 'scale-labels', [el('span', '', `${view.min} = ${view.labels?.[0] ?? ''}`), el('span', '', `${view.max} = ${view.labels?.[1] ?? ''}`)]));
  } else if (view.kind === 'multi') {
    box.append(el('p', 'hint', t('join.multi.hint')));
    (view.options ?? []).forEach((option, i) => {
      const b = choiceButton(`${String.fromCharCode(65 + i)}. ${option}`, i, () => b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true')));
      box.append(b);
    });
    const submit = el('button', 'send', t('join.answer.send'));
    submit.type = 'button';
    submit.addEventListener('click', () => {
      const chosen = [...box.querySelectorAll<HTMLButtonElement>('button.choice[aria-pressed="true"]')].map((b) => Number(b.dataset['value']));
      if (chosen.length > 0) send(chosen);
    });
    box.append(submit);
  } else {
    const form = el('form', 'free');
    const input = view.kind === 'text' ? el('textarea') : el('input');
    input.maxLength = view.maxLength ?? 40;
    input.placeholder = t('join.text.placeholder');
    input.setAttribute('aria-label', view.prompt);
    input.autocomplete = 'off';
    const submit = el('button', 'send', t('join.answer.send'));
    form.append(input, submit);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = input.value.trim();
      if (!value) return;
      // A question-box answer goes to the Q&A queue: the same gentle check as "Ask a question".
      if (view.kind !== 'text' || personalDetails(value).length === 0) return send(value);
      const card = personalCard(
        () => {
          card.replaceWith(form);
          input.focus();
        },
        () => {
          card.replaceWith(form);
          send(value);
        },
      );
      form.replaceWith(card);
      card.querySelector<HTMLElement>('h3')?.focus();
    });
    box.append(form);
    if (view.kind === 'text') box.append(el('p', 'hint', t('join.text.private')));
  }
  return box;
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
    screen.question.querySelector<HTMLElement>('.controls button, .controls input, .controls textarea')?.focus();
  });
  return el('div', 'skip-box', [skip, skipped, unskip]);
}

/** Citation marks like [29] point to the deck's source list, which phones do not have. */
function withoutCitations(text: string): string {
  return text.replace(/\s*\[\d+[a-z]?\]/g, '');
}

function choiceButton(text: string, value: number, onTap: () => void): HTMLButtonElement {
  const b = el('button', 'choice', text);
  b.type = 'button';
  b.dataset['value'] = String(value);
  b.setAttribute('aria-pressed', 'false');
  b.addEventListener('click', onTap);
  return b;
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
  if (!snap.revealed) {
    screen.results.replaceChildren();
    return;
  }
  const parts: HTMLElement[] = [el('h2', '', t('join.results.title'))];
  if (view.kind !== 'text') parts.push(resultsElement(view, snap));
  const why = explanationOf(snap);
  if (why) parts.push(el('p', 'explanation', withoutCitations(why)));
  screen.results.replaceChildren(...parts);
}
