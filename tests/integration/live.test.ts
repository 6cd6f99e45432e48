import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import { newWorkshop } from '../../server/workshops.ts';
import { attendee, connect, host, newDevice, snapshotWhere, type Client } from '../helpers/clients.ts';
import { startServer, tempDataDir, type Running } from '../helpers/server.ts';

const KC = 'check-force.after';
const FIRST_ROUND = 'check-force.before';
const SCALE = 'reflect-signs.after';
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

async function openActivity(id = KC) {
  const h = track(await host(running.url, running.app.hostKey));
  expect(await h.socket.emitWithAck('activity:open', { activityId: id })).toEqual({ ok: true });
  return h;
}
const stored = () => running.store.loadRoom(running.app.rooms.all()[0]?.record.id ?? '');

describe('answering', () => {
  it('acknowledges an answer once stored, and the deck hears of it', async () => {
    const h = await openActivity();
    const phone = track(await attendee(running.url));
    expect(phone.state.current?.activity.id).toBe(KC);
    const heard = snapshotWhere(h.socket, KC, (s) => s.total === 1);
    expect(await phone.socket.emitWithAck('answer:submit', { activityId: KC, value: 1 })).toEqual({ ok: true, value: 1 });
    expect(stored().ballots).toEqual([expect.objectContaining({ activityId: KC, value: 1 })]);
    expect((await heard).total).toBe(1);
  });

  it('counts the same device once, even on two connections, and keeps its latest answer', async () => {
    await openActivity();
    const device = newDevice();
    const a = track(await attendee(running.url, device));
    const b = track(await attendee(running.url, device));
    expect((await a.socket.emitWithAck('answer:submit', { activityId: KC, value: 0 })).ok).toBe(true);
    expect((await b.socket.emitWithAck('answer:submit', { activityId: KC, value: 0 })).ok).toBe(true);
    expect((await a.socket.emitWithAck('answer:submit', { activityId: KC, value: 2 })).ok).toBe(true);
    expect(stored().ballots).toHaveLength(1);
    expect(stored().ballots[0]?.value).toBe(2);
    expect(running.app.rooms.all()[0]?.snapshot(KC)?.total).toBe(1);
  });

  it('refuses answers once locked, and takes them again when unlocked', async () => {
    const h = await openActivity();
    const phone = track(await attendee(running.url));
    expect(await h.socket.emitWithAck('activity:lock', { activityId: KC })).toEqual({ ok: true });
    expect(await phone.socket.emitWithAck('answer:submit', { activityId: KC, value: 1 })).toEqual({ ok: false, error: 'NOT_OPEN' });
    expect(await h.socket.emitWithAck('activity:unlock', { activityId: KC })).toEqual({ ok: true });
    expect((await phone.socket.emitWithAck('answer:submit', { activityId: KC, value: 1 })).ok).toBe(true);
  });

  it('gives a phone that connects late the current question at once, with its own stored answer', async () => {
    await openActivity(SCALE);
    const device = newDevice();
    const first = track(await attendee(running.url, device));
    await first.socket.emitWithAck('answer:submit', { activityId: SCALE, value: 4 });
    first.socket.close();
    const again = track(await attendee(running.url, device));
    expect(again.state.current?.activity).toMatchObject({ id: SCALE, kind: 'scale', min: 1, max: 5 });
    expect(again.state.mine).toBe(4);
  });

  it('sends the phones the results on reveal, and holds the counts back under the threshold', async () => {
    const h = await openActivity();
    const phones = await Promise.all(Array.from({ length: 9 }, () => attendee(running.url).then(track)));
    for (const p of phones) await p.socket.emitWithAck('answer:submit', { activityId: KC, value: 1 });
    const watcher = phones[0]?.socket as Client;
    const few = snapshotWhere(watcher, KC, (s) => s.revealed);
    await h.socket.emitWithAck('activity:reveal', { activityId: KC });
    // The default threshold is 10, as the speaker notes tell facilitators.
    expect(await few).toMatchObject({ total: 9, threshold: 10, results: null, answer: 1 });
    // The reveal locked the answers: a tenth phone waits until the facilitator reopens them,
    // which hides the results, and shows them at the next reveal.
    const tenth = track(await attendee(running.url));
    expect(await tenth.socket.emitWithAck('answer:submit', { activityId: KC, value: 0 })).toEqual({ ok: false, error: 'NOT_OPEN' });
    const hidden = snapshotWhere(watcher, KC, (s) => !s.revealed);
    await h.socket.emitWithAck('activity:unlock', { activityId: KC });
    expect(await hidden).toMatchObject({ total: 9, status: 'open', results: null });
    await tenth.socket.emitWithAck('answer:submit', { activityId: KC, value: 0 });
    const enough = snapshotWhere(watcher, KC, (s) => s.results !== null);
    await h.socket.emitWithAck('activity:reveal', { activityId: KC });
    expect(await enough).toMatchObject({ total: 10, status: 'locked', results: { kind: 'options', counts: [1, 9, 0] } });
  });

  it('never reveals the first round of a knowledge check, and changes nothing when asked to', async () => {
    const h = await openActivity(FIRST_ROUND);
    const phones = await Promise.all(Array.from({ length: 10 }, () => attendee(running.url).then(track)));
    for (const p of phones) await p.socket.emitWithAck('answer:submit', { activityId: FIRST_ROUND, value: 1 });
    const before = { stored: stored(), state: running.app.rooms.all()[0]?.hostState() };
    expect(await h.socket.emitWithAck('activity:reveal', { activityId: FIRST_ROUND })).toEqual({ ok: false, error: 'HIDDEN_UNTIL_AFTER' });
    expect({ stored: stored(), state: running.app.rooms.all()[0]?.hostState() }).toEqual(before);
    expect(running.app.rooms.all()[0]?.snapshot(FIRST_ROUND)).toMatchObject({ revealed: false, results: null });
    expect(running.app.rooms.all()[0]?.snapshot(FIRST_ROUND)).not.toHaveProperty('answer');
  });
});

describe('clearing answers', () => {
  it('tells the phones that their answers are gone when the facilitator clears them', async () => {
    const h = await openActivity();
    const phone = track(await attendee(running.url));
    await phone.socket.emitWithAck('answer:submit', { activityId: KC, value: 1 });
    const told = new Promise((ok) => phone.socket.once('room:state', ok));
    expect(await h.socket.emitWithAck('activity:reset', { activityId: KC })).toEqual({ ok: true });
    expect(await told).toMatchObject({ mine: null, current: { activity: { id: KC }, snapshot: { total: 0 } } });
    expect(stored().ballots).toEqual([]);
  });
});

describe('who may do what', () => {
  it('refuses host actions from a phone, whatever the payload, and changes nothing', async () => {
    await openActivity();
    const phone = track(await attendee(running.url));
    const before = { stored: stored(), state: running.app.rooms.all()[0]?.hostState() };
    for (const event of ['activity:open', 'activity:lock', 'activity:reveal', 'activity:reset', 'activity:unlock', 'activity:hide'] as const) {
      expect(await phone.socket.emitWithAck(event, { activityId: KC })).toEqual({ ok: false, error: 'NOT_HOST' });
    }
    expect(await phone.socket.emitWithAck('room:idle', {})).toEqual({ ok: false, error: 'NOT_HOST' });
    expect({ stored: stored(), state: running.app.rooms.all()[0]?.hostState() }).toEqual(before);
  });

  it('refuses an answer from the facilitator\'s connection with NOT_ATTENDEE, and changes nothing', async () => {
    const h = await openActivity();
    const before = { stored: stored(), state: running.app.rooms.all()[0]?.hostState() };
    const send = h.socket.emitWithAck as unknown as (e: string, p: unknown) => Promise<unknown>;
    expect(await send.call(h.socket, 'answer:submit', { activityId: KC, value: 1 })).toEqual({ ok: false, error: 'NOT_ATTENDEE' });
    expect({ stored: stored(), state: running.app.rooms.all()[0]?.hostState() }).toStrictEqual(before);
  });

  it('refuses a wrong host key and a foreign Origin at the handshake', async () => {
    await expect(host(running.url, 'not-the-key-at-all')).rejects.toThrow('BAD_HOST_KEY');
    await expect(connect(running.url, { device: newDevice() }, { extraHeaders: { origin: 'http://evil.example' } })).rejects.toThrow();
    const same = track(await connect(running.url, { device: newDevice() }, { extraHeaders: { origin: running.url } }));
    expect(same.state.role).toBe('attendee');
  });

  it('refuses a malformed handshake', async () => {
    await expect(connect(running.url, { device: 'short' })).rejects.toThrow('BAD_HANDSHAKE');
    await expect(connect(running.url, { device: newDevice(), code: 'NOPE99' })).rejects.toThrow('UNKNOWN_WORKSHOP');
  });
});

describe('bad payloads', () => {
  it.each([
    ['a number', 5, 'BAD_REQUEST'],
    ['no payload', undefined, 'BAD_REQUEST'],
    ['wrong types', { activityId: 7, value: 'x' }, 'BAD_REQUEST'],
    ['an extra field', { activityId: KC, value: 1, admin: true }, 'BAD_REQUEST'],
    ['a __proto__ key', JSON.parse('{"activityId":"check-force.before","value":1,"__proto__":{"x":1}}'), 'BAD_REQUEST'],
    ['oversized text', { activityId: KC, value: 'x'.repeat(5000) }, 'BAD_ANSWER'],
    ['a choice of 1000', { activityId: KC, value: 1000 }, 'BAD_ANSWER'],
    ['a choice of 1001', { activityId: KC, value: 1001 }, 'BAD_ANSWER'],
    ['a choice of -1001', { activityId: KC, value: -1001 }, 'BAD_ANSWER'],
    ['a choice of 5000', { activityId: KC, value: 5000 }, 'BAD_ANSWER'],
    ['a fractional choice', { activityId: KC, value: 1.5 }, 'BAD_ANSWER'],
    ['a list for a choice', { activityId: KC, value: [1, 2.5] }, 'BAD_ANSWER'],
    ['an empty list', { activityId: KC, value: [] }, 'BAD_ANSWER'],
    ['an unknown activity', { activityId: 'nope', value: 1 }, 'UNKNOWN_ACTIVITY'],
    ['an out-of-range choice', { activityId: KC, value: 3 }, 'BAD_ANSWER'],
    ['a negative choice', { activityId: KC, value: -1 }, 'BAD_ANSWER'],
    ['text for a choice', { activityId: KC, value: 'one' }, 'BAD_ANSWER'],
  ])('refuses %s and changes nothing', async (_name, payload, error) => {
    await openActivity();
    const phone = track(await attendee(running.url));
    await phone.socket.emitWithAck('answer:submit', { activityId: KC, value: 2 });
    const before = { stored: stored(), state: running.app.rooms.all()[0]?.hostState() };
    const send = phone.socket.emitWithAck as unknown as (e: string, p?: unknown) => Promise<unknown>;
    expect(await (payload === undefined ? send.call(phone.socket, 'answer:submit') : send.call(phone.socket, 'answer:submit', payload))).toEqual({ ok: false, error });
    expect({ stored: stored(), state: running.app.rooms.all()[0]?.hostState() }).toStrictEqual(before);
  });

  it('answers an unknown event with UNKNOWN_EVENT', async () => {
    const phone = track(await attendee(running.url));
    const send = phone.socket.emitWithAck as unknown as (e: string, p: unknown) => Promise<unknown>;
    expect(await send.call(phone.socket, 'admin:drop', {})).toEqual({ ok: false, error: 'UNKNOWN_EVENT' });
  });
});

describe('workshops and restarts', () => {
  it('keeps two workshops isolated, and only the running one takes phones', async () => {
    await running.close();
    const dataDir = tempDataDir();
    const setup = openSqliteStore(dataDir);
    const other = newWorkshop(setup, 1);
    newWorkshop(setup, 2); // the newest one is the workshop `npm start` resumes
    setup.close();
    running = await startServer(dataDir);
    const main = running.app.rooms.all().find((r) => r.record.id !== other.id);
    if (!main) throw new Error('no default workshop');

    const hostA = track(await host(running.url, other.hostKey, other.code));
    const hostB = track(await host(running.url, running.app.hostKey));
    expect(hostA.state.code).toBe(other.code);
    expect(hostB.state.code).toBe(main.record.code);
    await expect(host(running.url, running.app.hostKey, other.code)).rejects.toThrow('BAD_HOST_KEY');

    await hostA.socket.emitWithAck('activity:open', { activityId: KC });
    // A past workshop takes no phone: its questions and answers stay out of reach.
    await expect(attendee(running.url, newDevice(), other.code)).rejects.toThrow('UNKNOWN_WORKSHOP');
    const phoneB = track(await attendee(running.url, newDevice(), main.record.code));
    expect(phoneB.state.current).toBeNull();
    expect(await phoneB.socket.emitWithAck('answer:submit', { activityId: KC, value: 1 })).toEqual({ ok: false, error: 'NOT_OPEN' });
    await hostB.socket.emitWithAck('activity:open', { activityId: KC });
    expect((await phoneB.socket.emitWithAck('answer:submit', { activityId: KC, value: 1 })).ok).toBe(true);
    expect(running.store.loadRoom(other.id).ballots).toHaveLength(0);
    expect(running.store.loadRoom(main.record.id).ballots).toHaveLength(1);
  });

  it('finds every acknowledged answer after the server is closed and built again on the same data folder', async () => {
    const h = await openActivity();
    const devices = Array.from({ length: 12 }, () => newDevice());
    const acked: number[] = [];
    for (const [i, device] of devices.entries()) {
      const phone = track(await attendee(running.url, device));
      const result = await phone.socket.emitWithAck('answer:submit', { activityId: KC, value: i % 3 });
      if (result.ok) acked.push(i % 3);
    }
    expect(acked).toHaveLength(12);
    await h.socket.emitWithAck('activity:reveal', { activityId: KC });
    const { dataDir } = running;
    for (const s of sockets.splice(0)) s.close();
    await running.close(true);

    running = await startServer(dataDir);
    const after = track(await host(running.url, running.app.hostKey));
    expect(after.state.current?.activity.id).toBe(KC);
    const snap = after.state.snapshots?.find((s) => s.activityId === KC);
    // Revealed, so locked: after a restart too, the counts shown stay the counts at the reveal.
    expect(snap).toMatchObject({ total: 12, revealed: true, status: 'locked', results: { kind: 'options', counts: [4, 4, 4] } });
    const phone = track(await attendee(running.url, devices[5]));
    expect(phone.state.mine).toBe(2);
  });
});
