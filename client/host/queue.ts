/**
 * The moderation queue on the console: every question with its mark, to approve,
 * dismiss or mark answered. Nothing reaches the room before "Approve". Text is set as text.
 */
import type { QaQueue, QuestionModerate, QueuedQuestion } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { t, tn } from '../i18n.ts';

export function renderQueue(box: HTMLElement, queue: QaQueue, moderate: (questionId: string, action: QuestionModerate['action']) => void): void {
  const group = (status: QueuedQuestion['status']): QueuedQuestion[] => queue.questions.filter((q) => q.status === status);
  const section = (status: QueuedQuestion['status'], empty: string): HTMLElement => {
    const questions = group(status);
    return el('section', `queue-group ${status}`, [
      el('h3', '', `${t(`host.qa.${status}`)} (${questions.length})`),
      questions.length ? el('ul', 'queue-list', questions.map((q) => item(q, moderate))) : el('p', 'hint', empty),
    ]);
  };
  box.replaceChildren(
    el('h2', '', t('host.qa.title')),
    section('waiting', t('host.qa.noneWaiting')),
    section('approved', t('host.qa.noneApproved')),
    section('dismissed', t('host.qa.noneDismissed')),
  );
}

function item(q: QueuedQuestion, moderate: (questionId: string, action: QuestionModerate['action']) => void): HTMLElement {
  const action = (name: QuestionModerate['action'], className = 'secondary'): HTMLButtonElement => {
    const b = el('button', className, t(`host.qa.${name}`));
    b.type = 'button';
    b.addEventListener('click', () => moderate(q.id, name));
    return b;
  };
  const actions: HTMLButtonElement[] = [];
  if (q.status !== 'approved') actions.push(action('approve', 'primary'));
  if (q.status !== 'dismissed') actions.push(action('dismiss'));
  if (q.status === 'approved') actions.push(q.answered ? action('unanswered') : action('answered', 'primary'));
  return el('li', q.flagged ? 'queue-item flagged' : 'queue-item', [
    q.flagged && el('p', 'flag', t('host.qa.flagged')),
    el('p', 'queue-text', q.text),
    el('p', 'queue-meta', [tn('host.qa.votes', q.votes), q.answered ? ` · ${t('host.qa.answeredMark')}` : '']),
    el('div', 'queue-actions', actions),
  ]);
}
