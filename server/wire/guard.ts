/**
 * What every connection goes through before a handler runs: the Origin of the
 * websocket, the handshake (host key or device token), and a per-connection rate
 * limit that refuses a flood and then disconnects it.
 */
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { LiveRoom, LiveWorkshop, LiveWorkshops } from '../live/live-workshop.ts';
import type { HandshakeError } from '../protocol.ts';
import { phoneKey, sameSecret } from '../privacy/keys.ts';
import { wrongKeyBrake } from '../privacy/wrong-keys.ts';
import { attendeeAuth, hostAuth } from './schemas.ts';

/** Events a connection may send per second before it is refused... */
export const EVENTS_PER_SECOND = 20;
/** ...and refusals per 10 seconds before it is disconnected. */
export const REFUSALS_BEFORE_DISCONNECT = 40;

/**
 * A browser always sends Origin on a websocket: it must be this server's own (or
 * PUBLIC_URL's), so no other web page can open a socket to the kit. Clients that are
 * not browsers send none and are let through; they gain nothing a phone does not have.
 */
export function originAllowed(req: IncomingMessage, publicUrl: URL | undefined): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers.host;
  return (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)) || origin === publicUrl?.origin;
}

export interface Identity {
  workshop: LiveWorkshop;
  room: LiveRoom;
  role: 'host' | 'attendee';
  /** Salted hash of the phone's device token (privacy/keys.ts); never the token itself, never stored. */
  phone?: string;
}

/** Counts of what the guards did, for tests and the benchmark (never who). */
export interface GuardStats {
  /** Wrong host keys that had to wait because there were too many. */
  slowedHostKeys: number;
  /** Connections ended for flooding. */
  floodDisconnects: number;
}

export function createHandshake(rooms: LiveWorkshops, defaultCode: string, hostKeyOf: (room: LiveRoom) => string, stats: GuardStats) {
  // Keyed by workshop, never by address (privacy/wrong-keys.ts).
  const wrongKey = wrongKeyBrake(() => (stats.slowedHostKeys += 1));

  return async (auth: unknown): Promise<Identity | HandshakeError> => {
    const asHost = hostAuth.safeParse(auth);
    const asAttendee = asHost.success ? undefined : attendeeAuth.safeParse(auth);
    if (!asHost.success && !asAttendee?.success) return 'BAD_HANDSHAKE';
    const code = (asHost.success ? asHost.data.code : asAttendee?.data?.code) ?? defaultCode;
    const workshop = rooms.workshop(code);
    if (!workshop) return 'UNKNOWN_WORKSHOP';
    const { room } = workshop;
    if (asAttendee?.success) return { workshop, room, role: 'attendee', phone: phoneKey(room.record.salt, asAttendee.data.device) };
    if (asHost.success && sameSecret(asHost.data.hostKey, hostKeyOf(room))) return { workshop, room, role: 'host' };
    await wrongKey(room.record.id);
    return 'BAD_HOST_KEY';
  };
}

export interface FloodLimits {
  eventsPerSecond: number;
  refusalsBeforeDisconnect: number;
}
export const FLOOD_LIMITS: FloodLimits = { eventsPerSecond: EVENTS_PER_SECOND, refusalsBeforeDisconnect: REFUSALS_BEFORE_DISCONNECT };

/** Allows a connection a burst of events, refuses the excess, and ends a connection that keeps on. */
export function createFloodGuard(limits: FloodLimits) {
  const events = new RateLimiterMemory({ points: limits.eventsPerSecond, duration: 1 });
  const refusals = new RateLimiterMemory({ points: limits.refusalsBeforeDisconnect, duration: 10 });
  /** 'ok' to go on, 'refuse' to answer RATE_LIMITED, 'disconnect' to end the connection. */
  return async (connectionId: string): Promise<'ok' | 'refuse' | 'disconnect'> => {
    try {
      await events.consume(connectionId);
      return 'ok';
    } catch {
      try {
        await refusals.consume(connectionId);
        return 'refuse';
      } catch {
        return 'disconnect';
      }
    }
  };
}
