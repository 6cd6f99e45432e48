/**
 * The facilitator's countdowns on the wire (host only, checked by the gate): "close in 30 s"
 * is taken only for the activity the phones show while it takes answers.
 */
import type { Socket } from 'socket.io';
import type { CountdownRoom } from '../countdown/countdown-room.ts';
import type { Identity } from './guard.ts';
import { handle } from './handle.ts';
import { countdownSet } from './schemas.ts';

export function registerCountdown(socket: Socket, { room, role }: Identity, countdown: CountdownRoom): void {
  if (role !== 'host') return;
  handle(socket, 'countdown:set', countdownSet, async (p) => {
    if (p.kind === 'close') {
      const { current } = await room.hostState();
      if (current?.activity.id !== p.activityId) return { ok: false, error: 'UNKNOWN_ACTIVITY' };
      if (current.snapshot.status !== 'open') return { ok: false, error: 'NOT_OPEN' };
    }
    countdown.set(p);
    return { ok: true };
  });
}
