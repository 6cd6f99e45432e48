/**
 * Each change reaches each screen once: with two real kit processes on a real redis-server,
 * and with one process on its data folder. Every message a deck and a phone are sent is
 * recorded while an activity is opened, answered and revealed; then the screens are left
 * listening through two of the looks a process takes at the current activity after another
 * process's answers, and a snapshot the screen already had counts as a repeat.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RedisClientType } from 'redis';
import type { LearningGain, RoomState, Snapshot } from '../../server/protocol.ts';
import { attendee, host, snapshotWhere, type Client } from '../helpers/clients.ts';
import { startKit, type KitProcess } from '../helpers/kit-process.ts';
import { redisClient, startRedis, type RunningRedis } from '../helpers/redis.ts';
import { startServer, type Running } from '../helpers/server.ts';

const HOST_KEY = 'once-only-host-key-000';
const CHECK = 'check-force.after';
/** Enough phones for the results to show (the default threshold is 10). */
const PHONES = 12;
/** Longer than two looks at the current activity (every second): a late repeat would have come by then. */
const LISTEN_MS = 2500;

const sockets: Client[] = [];
const keep = <T extends { socket: Client }>(c: T): T => (sockets.push(c.socket), c);

/**
 * What one screen was sent of the activity, in order (alone, or inside a room's state: only
 * this activity moves here, so a room's state that carries it unchanged repeats it), and the
 * learning figures: every message equal to the one before it is a repeat.
 */
function record(socket: Client, greeting: RoomState) {
  const seen = { repeats: [] as string[], revealed: 0, snapshots: 0, learning: [] as string[], learningRepeats: 0 };
  let last = '';
  const carried = (s: RoomState): Snapshot | undefined => (s.snapshots ?? (s.current ? [s.current.snapshot] : [])).find((x) => x.activityId === CHECK);
  const see = (snap: Snapshot | undefined, how: string): void => {
    const json = JSON.stringify(snap ?? null);
    if (snap && json === last) seen.repeats.push(`${how} ${json}`);
    last = json;
  };
  see(carried(greeting), 'greeting');
  socket.on('room:state', (s) => see(carried(s), 'room:state'));
  socket.on('activity:snapshot', (snap) => {
    if (snap.activityId !== CHECK) return;
    seen.snapshots += 1;
    if (snap.revealed && snap.results !== null) seen.revealed += 1;
    see(snap, 'activity:snapshot');
  });
  socket.on('learning:update', (gain: LearningGain) => {
    const json = JSON.stringify(gain);
    if (seen.learning.at(-1) === json) seen.learningRepeats += 1;
    seen.learning.push(json);
  });
  return seen;
}

/** Opens, answers (one phone after another) and reveals, from decks on `urls`; every screen recorded. */
async function openAnswerReveal(deckUrls: [string, string], phoneUrls: readonly string[], hostKey: string) {
  const decks = await Promise.all(deckUrls.map((url) => host(url, hostKey).then(keep)));
  const phones = await Promise.all(phoneUrls.map((url) => attendee(url).then(keep)));
  const hostsSaw = decks.map((d) => record(d.socket, d.state));
  const phonesSaw = phones.map((p) => record(p.socket, p.state));
  const [first, second] = decks as [(typeof decks)[0], (typeof decks)[0]];

  const opened = Promise.all(phones.map((p) => new Promise((ok) => p.socket.once('room:state', ok))));
  expect(await first.socket.emitWithAck('activity:open', { activityId: CHECK })).toEqual({ ok: true });
  await opened;
  for (const [i, p] of phones.entries()) expect(await p.socket.emitWithAck('answer:submit', { activityId: CHECK, value: i % 3 })).toMatchObject({ ok: true });
  await Promise.all(decks.map((d) => snapshotWhere(d.socket, CHECK, (s) => s.total === PHONES)));
  const shown = phones.map((p) => snapshotWhere(p.socket, CHECK, (s) => s.revealed && s.results !== null));
  expect(await second.socket.emitWithAck('activity:reveal', { activityId: CHECK })).toEqual({ ok: true });
  await Promise.all(shown);
  await new Promise((ok) => setTimeout(ok, LISTEN_MS));
  return { hostsSaw, phonesSaw };
}

function expectOnce({ hostsSaw, phonesSaw }: Awaited<ReturnType<typeof openAnswerReveal>>): void {
  // Each phone: the revealed results once, and nothing it already showed.
  expect(phonesSaw.map((p) => p.revealed)).toEqual(phonesSaw.map(() => 1));
  expect(phonesSaw.flatMap((p) => p.repeats)).toEqual([]);
  // Each deck: one snapshot per change (open, the coalesced answers, the reveal), and each
  // learning figure once.
  for (const h of hostsSaw) {
    expect(h.repeats).toEqual([]);
    expect(h.learningRepeats).toBe(0);
    expect(h.snapshots).toBeGreaterThan(0);
  }
}

afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

describe('two kit processes on one Redis', () => {
  let redis: RunningRedis;
  let client: RedisClientType;
  let kits: KitProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    client = await redisClient(redis.url);
  });
  afterEach(async () => {
    for (const k of kits.splice(0)) await k.kill();
    await client.flushAll();
  });
  afterAll(async () => {
    await client?.quit().catch(() => undefined);
    await redis?.stop();
  });

  it('send each phone the revealed results once, and each deck each snapshot once', async () => {
    const one = await startKit(redis.url, HOST_KEY);
    const two = await startKit(redis.url, HOST_KEY);
    kits = [one, two];
    const seen = await openAnswerReveal(
      [one.url, two.url],
      Array.from({ length: PHONES }, (_, i) => (i % 2 ? one.url : two.url)),
      HOST_KEY,
    );
    expectOnce(seen);
  });
});

describe('one process on its data folder', () => {
  let running: Running | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('sends each phone the revealed results once, and each deck each snapshot once', async () => {
    running = await startServer();
    const { url } = running;
    expectOnce(await openAnswerReveal([url, url], Array.from({ length: PHONES }, () => url), running.app.hostKey));
  });
});
