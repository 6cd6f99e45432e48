/**
 * What every connection goes through before a handler runs: the Origin of the
 * websocket, the handshake (host key or device token), and a per-connection rate
 * limit that refuses a flood and then disconnects it.
 */
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { LiveRoom, LiveWorkshop, LiveWorkshops } from '../live/live-workshop.ts';
import { isLoopback, onTheLaptop, type Caller } from '../pairing/laptop.ts';
import type { HandshakeError } from '../protocol.ts';
import { phoneKey, sameSecret } from '../privacy/keys.ts';
import { wrongKeyGate } from '../privacy/wrong-keys.ts';
import { createPhoneGate } from './phone-gate.ts';
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
  /** A paired console (server/pairing/): the hash of its credential, so revoking it ends the connection. */
  console?: string;
}

/** The facilitator's other ways in (wire/console-auth.ts): a paired console, and where the host key may be shown. */
export interface HostAccess {
  /** The identity of a console's handshake, or undefined when `auth` is not a console's. */
  /** `address`: where the handshake comes from (wrong codes are counted by it, in memory). */
  console(auth: unknown, address: string): Promise<Identity | HandshakeError> | undefined;
  hostKeyHere(caller: Caller): boolean;
}

/** Counts of what the guards did, for tests and the benchmark (never who). */
export interface GuardStats {
  /** Host keys refused unchecked because there had been too many wrong ones (never from the laptop itself). */
  refusedHostKeys: number;
  /** New phones refused because their address brought too many (wire/phone-gate.ts). */
  refusedPhones: number;
  /** Connections ended for flooding. */
  floodDisconnects: number;
}

/**
 * Checks a connection's handshake. `address` (pairing/laptop.ts, sourceOf) is used for limits held in
 * memory, never kept: new phones per address, and wrong host keys, which the laptop itself
 * is never refused for.
 */
export function createHandshake(rooms: LiveWorkshops, hostKeyOf: (room: LiveRoom) => string, stats: GuardStats, access?: HostAccess) {
  const wrongKeys = wrongKeyGate();
  const admitPhone = createPhoneGate();

  return async (auth: unknown, address: string, caller?: Caller): Promise<Identity | HandshakeError> => {
    // The laptop itself, not relayed by a proxy (pairing/laptop.ts): never limited, never locked out.
    const laptop = caller ? onTheLaptop(caller) : isLoopback(address);
    const paired = access?.console(auth, address);
    if (paired) return paired;
    const asHost = hostAuth.safeParse(auth);
    const asAttendee = asHost.success ? undefined : attendeeAuth.safeParse(auth);
    if (!asHost.success && !asAttendee?.success) return 'BAD_HANDSHAKE';
    // Without a code: the running workshop (on Redis, the one every process follows).
    const code = asHost.success ? asHost.data.code : asAttendee?.data?.code;
    const workshop = code === undefined ? rooms.running() : await rooms.workshop(code);
    if (!workshop) return 'UNKNOWN_WORKSHOP';
    const { room } = workshop;
    if (asAttendee?.success) {
      // Phones join the workshop the kit runs, never a past one (its questions, its answers).
      if (workshop.record.id !== rooms.running().record.id) return 'UNKNOWN_WORKSHOP';
      const phone = phoneKey(room.record.salt, asAttendee.data.device);
      if (!(await admitPhone(phone, address, laptop))) {
        stats.refusedPhones += 1;
        return 'RATE_LIMITED';
      }
      return { workshop, room, role: 'attendee', phone };
    }
    // The host key never crosses the venue's Wi-Fi in clear: refused before it is even compared.
    if (access && caller && !access.hostKeyHere(caller)) return 'HOST_KEY_LOCAL_ONLY';
    // Counted by workshop and address: someone else's guesses never lock the facilitator out.
    const guesser = `${room.record.id}\n${address}`;
    if (!laptop && !(await wrongKeys.open(guesser))) {
      stats.refusedHostKeys += 1;
      return 'BAD_HOST_KEY';
    }
    if (asHost.success && sameSecret(asHost.data.hostKey, hostKeyOf(room))) return { workshop, room, role: 'host' };
    if (!laptop) await wrongKeys.wrong(guesser);
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
