import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { host } from '../helpers/clients.ts';
import { startServer, type Running } from '../helpers/server.ts';

const SCALE = 'reflect-signs.after';
let running: Running;
let browser: Browser;

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser(['--host-resolver-rules=MAP kit.test 127.0.0.1']);
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

describe('a phone on a bad day', () => {
  it('survives a reload and a server restart, sends an answer given while offline, and is counted once', async () => {
    const deck = await host(running.url, running.app.hostKey);
    await deck.socket.emitWithAck('activity:open', { activityId: SCALE });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const phone = await context.newPage();
    await phone.goto(`http://kit.test:${running.port}/`);
    await phone.click('.content-note button');
    await phone.click('button.choice[data-value="2"]');
    await phone.waitForSelector('.feedback.received');

    await phone.reload();
    await phone.waitForSelector('button.choice[data-value="2"][aria-pressed="true"]');
    expect(await phone.textContent('.feedback')).toContain('Received');

    // The server goes away; the phone says so, and keeps an answer given meanwhile.
    deck.socket.close();
    const { dataDir, port } = running;
    await running.close(true);
    await phone.waitForSelector('.banner:not([hidden])');
    await phone.click('button.choice[data-value="5"]');
    await phone.waitForSelector('.feedback.pending');

    // Back on the same port and data folder: the phone reconnects by itself and sends it.
    running = await startServer(dataDir, {}, port);
    await phone.waitForSelector('.feedback.received', { timeout: 30_000 });
    await phone.waitForSelector('.banner[hidden]', { state: 'attached' });
    const room = running.app.rooms.all()[0];
    const ballots = running.store.loadRoom(room?.record.id ?? '').ballots.filter((b) => b.activityId === SCALE);
    expect(ballots.map((b) => b.value)).toEqual([5]);
    expect(room?.snapshot(SCALE)?.total).toBe(1);

    // The facilitator clears the answers: the phone shows none chosen, and can answer again.
    const again = await host(running.url, running.app.hostKey);
    await again.socket.emitWithAck('activity:reset', { activityId: SCALE });
    await phone.waitForFunction(() => document.querySelectorAll('button.choice[aria-pressed="true"]').length === 0);
    expect(await phone.textContent('.feedback')).toBe('');
    await phone.click('button.choice[data-value="3"]');
    await phone.waitForSelector('.feedback.received');
    again.socket.close();
    await context.close();
  });
});
