/**
 * The facilitator's commands on the activities (host only, checked by the gate): thin, each
 * one calls the room; a countdown hears what moved (core/countdown.ts says whether it ends).
 */
import type { Socket } from 'socket.io';
import type { CountdownRoom } from '../countdown/countdown-room.ts';
import { HOST_EVENTS } from '../protocol.ts';
import type { HostCommand } from '../live/live-workshop.ts';
import type { Identity } from './guard.ts';
import { handle } from './handle.ts';
import { activityCommand, empty } from './schemas.ts';

const HOST_COMMANDS: Record<string, HostCommand> = {
  [HOST_EVENTS.activityOpen]: 'open',
  [HOST_EVENTS.activityLock]: 'lock',
  [HOST_EVENTS.activityUnlock]: 'unlock',
  [HOST_EVENTS.activityReveal]: 'reveal',
  [HOST_EVENTS.activityHide]: 'hide',
  [HOST_EVENTS.activityReset]: 'reset',
  [HOST_EVENTS.roomIdle]: 'idle',
};

export function registerHost(socket: Socket, { room, role }: Identity, countdown: CountdownRoom): void {
  if (role !== 'host') return;
  for (const [event, command] of Object.entries(HOST_COMMANDS)) {
    if (command === 'idle') {
      handle(socket, event, empty, async () => {
        const ack = await room.command('idle');
        if (ack.ok) countdown.moved({ type: 'current', activityId: null });
        return ack;
      });
      continue;
    }
    handle(socket, event, activityCommand, async (p) => {
      const ack = await room.command(command, p.activityId);
      if (ack.ok && command === 'open') countdown.moved({ type: 'current', activityId: p.activityId });
      // A reveal locks the answers too (core/workshop.ts): a countdown to close them has nothing left to do.
      if (ack.ok && (command === 'lock' || command === 'unlock' || command === 'reveal' || command === 'reset')) countdown.moved({ type: 'command', activityId: p.activityId });
      return ack;
    });
  }
}
