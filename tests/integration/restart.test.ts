/**
 * A restart changes nothing a person can see: the kit as its own process on a data folder
 * (node, as `npm start` runs it), driven by a deck and phones over socket.io, is stopped by
 * kill -9 (a crash) or by Ctrl+C and started again the same way. The deck and a phone that
 * connect afterwards are sent what they were sent before: the slide, a clock that lost
 * nothing, the pause, the activity and its results, and what the room learned.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeckPosition, RoomState } from '../../server/protocol.ts';
import type { Report } from '../../server/report/model.ts';
import { attendee, host, type Client, type Greeting } from '../helpers/clients.ts';
import { freePort, startKitProcess, type KitProcess } from '../helpers/kit-process.ts';
import { tempDataDir } from '../helpers/server.ts';

const HOST_KEY = 'restart-test-host-key';
const SIGNS = 'reflect-signs.before';
const CHECK = 'check-force.after';
const sockets: Client[] = [];
let kit: KitProcess | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await kit?.kill();
  kit = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

const keep = <T extends { socket: Client }>(c: T): T => (sockets.push(c.socket), c);
/** A phone's token, as client/join/device.ts makes it: random, 24 base64url characters. */
const device = (): string => randomBytes(18).toString('base64url');

/** Starts the kit on `port` and the test's data folder, with the test's key. */
async function start(port: number, ...args: string[]): Promise<KitProcess> {
  kit = await startKitProcess(port, ['--data-dir', dataDir ?? '', '--host-key', HOST_KEY, ...args]);
  return kit;
}

interface Seen {
  host: { greeting: Greeting; state: RoomState };
  phone: { greeting: Greeting; state: RoomState };
}

/** What a deck and the phone `phone` are sent when they connect. */
async function look(url: string, phone: string): Promise<Seen> {
  const deck = keep(await host(url, HOST_KEY));
  const mine = keep(await attendee(url, phone));
  return { host: { greeting: deck.greeting, state: deck.state }, phone: { greeting: mine.greeting, state: mine.state } };
}

/** The same views, and a clock that lost nothing (it may have run on since). */
function expectSame(before: Seen, after: Seen): void {
  const [was, is] = [before.host.greeting['deck:position'], after.host.greeting['deck:position']] as [DeckPosition, DeckPosition];
  expect({ slide: is.slide, plan: is.plan }).toEqual({ slide: was.slide, plan: was.plan });
  expect(is.elapsed).toBeGreaterThanOrEqual(was.elapsed);
  expect(Object.keys(is.spent).sort()).toEqual(Object.keys(was.spent).sort());
  for (const [section, ms] of Object.entries(was.spent)) expect(is.spent[section], `section ${section}`).toBeGreaterThanOrEqual(ms);
  expect(after.host.greeting['room:paused']).toEqual(before.host.greeting['room:paused']);
  expect(after.phone.greeting['room:paused']).toEqual(before.phone.greeting['room:paused']);
  expect(after.host.greeting['learning:update']).toEqual(before.host.greeting['learning:update']);
  expect(after.host.state).toEqual(before.host.state);
  expect(after.phone.state).toEqual(before.phone.state);
}

/** The report's JSON, opened with the host key as a facilitator does. */
async function report(url: string, code: string): Promise<Report> {
  const login = await fetch(`${url}/report?key=${HOST_KEY}`, { redirect: 'manual' });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return (await (await fetch(`${url}/report/${code}.json`, { headers: { cookie } })).json()) as Report;
}

/**
 * A workshop started with --threshold 5: the deck moved into section 2, the room paused, the
 * first-round check-in answered by 5 phones and locked, then a knowledge check answered,
 * revealed and locked. Resolves with what a deck and the first phone see.
 */
async function workshop(url: string, phones: string[]): Promise<Seen> {
  const deck = keep(await host(url, HOST_KEY));
  const ok = async (event: string, payload: object): Promise<void> => {
    expect(await deck.socket.emitWithAck(event as 'deck:at', payload as never), event).toEqual({ ok: true });
  };
  for (const slide of ['0.0', '0.1', '1.0', '2.3']) await ok('deck:at', { slide, plan: '90' });
  await ok('room:pause', { paused: true });
  const answer = async (activityId: string, values: number[]): Promise<void> => {
    await ok('activity:open', { activityId });
    for (const [i, value] of values.entries()) {
      const phone = keep(await attendee(url, phones[i]));
      expect(await phone.socket.emitWithAck('answer:submit', { activityId, value })).toEqual({ ok: true, value });
    }
    await ok('activity:lock', { activityId });
  };
  await answer(SIGNS, [1, 2, 3, 3, 5]);
  await answer(CHECK, [1, 1, 0, 1, 2]);
  await ok('activity:reveal', { activityId: CHECK });

  const seen = await look(url, phones[0] ?? '');
  // What there is to keep: with a threshold of 5 the counts show, and the clock runs.
  expect(seen.host.greeting['learning:update']?.scales.find((s) => s.id === 'reflect-signs')?.before).toEqual({ total: 5, counts: [1, 1, 2, 0, 1], mean: 2.8 });
  expect(seen.phone.state.current?.snapshot).toMatchObject({ activityId: CHECK, status: 'locked', revealed: true, threshold: 5, results: { kind: 'options', counts: [1, 3, 1] } });
  expect(seen.phone.state.mine).toBe(1);
  expect(seen.host.greeting['room:paused']).toEqual({ paused: true });
  expect(seen.phone.greeting['room:paused']).toEqual({ paused: true });
  expect(seen.host.greeting['deck:position']).toMatchObject({ slide: '2.3', plan: '90' });
  expect(seen.host.greeting['deck:position']?.elapsed).toBeGreaterThan(0);
  return seen;
}

describe('a restart of the kit', () => {
  it('after kill -9, shows the same slide, clock, pause, activity and results, with the threshold kept', async () => {
    dataDir = tempDataDir();
    const port = await freePort();
    const phones = Array.from({ length: 5 }, device);
    const running = await start(port, '--threshold', '5');
    const before = await workshop(running.url, phones);
    // The deck says where it is again (it does on every connect): the clock as of now is
    // stored, since a crash loses what the current slide ran after the last write.
    const deck = keep(await host(running.url, HOST_KEY));
    expect(await deck.socket.emitWithAck('deck:at', { slide: '2.3', plan: '90' })).toEqual({ ok: true });
    for (const s of sockets.splice(0)) s.close();

    await running.kill();
    // Started again as a facilitator would, without --threshold: the workshop keeps its 5.
    const again = await start(port);
    const after = await look(again.url, phones[0] ?? '');
    expectSame(before, after);
    expect(again.output()).not.toContain('keeps the threshold');
    // The report, too, counts with the workshop's own threshold.
    expect((await report(again.url, after.host.state.code)).activities.find((a) => a.id === CHECK)).toMatchObject({ threshold: 5, results: { kind: 'options', counts: [1, 3, 1] } });
  });

  it('after Ctrl+C, says where the answers are, and shows the same as before once started again', async () => {
    dataDir = tempDataDir();
    const port = await freePort();
    const phones = Array.from({ length: 5 }, device);
    const running = await start(port, '--threshold', '5');
    const before = await workshop(running.url, phones);
    for (const s of sockets.splice(0)) s.close();

    const printed = await running.interrupt();
    expect(printed).toContain(`Stopped. Answers are kept in ${dataDir}; npm start resumes this workshop.`);
    // Another --threshold at a resume: the workshop keeps its own and says so, once.
    const again = await start(port, '--threshold', '8');
    expect(again.output().match(/keeps the threshold/g)).toEqual(['keeps the threshold']);
    expect(again.output()).toContain('keeps the threshold it started with, 5 (not --threshold 8); npm start -- --new starts a workshop with another threshold.');
    const after = await look(again.url, phones[0] ?? '');
    expectSame(before, after);
  });
});
