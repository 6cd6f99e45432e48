/**
 * A question's answer controls on the phone: options to tap, a scale, options to tick then
 * send, or a short text (a word for a word cloud). A question box (kind `text`) has none of
 * its own: the phone's one way to ask is the Q&A form (questions.ts), which opens by itself.
 */
import type { ActivityView, AnswerValue } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { t } from '../i18n.ts';

/** Whether the phone answers `view` with its own controls (a question box does not). */
export function hasControls(view: ActivityView): boolean {
  return view.kind !== 'text';
}

/** The controls for `view`; `send` is called with a valid answer. */
export function controls(view: ActivityView, send: (value: AnswerValue) => void): HTMLElement {
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
    const input = el('input');
    input.maxLength = view.maxLength ?? 40;
    input.placeholder = t('join.text.placeholder');
    input.setAttribute('aria-label', view.prompt);
    input.autocomplete = 'off';
    form.append(input, el('button', 'send', t('join.answer.send')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = input.value.trim();
      if (value) send(value);
    });
    box.append(form);
  }
  return box;
}

function choiceButton(text: string, value: number, onTap: () => void): HTMLButtonElement {
  const b = el('button', 'choice', text);
  b.type = 'button';
  b.dataset['value'] = String(value);
  b.setAttribute('aria-pressed', 'false');
  b.addEventListener('click', onTap);
  return b;
}
