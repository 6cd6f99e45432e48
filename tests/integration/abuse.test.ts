import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../server/protocol.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import { newWorkshop } from '../../server/workshops.ts';
import { attendee, connect, host, newDevice, type Client } from '../helpers/clients.ts';
import { rawConnect, type Raw } from '../helpers/raw-socket.ts';
import { startServer, tempDataDir, type Running } from '../helpers/server.ts';

const KC = 'check-force.before';
let running: Running | undefined;
const sockets: Client[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await running?.close();
  running = undefined;
});

/** A server with two workshops, KC open in the default one, and one stored answer in each. */
async function busyServer(limits?: { eventsPerSecond: number; refusalsBeforeDisconnect: number }) {
  const dataDir = tempDataDir();
  const setup = openSqliteStore(dataDir);
  const other = newWorkshop(setup, 1);
  newWorkshop(setup, 2);
  setup.close();
  const r = await startServer(dataDir, limits ? { limits } : {});
  running = r;
  for (const [key, code] of [[r.app.hostKey, undefined], [other.hostKey, other.code]] as const) {
    const h = await host(r.url, key, code);
    sockets.push(h.socket);
    await h.socket.emitWithAck('activity:open', { activityId: KC });
    if (code === undefined) {
      const phone = await attendee(r.url, newDevice());
      sockets.push(phone.socket);
      expect((await phone.socket.emitWithAck('answer:submit', { activityId: KC, value: 1 })).ok).toBe(true);
    } else {
      // A past workshop takes no phone (only the running one does): its answer was given back then.
      expect((await r.app.rooms.byJoinCode(code)?.submit('a-phone-of-back-then', KC, 1))?.ok).toBe(true);
    }
  }
  const everything = () => r.app.rooms.all().map((room) => ({ stored: r.store.loadRoom(room.record.id), state: room.hostState() }));
  return { r, other, everything };
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  return { next, int, pick };
}

function junkValue(rnd: ReturnType<typeof random>, depth = 0): unknown {
  const kinds = ['num', 'str', 'bool', 'null', 'arr', 'obj', 'proto', 'big', 'deep', 'float', 'neg'];
  switch (rnd.pick(depth > 2 ? kinds.slice(0, 4) : kinds)) {
    case 'num':
      return rnd.int(10) + 3;
    case 'float':
      return rnd.next() * 3;
    case 'neg':
      return -rnd.int(100) - 1;
    case 'str':
      return 'x'.repeat(rnd.int(50));
    case 'bool':
      return rnd.next() < 0.5;
    case 'null':
      return null;
    case 'arr':
      return Array.from({ length: rnd.int(4) }, () => junkValue(rnd, depth + 1));
    case 'obj':
      return { [rnd.pick(['activityId', 'value', 'x', 'hostKey', 'toString'])]: junkValue(rnd, depth + 1) };
    case 'proto':
      return JSON.parse(rnd.pick(['{"__proto__":{"ok":true}}', '{"constructor":{"prototype":{"admin":true}}}', '{"activityId":"__proto__","value":1}', '{"activityId":"constructor","value":0}']));
    case 'big':
      return 'y'.repeat(2000 + rnd.int(12_000));
    default:
      return JSON.parse('['.repeat(2000) + ']'.repeat(2000));
  }
}

/**
 * One malformed packet (never a valid answer). `acked` packets are well-formed socket.io
 * frames carrying junk, which the server must refuse with an error ack; the others break
 * the transport itself (bad framing, invalid UTF-8, stray binary), which ends the connection.
 */
function junkPacket(rnd: ReturnType<typeof random>, ackId: number): { frames: (string | Buffer)[]; acked: boolean } {
  const payload = (): unknown => {
    const v = junkValue(rnd);
    return rnd.next() < 0.5 ? v : { activityId: rnd.pick([KC, 'nope', 'reflect-signs.after', '', 'x'.repeat(90)]), value: v };
  };
  const event = (name: string, ...args: unknown[]) => ({ frames: [`42${ackId}${JSON.stringify([name, ...args])}`], acked: true });
  switch (rnd.int(10)) {
    case 0:
      return event('answer:submit', payload());
    case 1:
      return event(rnd.pick(['activity:reveal', 'activity:reset', 'activity:open', 'room:idle', 'activity:lock']), payload());
    case 2:
      return event(rnd.pick(['admin:drop', '__proto__', 'constructor', 'hasOwnProperty', 'x'.repeat(500)]), payload());
    case 3:
      return event('answer:submit', payload(), payload());
    case 4:
      return event('answer:submit', { activityId: KC, value: rnd.pick([3, -1, 1.5, '1', [1], true, null, 'one', 4, 1e9]) });
    case 5:
      return event('answer:submit', { activityId: KC, value: 0, extra: junkValue(rnd) });
    case 6:
      // A binary attachment where a number belongs.
      return { frames: [`451-${ackId}["answer:submit",{"activityId":"${KC}","value":{"_placeholder":true,"num":0}}]`, Buffer.from([1, 2, 3])], acked: true };
    case 7:
      return { frames: [rnd.pick(['4', '5', '1', '42', '43', '4[]', '42[]', '42{}', '42"x"', '49', '4x', '9', '440', `42${ackId}["answer:submit",{"value":${'['.repeat(20)}`])], acked: false };
    case 8:
      return { frames: [Buffer.from([rnd.int(256), rnd.int(256), rnd.int(256)])], acked: false };
    default:
      // Invalid UTF-8 in a text frame.
      return { frames: [Buffer.from([0x34, 0x32, 0xff, 0xfe, 0xfd])], acked: false };
  }
}

const count = (errors: Map<string, number>, replies: Iterable<unknown>): void => {
  for (const reply of replies) {
    const code = (reply as { error?: string }).error ?? 'ok';
    errors.set(code, (errors.get(code) ?? 0) + 1);
  }
};

describe('fuzzing', () => {
  it('survives 10,000 malformed packets from several connections, changes nothing, and still serves honest phones', async () => {
    // Limits raised so that the packets reach the validator rather than the flood guard.
    const { r, everything } = await busyServer({ eventsPerSecond: 1_000_000, refusalsBeforeDisconnect: 1_000_000 });
    const before = everything();
    const rnd = random(20261128);
    const PACKETS = 10_000;
    const LANES = 8;
    let sent = 0;
    let brokenTransports = 0;
    const errors = new Map<string, number>();
    const lanes = Array.from({ length: LANES }, async (_, lane) => {
      let raw: Raw | undefined;
      let waiting: number[] = [];
      const settle = async (): Promise<void> => {
        // Wait for the refusals of what was sent, then tally them.
        for (let i = 0; i < 100 && raw?.isOpen() && waiting.some((id) => !raw?.replies.has(id)); i++) await new Promise((ok) => setTimeout(ok, 10));
        count(errors, raw?.replies.values() ?? []);
        raw?.replies.clear();
        waiting = [];
      };
      for (let i = lane; i < PACKETS; i += LANES) {
        if (!raw?.isOpen()) raw = await rawConnect(r.port, { v: PROTOCOL_VERSION, device: newDevice() });
        const packet = junkPacket(rnd, i);
        if (!packet.acked) await settle();
        for (const frame of packet.frames) raw.ws.send(frame, { binary: Buffer.isBuffer(frame) });
        sent += 1;
        if (packet.acked) waiting.push(i);
        else {
          await Promise.race([raw.closed, new Promise((ok) => setTimeout(ok, 50))]);
          if (!raw.isOpen()) brokenTransports += 1;
        }
        if (waiting.length >= 25) await settle();
      }
      await settle();
      raw?.ws.close();
    });
    await Promise.all(lanes);

    expect(sent).toBe(PACKETS);
    // The packets reached the validator, and not one was taken as an answer or a command.
    expect(errors.get('ok')).toBeUndefined();
    for (const code of ['BAD_REQUEST', 'BAD_ANSWER', 'NOT_HOST', 'UNKNOWN_EVENT', 'UNKNOWN_ACTIVITY']) expect(errors.get(code) ?? 0, code).toBeGreaterThan(0);
    expect([...errors.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(5000);
    expect(brokenTransports).toBeGreaterThan(100);

    expect(everything()).toStrictEqual(before);
    expect(await (await fetch(`${r.url}/healthz`)).json()).toEqual({ ok: true });
    const honest = await attendee(r.url);
    sockets.push(honest.socket);
    expect(await honest.socket.emitWithAck('answer:submit', { activityId: KC, value: 2 })).toEqual({ ok: true, value: 2 });
  });
});

describe('flooding', () => {
  it('slows a client sending 1,000 events a second, then disconnects it, while honest phones are all served', async () => {
    const { r } = await busyServer();
    const flooder = await attendee(r.url);
    sockets.push(flooder.socket);
    const refusals: string[] = [];
    const gone = new Promise<string>((ok) => flooder.socket.once('disconnect', ok));
    const timer = setInterval(() => {
      for (let i = 0; i < 10; i++) {
        flooder.socket.emit('answer:submit', { activityId: KC, value: i % 3 }, (result: { ok: boolean; error?: string }) => {
          if (!result.ok && result.error) refusals.push(result.error);
        });
      }
    }, 10);
    const honest = await Promise.all(Array.from({ length: 20 }, () => attendee(r.url)));
    for (const h of honest) sockets.push(h.socket);
    const results = await Promise.all(honest.map((h, i) => h.socket.emitWithAck('answer:submit', { activityId: KC, value: i % 3 })));
    const reason = await gone;
    clearInterval(timer);

    expect(refusals.length).toBeGreaterThan(0);
    expect(new Set(refusals)).toEqual(new Set(['RATE_LIMITED']));
    expect(reason).toBe('io server disconnect');
    expect(r.app.stats.floodDisconnects).toBe(1);
    expect(results.every((x) => x.ok)).toBe(true);
  });

  it("refuses the facilitator's excess but never cuts the facilitator off, however fast the deck moves", async () => {
    const { r } = await busyServer();
    const deck = await host(r.url, r.app.hostKey);
    sockets.push(deck.socket);
    let dropped = false;
    deck.socket.on('disconnect', () => (dropped = true));
    // 600 moves as fast as the socket takes them: far past the 20 a second a phone may send.
    const replies = await Promise.all(Array.from({ length: 600 }, (_, i) => deck.socket.emitWithAck('deck:at', { slide: `1.${i % 7}`, plan: '90' })));
    const refused = replies.filter((x) => !x.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map((x) => (x.ok ? '' : x.error)))).toEqual(new Set(['RATE_LIMITED']));
    expect(dropped).toBe(false);
    expect(deck.socket.connected).toBe(true);
    expect(r.app.stats.floodDisconnects).toBe(0);
    // Once the burst is over, the next command goes through on the same connection.
    await new Promise((ok) => setTimeout(ok, 1100));
    expect(await deck.socket.emitWithAck('activity:open', { activityId: KC })).toEqual({ ok: true });
  });
});

describe('hijacking', () => {
  it('lets no host action through without the key, whatever the payload', async () => {
    // Limits raised so that every attempt reaches the host check, not the flood guard.
    const { r, everything } = await busyServer({ eventsPerSecond: 10_000, refusalsBeforeDisconnect: 10_000 });
    const before = everything();
    const phone = await attendee(r.url);
    sockets.push(phone.socket);
    const emit = phone.socket.emitWithAck as unknown as (e: string, ...a: unknown[]) => Promise<{ ok: boolean; error?: string }>;
    const payloads = [{ activityId: KC }, { activityId: KC, hostKey: r.app.hostKey }, {}, { role: 'host' }, null, 'x', [KC], { activityId: 'reflect-signs.after' }];
    for (const event of ['activity:open', 'activity:lock', 'activity:unlock', 'activity:reveal', 'activity:hide', 'activity:reset', 'room:idle']) {
      for (const p of payloads) expect(await emit.call(phone.socket, event, p)).toEqual({ ok: false, error: 'NOT_HOST' });
    }
    for (const auth of [{ hostKey: '' }, { hostKey: r.app.hostKey.slice(0, -1) }, { hostKey: [r.app.hostKey] }, { hostKey: r.app.hostKey, role: 'host' }, { role: 'host' }, { hostKey: 'k'.repeat(5000) }]) {
      await expect(connect(r.url, auth)).rejects.toThrow(/BAD_HOST_KEY|BAD_HANDSHAKE/);
    }
    expect(everything()).toStrictEqual(before);
  });

  it('refuses a websocket and a polling request from a foreign Origin', async () => {
    const { r } = await busyServer();
    // engine.io answers a refused websocket upgrade with 400 and a refused poll with 403.
    await expect(rawConnect(r.port, { v: PROTOCOL_VERSION, device: newDevice() }, { origin: 'http://evil.example' })).rejects.toThrow(/Unexpected server response: 40[03]/);
    const poll = await fetch(`${r.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'http://evil.example' } });
    expect(poll.status).toBe(403);
    const ok = await fetch(`${r.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: r.url } });
    expect(ok.status).toBe(200);
  });

  it('refuses wrong keys past the limit at once, unchecked, and never the laptop itself', async () => {
    // Served over HTTPS behind a proxy on the same machine, the only way the host key is taken
    // from elsewhere than the laptop.
    running = await startServer(tempDataDir(), { publicUrl: new URL('https://kit.example.org/') });
    const r = running;
    // Guesses from another machine, relayed over HTTPS by the proxy (which names the address it saw).
    const fromLan = { extraHeaders: { 'x-forwarded-for': '192.0.2.44', 'x-forwarded-proto': 'https' } };
    const attempts = 8;
    const outcomes = await Promise.allSettled(Array.from({ length: attempts }, () => connect(r.url, { hostKey: `wrong-key-${'x'.repeat(12)}` }, fromLan)));
    expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'connected'))).toEqual(Array(attempts).fill('Error: BAD_HOST_KEY'));
    expect(r.app.stats.refusedHostKeys).toBe(attempts - 5);
    // Past the limit even the right key is not looked at from there...
    await expect(connect(r.url, { hostKey: r.app.hostKey }, fromLan)).rejects.toThrow('BAD_HOST_KEY');
    // ...while the facilitator's laptop is never locked out by someone else's guesses.
    const real = await host(r.url, r.app.hostKey);
    sockets.push(real.socket);
    expect(real.state.role).toBe('host');
  });
});

describe('oversized input', () => {
  it('refuses an oversized handshake, payload, URL and headers without falling over', async () => {
    const { r, everything } = await busyServer();
    const before = everything();
    await expect(connect(r.url, { device: newDevice(), pad: 'p'.repeat(20_000) })).rejects.toThrow();

    const phone = await attendee(r.url);
    sockets.push(phone.socket);
    const dropped = new Promise<string>((ok) => phone.socket.once('disconnect', ok));
    phone.socket.emit('answer:submit', { activityId: KC, value: 'z'.repeat(20_000) }, () => undefined);
    expect(await dropped).toMatch(/transport (close|error)/);

    const longUrl = await fetch(`${r.url}/?${'q'.repeat(20_000)}`).then((res) => res.status, () => 'reset');
    expect([431, 414, 'reset']).toContain(longUrl);
    const bigHeader = await fetch(`${r.url}/`, { headers: { 'x-pad': 'h'.repeat(20_000) } }).then((res) => res.status, () => 'reset');
    expect([431, 'reset']).toContain(bigHeader);
    const bigPoll = await fetch(`${r.url}/socket.io/?EIO=4&transport=polling`).then((res) => res.text());
    const sid = (JSON.parse(bigPoll.slice(1)) as { sid: string }).sid;
    const post = await fetch(`${r.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', body: 'x'.repeat(40_000) });
    expect(post.status).toBeGreaterThanOrEqual(400);

    expect(everything()).toStrictEqual(before);
    expect(await (await fetch(`${r.url}/healthz`)).json()).toEqual({ ok: true });
    const honest = await attendee(r.url);
    sockets.push(honest.socket);
    expect((await honest.socket.emitWithAck('answer:submit', { activityId: KC, value: 0 })).ok).toBe(true);
  });
});
