/**
 * The live room on the wire: socket.io on the same HTTP server as the pages. Thin:
 * it checks who is connecting, validates every event at the edge, calls the room and
 * answers with an ack. No business rule lives here.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { ATTENDEE_EVENTS, HOST_EVENTS, type Ack, type ClientToServer, type ServerToClient } from '../protocol.ts';
import type { LiveRoom, LiveWorkshops } from '../room/live-workshop.ts';
import type { HostCommand } from '../room/room.ts';
import { registerConsole } from './console.ts';
import { createFloodGuard, createHandshake, FLOOD_LIMITS, originAllowed, type FloodLimits, type GuardStats, type Identity } from './guard.ts';
import { handle } from './handle.ts';
import { createQaHandlers } from './qa.ts';
import { activityCommand, answerSubmit, empty } from './schemas.ts';

type LiveSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, Identity>;

export interface LiveOptions {
  httpServer: HttpServer;
  rooms: LiveWorkshops;
  defaultCode: string;
  hostKeyOf: (room: LiveRoom) => string;
  publicUrl: URL | undefined;
  /** Several processes: socket.io's adapter that carries broadcasts between them (redis/). */
  adapter?: ServerOptions['adapter'] | undefined;
  /** The flood guard's limits; tests of validation raise them to reach the validator. */
  limits?: FloodLimits;
  stats: GuardStats;
}

/** Largest message a client may send; an answer is a few hundred bytes. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

const HOST_COMMANDS: Record<string, HostCommand> = {
  [HOST_EVENTS.activityOpen]: 'open',
  [HOST_EVENTS.activityLock]: 'lock',
  [HOST_EVENTS.activityUnlock]: 'unlock',
  [HOST_EVENTS.activityReveal]: 'reveal',
  [HOST_EVENTS.activityHide]: 'hide',
  [HOST_EVENTS.activityReset]: 'reset',
  [HOST_EVENTS.roomIdle]: 'idle',
};
const HOST_ONLY = new Set<string>(Object.values(HOST_EVENTS));
const ATTENDEE_ONLY = new Set<string>(Object.values(ATTENDEE_EVENTS));

const hostsOf = (room: LiveRoom): string => `hosts:${room.record.id}`;
const attendeesOf = (room: LiveRoom): string => `attendees:${room.record.id}`;

export function attachLive({ httpServer, rooms, defaultCode, hostKeyOf, publicUrl, limits = FLOOD_LIMITS, stats, adapter }: LiveOptions): Server {
  const io = new Server<ClientToServer, ServerToClient, Record<string, never>, Identity>(httpServer, {
    ...(adapter ? { adapter } : {}),
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    // Phones on weak Wi-Fi or with the screen locked miss pings; give them time before dropping.
    pingInterval: 25_000,
    pingTimeout: 30_000,
    allowRequest: (req, callback) => {
      const ok = originAllowed(req, publicUrl);
      callback(ok ? null : 'FOREIGN_ORIGIN', ok);
    },
  });

  for (const { room, qa, console } of rooms.workshops()) {
    room.attach({
      toHosts: (event, payload) => io.to(hostsOf(room)).emit(event, payload as never),
      toAttendees: (event, payload) => io.to(attendeesOf(room)).emit(event, payload as never),
      attendeeCount: () => io.sockets.adapter.rooms.get(attendeesOf(room))?.size ?? 0,
    });
    qa.attach({
      toHosts: (queue) => io.to(hostsOf(room)).emit('qa:queue', queue),
      toAttendees: (board) => io.to(attendeesOf(room)).emit('qa:board', board),
    });
    console.attach({
      toHosts: (event: 'deck:position' | 'deck:go', payload: unknown) => io.to(hostsOf(room)).emit(event, payload as never),
      toEveryone: (event, payload) => io.to([hostsOf(room), attendeesOf(room)]).emit(event, payload),
    });
  }
  const qaHandlers = createQaHandlers();

  const handshake = createHandshake(rooms, defaultCode, hostKeyOf, stats);
  io.use((socket, next) => {
    void handshake(socket.handshake.auth).then((result) => {
      if (typeof result === 'string') return next(new Error(result));
      socket.data = result;
      next();
    });
  });

  const flood = createFloodGuard(limits);
  io.on('connection', (socket: LiveSocket) => {
    const { workshop, room, role, phone } = socket.data;
    void socket.join(role === 'host' ? hostsOf(room) : attendeesOf(room));
    // Every packet, known or not, is counted and checked before any handler sees it.
    socket.use(([event, ...args], next) => {
      const ack = args.at(-1);
      const refuse = (result: Ack): void => {
        if (typeof ack === 'function') ack(result);
      };
      void flood(socket.id).then((verdict) => {
        if (verdict === 'disconnect') {
          // Packets already in flight from the same flood get here too: end it once.
          if (!socket.connected) return;
          stats.floodDisconnects += 1;
          return void socket.disconnect(true);
        }
        if (verdict === 'refuse') return refuse({ ok: false, error: 'RATE_LIMITED' });
        if (!HOST_ONLY.has(event) && !ATTENDEE_ONLY.has(event)) return refuse({ ok: false, error: 'UNKNOWN_EVENT' });
        if (HOST_ONLY.has(event) && role !== 'host') return refuse({ ok: false, error: 'NOT_HOST' });
        if (ATTENDEE_ONLY.has(event) && role !== 'attendee') return refuse({ ok: false, error: 'NOT_ATTENDEE' });
        next();
      });
    });

    const raw = socket as unknown as Socket;
    if (role === 'attendee' && phone) {
      handle(raw, ATTENDEE_EVENTS.answerSubmit, answerSubmit, (p) => room.submit(phone, p.activityId, p.value));
    }
    if (role === 'host') {
      for (const [event, command] of Object.entries(HOST_COMMANDS)) {
        if (command === 'idle') handle(raw, event, empty, () => room.command('idle'));
        else handle(raw, event, activityCommand, (p) => room.command(command, p.activityId));
      }
    }
    qaHandlers(raw, socket.data);
    registerConsole(raw, socket.data);
    if (role === 'attendee' && phone) workshop.joined(phone);
    void greet(socket);
  });
  return io;
}

/** How long a connection waits to try its greeting again when the store did not answer. */
const GREET_RETRY_MS = 1000;

/**
 * What a deck or a phone is sent on connect: the rest of the picture first, the room's state
 * last (a client is ready once it has that). A workshop on Redis reads it from there; while
 * Redis cannot answer, the greeting is tried again for as long as the socket is connected.
 */
async function greet(socket: LiveSocket): Promise<void> {
  const { workshop, room, role, phone } = socket.data;
  while (socket.connected) {
    try {
      if (role === 'host') {
        const [paused, queue, learning, position, state] = await Promise.all([workshop.console.isPaused(), workshop.qa.queue(), room.learning(), workshop.console.position(), room.hostState()]);
        socket.emit('room:paused', paused);
        socket.emit('qa:queue', queue);
        socket.emit('learning:update', learning);
        socket.emit('deck:position', position);
        socket.emit('room:state', state);
      } else {
        const [paused, board, state] = await Promise.all([workshop.console.isPaused(), workshop.qa.board(phone), room.attendeeState(phone)]);
        socket.emit('room:paused', paused);
        socket.emit('qa:board', board);
        socket.emit('room:state', state);
      }
      return;
    } catch {
      await new Promise((ok) => setTimeout(ok, GREET_RETRY_MS));
    }
  }
}
