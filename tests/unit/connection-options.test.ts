/**
 * How a connection opens (client/connection/options.ts): websocket first with polling in the
 * same attempt, and the fallback for a blocked websocket: polling first after a first connect
 * that failed, websocket first again once a websocket opened, and no polling for a phone that
 * had a websocket and comes back after a restart.
 */
import { EventEmitter } from 'node:events';
import type { Manager } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { connectionOptions, CONNECTION_OPTIONS, fallBackWhenBlocked, POLLING_FIRST, RETRY_POLLING_AFTER, WEBSOCKET_FIRST } from '../../client/connection/options.ts';

/** socket.io-client's Manager as the fallback sees it: its options, its events, its engine. */
class FakeManager extends EventEmitter {
  opts = connectionOptions();
  engine = Object.assign(new EventEmitter(), { transport: { name: 'websocket' } });
  /** The engine opened over `transport`. */
  open(transport: string): void {
    this.engine = Object.assign(new EventEmitter(), { transport: { name: transport } });
    this.emit('open');
  }
}

function fake(): FakeManager {
  const manager = new FakeManager();
  fallBackWhenBlocked(manager as unknown as Manager);
  return manager;
}

describe('the connection options', () => {
  it('open a websocket first, and try polling in the same attempt when it fails', () => {
    expect(connectionOptions()).toMatchObject({ transports: ['websocket', 'polling'], tryAllTransports: true, reconnectionDelay: 1000, reconnectionDelayMax: 5000, randomizationFactor: 0.5 });
    expect(connectionOptions().timeout).toBeLessThan(20_000);
  });

  it('are a fresh copy each time: one socket falling back leaves the others as they were', () => {
    const a = connectionOptions();
    a.transports = [...POLLING_FIRST];
    expect(connectionOptions().transports).toEqual([...WEBSOCKET_FIRST]);
    expect(CONNECTION_OPTIONS.transports).toEqual(['websocket', 'polling']);
  });

  it('start with polling after a first connect that failed or hung, and go back to websocket first once a websocket is open', () => {
    const manager = fake();
    manager.emit('error', new Error('timeout'));
    expect(manager.opts.transports).toEqual(['polling', 'websocket']);
    manager.open('polling');
    expect(manager.opts.transports).toEqual(['polling', 'websocket']);
    manager.engine.emit('upgrade', { name: 'websocket' });
    expect(manager.opts.transports).toEqual(['websocket', 'polling']);
  });

  it('keep a phone that had a websocket on its websocket when the kit restarts, and try polling again after failed attempts in a row', () => {
    const manager = fake();
    manager.open('websocket');
    // A failed websocket is now the kit or the Wi-Fi, not a proxy: no polling in the same attempt.
    expect(manager.opts).toMatchObject({ transports: ['websocket', 'polling'], tryAllTransports: false });
    manager.emit('error', new Error('timeout'));
    for (let attempt = 1; attempt < RETRY_POLLING_AFTER; attempt++) manager.emit('reconnect_attempt', attempt);
    expect(manager.opts).toMatchObject({ transports: ['websocket', 'polling'], tryAllTransports: false });
    // The phone may have moved to a network that blocks websockets.
    manager.emit('reconnect_attempt', RETRY_POLLING_AFTER);
    expect(manager.opts).toMatchObject({ transports: ['websocket', 'polling'], tryAllTransports: true });
  });

  it('keep polling in the same attempt for a phone that never had a websocket (its network blocks them)', () => {
    const manager = fake();
    manager.open('polling');
    manager.emit('error', new Error('xhr poll error'));
    expect(manager.opts).toMatchObject({ transports: ['websocket', 'polling'], tryAllTransports: true });
  });
});
