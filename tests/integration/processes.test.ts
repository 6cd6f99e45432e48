/**
 * Two real kit processes (node, as `npm start` runs them) sharing one real redis-server:
 * phones on either see the same room, a process killed mid-burst loses no acknowledged
 * answer and counts none twice, and neither does a Redis restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { RedisClientType } from 'redis';
import { activityKeys } from '../../server/redis/ballots.ts';
import { listWorkshops } from '../../server/redis/workshop-records.ts';
import type { Report } from '../../server/report/model.ts';
import { PROTOCOL_VERSION, type QaBoard, type QaQueue, type Snapshot } from '../../server/protocol.ts';
import { attendee, host, newDevice, snapshotWhere, type Client } from '../helpers/clients.ts';
import { startKit, type KitProcess } from '../helpers/kit-process.ts';
import { redisClient, startRedis, type RunningRedis } from '../helpers/redis.ts';

const HOST_KEY = 'two-processes-host-key';
const CHECK = 'check-force.after';
const SIGNS = 'reflect-signs.after';
let redis: RunningRedis;
let client: RedisClientType;
let kits: KitProcess[] = [];
const sockets: Client[] = [];

beforeAll(async () => {
  redis = await startRedis();
  client = await redisClient(redis.url);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const k of kits.splice(0)) await k.kill();
  await client.flushAll();
});
afterAll(async () => {
  await client?.quit().catch(() => undefined);
  await redis?.stop();
});

/** Two processes, started one after the other (the first builds the server when it must). */
async function twoKits(): Promise<[KitProcess, KitProcess]> {
  const one = await startKit(redis.url, HOST_KEY);
  const two = await startKit(redis.url, HOST_KEY);
  kits = [one, two];
  return [one, two];
}

const keep = <T extends { socket: Client }>(c: T): T => (sockets.push(c.socket), c);

/** The ballots Redis holds for an activity of the running workshop. */
async function storedBallots(activityId: string): Promise<number> {
  const [workshop] = await listWorkshops(client);
  return client.hLen(activityKeys(workshop?.id ?? '', activityId).ballots);
}

/**
 * A phone as the phone page behaves behind a load balancer: when its process goes away it
 * connects again (here, to the process still running) with the same device token, and
 * resends its answer until it is acknowledged.
 */
class Phone {
  socket: Client | undefined;
  acked: unknown;
  constructor(
    readonly device: string,
    private url: string,
    private readonly fallback: string,
  ) {}

  private connect(): Promise<Client> {
    const socket: Client = io(this.url, { forceNew: true, transports: ['websocket'], reconnection: false, auth: { v: PROTOCOL_VERSION, device: this.device } });
    sockets.push(socket);
    this.socket = socket;
    return new Promise((ok, fail) => {
      socket.once('room:state', () => ok(socket));
      socket.once('connect_error', fail);
      // The process died between the websocket opening and the room's state.
      socket.io.once('close', () => fail(new Error('closed')));
    });
  }

  async answer(activityId: string, value: number): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        const socket = this.socket?.connected ? this.socket : await this.connect();
        const ack = (await socket.timeout(3000).emitWithAck('answer:submit', { activityId, value })) as { ok: boolean };
        if (ack.ok) {
          this.acked = value;
          return;
        }
      } catch {
        // The process went away (or did not answer in time): the load balancer sends us elsewhere.
        this.socket?.close();
        this.url = this.fallback;
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`${this.device} was never acknowledged`);
  }
}

describe('two kit processes on one Redis', () => {
  it('run one room: phones on both answer, and both presenters see the same tallies, questions and pause', async () => {
    const [one, two] = await twoKits();
    const deckOne = keep(await host(one.url, HOST_KEY));
    const deckTwo = keep(await host(two.url, HOST_KEY));
    expect(deckOne.state.code).toBe(deckTwo.state.code);
    expect(await deckOne.socket.emitWithAck('activity:open', { activityId: CHECK })).toEqual({ ok: true });

    const phones = await Promise.all(Array.from({ length: 24 }, (_, i) => attendee(i % 2 ? one.url : two.url).then(keep)));
    // Every phone, on either process, was told the activity is open (the deck opened it on one).
    expect(phones.every((p) => p.state.current?.activity.id === CHECK)).toBe(true);
    const acks = await Promise.all(phones.map((p, i) => p.socket.emitWithAck('answer:submit', { activityId: CHECK, value: i % 3 })));
    expect(acks.every((a) => (a as { ok: boolean }).ok)).toBe(true);

    const revealedOne = snapshotWhere(deckOne.socket, CHECK, (s) => s.revealed && s.total === 24);
    const revealedTwo = snapshotWhere(deckTwo.socket, CHECK, (s) => s.revealed && s.total === 24);
    const phoneSees = snapshotWhere(phones[1]?.socket as Client, CHECK, (s) => s.revealed && s.results !== null);
    expect(await deckTwo.socket.emitWithAck('activity:reveal', { activityId: CHECK })).toEqual({ ok: true });
    const [a, b, p] = await Promise.all([revealedOne, revealedTwo, phoneSees]);
    expect(a.results).toEqual(b.results);
    expect(p.results).toEqual(a.results);
    expect(a.results).toEqual({ kind: 'options', counts: [8, 8, 8] });
    expect(await storedBallots(CHECK)).toBe(24);

    // A question asked on one process reaches the console on the other; once approved, every phone.
    const queued = new Promise<QaQueue>((ok) => deckOne.socket.on('qa:queue', (q) => q.questions.length > 0 && ok(q)));
    expect(await phones[0]?.socket.emitWithAck('question:ask', { text: 'How do I talk with my son about online games?' })).toMatchObject({ ok: true });
    const id = (await queued).questions[0]?.id ?? '';
    const boardOnTwo = new Promise<QaBoard>((ok) => phones[2]?.socket.on('qa:board', (board) => board.questions.length > 0 && ok(board)));
    expect(await deckOne.socket.emitWithAck('question:moderate', { questionId: id, action: 'approve' })).toEqual({ ok: true });
    expect((await boardOnTwo).questions.map((q) => q.text)).toEqual(['How do I talk with my son about online games?']);

    // The pause, from a console on one process, reaches phones on both; a phone joining later knows it.
    const pausedOnOne = new Promise((ok) => phones[1]?.socket.once('room:paused', ok));
    expect(await deckTwo.socket.emitWithAck('room:pause', { paused: true })).toEqual({ ok: true });
    expect(await pausedOnOne).toEqual({ paused: true });
    expect(keep(await attendee(one.url)).greeting['room:paused']).toEqual({ paused: true });

    // Where the deck is, said by the deck on one process, is where a console on the other starts;
    // it counts the phones connected to both processes (24 + 1), and all who joined.
    expect(await deckOne.socket.emitWithAck('deck:at', { slide: '2.3', plan: '90' })).toEqual({ ok: true });
    const consoleTwo = keep(await host(two.url, HOST_KEY));
    expect(consoleTwo.greeting['deck:position']?.slide).toBe('2.3');
    expect(consoleTwo.greeting['room:count']?.connected).toBe(25);

    // The report, from either process, counts what was answered through both.
    const login = await fetch(`${two.url}/report?key=${HOST_KEY}`, { redirect: 'manual' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const read = async (): Promise<Report> => (await (await fetch(`${one.url}/report/${deckOne.state.code}.json`, { headers: { cookie } })).json()) as Report;
    // Joins are written in batches, at most a second apart.
    let report = await read();
    while (report.joined < 25) report = await new Promise((ok) => setTimeout(ok, 200)).then(read);
    expect(report.activities.find((x) => x.id === CHECK)).toMatchObject({ total: 24, results: { kind: 'options', counts: [8, 8, 8] } });
    expect(report).toMatchObject({ joined: 25, questionsAsked: 1, questions: [{ text: 'How do I talk with my son about online games?', votes: 0, answered: false }] });
    expect(report.minutes).not.toBeNull();

    // Votes from phones on both processes count once each, on the board and in the report.
    expect(await phones[1]?.socket.emitWithAck('question:vote', { questionId: id, on: true })).toEqual({ ok: true, votes: 1 });
    expect(await phones[2]?.socket.emitWithAck('question:vote', { questionId: id, on: true })).toEqual({ ok: true, votes: 2 });
    expect(await phones[2]?.socket.emitWithAck('question:vote', { questionId: id, on: true })).toEqual({ ok: true, votes: 2 });
    expect(keep(await attendee(one.url)).greeting['qa:board']?.questions[0]?.votes).toBe(2);
    expect((await read()).questions).toEqual([{ text: 'How do I talk with my son about online games?', votes: 2, answered: false }]);
  });

  it('lose no acknowledged answer and count none twice when one process is killed mid-burst', async () => {
    const [one, two] = await twoKits();
    const deck = keep(await host(two.url, HOST_KEY));
    const seen: Snapshot[] = [];
    deck.socket.on('activity:snapshot', (s) => s.activityId === SIGNS && seen.push(s));
    await deck.socket.emitWithAck('activity:open', { activityId: SIGNS });
    const phones = Array.from({ length: 60 }, (_, i) => new Phone(newDevice(), i % 2 ? one.url : two.url, two.url));
    const burst = Promise.all(phones.map((p, i) => new Promise((ok) => setTimeout(ok, i * 5)).then(() => p.answer(SIGNS, 1 + (i % 5)))));
    await new Promise((ok) => setTimeout(ok, 120));
    await one.kill();
    await burst;

    // Phones that had answered before the kill resend after moving: confirmed, not counted again.
    for (const p of phones.slice(0, 10)) await p.answer(SIGNS, p.acked as number);
    expect(await storedBallots(SIGNS)).toBe(60);
    const again = keep(await host(two.url, HOST_KEY));
    expect(again.state.snapshots?.find((s) => s.activityId === SIGNS)?.total).toBe(60);
    // The deck on the surviving process was sent the final count (by whichever process leads).
    while (seen.at(-1)?.total !== 60) await new Promise((ok) => setTimeout(ok, 50));
    // Each phone, back on the other process, is shown its own answer.
    for (const p of phones.slice(0, 6)) expect((await attendee(two.url, p.device).then(keep)).state.mine).toBe(p.acked);
  });

  it('lose no acknowledged answer when Redis is killed and restarted mid-burst', async () => {
    const [one, two] = await twoKits();
    const deck = keep(await host(one.url, HOST_KEY));
    await deck.socket.emitWithAck('activity:open', { activityId: SIGNS });
    const phones = Array.from({ length: 60 }, (_, i) => new Phone(newDevice(), i % 2 ? one.url : two.url, i % 2 ? one.url : two.url));
    const burst = Promise.all(phones.map((p, i) => new Promise((ok) => setTimeout(ok, i * 5)).then(() => p.answer(SIGNS, 1 + (i % 5)))));
    await new Promise((ok) => setTimeout(ok, 120));
    await redis.crashAndRestart();
    await burst;
    expect(phones.every((p) => p.acked !== undefined)).toBe(true);
    expect(await storedBallots(SIGNS)).toBe(60);
    const again = keep(await host(two.url, HOST_KEY));
    expect(again.state.snapshots?.find((s) => s.activityId === SIGNS)?.total).toBe(60);
  });
});
