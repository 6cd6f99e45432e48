/** How many phones are connected, on the join slide: the facilitator sees when the room has joined. */
import type { RoomCount } from '../../server/protocol.ts';
import { el } from '../dom.ts';
import { tn } from '../i18n.ts';

export function renderJoinCount({ connected }: RoomCount): void {
  for (const panel of document.querySelectorAll('section[data-join] .join-panel:not(.no-key)')) {
    const line = panel.querySelector('.join-count') ?? panel.appendChild(el('p', 'join-count'));
    line.textContent = tn('present.join.count', connected);
  }
}
