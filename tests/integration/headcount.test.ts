/** What the facilitator is told of the room (a count, never who) and what phones see once the workshop is over. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomCount } from '../../server/protocol.ts';
import { attendee, host, newDevice, type Client } from '../helpers/clients.ts';
import { closingSlide, deckOutline } from '../../server/content/outline.ts';
import { realContent, startServer, type Running } from '../helpers/server.ts';

let running: Running;
const sockets: Client[] = [];
const track = <T extends { socket: Client }>(c: T): T => (sockets.push(c.socket), c);

beforeEach(async () => {
  running = await startServer();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await running.close();
});

/** The next count the host is sent that passes `test`. */
function countWhere(socket: Client, test: (c: RoomCount) => boolean): Promise<RoomCount> {
  return new Promise((ok) => {
    const on = (c: RoomCount): void => {
      if (!test(c)) return;
      socket.off('room:count', on);
      ok(c);
    };
    socket.on('room:count', on);
  });
}

describe('the room count', () => {
  it('tells the facilitator how many phones are connected now and how many joined so far', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    expect(deck.greeting['room:count']).toEqual({ connected: 0, joined: 0 });
    const device = newDevice();
    const phones = [track(await attendee(running.url, device)), ...(await Promise.all([1, 2].map(async () => track(await attendee(running.url)))))];
    expect(await countWhere(deck.socket, (c) => c.connected === 3)).toEqual({ connected: 3, joined: 3 });

    // One phone leaves and comes back: still three joined, never four.
    phones[0]?.socket.close();
    expect(await countWhere(deck.socket, (c) => c.connected === 2)).toEqual({ connected: 2, joined: 3 });
    track(await attendee(running.url, device));
    expect(await countWhere(deck.socket, (c) => c.connected === 3)).toEqual({ connected: 3, joined: 3 });
    // A phone is never told.
    expect(phones[1]?.greeting['room:count']).toBeUndefined();
  });
});

describe('the end of the workshop', () => {
  it('reaches the phones when the deck gets to the closing slide, and phones that join later', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    const phone = track(await attendee(running.url));
    expect(phone.greeting['room:finished']).toEqual({ finished: false });
    const over = new Promise((ok) => phone.socket.once('room:finished', ok));
    const closing = closingSlide(deckOutline(realContent(), 'en')) ?? '';
    expect(closing).toMatch(/^\d+\.\d+$/);
    expect(await deck.socket.emitWithAck('deck:at', { slide: closing, plan: '90' })).toEqual({ ok: true });
    expect(await over).toEqual({ finished: true });
    expect(track(await attendee(running.url)).greeting['room:finished']).toEqual({ finished: true });
    const back = new Promise((ok) => phone.socket.once('room:finished', ok));
    await deck.socket.emitWithAck('deck:at', { slide: '2.0', plan: '90' });
    expect(await back).toEqual({ finished: false });
  });
});
