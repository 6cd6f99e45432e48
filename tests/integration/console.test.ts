import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeckGo, DeckPosition, Paused } from '../../server/protocol.ts';
import { attendee, host, type Client } from '../helpers/clients.ts';
import { startServer, type Running } from '../helpers/server.ts';

let running: Running;
let now = 1_000_000;
const sockets: Client[] = [];
const track = <T extends { socket: Client }>(c: T): T => (sockets.push(c.socket), c);

beforeEach(async () => {
  running = await startServer(undefined, { clock: () => now });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await running.close();
});

function nextEvent<T>(socket: Client, event: 'deck:go' | 'deck:position' | 'room:paused'): Promise<T> {
  return new Promise((ok) => socket.once(event, ok as never));
}

describe('the console', () => {
  it('needs the host key for every console action', async () => {
    const phone = track(await attendee(running.url));
    expect(await phone.socket.emitWithAck('deck:go', { to: 'next' })).toEqual({ ok: false, error: 'NOT_HOST' });
    expect(await phone.socket.emitWithAck('deck:at', { slide: '3.1', plan: '90' })).toEqual({ ok: false, error: 'NOT_HOST' });
    expect(await phone.socket.emitWithAck('room:pause', { paused: true })).toEqual({ ok: false, error: 'NOT_HOST' });
    expect(running.app.rooms.workshops()[0]?.console.isPaused()).toEqual({ paused: false });
    expect(running.app.rooms.workshops()[0]?.console.position().slide).toBeNull();
  });

  it('relays a console to the decks, and the deck to every console, both ways', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    const consoleA = track(await host(running.url, running.app.hostKey));
    const consoleB = track(await host(running.url, running.app.hostKey));

    const go = nextEvent<DeckGo>(deck.socket, 'deck:go');
    expect(await consoleA.socket.emitWithAck('deck:go', { to: { slide: '2.0' } })).toEqual({ ok: true });
    expect(await go).toEqual({ to: { slide: '2.0' } });

    // The deck moved (by a console or by the laptop's keys) and says so: every console follows.
    const seenA = nextEvent<DeckPosition>(consoleA.socket, 'deck:position');
    const seenB = nextEvent<DeckPosition>(consoleB.socket, 'deck:position');
    expect(await deck.socket.emitWithAck('deck:at', { slide: '2.0', plan: '90' })).toEqual({ ok: true });
    expect((await seenA).slide).toBe('2.0');
    expect((await seenB).slide).toBe('2.0');
    // A console that opens later starts where the deck is.
    const late = track(await host(running.url, running.app.hostKey));
    expect(late.greeting['deck:position']?.slide).toBe('2.0');
  });

  it('keeps time per section once the deck leaves its first slide', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    await deck.socket.emitWithAck('deck:at', { slide: '0.0', plan: '90' });
    now += 60_000;
    await deck.socket.emitWithAck('deck:at', { slide: '0.1', plan: '90' });
    now += 120_000;
    await deck.socket.emitWithAck('deck:at', { slide: '1.0', plan: '90' });
    now += 30_000;
    const position = running.app.rooms.workshops()[0]?.console.position();
    expect(position).toEqual({ slide: '1.0', plan: '90', elapsed: 150_000, spent: { '0': 120_000, '1': 30_000 } });
  });

  it('pauses the projector and every phone, and resumes', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    const phone = track(await attendee(running.url));
    const paused = nextEvent<Paused>(phone.socket, 'room:paused');
    expect(await deck.socket.emitWithAck('room:pause', { paused: true })).toEqual({ ok: true });
    expect(await paused).toEqual({ paused: true });
    const joining = track(await attendee(running.url));
    expect(joining.greeting['room:paused']).toEqual({ paused: true });
    const resumed = nextEvent<Paused>(phone.socket, 'room:paused');
    await deck.socket.emitWithAck('room:pause', { paused: false });
    expect(await resumed).toEqual({ paused: false });
  });

  it('comes back after a restart: the slide, the pause and the clock, without the time it was stopped', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    await deck.socket.emitWithAck('deck:at', { slide: '0.0', plan: 'full' });
    now += 60_000;
    await deck.socket.emitWithAck('deck:at', { slide: '0.1', plan: 'full' });
    now += 120_000;
    await deck.socket.emitWithAck('deck:at', { slide: '1.0', plan: 'full' });
    expect(await deck.socket.emitWithAck('room:pause', { paused: true })).toEqual({ ok: true });
    now += 30_000;
    const before = track(await host(running.url, running.app.hostKey)).greeting;
    expect(before['deck:position']).toEqual({ slide: '1.0', plan: 'full', elapsed: 150_000, spent: { '0': 120_000, '1': 30_000 } });
    for (const s of sockets.splice(0)) s.close();

    // Ctrl+C, an hour's break, and the kit is started again on the same data folder.
    await running.close(true);
    now += 3_600_000;
    running = await startServer(running.dataDir, { clock: () => now });
    const after = track(await host(running.url, running.app.hostKey)).greeting;
    expect(after['deck:position']).toEqual(before['deck:position']);
    expect(after['room:paused']).toEqual({ paused: true });
    expect(track(await attendee(running.url)).greeting['room:paused']).toEqual({ paused: true });
    // The current slide's time picks up where it stopped.
    now += 10_000;
    expect(running.app.rooms.workshops()[0]?.console.position()).toEqual({ slide: '1.0', plan: 'full', elapsed: 160_000, spent: { '0': 120_000, '1': 40_000 } });
  });

  it('refuses malformed console messages', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    for (const bad of [{ to: 'first' }, { to: { slide: '<b>' } }, { to: { slide: '1.2' }, extra: 1 }]) {
      expect(await deck.socket.emitWithAck('deck:go', bad as never)).toEqual({ ok: false, error: 'BAD_REQUEST' });
    }
    expect(await deck.socket.emitWithAck('deck:at', { slide: '1.2' } as never)).toEqual({ ok: false, error: 'BAD_REQUEST' });
    expect(await deck.socket.emitWithAck('room:pause', { paused: 'yes' } as never)).toEqual({ ok: false, error: 'BAD_REQUEST' });
  });
});

describe('what the room learned', () => {
  it('equals a hand-computed gain on a seeded set, each round on its own', async () => {
    await running.close();
    running = await startServer(undefined, { thresholds: { default: 3, text: 10 } });
    const deck = track(await host(running.url, running.app.hostKey));
    const answerAll = async (activityId: string, values: number[]): Promise<void> => {
      await deck.socket.emitWithAck('activity:open', { activityId });
      for (const value of values) {
        const phone = track(await attendee(running.url));
        expect((await phone.socket.emitWithAck('answer:submit', { activityId, value })).ok).toBe(true);
      }
      // A round's figures appear once it is locked (while open they would move answer by answer).
      await deck.socket.emitWithAck('activity:lock', { activityId });
    };
    // check-force: the answer is option 1. check-who-recruits: option 1.
    await answerAll('check-force.before', [1, 0, 0, 2]); // 1 of 4 = 25%
    await answerAll('check-who-recruits.before', [1, 1, 0, 0]); // 2 of 4 = 50%
    await answerAll('check-force.after', [1, 1, 1, 0]); // 3 of 4 = 75%
    await answerAll('check-who-recruits.after', [1, 1, 1, 1]); // 4 of 4 = 100%
    await answerAll('check-disclosure.after', [1, 1]); // 2 answers: under the threshold of 3
    await answerAll('reflect-signs.before', [1, 2, 2, 3]);
    const heard = new Promise((ok) => {
      deck.socket.on('learning:update', (g) => {
        if (g.scales.find((x) => x.id === 'reflect-signs')?.after.total === 3) ok(g);
      });
    });
    await answerAll('reflect-signs.after', [4, 4, 5]);

    const gain = running.app.rooms.all()[0]?.learning();
    expect(gain?.checks.find((c) => c.id === 'check-force')).toEqual({ id: 'check-force', before: { total: 4, percent: 25 }, after: { total: 4, percent: 75 } });
    expect(gain?.checks.find((c) => c.id === 'check-who-recruits')).toEqual({ id: 'check-who-recruits', before: { total: 4, percent: 50 }, after: { total: 4, percent: 100 } });
    // Overall: 3 of 8 = 37.5% rounds to 38; 7 of 8 = 87.5% rounds to 88. The round under its threshold counts in neither.
    expect(gain?.overall).toEqual({ before: 38, after: 88 });
    expect(gain?.scales.find((s) => s.id === 'reflect-signs')).toEqual({
      id: 'reflect-signs',
      before: { total: 4, counts: [1, 2, 1, 0, 0], mean: 2 },
      after: { total: 3, counts: [0, 0, 0, 2, 1], mean: 4.33 },
    });
    // The deck hears it as rounds are locked, and a console that opens later gets it on connect.
    expect(await heard).toEqual(gain);
    expect(track(await host(running.url, running.app.hostKey)).greeting['learning:update']).toEqual(gain);
  });
});
