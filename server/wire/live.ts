/**
 * The live room on the wire: socket.io on the same HTTP server as the pages. Thin:
 * it checks who is connecting, validates every event at the edge, calls the room and
 * answers with an ack. No business rule lives here.
 */
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { ATTENDEE_EVENTS, HOST_EVENTS, type Ack, type ClientToServer, type HelpPage, type ServerToClient } from '../protocol.ts';
import type { LiveRoom, LiveWorkshop, LiveWorkshops } from '../live/live-workshop.ts';
import { CountdownRoom } from '../countdown/countdown-room.ts';
import { registerConsole } from './console.ts';
import { registerCountdown } from './countdown.ts';
import { createFloodGuard, createHandshake, FLOOD_LIMITS, originAllowed, type FloodLimits, type GuardStats, type HostAccess, type Identity } from './guard.ts';
import { greet } from './greet.ts';
import { handle } from './handle.ts';
import { createHeadcount } from './headcount.ts';
import { registerHost } from './host.ts';
import { createQaHandlers } from './qa.ts';
import { createStage } from './stage.ts';
import { answerSubmit } from './schemas.ts';
import { sourceOf } from '../pairing/laptop.ts';

type LiveSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, Identity>;

export interface LiveOptions {
  httpServer: HttpServer;
  /** Every workshop; phones without a join code, and the deck, land in the running one. */
  rooms: LiveWorkshops;
  hostKeyOf: (room: LiveRoom) => string;
  publicUrl: URL | undefined;
  /** Several processes: socket.io's adapter that carries broadcasts between them (redis/). */
  adapter?: ServerOptions['adapter'] | undefined;
  /** The closing slide's key: from there on the phones say thank you (core/stage.ts). */
  closingSlide?: string | undefined;
  /** The flood guard's limits; tests of validation raise them to reach the validator. */
  limits?: FloodLimits;
  /** Whether a request's Host is one of the kit's own names (http/hosts.ts). */
  hostAllowed?: (req: IncomingMessage) => boolean;
  /** Behind a proxy the kit trusts, a phone's address is the one the proxy forwarded (pairing/laptop.ts, sourceOf). */
  trustProxy?: boolean;
  stats: GuardStats;
  /** Paired consoles, and where the host key may be shown (wire/console-auth.ts); absent: the host key anywhere. */
  access?: HostAccess | undefined;
  /** The help page that lasts after the workshop, sent to every phone on connect; absent: none. */
  helpPage?: HelpPage;
}

/** Largest message a client may send; an answer is a few hundred bytes. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

const HOST_ONLY = new Set<string>(Object.values(HOST_EVENTS));
const ATTENDEE_ONLY = new Set<string>(Object.values(ATTENDEE_EVENTS));

const hostsOf = (room: LiveRoom): string => `hosts:${room.record.id}`;
const attendeesOf = (room: LiveRoom): string => `attendees:${room.record.id}`;

export function attachLive({ httpServer, rooms, hostKeyOf, publicUrl, closingSlide, limits = FLOOD_LIMITS, stats, adapter, hostAllowed = () => true, trustProxy = false, access, helpPage = { urls: null } }: LiveOptions): Server {
  const io = new Server<ClientToServer, ServerToClient, Record<string, never>, Identity>(httpServer, {
    ...(adapter ? { adapter } : {}),
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    // Phones on weak Wi-Fi or with the screen locked miss pings; give them time before dropping.
    pingInterval: 25_000,
    pingTimeout: 30_000,
    allowRequest: (req, callback) => {
      // Another site's page under a borrowed name (DNS rebinding) is refused like a foreign Origin.
      const ok = originAllowed(req, publicUrl) && hostAllowed(req);
      callback(ok ? null : 'FOREIGN_ORIGIN', ok);
    },
  });

  const countdowns = new Map<string, CountdownRoom>();
  // Every workshop open now, and each one opened later (on Redis, one another process started), before it sends anything.
  const wire = ({ room, qa, console }: LiveWorkshop): void => {
    countdowns.set(
      room.record.id,
      new CountdownRoom(
        {
          toEveryone: (countdown) => io.to([hostsOf(room), attendeesOf(room)]).emit('countdown:update', countdown),
          lock: (activityId) => room.command('lock', activityId),
        },
        Date.now,
      ),
    );
    room.attach({
      toHosts: (event, payload) => io.to(hostsOf(room)).emit(event, payload as never),
      toAttendees: (event, payload) => io.to(attendeesOf(room)).emit(event, payload as never),
      attendeeCount: () => io.sockets.adapter.rooms.get(attendeesOf(room))?.size ?? 0,
    });
    // Local only: every process sends the Q&A to its own sockets, so no question's text is in the adapter's stream (redis/redis-qa.ts).
    qa.attach({
      toHosts: (queue) => io.local.to(hostsOf(room)).emit('qa:queue', queue),
      toAttendees: (board) => io.local.to(attendeesOf(room)).emit('qa:board', board),
    });
    console.attach({
      toHosts: (event: 'deck:position' | 'deck:go', payload: unknown) => io.to(hostsOf(room)).emit(event, payload as never),
      toEveryone: (event, payload) => io.to([hostsOf(room), attendeesOf(room)]).emit(event, payload),
    });
  };
  rooms.follow({ opened: wire });
  const qaHandlers = createQaHandlers();
  const headcount = createHeadcount(io, (w) => attendeesOf(w.room), (w) => hostsOf(w.room), adapter !== undefined);
  const stage = createStage(closingSlide, (room, finished) => io.to(attendeesOf(room)).emit('room:finished', finished));

  const handshake = createHandshake(rooms, hostKeyOf, stats, access);
  io.use((socket, next) => {
    void handshake(socket.handshake.auth, sourceOf(socket.handshake, trustProxy), socket.handshake).then((result) => {
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
        // The facilitator's own traffic never costs them the room: a host is refused, never cut off.
        if (verdict === 'disconnect' && role === 'attendee') {
          // Packets already in flight from the same flood get here too: end it once.
          if (!socket.connected) return;
          stats.floodDisconnects += 1;
          return void socket.disconnect(true);
        }
        if (verdict !== 'ok') return refuse({ ok: false, error: 'RATE_LIMITED' });
        if (!HOST_ONLY.has(event) && !ATTENDEE_ONLY.has(event)) return refuse({ ok: false, error: 'UNKNOWN_EVENT' });
        if (HOST_ONLY.has(event) && role !== 'host') return refuse({ ok: false, error: 'NOT_HOST' });
        if (ATTENDEE_ONLY.has(event) && role !== 'attendee') return refuse({ ok: false, error: 'NOT_ATTENDEE' });
        next();
      });
    });

    const raw = socket as unknown as Socket;
    const countdown = countdowns.get(room.record.id) as CountdownRoom;
    if (role === 'attendee' && phone) {
      handle(raw, ATTENDEE_EVENTS.answerSubmit, answerSubmit, (p) => room.submit(phone, p.activityId, p.value));
    }
    registerHost(raw, socket.data, countdown);
    qaHandlers(raw, socket.data);
    registerConsole(raw, socket.data, (slide) => {
      countdown.moved({ type: 'slide', slide });
      stage.moved(room, slide);
    });
    registerCountdown(raw, socket.data, countdown);
    if (role === 'attendee' && phone) {
      workshop.joined(phone);
      headcount.changed(workshop);
      socket.on('disconnect', () => headcount.changed(workshop));
    }
    void greet(socket, { countdown, headcount: headcount.now, finished: stage.view, helpPage });
  });
  return io;
}
