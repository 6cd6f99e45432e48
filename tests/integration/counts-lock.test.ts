/**
 * Counts that cannot be differenced (issue 18, finding 4), end to end: a reveal locks the
 * activity on the real server and on Redis, so the counts shown never move; reopening hides
 * them; a word typed after the close never shows; `npm run report -- --threshold 1` and purge
 * hold back what the workshop held back.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RedisClientType } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../server/content/content.ts';
import { DEFAULT_THRESHOLDS } from '../../server/core/workshop.ts';
import type { LearningGain, Snapshot } from '../../server/protocol.ts';
import { purgeWorkshop } from '../../server/purge/purge.ts';
import { activityKeys } from '../../server/redis/ballots.ts';
import { RedisRoom } from '../../server/redis/redis-room.ts';
import { buildReport } from '../../server/report/model.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import { newWorkshop, thresholdsOf } from '../../server/workshops.ts';
import { attendee, host, snapshotWhere, type Client } from '../helpers/clients.ts';
import { redisClient, startRedis, type RunningRedis } from '../helpers/redis.ts';
import { realActivities, realContent, ROOT, startServer, tempDataDir, type Running } from '../helpers/server.ts';

const SCENARIO = 'scenario-new-friend';
const WORDS = 'words-safe-to-tell';
const ROUND = 'check-force.after';
/** The review's example: ten answers [4, 3, 3, 0]. */
const TEN = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];

const sockets: Client[] = [];
const track = <T extends { socket: Client }>(c: T): T => (sockets.push(c.socket), c);
const dirs: string[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data folder whose workshop ran with `threshold`, kept with it, and the server on it. */
async function serverWith(threshold: number): Promise<Running> {
  const dataDir = tempDataDir();
  const store = openSqliteStore(dataDir);
  newWorkshop(store, Date.now(), threshold);
  store.close();
  return startServer(dataDir, { thresholds: thresholdsOf(threshold) });
}

describe('on the real server', () => {
  let running: Running;
  beforeAll(async () => {
    running = await serverWith(10);
  });
  afterAll(async () => {
    await running.close();
  });
  const stored = () => running.store.loadRoom(running.app.rooms.all()[0]?.record.id ?? '').ballots;

  it('a reveal locks: an 11th answer and a changed one are refused, and the counts on every screen stay', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    expect(await deck.socket.emitWithAck('activity:open', { activityId: SCENARIO })).toEqual({ ok: true });
    const phones = [];
    for (const value of TEN) {
      const phone = track(await attendee(running.url));
      expect(await phone.socket.emitWithAck('answer:submit', { activityId: SCENARIO, value })).toEqual({ ok: true, value });
      phones.push(phone);
    }
    const watcher = phones[0]?.socket as Client;
    const shown = snapshotWhere(watcher, SCENARIO, (s) => s.revealed);
    expect(await deck.socket.emitWithAck('activity:reveal', { activityId: SCENARIO })).toEqual({ ok: true });
    expect(await shown).toMatchObject({ status: 'locked', total: 10, results: { kind: 'options', counts: [4, 3, 3, 0] } });
    const ballots = stored();

    // Later snapshots are recorded: none may come with other counts.
    const later: Snapshot[] = [];
    watcher.on('activity:snapshot', (s) => void later.push(s));
    deck.socket.on('activity:snapshot', (s) => void later.push(s));
    const eleventh = track(await attendee(running.url));
    expect(await eleventh.socket.emitWithAck('answer:submit', { activityId: SCENARIO, value: 3 })).toEqual({ ok: false, error: 'NOT_OPEN' });
    expect(await phones[5]?.socket.emitWithAck('answer:submit', { activityId: SCENARIO, value: 0 })).toEqual({ ok: false, error: 'NOT_OPEN' });
    expect(stored()).toEqual(ballots);
    expect(running.app.rooms.all()[0]?.snapshot(SCENARIO)).toMatchObject({ total: 10, results: { kind: 'options', counts: [4, 3, 3, 0] } });
    // A round trip on both sockets: anything sent because of those answers has arrived by now.
    await deck.socket.emitWithAck('room:idle', {});
    expect(later.filter((s) => s.activityId === SCENARIO)).toEqual([]);

    // Reopening on purpose withdraws the reveal: the phones hide the results at once.
    expect(await deck.socket.emitWithAck('activity:open', { activityId: SCENARIO })).toEqual({ ok: true });
    const hidden = snapshotWhere(watcher, SCENARIO, (s) => !s.revealed);
    expect(await deck.socket.emitWithAck('activity:unlock', { activityId: SCENARIO })).toEqual({ ok: true });
    const reopened = await hidden;
    expect(reopened).toMatchObject({ status: 'open', revealed: false, results: null });
    expect(reopened).not.toHaveProperty('answer');
  });

  it('a word cloud counts only words given before it closed: a guess typed after is refused and never shows', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    expect(await deck.socket.emitWithAck('activity:open', { activityId: WORDS })).toEqual({ ok: true });
    const words = ['trust', 'trust', 'listen', 'listen', 'calm', 'calm', 'jessica', 'hope', 'hope', 'safe'];
    const phones = [];
    for (const value of words) {
      const phone = track(await attendee(running.url));
      expect((await phone.socket.emitWithAck('answer:submit', { activityId: WORDS, value })).ok).toBe(true);
      phones.push(phone);
    }
    const shown = snapshotWhere(phones[0]?.socket as Client, WORDS, (s) => s.revealed);
    await deck.socket.emitWithAck('activity:reveal', { activityId: WORDS });
    const cloud = (await shown).results;
    expect(JSON.stringify(cloud)).not.toContain('jessica');
    // Probing: type a guess; if someone else typed it, it would appear with a count of 2.
    const probe = track(await attendee(running.url));
    expect(await probe.socket.emitWithAck('answer:submit', { activityId: WORDS, value: 'Jessica' })).toEqual({ ok: false, error: 'NOT_OPEN' });
    expect(running.app.rooms.all()[0]?.snapshot(WORDS)?.results).toEqual(cloud);
    // Only the one phone that typed it before the close: the probe was never stored.
    expect(stored().filter((b) => b.activityId === WORDS && b.value === 'jessica')).toHaveLength(1);
  });

  it('a reveal ends a countdown to close the answers: they are closed already', async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    await deck.socket.emitWithAck('activity:open', { activityId: 'scenario-threats' });
    expect(await deck.socket.emitWithAck('countdown:set', { kind: 'close', activityId: 'scenario-threats', seconds: 60 })).toEqual({ ok: true });
    const phone = track(await attendee(running.url));
    expect(phone.greeting['countdown:update']).toMatchObject({ kind: 'close', activityId: 'scenario-threats' });
    const ended = new Promise((ok) => phone.socket.on('countdown:update', (c) => c.kind === 'none' && ok(c)));
    await deck.socket.emitWithAck('activity:reveal', { activityId: 'scenario-threats' });
    expect(await ended).toEqual({ kind: 'none' });
  });

  it("the deck's learning figures for a round stay empty while it is open, and appear once it is locked", async () => {
    const deck = track(await host(running.url, running.app.hostKey));
    const heard: LearningGain[] = [];
    deck.socket.on('learning:update', (g) => void heard.push(g));
    await deck.socket.emitWithAck('activity:open', { activityId: ROUND });
    for (const value of TEN) {
      const phone = track(await attendee(running.url));
      await phone.socket.emitWithAck('answer:submit', { activityId: ROUND, value: value % 3 });
    }
    const round = (g: LearningGain | undefined) => g?.checks.find((c) => c.id === 'check-force')?.after;
    expect(round(running.app.rooms.all()[0]?.learning())).toEqual({ total: 10, percent: null, open: true });
    expect(heard.every((g) => round(g)?.percent === null)).toBe(true);
    const locked = new Promise<LearningGain>((ok) => deck.socket.on('learning:update', (g) => round(g)?.percent !== null && ok(g)));
    await deck.socket.emitWithAck('activity:lock', { activityId: ROUND });
    expect(round(await locked)).toEqual({ total: 10, percent: 30 });
  });
});

describe('a workshop that ran with a threshold of 10', () => {
  /** A closed data folder: 9 phones answered one scenario, 10 another. */
  let dataDir: string;
  beforeAll(async () => {
    const running = await serverWith(10);
    dataDir = running.dataDir;
    const deck = track(await host(running.url, running.app.hostKey));
    for (const [activityId, n] of [
      ['scenario-new-friend', 9],
      ['scenario-older-boyfriend', 10],
    ] as const) {
      await deck.socket.emitWithAck('activity:open', { activityId });
      for (let i = 0; i < n; i++) {
        const phone = track(await attendee(running.url));
        expect((await phone.socket.emitWithAck('answer:submit', { activityId, value: i % 4 })).ok).toBe(true);
      }
    }
    for (const s of sockets.splice(0)) s.close();
    await running.close(true);
    dirs.push(dataDir);
  });

  it('npm run report -- --threshold 1 shows no counts under 10, and says why', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'csec-counts-')), 'report.html');
    dirs.push(join(out, '..'));
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/report.ts'), '--out', out, '--data-dir', dataDir, ...args], { cwd: ROOT, encoding: 'utf8' });
    const plain = run([]);
    expect(plain.status).toBe(0);
    const asKept = readFileSync(out, 'utf8');
    const lowered = run(['--threshold', '1']);
    expect(lowered.stderr).toBe('');
    expect(lowered.status).toBe(0);
    expect(lowered.stdout).toContain('ran with threshold 10');
    const html = readFileSync(out, 'utf8');
    expect(html).toBe(asKept);
    expect(html).toContain('Hidden: fewer than 10 answers');
    expect(html).not.toContain('fewer than 1 answers');

    // Whoever builds it (the /report pages too): never below the workshop's own.
    const store = openSqliteStore(dataDir);
    try {
      const record = store.listWorkshops().at(-1);
      if (!record) throw new Error('no workshop');
      const report = buildReport(store, realContent(), record, thresholdsOf(1));
      expect(report.thresholds).toEqual({ default: 10, text: 10 });
      expect(report.activities.find((a) => a.id === 'scenario-new-friend')).toMatchObject({ total: 9, threshold: 10, results: null });
      expect(report.activities.find((a) => a.id === 'scenario-older-boyfriend')).toMatchObject({ total: 10, results: { kind: 'options', counts: [3, 3, 2, 2] } });
      // Asking for more holds back more.
      expect(buildReport(store, realContent(), record, thresholdsOf(20)).activities.every((a) => a.results === null)).toBe(true);
    } finally {
      store.close();
    }
  });

  it('purge keeps only the total of an activity under 10: the data folder holds no small counts', () => {
    const store = openSqliteStore(dataDir);
    try {
      const record = store.listWorkshops().at(-1);
      if (!record) throw new Error('no workshop');
      const before = buildReport(store, realContent(), record, DEFAULT_THRESHOLDS);
      purgeWorkshop(store, realActivities(), record, Date.now());
      const kept = store.summaries(record.id);
      expect(kept.find((s) => s.activityId === 'scenario-new-friend')).toEqual({ activityId: 'scenario-new-friend', total: 9, tally: { counts: [], words: [], sum: 0 } });
      expect(kept.find((s) => s.activityId === 'scenario-older-boyfriend')).toMatchObject({ total: 10, tally: { counts: [3, 3, 2, 2] } });
      // The report reads the same after the purge.
      expect(buildReport(store, realContent(), record, DEFAULT_THRESHOLDS).activities).toEqual(before.activities);
    } finally {
      store.close();
    }
  });
});

describe('on Redis', () => {
  let redis: RunningRedis;
  const clients: RedisClientType[] = [];
  const catalog: ReadonlyMap<string, Activity> = new Map(realActivities().map((a) => [a.id, a]));
  const record = { id: 'w-lock', code: 'LOCK23', hostKey: 'k', salt: 'salt', createdAt: 1, threshold: 10 };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) await c.quit().catch(() => undefined);
    await redis?.stop();
  });

  /** One kit process's room on the shared Redis, with what it sends the decks. */
  async function processRoom(): Promise<{ room: RedisRoom; toHosts: { event: string; payload: unknown }[] }> {
    const [a, b] = [await redisClient(redis.url), await redisClient(redis.url)];
    clients.push(a, b);
    const room = new RedisRoom({ record, catalog, thresholds: DEFAULT_THRESHOLDS, redis: a, subscriber: b, clock: Date.now, joinUrl: () => '/' });
    const toHosts: { event: string; payload: unknown }[] = [];
    room.attach({ toHosts: (event, payload) => void toHosts.push({ event, payload }), toAttendees: () => undefined, attendeeCount: () => 0 });
    await room.start();
    return { room, toHosts };
  }

  it('a reveal locks there too (its state hash): no process takes an answer after it, and reopening hides', async () => {
    const one = await processRoom();
    const two = await processRoom();
    expect(await one.room.command('open', SCENARIO)).toEqual({ ok: true });
    for (const [i, value] of TEN.entries()) expect((await (i % 2 ? one : two).room.submit(`phone-${i}`, SCENARIO, value)).ok).toBe(true);
    expect(await one.room.command('reveal', SCENARIO)).toEqual({ ok: true });
    const state = clients[0] as RedisClientType;
    expect(await state.hGetAll(activityKeys(record.id, SCENARIO).state)).toEqual({ status: 'locked', revealed: '1' });
    const shown = await two.room.snapshot(SCENARIO);
    expect(shown).toMatchObject({ status: 'locked', revealed: true, total: 10, results: { kind: 'options', counts: [4, 3, 3, 0] } });

    expect(await two.room.submit('phone-10', SCENARIO, 3)).toEqual({ ok: false, error: 'NOT_OPEN' });
    expect(await one.room.submit('phone-5', SCENARIO, 0)).toEqual({ ok: false, error: 'NOT_OPEN' });
    // The same answer resent after a lost ack is still confirmed, and counted once.
    expect(await one.room.submit('phone-4', SCENARIO, 1)).toEqual({ ok: true, value: 1 });
    expect(await one.room.snapshot(SCENARIO)).toEqual(shown);

    expect(await two.room.command('unlock', SCENARIO)).toEqual({ ok: true });
    expect(await one.room.snapshot(SCENARIO)).toMatchObject({ status: 'open', revealed: false, results: null });
    expect(await one.room.submit('phone-10', SCENARIO, 3)).toEqual({ ok: true, value: 3 });
    one.room.stop();
    two.room.stop();
  });

  it('an activity stored as open and revealed (before a reveal locked) takes no answer', async () => {
    const one = await processRoom();
    await one.room.command('open', WORDS);
    await (clients[0] as RedisClientType).hSet(activityKeys(record.id, WORDS).state, { status: 'open', revealed: '1' });
    expect(await one.room.submit('probe', WORDS, 'jessica')).toEqual({ ok: false, error: 'NOT_OPEN' });
    one.room.stop();
  });

  it('learning figures: empty for a round while it is open, sent to the decks once it is locked', async () => {
    const one = await processRoom();
    await one.room.command('open', ROUND);
    for (const [i, value] of TEN.entries()) await one.room.submit(`phone-${i}`, ROUND, value % 3);
    const round = (g: unknown) => (g as LearningGain | undefined)?.checks.find((c) => c.id === 'check-force')?.after;
    expect(round(await one.room.learning())).toEqual({ total: 10, percent: null, open: true });
    one.toHosts.length = 0;
    await one.room.command('lock', ROUND);
    expect(round(one.toHosts.find((m) => m.event === 'learning:update')?.payload)).toEqual({ total: 10, percent: 30 });
    one.room.stop();
  });
});
