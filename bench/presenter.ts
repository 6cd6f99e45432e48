/** The bench's presenter: one host socket that opens and reveals activities. */
import { io, type Socket } from 'socket.io-client';
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
  const socket = io(url, { forceNew: true, transports: ['websocket'], auth: { v: PROTOCOL_VERSION, hostKey: HOST_KEY }, reconnectionDelay: 250, reconnectionDelayMax: 1000 });
  const tallies: { at: number; snap: Snapshot }[] = [];
  socket.on('activity:snapshot', (snap: Snapshot) => tallies.push({ at: Date.now(), snap }));
  const state = await new Promise<RoomState>((ok) => socket.once('room:state', ok));
  return { socket, tallies, state };
}
