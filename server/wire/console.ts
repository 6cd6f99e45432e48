/** The facilitator's console on the wire: moving the decks, their position, and the pause. Host only (checked by the gate). */
import type { Socket } from 'socket.io';
import type { Identity } from './guard.ts';
import { handle } from './handle.ts';
import { deckAt, deckGo, roomPause } from './schemas.ts';

/** `moved` hears where the deck went (a break's countdown ends when the deck leaves its slide). */
export function registerConsole(socket: Socket, { workshop, role }: Identity, moved: (slide: string) => void): void {
  if (role !== 'host') return;
  handle(socket, 'deck:go', deckGo, (p) => {
    workshop.console.go(p.to);
    return { ok: true };
  });
  handle(socket, 'deck:at', deckAt, async (p) => {
    await workshop.console.at(p.slide, p.plan);
    moved(p.slide);
    return { ok: true };
  });
  handle(socket, 'room:pause', roomPause, async (p) => {
    await workshop.console.pause(p.paused);
    return { ok: true };
  });
}
