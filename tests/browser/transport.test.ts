/**
 * How the pages open their live connection (client/connection/options.ts): a websocket first,
 * with no long-polling request before it, on the phone, the deck and the console. And on a
 * venue network that blocks websockets, refused or swallowed by a proxy, the phone still joins
 * and answers, over long-polling.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { venue } from '../../bench/network.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { host, type Client } from '../helpers/clients.ts';
import { startServer, type Running } from '../helpers/server.ts';

const SCALE = 'reflect-signs.after';
let running: Running;
let browser: Browser;
let deckSocket: Client;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser(['--host-resolver-rules=MAP kit.test 127.0.0.1']);
  deckSocket = (await host(running.url, running.app.hostKey)).socket;
  await deckSocket.emitWithAck('activity:open', { activityId: SCALE });
});
afterAll(async () => {
  deckSocket?.close();
  for (const c of contexts) await c.close();
  await browser?.close();
  await running?.close();
});

async function newPage(mobile: boolean): Promise<Page> {
  const context = await browser.newContext(mobile ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 720 } });
  contexts.push(context);
  return context.newPage();
}

/** The page's socket.io traffic in order: `websocket` for a websocket opened, else the request's transport (`polling`). */
function socketTraffic(page: Page): string[] {
  const seen: string[] = [];
  page.on('websocket', (ws) => {
    if (ws.url().includes('/socket.io/')) seen.push('websocket');
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/socket.io/')) seen.push(url.searchParams.get('transport') ?? 'none');
  });
  return seen;
}

/** A phone at the venue's address (the kit's port, or a proxy's) answers the open question and waits until the kit says it is received. */
async function answer(phone: Page, port = running.port): Promise<void> {
  await phone.goto(`http://kit.test:${port}/`);
  await phone.click('.content-note button');
  await phone.click('button.choice[data-value="2"]', { timeout: 30_000 });
  await phone.waitForSelector('.feedback.received');
}

describe('the pages open a websocket first', () => {
  it('the phone: its first socket.io request is the websocket, and no polling request precedes it', async () => {
    const phone = await newPage(true);
    const traffic = socketTraffic(phone);
    await answer(phone);
    expect(traffic[0]).toBe('websocket');
    expect(traffic).not.toContain('polling');
  });
});

describe('on a network that blocks websockets, the phone goes on over long-polling', () => {
  const ballots = (): number => {
    const room = running.app.rooms.all()[0];
    return running.store.loadRoom(room?.record.id ?? '').ballots.filter((b) => b.activityId === SCALE).length;
  };

  it('a websocket refused: the same attempt opens over polling', async () => {
    // The bench's polling-only network: a venue proxy that answers every websocket upgrade 403.
    const network = await venue('polling-only', [running.url]);
    try {
      const phone = await newPage(true);
      const traffic = socketTraffic(phone);
      const before = ballots();
      await answer(phone, Number(new URL(network.urls[0] ?? '').port));
      expect(ballots()).toBe(before + 1);
      expect(traffic[0]).toBe('websocket');
      expect(traffic.slice(1)).toContain('polling');
      expect(traffic.filter((t) => t === 'websocket')).toHaveLength(1);
    } finally {
      network.stop();
    }
  });

  it('a websocket swallowed (opened, then nothing): after the connect timeout, polling first', async () => {
    const phone = await newPage(true);
    const traffic = socketTraffic(phone);
    // As a proxy that takes the upgrade and never passes anything on: the websocket opens, silent.
    await phone.routeWebSocket(/\/socket\.io\//, () => void traffic.push('websocket swallowed'));
    const before = ballots();
    await answer(phone);
    expect(ballots()).toBe(before + 1);
    expect(traffic[0]).toBe('websocket swallowed');
    expect(traffic).toContain('polling');
  });
});

describe('the deck and the console open a websocket first too', () => {
  // Last: the deck moves the room to its first slide, which closes the open question.
  it('on the laptop', async () => {
    const deck = await newPage(false);
    const deckTraffic = socketTraffic(deck);
    await deck.goto(`${running.url}/present?key=${running.app.hostKey}`);
    await deck.waitForFunction(() => document.body.dataset['presenter'] === 'host');
    const remote = await newPage(true);
    const remoteTraffic = socketTraffic(remote);
    await remote.goto(`${running.url}/host?key=${running.app.hostKey}`);
    await remote.waitForFunction(() => document.getElementById('slide-title')?.textContent !== '');
    for (const traffic of [deckTraffic, remoteTraffic]) {
      expect(traffic[0]).toBe('websocket');
      expect(traffic).not.toContain('polling');
    }
  });
});
