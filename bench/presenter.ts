/** The bench's presenter: one host socket that opens and reveals activities, opened as the deck opens its own. */
import { io, type Socket } from 'socket.io-client';
import { connectionOptions, fallBackWhenBlocked } from '../client/connection/options.ts';
import { PROTOCOL_VERSION, type RoomState, type Snapshot } from '../server/protocol.ts';
import { HOST_KEY } from './kits.ts';

/** The presenter's socket, every tally it was sent (with when), and the room's state on joining. */
export interface Presenter {
  socket: Socket;
  tallies: { at: number; snap: Snapshot }[];
  state: RoomState;
}

/** The presenter: opens and reveals activities, and records every tally it is sent. */
export async function presenter(url: string): Promise<Presenter> {
  // As the deck (client/connection/options.ts), back sooner after a kill: the bench times the room, not the presenter.
  const socket = io(url, { ...connectionOptions(), forceNew: true, auth: { v: PROTOCOL_VERSION, hostKey: HOST_KEY }, reconnectionDelay: 250, reconnectionDelayMax: 1000 });
  fallBackWhenBlocked(socket.io);
  const tallies: { at: number; snap: Snapshot }[] = [];
  socket.on('activity:snapshot', (snap: Snapshot) => tallies.push({ at: Date.now(), snap }));
  const state = await new Promise<RoomState>((ok) => socket.once('room:state', ok));
  return { socket, tallies, state };
}
