/** socket.io-client connections to the real server, as a phone or as the deck. */
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServer, type RoomState, type ServerToClient, type Snapshot } from '../../server/protocol.ts';

/** What the server sends on connect besides the room's state (before it), by event. */
export interface Greeting {
  'room:paused'?: Parameters<ServerToClient['room:paused']>[0];
  'qa:board'?: Parameters<ServerToClient['qa:board']>[0];
  'qa:queue'?: Parameters<ServerToClient['qa:queue']>[0];
  'learning:update'?: Parameters<ServerToClient['learning:update']>[0];
  'deck:position'?: Parameters<ServerToClient['deck:position']>[0];
  'room:count'?: Parameters<ServerToClient['room:count']>[0];
  'countdown:update'?: Parameters<ServerToClient['countdown:update']>[0];
  'room:finished'?: Parameters<ServerToClient['room:finished']>[0];
  'help:page'?: Parameters<ServerToClient['help:page']>[0];
}
const GREETING = ['room:paused', 'qa:board', 'qa:queue', 'learning:update', 'deck:position', 'room:count', 'countdown:update', 'room:finished', 'help:page'] as const;

export type Client = Socket<ServerToClient, ClientToServer>;

let devices = 0;
/** A device token like a phone's (22 base64url characters). */
export function newDevice(): string {
  devices += 1;
  return `test-device-${String(devices).padStart(10, '0')}`;
}

/** Connects and resolves with the socket and the room state it is sent on connect. */
export function connect(url: string, auth: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<{ socket: Client; state: RoomState; greeting: Greeting }> {
  const socket: Client = io(url, { forceNew: true, transports: ['websocket'], reconnection: false, auth: { v: PROTOCOL_VERSION, ...auth }, ...extra });
  const greeting: Greeting = {};
  for (const event of GREETING) (socket as unknown as { once(e: string, f: (p: unknown) => void): void }).once(event, (payload) => void Object.assign(greeting, { [event]: payload }));
  return new Promise((resolve, reject) => {
    let settled = false;
    const once = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      settle();
    };
    socket.once('room:state', (state) => once(() => resolve({ socket, state, greeting })));
    socket.once('connect_error', (e) => once(() => (socket.close(), reject(e))));
    // A handshake the server cuts off (too large, say) closes the transport with no answer.
    socket.io.once('close', (reason) => setTimeout(() => once(() => (socket.close(), reject(new Error(`closed: ${reason}`)))), 50));
  });
}

export const attendee = (url: string, device = newDevice(), code?: string) => connect(url, { device, ...(code ? { code } : {}) });
export const host = (url: string, hostKey: string, code?: string) => connect(url, { hostKey, ...(code ? { code } : {}) });

/** Resolves with the next snapshot of `activityId` that satisfies `test`. */
export function snapshotWhere(socket: Client, activityId: string, test: (s: Snapshot) => boolean): Promise<Snapshot> {
  return new Promise((resolve) => {
    const on = (s: Snapshot): void => {
      if (s.activityId === activityId && test(s)) {
        socket.off('activity:snapshot', on);
        resolve(s);
      }
    };
    socket.on('activity:snapshot', on);
  });
}
