/**
 * A 15 s Redis outage in the middle of a burst, with two real kit processes and a real
 * redis-server (killed with -9, started again on the same folder 15 s later): what phones and
 * the facilitator send while Redis is away waits for it (--redis-wait, 30 s by default) and is
 * acknowledged once stored. No STORAGE, and every answer counted once, also for phones that
 * behave as the phone page does (no ack in 8 s: connect again, resend).
 */
import { describe, expect, it } from 'vitest';
import { activityKeys } from '../../server/redis/ballots.ts';
import { qaKey } from '../../server/redis/redis-qa.ts';
import { listWorkshops } from '../../server/redis/workshop-records.ts';
import { attendee, host, newDevice, type Client } from '../helpers/clients.ts';
import { startKit } from '../helpers/kit-process.ts';
import { redisSuite } from '../helpers/redis-suite.ts';

const HOST_KEY = 'redis-outage-host-key';
const SIGNS = 'reflect-signs.after';
const CHECK = 'check-force.after';
const PHONES = 160;
/** Phones that answered before Redis went away; the others answer while it is away. */
const BEFORE = 40;
const OUTAGE_MS = 15_000;
/** The phone page's request ends after this long without an ack (client/connection/socket.ts). */
const PHONE_PAGE_ACK_MS = 8000;

/** Redis down, until it is started again. */
let outage: Promise<void> | undefined;
const suite = redisSuite(async () => {
  await outage;
  outage = undefined;
});

type Ack = { ok: boolean; error?: string; value?: unknown; votes?: number };

/** Every ack any phone or deck received, to look for STORAGE among them. */
const acks: Ack[] = [];

/** A phone that waits for its ack as long as it takes (a socket.io client with no timeout). */
async function patient(socket: Client, value: number): Promise<Ack> {
  const ack = (await socket.emitWithAck('answer:submit', { activityId: SIGNS, value })) as Ack;
  acks.push(ack);
  return ack;
}

/**
 * A phone as the phone page is: no ack within 8 s, and it connects again with the same device
 * token (its greeting waits for Redis too) and resends, until acknowledged.
 */
async function asThePhonePage(url: string, device: string, first: Client, value: number): Promise<Ack> {
  let socket = first;
  for (;;) {
    try {
      const ack = (await socket.timeout(PHONE_PAGE_ACK_MS).emitWithAck('answer:submit', { activityId: SIGNS, value })) as Ack;
      acks.push(ack);
      if (ack.ok) return ack;
    } catch {
      socket.close();
      socket = suite.keep(await attendee(url, device)).socket;
    }
  }
}

async function workshopId(): Promise<string> {
  const [workshop] = await listWorkshops(suite.client);
  return workshop?.id ?? '';
}

describe('a 15 s Redis outage in the middle of a burst, on two kit processes', () => {
  it('refuses nothing with STORAGE: every answer, question, vote and command is acknowledged once stored, each counted once', { timeout: 180_000 }, async () => {
    const one = await startKit(suite.redis.url, HOST_KEY);
    const two = await startKit(suite.redis.url, HOST_KEY);
    suite.kits.push(one, two);
    const deck = suite.keep(await host(one.url, HOST_KEY));
    expect(await deck.socket.emitWithAck('activity:open', { activityId: SIGNS })).toEqual({ ok: true });

    // Before the outage: a question on the board, for a vote while Redis is away.
    const asker = suite.keep(await attendee(two.url));
    expect(await asker.socket.emitWithAck('question:ask', { text: 'Where can a parent call at night?' })).toMatchObject({ ok: true });
    const asked = suite.keep(await host(two.url, HOST_KEY)).greeting['qa:queue']?.questions[0]?.id ?? '';
    expect(await deck.socket.emitWithAck('question:moderate', { questionId: asked, action: 'approve' })).toEqual({ ok: true });

    const devices = Array.from({ length: PHONES }, () => newDevice());
    const urls = devices.map((_, i) => (i % 2 ? one.url : two.url));
    const phones: Client[] = [];
    for (let i = 0; i < PHONES; i += 40) phones.push(...(await Promise.all(devices.slice(i, i + 40).map((d, j) => attendee(urls[i + j] ?? '', d).then((p) => suite.keep(p).socket)))));
    const valueOf = (i: number): number => 1 + (i % 5);

    // The burst: one answer every 20 ms; Redis is killed once BEFORE phones have sent theirs,
    // and started again 15 s later, so the rest are sent while it is away. Every fourth phone
    // behaves as the phone page does.
    const answered = phones.map(async (socket, i) => {
      await new Promise((ok) => setTimeout(ok, i * 20));
      if (i === BEFORE) outage = suite.redis.crashAndRestart(OUTAGE_MS);
      return i >= BEFORE && i % 4 === 0 ? asThePhonePage(urls[i] ?? '', devices[i] ?? '', socket, valueOf(i)) : patient(socket, valueOf(i));
    });
    while (!outage) await new Promise((ok) => setTimeout(ok, 20));

    // While Redis is away: a question, a vote, and the facilitator's commands.
    const during = {
      ask: asker.socket.emitWithAck('question:ask', { text: 'Is there help in Spanish?' }),
      vote: phones[1]?.emitWithAck('question:vote', { questionId: asked, on: true }),
      lock: deck.socket.emitWithAck('activity:lock', { activityId: CHECK }),
      pause: deck.socket.emitWithAck('room:pause', { paused: true }),
    };
    await outage;
    const results = await Promise.all(answered);

    expect(acks.filter((a) => a.error === 'STORAGE')).toEqual([]);
    expect(results).toEqual(phones.map((_, i) => ({ ok: true, value: valueOf(i) })));
    expect(await during.ask).toEqual({ ok: true, flagged: false });
    expect(await during.vote).toEqual({ ok: true, votes: 1 });
    expect(await during.lock).toEqual({ ok: true });
    expect(await during.pause).toEqual({ ok: true });

    // Counted once: one ballot per phone, and the counts equal the ballots.
    const id = await workshopId();
    const keys = activityKeys(id, SIGNS);
    expect(await suite.client.hLen(keys.ballots)).toBe(PHONES);
    expect(await suite.client.hGet(keys.tally, 'total')).toBe(String(PHONES));
    // Every phone resends its answer (as after a lost ack): confirmed, not counted again.
    const again = await Promise.all(phones.map((s, i) => s.connected ? patient(s, valueOf(i)) : attendee(urls[i] ?? '', devices[i]).then((p) => patient(suite.keep(p).socket, valueOf(i)))));
    expect(again.every((a) => a.ok)).toBe(true);
    expect(await suite.client.hLen(keys.ballots)).toBe(PHONES);
    const fresh = suite.keep(await host(two.url, HOST_KEY));
    expect(fresh.state.snapshots?.find((s) => s.activityId === SIGNS)?.total).toBe(PHONES);
    expect(fresh.state.snapshots?.find((s) => s.activityId === CHECK)?.status).toBe('locked');
    expect(fresh.greeting['room:paused']).toEqual({ paused: true });

    // The question asked while Redis was away is stored once; the vote counts once.
    const texts = (await suite.client.lRange(qaKey(id), 0, -1)).map((e) => JSON.parse(e) as { type: string; text?: string }).filter((e) => e.type === 'question').map((e) => e.text);
    expect(texts).toEqual(['Where can a parent call at night?', 'Is there help in Spanish?']);
    expect(fresh.greeting['qa:queue']?.questions.find((q) => q.id === asked)?.votes).toBe(1);

    // The facilitator's log said so, once per outage.
    for (const kit of [one, two]) {
      expect(kit.output()).toContain('Redis is not answering');
      expect(kit.output()).toContain('Redis is back.');
    }
  });

  it('answers STORAGE only past the wait (--redis-wait); the answer sent again once Redis is back counts once', async () => {
    const kit = await startKit(suite.redis.url, HOST_KEY, ['--redis-wait', '1']);
    suite.kits.push(kit);
    const deck = suite.keep(await host(kit.url, HOST_KEY));
    expect(await deck.socket.emitWithAck('activity:open', { activityId: SIGNS })).toEqual({ ok: true });
    const phone = suite.keep(await attendee(kit.url)).socket;

    // Redis stays away until the phone has its answer: longer than the kit's one second.
    let answered: (ack: unknown) => void = () => undefined;
    outage = suite.redis.crashAndRestart(new Promise((ok) => (answered = ok)));
    const ack = await phone.emitWithAck('answer:submit', { activityId: SIGNS, value: 4 }).finally(() => answered(undefined));
    expect(ack).toEqual({ ok: false, error: 'STORAGE' });
    await outage;

    expect(await phone.emitWithAck('answer:submit', { activityId: SIGNS, value: 4 })).toEqual({ ok: true, value: 4 });
    const keys = activityKeys(await workshopId(), SIGNS);
    expect(await suite.client.hLen(keys.ballots)).toBe(1);
    expect(await suite.client.hGet(keys.tally, 'total')).toBe('1');
  });
});
