/**
 * The deck opened without the host key (a second tab, a bookmark, a reload in another
 * window): no live room, and no QR code to join. Rather than a quiet deck that looks
 * broken, the join slides and the corner say how to get the presenter link. Printing
 * (?print-pdf) needs no key and says nothing.
 */
import { el } from '../dom.ts';
import { t } from '../i18n.ts';

export function explainNoKey(say: (text: string) => void): void {
  if (new URLSearchParams(location.search).has('print-pdf')) return;
  say(t('present.noKey'));
  for (const slide of document.querySelectorAll<HTMLElement>('section[data-join]')) {
    slide.querySelector('.join-panel')?.remove();
    slide.append(el('div', 'join-panel no-key', [el('p', 'join-title', t('present.noKey.title')), el('p', '', t('present.noKey.how'))]));
  }
}
