/**
 * What the live room adds to the slides: the answer count and results on activity
 * slides, the QR code and join code on the title slide, and a small join badge on
 * every activity slide. Attendee words are set as text, never as HTML.
 */
import type { ActivityView, Snapshot } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { explanationOf, t, tn } from '../i18n.ts';
import { resultsElement } from '../results.ts';

function slideOf(activityId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`section[data-activity="${CSS.escape(activityId)}"]`);
}

/** Updates an activity slide from its snapshot. */
export function renderLive(view: ActivityView, snap: Snapshot): void {
  const slide = slideOf(view.id);
  if (!slide) return;
  let panel = slide.querySelector<HTMLElement>('.live');
  if (!panel) {
    panel = el('div', 'live');
    panel.setAttribute('aria-live', 'polite');
    slide.append(panel);
  }
  slide.classList.toggle('revealed', snap.revealed);
  const status = t(snap.status === 'locked' ? 'present.live.locked' : 'present.live.open');
  // A question box's count means nothing to the room: its questions reach the screen only once approved.
  const parts: HTMLElement[] = view.kind === 'text' ? [] : [el('p', 'live-count', [el('strong', '', tn('present.live.answers', snap.total)), ` · ${status}`])];

  // Options are already on the slide: the counts go next to them.
  for (const li of slide.querySelectorAll<HTMLElement>('li[data-option]')) {
    li.querySelector('.option-result')?.remove();
    li.classList.toggle('best', snap.revealed && Number(li.dataset['option']) === snap.answer);
  }
  if (view.kind === 'text') parts.push(el('p', 'live-note', t('present.live.textPrivate')));
  else if (snap.revealed && !snap.results) parts.push(el('p', 'live-note', t('present.live.waiting', { threshold: snap.threshold })));
  else if (snap.revealed && snap.results?.kind === 'options') {
    const counts = snap.results.counts;
    for (const li of slide.querySelectorAll<HTMLElement>('li[data-option]')) {
      const n = counts[Number(li.dataset['option'])] ?? 0;
      const share = snap.total > 0 ? Math.round((100 * n) / snap.total) : 0;
      const bar = el('span', 'option-bar');
      bar.style.width = `${share}%`;
      li.append(el('span', 'option-result', [el('span', 'option-track', [bar]), el('span', 'option-count', `${n} · ${share}%`)]));
    }
  } else if (snap.revealed && snap.results) parts.push(resultsElement(view, snap));
  const why = explanationOf(snap);
  if (why) parts.push(el('p', 'live-explanation', why));
  panel.replaceChildren(...parts);
}

/** The QR code, link and code on `data-join` slides, and the badge on activity slides. */
export async function renderJoin(joinUrl: string, code: string, qr: (url: string) => Promise<string>): Promise<void> {
  const short = joinUrl.replace(/\?code=.*$/, '').replace(/\/$/, '');
  const image = el('img', 'join-qr');
  image.src = await qr(joinUrl);
  image.alt = t('present.join.title');
  for (const slide of document.querySelectorAll<HTMLElement>('section[data-join]')) {
    slide.querySelector('.join-panel')?.remove();
    slide.append(
      el('div', 'join-panel', [el('p', 'join-title', t('present.join.title')), image.cloneNode() as HTMLImageElement, el('p', 'join-link', short), el('p', 'join-code', t('present.join.code', { code }))]),
    );
  }
  const badge = t('present.join.badge', { url: short.replace(/^https?:\/\//, ''), code });
  for (const slide of document.querySelectorAll<HTMLElement>('section[data-activity]')) {
    slide.querySelector('.join-badge')?.remove();
    slide.prepend(el('p', 'join-badge', badge));
  }
}
