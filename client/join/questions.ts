/**
 * "Ask a question", on every screen of the phone, and the questions the facilitator put up,
 * to upvote. Before a question goes, the phone checks it for personal details or a
 * disclosure (the server's own check, server/core/disclosure.ts) and, if it finds any,
 * shows who to talk to first, and that a question is not a report (personal-card.ts); the
 * person may edit, or send anyway. Nothing here names the asker: the server keeps no asker
 * and no time.
 */
import { personalDetails } from '../../server/core/disclosure.ts';
import { MAX_QUESTION_LENGTH } from '../../server/core/limits.ts';
import type { Ack, QaBoard } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { t, tn } from '../i18n.ts';
import { personalCard, sentPersonal } from './personal-card.ts';

export interface QuestionLink {
  ask(text: string): Promise<Ack<{ flagged: boolean }> | undefined>;
  vote(questionId: string, on: boolean): Promise<Ack<{ votes: number }> | undefined>;
}

let board: QaBoard = { questions: [] };
const mine = new Set<string>();
/** What the person is typing, kept across a redraw (a language switch, a new question). */
let draft = '';
/** `sentPersonal`: a question that looked personal went; its "not a report" message stays. */
let stage: 'closed' | 'writing' | 'personal' | 'sent' | 'sentPersonal' = 'closed';
let box: HTMLElement | undefined;
let link: QuestionLink | undefined;
let onQuestionBox = false;

/** Draws the Q&A part of the screen into `container`. */
export function mountQuestions(container: HTMLElement, to: QuestionLink): void {
  box = container;
  link = to;
  draw();
}

/**
 * The room is on a question box (or left it). There the form is open and ready, since it is
 * the one way to ask; leaving, an empty form folds back to its button, a draft stays.
 */
export function questionBoxOpen(on: boolean): void {
  if (on === onQuestionBox) return;
  onQuestionBox = on;
  if (on && stage === 'closed') stage = 'writing';
  else if (!on && stage === 'writing' && draft.trim() === '') stage = 'closed';
  else return;
  drawAsk();
}

/** The board changed (or arrived on connect, with this phone's votes). */
export function updateBoard(next: QaBoard): void {
  board = next;
  if (next.mine) {
    mine.clear();
    for (const id of next.mine) mine.add(id);
  }
  drawBoard();
}

function draw(): void {
  if (!box) return;
  const title = el('h2', '', t('join.qa.title'));
  title.id = 'qa-title';
  box.replaceChildren(title, el('div', 'qa-ask'), el('div', 'qa-board'));
  drawAsk();
  drawBoard();
}

function drawAsk(focus = false): void {
  const area = box?.querySelector<HTMLElement>('.qa-ask');
  if (!area) return;
  if (stage === 'closed' || stage === 'sent' || stage === 'sentPersonal') {
    const open = button('send secondary', t('join.qa.ask'), () => {
      stage = 'writing';
      drawAsk(true);
    });
    if (stage === 'sentPersonal') {
      const message = sentPersonal(open);
      area.replaceChildren(message);
      if (focus) message.querySelector<HTMLElement>('.feedback')?.focus();
      return;
    }
    area.replaceChildren(...(stage === 'sent' ? [el('p', 'feedback received', t('join.qa.sent'))] : []), open);
    if (focus) open.focus();
    return;
  }
  if (stage === 'personal') return drawPersonal(area);

  const form = el('form', 'free');
  const input = el('textarea');
  input.maxLength = MAX_QUESTION_LENGTH;
  input.value = draft;
  input.id = 'qa-text';
  const label = el('label', '', t('join.qa.label'));
  label.htmlFor = 'qa-text';
  const left = el('p', 'hint', tn('join.qa.left', MAX_QUESTION_LENGTH - draft.length));
  left.setAttribute('aria-live', 'polite');
  input.addEventListener('input', () => {
    draft = input.value;
    left.textContent = tn('join.qa.left', MAX_QUESTION_LENGTH - draft.length);
  });
  const error = el('p', 'feedback refused');
  error.setAttribute('role', 'status');
  const cancel = button('skip', t('join.qa.cancel'), () => {
    stage = 'closed';
    drawAsk(true);
  });
  form.append(label, el('p', 'hint', t('join.qa.hint')), input, left, el('button', 'send', t('join.qa.send')), cancel, error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!draft.trim()) return;
    if (personalDetails(draft).length > 0) {
      stage = 'personal';
      return drawAsk(true);
    }
    void send(error);
  });
  area.replaceChildren(form);
  if (focus) input.focus();
}

/** The card: who to talk to, not a report, the advocate here; then edit, or send anyway. */
function drawPersonal(area: HTMLElement): void {
  const error = el('p', 'feedback refused');
  error.setAttribute('role', 'status');
  const card = personalCard(
    () => {
      stage = 'writing';
      drawAsk(true);
    },
    () => void send(error, true),
  );
  card.append(error);
  area.replaceChildren(card);
  card.querySelector<HTMLElement>('h3')?.focus();
}

/** Sends the draft; `personal` when the person saw the card and chose to send anyway. */
async function send(error: HTMLElement, personal = false): Promise<void> {
  const result = await link?.ask(draft.trim());
  if (result?.ok) {
    draft = '';
    // The phone's check or the server's: either way the "not a report" message stays.
    stage = personal || result.flagged ? 'sentPersonal' : 'sent';
    return drawAsk(true);
  }
  error.textContent = t(result?.ok === false && result.error === 'RATE_LIMITED' ? 'join.qa.tooMany' : 'join.qa.notSent');
}

function drawBoard(): void {
  const area = box?.querySelector<HTMLElement>('.qa-board');
  if (!area) return;
  if (board.questions.length === 0) return void area.replaceChildren();
  const items = board.questions.map((q) => {
    const voted = mine.has(q.id);
    // "Vote (2)" / "Voted (3)": a toggle button, pressed once this phone voted.
    const up = button('vote', t(voted ? 'join.qa.voted' : 'join.qa.vote', { count: q.votes }), () => void vote(q.id, !voted));
    up.setAttribute('aria-pressed', String(voted));
    up.dataset['id'] = q.id;
    return el('li', q.answered ? 'qa-item answered' : 'qa-item', [el('p', 'qa-text', q.text), q.answered && el('p', 'qa-answered', t('join.qa.answered')), up]);
  });
  area.replaceChildren(el('p', 'hint', t('join.qa.board')), el('ol', 'qa-list', items));
}

async function vote(questionId: string, on: boolean): Promise<void> {
  const result = await link?.vote(questionId, on);
  if (!result?.ok) return;
  if (on) mine.add(questionId);
  else mine.delete(questionId);
  const q = board.questions.find((x) => x.id === questionId);
  if (q) q.votes = result.votes;
  drawBoard();
  // The button pressed was redrawn: keep the keyboard on it.
  box?.querySelector<HTMLElement>(`button.vote[data-id="${CSS.escape(questionId)}"]`)?.focus();
}

function button(className: string, text: string, onTap: () => void): HTMLButtonElement {
  const b = el('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onTap);
  return b;
}
