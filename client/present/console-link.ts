/**
 * The deck's side of the console: it says where it is (only the latest position, one
 * request at a time, so a held arrow key is a few requests, not one per slide), moves when
 * a console asks, and pauses the room (key B or the console's button) to a calm screen on
 * the projector and a pause screen on the phones. Reveal's own pause is the blank screen.
 */
import type { RevealApi } from 'reveal.js';
import type { DeckGo } from '../../server/protocol.ts';
import { latest } from '../connection/latest.ts';
import { request, worthRetrying, type LiveSocket } from '../connection/socket.ts';
import { el } from '../dom.ts';
import { planFromLink } from './plan.ts';
import { t } from '../i18n.ts';

const plan = planFromLink();

export function linkConsole(deck: RevealApi, socket: LiveSocket): void {
  const position = latest<string>(
    async (slide) => (worthRetrying(await request(socket, 'deck:at', { slide, plan })) ? 'retry' : 'done'),
    { settleMs: 0, gapMs: 150, retryMs: 1000 },
  );
  const report = (): void => {
    const slide = deck.getCurrentSlide()?.dataset['key'];
    if (slide) position.push(slide);
  };
  deck.on('slidechanged', report);
  deck.on('ready', report);
  socket.on('connect', report);

  socket.on('deck:go', ({ to }: DeckGo) => {
    if (to === 'next') return deck.next();
    if (to === 'prev') return deck.prev();
    const target = document.querySelector<HTMLElement>(`.reveal .slides section[data-key="${CSS.escape(to.slide)}"]`);
    if (!target) return;
    const { h, v } = deck.getIndices(target);
    deck.slide(h, v);
  });

  // The calm screen reveal.js shows while paused, in the deck's language (it exists once the deck is ready).
  deck.on('ready', () => {
    const overlay = deck.getRevealElement()?.querySelector('.pause-overlay');
    overlay?.replaceChildren(el('div', 'pause-message', [el('p', 'pause-title', t('present.pause.title')), el('p', 'pause-body', t('present.pause.body'))]));
  });

  socket.on('room:paused', ({ paused }) => {
    if (deck.isPaused() !== paused) deck.togglePause(paused);
  });
  const toggle = (): void => {
    if (socket.connected) void request(socket, 'room:pause', { paused: !deck.isPaused() });
    else deck.togglePause();
  };
  deck.addKeyBinding({ keyCode: 66, key: 'B', description: 'Pause the room (projector and phones), or resume' }, toggle);
  deck.addKeyBinding({ keyCode: 190, key: '.', description: 'Pause the room, or resume' }, toggle);
}
