/** What a deck, a console or a phone is sent when it connects (and reconnects). */
import type { Socket } from 'socket.io';
import type { CountdownRoom } from '../countdown/countdown-room.ts';
import type { ClientToServer, Finished, HelpPage, RoomCount, ServerToClient } from '../protocol.ts';
import type { LiveWorkshop } from '../live/live-workshop.ts';
import type { Identity } from './guard.ts';

type LiveSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, Identity>;

/** How long a connection waits to try its greeting again when the store did not answer. */
const GREET_RETRY_MS = 1000;

/**
 * What a deck or a phone is sent on connect: the rest of the picture first, the room's state
 * last (a client is ready once it has that). A workshop on Redis reads it from there; while
 * Redis cannot answer, the greeting is tried again for as long as the socket is connected.
 */
/** What the greeting reads besides the workshop itself. */
export interface GreetingParts {
  countdown: CountdownRoom;
  headcount: (workshop: LiveWorkshop) => Promise<RoomCount>;
  /** Whether the workshop is over, with the deck on `slide`. */
  finished: (slide: string | null) => Finished;
  /** The help page that lasts after the workshop (a setting of the kit, the same for every phone). */
  helpPage: HelpPage;
}

export async function greet(socket: LiveSocket, { countdown, headcount, finished, helpPage }: GreetingParts): Promise<void> {
  const { workshop, room, role, phone } = socket.data;
  while (socket.connected) {
    try {
      if (role === 'host') {
        const [paused, queue, learning, position, count, state] = await Promise.all([
          workshop.console.isPaused(),
          workshop.qa.queue(),
          room.learning(),
          workshop.console.position(),
          headcount(workshop),
          room.hostState(),
        ]);
        socket.emit('room:paused', paused);
        socket.emit('room:count', count);
        socket.emit('countdown:update', countdown.view());
        socket.emit('qa:queue', queue);
        socket.emit('learning:update', learning);
        socket.emit('deck:position', position);
        socket.emit('room:state', state);
      } else {
        const { paused, board, position, state } = await workshop.attendeeGreeting(phone);
        socket.emit('room:paused', paused);
        socket.emit('room:finished', finished(position.slide));
        socket.emit('help:page', helpPage);
        socket.emit('countdown:update', countdown.view());
        socket.emit('qa:board', board);
        socket.emit('room:state', state);
      }
      return;
    } catch {
      await new Promise((ok) => setTimeout(ok, GREET_RETRY_MS));
    }
  }
}
