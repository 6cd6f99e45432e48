/**
 * One way for every page (deck, console, phone) to hold its live connection: opened as
 * `options.ts` says (websocket first, polling when it is blocked), reconnecting by itself even
 * after the server closed the connection, and requests that always end (an ack, or a timeout
 * that is handled, never an unhandled rejection). A request that gets no reply means the
 * connection is not what it seems: the socket is reopened so the page resynchronises from the
 * server's greeting.
 */
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServer, ServerToClient } from '../../server/protocol.ts';
import { BACKOFF, connectionOptions, fallBackWhenBlocked } from './options.ts';

export type LiveSocket = Socket<ServerToClient, ClientToServer>;

/** How long a request waits for its ack before the page treats the connection as lost. */
export const ACK_TIMEOUT_MS = 8000;

/** How long a phone turned away at the door waits before it knocks again (the limit is per minute). */
export const RATE_LIMITED_RETRY_MS = 10_000;

/** Opens the page's socket with `auth` (a host key or a device token). */
export function openSocket(auth: Record<string, unknown>): LiveSocket {
  const socket: LiveSocket = io({ ...connectionOptions(), auth });
  fallBackWhenBlocked(socket.io);
  // socket.io does not retry a connection the server ended (a restart, a guard): a page always should.
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), BACKOFF.reconnectionDelay);
  });
  // Too many new phones from this network at once (wire/phone-gate.ts): try again shortly.
  socket.on('connect_error', (error) => {
    if (error.message === 'RATE_LIMITED') setTimeout(() => socket.connect(), RATE_LIMITED_RETRY_MS);
  });
  return socket;
}

/** What a request ended with: the server's ack, or `OFFLINE` / `TIMEOUT` when there was none. */
export type Reply<T extends object = object> = Ack<T> | { ok: false; error: 'OFFLINE' | 'TIMEOUT' };

type EventName = keyof ClientToServer;
type PayloadOf<E extends EventName> = Parameters<ClientToServer[E]>[0];
type AckOf<E extends EventName> = Parameters<Parameters<ClientToServer[E]>[1]>[0];

/**
 * Sends one request and waits for its ack, at most `ACK_TIMEOUT_MS`. Never rejects. Not sent
 * while disconnected (socket.io would queue it and replay it later, out of date).
 */
export async function request<E extends EventName>(socket: LiveSocket, event: E, payload: PayloadOf<E>): Promise<AckOf<E> | { ok: false; error: 'OFFLINE' | 'TIMEOUT' }> {
  if (!socket.connected) return { ok: false, error: 'OFFLINE' };
  try {
    const timed = socket.timeout(ACK_TIMEOUT_MS);
    return await (timed.emitWithAck as (event: E, payload: PayloadOf<E>) => Promise<AckOf<E>>).call(timed, event, payload);
  } catch {
    // No reply in time: reopen, and let the greeting bring the page back in step.
    if (socket.connected) {
      socket.disconnect();
      socket.connect();
    }
    return { ok: false, error: 'TIMEOUT' };
  }
}

/**
 * Whether a request that did not go through is worth sending again by itself: the server was
 * busy or did not reply. `OFFLINE` is not: the page sends what it needs on reconnect.
 */
export function worthRetrying(reply: { ok: boolean; error?: string }): boolean {
  return !reply.ok && (reply.error === 'RATE_LIMITED' || reply.error === 'STORAGE' || reply.error === 'TIMEOUT');
}

/** The server's ack, or undefined when there was none (offline, or no reply in time). */
export function serverAck<T extends { ok: boolean }>(reply: T | { ok: false; error: 'OFFLINE' | 'TIMEOUT' }): T | undefined {
  return !reply.ok && 'error' in reply && (reply.error === 'OFFLINE' || reply.error === 'TIMEOUT') ? undefined : (reply as T);
}
