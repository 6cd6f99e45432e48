/**
 * How every live connection of the kit opens and comes back: its transports, its backoff and
 * its timeout. The one place for them: the pages (`socket.ts`), the bench's simulated phones
 * and presenter (`bench/swarm.ts`, `bench/presenter.ts`) and the rehearsal's phones
 * (`server/rehearsal/phone.ts`) all open their connection from here, so what the bench
 * measures is what a phone does. Pure: no DOM, no Node (socket.io-client's types only).
 *
 * Websocket first. socket.io's default (long-polling, then the upgrade) costs the server four
 * polling requests and a second handshake before the websocket, on every join and every
 * reconnect after a restart; a websocket first is one request. Long-polling stays the fallback
 * for a venue network that blocks websockets:
 * - a websocket refused (a proxy answers the upgrade with an error, or drops it): with
 *   `tryAllTransports`, engine.io-client moves on to polling within the same attempt (its
 *   `_onError`, while the socket is still opening, drops the failed transport and opens the
 *   next one), so the phone joins without waiting;
 * - a websocket swallowed (a proxy holds the upgrade: no error, no answer): the attempt times
 *   out after CONNECT_TIMEOUT_MS and, when the page never had a connection yet, its next
 *   attempts start with polling and upgrade once connected (`fallBackWhenBlocked`).
 * Once a websocket has opened, websockets pass on this network, and `fallBackWhenBlocked`
 * keeps a phone coming back after a restart on its websocket.
 */
import type { Manager, ManagerOptions, SocketOptions } from 'socket.io-client';

type Transport = 'websocket' | 'polling';

/** How every connection starts: a websocket, and long-polling when the websocket fails. */
export const WEBSOCKET_FIRST: readonly Transport[] = ['websocket', 'polling'];

/** After a first connect that failed or hung: long-polling, upgrading to a websocket when it can. */
export const POLLING_FIRST: readonly Transport[] = ['polling', 'websocket'];

/**
 * Reconnecting: about 1 s, doubling to at most 5 s, each delay randomized by ±50%
 * (socket.io's backoff), so a room that lost the kit does not come back all at once.
 */
export const BACKOFF = { reconnectionDelay: 1000, reconnectionDelayMax: 5000, randomizationFactor: 0.5 } as const;

/**
 * How long one attempt may take to open before it counts as failed. socket.io's default is
 * 20 s: a phone behind a proxy that swallows websockets would show "Connecting" that long
 * before trying polling. A websocket opens in one round trip, even on a weak network.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

/** The options of every connection (read only: open a socket with `connectionOptions()`). */
export const CONNECTION_OPTIONS = { transports: WEBSOCKET_FIRST, tryAllTransports: true, ...BACKOFF, timeout: CONNECT_TIMEOUT_MS } as const;

/** `CONNECTION_OPTIONS` as socket.io-client takes them: a fresh copy, since socket.io keeps the object and `fallBackWhenBlocked` changes its transports. */
export function connectionOptions(): Partial<ManagerOptions & SocketOptions> {
  return { ...CONNECTION_OPTIONS, transports: [...CONNECTION_OPTIONS.transports] };
}

/**
 * After this many failed attempts in a row, a connection that had a websocket tries polling in
 * the same attempt again: the phone may have moved to a network that blocks websockets.
 */
export const RETRY_POLLING_AFTER = 4;

/**
 * The fallback for a websocket that is blocked, on a socket's manager (`socket.io`):
 * - a first connect that failed or timed out (never connected yet) makes the next attempts
 *   start with polling, which upgrades to a websocket where it can (a proxy that swallows
 *   websockets never answers the upgrade, and polling goes on);
 * - a websocket open (connected over one, or upgraded to one) means websockets pass on this
 *   network: websocket first again, and a websocket that fails later no longer turns to polling
 *   in the same attempt. That failure is the kit restarting or the Wi-Fi dropping, not a proxy,
 *   and a phone that got in over polling in the moment the kit came back would stay on polling
 *   (the bench measured 70 of 2,000 phones after a kill -9), costing the kit its long-polling
 *   requests until its next reconnect. After RETRY_POLLING_AFTER failed attempts in a row it
 *   does again.
 */
export function fallBackWhenBlocked(manager: Manager): void {
  let opened = false;
  const websocketPasses = (): void => {
    manager.opts.transports = [...WEBSOCKET_FIRST];
    manager.opts.tryAllTransports = false;
  };
  manager.on('error', () => {
    if (!opened) manager.opts.transports = [...POLLING_FIRST];
  });
  manager.on('reconnect_attempt', (attempt) => {
    if (attempt >= RETRY_POLLING_AFTER) manager.opts.tryAllTransports = true;
  });
  manager.on('open', () => {
    opened = true;
    const engine = manager.engine;
    if (engine.transport.name === 'websocket') websocketPasses();
    engine.on('upgrade', (transport) => {
      if (transport.name === 'websocket') websocketPasses();
    });
  });
}
