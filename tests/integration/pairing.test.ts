/**
 * The console paired from the laptop (server/pairing/): a single-use code gives the phone a
 * credential of its own that moves the deck and moderates, over the venue's network, without
 * the host key; that credential opens no report, and a new pairing ends it. The host key
 * itself is refused over plain HTTP from another machine.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildLinks } from '../../server/links.ts';
import { pairingLines } from '../../server/pairing/terminal.ts';
import { attendee, connect, host, type Client } from '../helpers/clients.ts';
import { startLanKit, type LanKit } from '../helpers/lan-kit.ts';

type Kit = LanKit;

const open: Client[] = [];
let kit: Kit | undefined;

afterEach(async () => {
  for (const socket of open.splice(0)) socket.close();
  await kit?.close();
  kit = undefined;
});

const startKit = (clock: () => number = Date.now): Promise<Kit> => startLanKit({ clock });

const token = (): string => randomBytes(32).toString('base64url');

/** Connects as the console on the facilitator's phone, over the network. */
async function phoneConsole(k: Kit, auth: Record<string, unknown>): Promise<Client> {
  const { socket } = await connect(k.remote.url, auth, { extraHeaders: k.remote.headers });
  open.push(socket);
  return socket;
}

function refusal(k: Kit, auth: Record<string, unknown>): Promise<string> {
  return connect(k.remote.url, auth, { extraHeaders: k.remote.headers }).then(
    ({ socket }) => (socket.close(), 'connected'),
    (error: Error) => error.message,
  );
}

describe('pairing the console', () => {
  it('pairs once with a code, then moves the deck and moderates over the network', async () => {
    kit = await startKit();
    const { code } = kit;
    const { code: pairing } = kit.app.pairing.issue(code);
    const mine = token();
    const phone = await phoneConsole(kit, { pair: pairing, console: mine });

    const deck = (await host(kit.local, kit.app.hostKey)).socket;
    open.push(deck);
    const moved = new Promise((ok) => deck.once('deck:go', ok));
    expect(await phone.emitWithAck('deck:go', { to: 'next' })).toEqual({ ok: true });
    expect(await moved).toEqual({ to: 'next' });
    expect(await phone.emitWithAck('room:pause', { paused: true })).toEqual({ ok: true });

    const asker = (await attendee(kit.local)).socket;
    open.push(asker);
    const queued = new Promise<string>((ok) => phone.on('qa:queue', (q) => q.questions[0] && ok(q.questions[0].id)));
    expect(await asker.emitWithAck('question:ask', { text: 'How do we report a concern at school?' })).toMatchObject({ ok: true });
    expect(await phone.emitWithAck('question:moderate', { questionId: await queued, action: 'approve' })).toEqual({ ok: true });

    // A reconnect shows the credential alone; the code itself is spent.
    phone.close();
    const again = await phoneConsole(kit, { console: mine });
    expect(await again.emitWithAck('deck:go', { to: 'prev' })).toEqual({ ok: true });
    expect(await refusal(kit, { pair: pairing, console: token() })).toBe('CONSOLE_NOT_PAIRED');
  });

  it('refuses a wrong, an expired or a made-up credential', async () => {
    let now = Date.now();
    kit = await startKit(() => now);
    const { code } = kit;
    expect(await refusal(kit, { pair: 'ABCDEFGH', console: token() })).toBe('CONSOLE_NOT_PAIRED');
    expect(await refusal(kit, { console: token() })).toBe('CONSOLE_NOT_PAIRED');
    const { code: late } = kit.app.pairing.issue(code);
    now += 11 * 60_000;
    expect(await refusal(kit, { pair: late, console: token() })).toBe('CONSOLE_NOT_PAIRED');
  });

  it('refuses a guesser\'s codes at once, unchecked, after a few wrong ones a minute, and no one else\'s', async () => {
    kit = await startKit();
    for (let i = 0; i < 5; i++) expect(await refusal(kit, { pair: `WRONG${'ABC'.charAt(i % 3)}${i}XY`.slice(0, 8), console: token() })).toBe('CONSOLE_NOT_PAIRED');
    // Past the limit even the right code is not looked at, and stays unspent...
    const { code: right } = kit.app.pairing.issue(kit.code);
    expect(await refusal(kit, { pair: right, console: token() })).toBe('CONSOLE_NOT_PAIRED');
    // ...while the facilitator's phone, elsewhere on the network, still pairs: the guesses are
    // counted by the guesser's address, so they close the gate for the guesser only.
    const { socket: phone } = await connect(kit.local, { pair: right, console: token() }, { extraHeaders: { 'x-forwarded-for': '192.0.2.99' } });
    open.push(phone);
    expect(phone.connected).toBe(true);
    // And the laptop still opens the deck and the console with the key.
    const deck = (await host(kit.local, kit.app.hostKey)).socket;
    open.push(deck);
  });

  it('ends the earlier console when another phone is paired', async () => {
    kit = await startKit();
    const { code } = kit;
    const first = token();
    const old = await phoneConsole(kit, { pair: kit.app.pairing.issue(code).code, console: first });
    const ended = new Promise((ok) => old.once('disconnect', ok));
    await phoneConsole(kit, { pair: kit.app.pairing.issue(code).code, console: token() });
    expect(await ended).toBe('io server disconnect');
    expect(await refusal(kit, { console: first })).toBe('CONSOLE_NOT_PAIRED');
  });

  it('refuses the host key from another machine over plain HTTP, and takes it on the laptop', async () => {
    kit = await startKit();
    expect(await refusal(kit, { hostKey: kit.app.hostKey })).toBe('HOST_KEY_LOCAL_ONLY');
    const deck = (await host(kit.local, kit.app.hostKey)).socket;
    open.push(deck);
    expect(await deck.emitWithAck('room:pause', { paused: false })).toEqual({ ok: true });
  });

  it('never opens a report with the console credential', async () => {
    kit = await startKit();
    const { code } = kit;
    const mine = token();
    await phoneConsole(kit, { pair: kit.app.pairing.issue(code).code, console: mine });
    for (const base of [kit.local, kit.remote.url]) {
      const tried = await fetch(`${base}/report?key=${mine}`, { redirect: 'manual', headers: base === kit.local ? {} : kit.remote.headers });
      expect(tried.headers.get('set-cookie')).toBeNull();
      expect([401, 403]).toContain(tried.status);
    }
  });

  it('puts a pairing code in the console link and QR, never the host key', async () => {
    kit = await startKit();
    const { code } = kit;
    const links = buildLinks(3000, kit.app.hostKey, undefined, '192.168.1.20');
    const lines = (await pairingLines(kit.app.pairing, code, links)).join('\n');
    expect(links.console).toBe('http://192.168.1.20:3000/host');
    expect(lines).toMatch(/http:\/\/192\.168\.1\.20:3000\/host#pair=[A-Z2-9]{8}/);
    expect(lines).not.toContain(kit.app.hostKey);
    expect(lines).not.toContain('key=');
  });
});
