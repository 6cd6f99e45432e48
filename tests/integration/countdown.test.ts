/** The facilitator's countdowns over the real wire: who may start one, what everyone is sent, and when it ends. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Countdown } from '../../server/protocol.ts';
import { attendee, host, type Client } from '../helpers/clients.ts';
import { startServer, type Running } from '../helpers/server.ts';

const KC = 'check-force.after';
let running: Running;
const sockets: Client[] = [];
const track = <T extends { socket: Client }>(c: T): T => (sockets.push(c.socket), c);
const nextCountdown = (socket: Client): Promise<Countdown> => new Promise((ok) => socket.once('countdown:update', ok));

beforeEach(async () => {
  running = await startServer();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await running.close();
});

describe('countdowns', () => {
  it('closes the open question in 30 s: the deck and every phone are told the time left', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    const phone = track(await attendee(running.url));
    expect(await deck.socket.emitWithAck('activity:open', { activityId: KC })).toEqual({ ok: true });
    const toPhone = nextCountdown(phone.socket);
    const toDeck = nextCountdown(deck.socket);
    expect(await deck.socket.emitWithAck('countdown:set', { kind: 'close', activityId: KC, seconds: 30 })).toEqual({ ok: true });
    for (const c of [await toPhone, await toDeck]) {
      expect(c).toMatchObject({ kind: 'close', activityId: KC });
      expect(c.kind === 'close' && c.endsIn).toBeGreaterThan(25_000);
      expect(c.kind === 'close' && c.endsIn).toBeLessThanOrEqual(30_000);
    }
    // A phone that joins now is told too.
    const late = track(await attendee(running.url));
    expect(late.greeting['countdown:update']).toMatchObject({ kind: 'close', activityId: KC });
    // Locking by hand ends it.
    const ended = nextCountdown(phone.socket);
    expect(await deck.socket.emitWithAck('activity:lock', { activityId: KC })).toEqual({ ok: true });
    expect(await ended).toEqual({ kind: 'none' });
  });

  it('is refused for a phone, for a question the phones do not show or that takes no answers, and for a duration the console does not offer', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    const phone = track(await attendee(running.url));
    const emit = deck.socket.emitWithAck as unknown as (e: string, p: unknown) => Promise<unknown>;
    expect(await phone.socket.emitWithAck('countdown:set', { kind: 'none' })).toEqual({ ok: false, error: 'NOT_HOST' });
    expect(await deck.socket.emitWithAck('countdown:set', { kind: 'close', activityId: KC, seconds: 30 })).toEqual({ ok: false, error: 'UNKNOWN_ACTIVITY' });
    await deck.socket.emitWithAck('activity:open', { activityId: KC });
    await deck.socket.emitWithAck('activity:lock', { activityId: KC });
    expect(await deck.socket.emitWithAck('countdown:set', { kind: 'close', activityId: KC, seconds: 30 })).toEqual({ ok: false, error: 'NOT_OPEN' });
    for (const bad of [{ kind: 'close', activityId: KC, seconds: 45 }, { kind: 'break', slide: '8.5', minutes: 60 }, { kind: 'break', slide: 'x', minutes: 5 }, { kind: 'none', extra: 1 }, { kind: 'soon' }, null]) {
      expect(await emit.call(deck.socket, 'countdown:set', bad)).toEqual({ ok: false, error: 'BAD_REQUEST' });
    }
    // Nothing refused started anything.
    const fresh = track(await attendee(running.url));
    expect(fresh.greeting['countdown:update']).toEqual({ kind: 'none' });
  });

  it('shows when a break ends until the deck leaves the break slide', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    const phone = track(await attendee(running.url));
    await deck.socket.emitWithAck('deck:at', { slide: '8.5', plan: '90' });
    const started = nextCountdown(phone.socket);
    expect(await deck.socket.emitWithAck('countdown:set', { kind: 'break', slide: '8.5', minutes: 5 })).toEqual({ ok: true });
    expect(await started).toMatchObject({ kind: 'break', slide: '8.5' });
    const ended = nextCountdown(phone.socket);
    await deck.socket.emitWithAck('deck:at', { slide: '8.6', plan: '90' });
    expect(await ended).toEqual({ kind: 'none' });
  });
});
