/**
 * The facilitator's own speed never costs the room: a held arrow key on the projector's
 * deck, then Next tapped on the console as fast as it goes, then every connection closed by
 * the server. Each time the deck, the console and a phone settle on the same slide and
 * activity by themselves, with no reload, no "Reconnecting" left and no page error anywhere.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT, startServer, type Running } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
let running: Running;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await running?.close();
});

async function open(name: string, path: string, size: { width: number; height: number }, mobile = false): Promise<Page> {
  const context = await browser.newContext({ viewport: size, isMobile: mobile, hasTouch: mobile });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`${name}: ${m.text()}`));
  page.on('dialog', (d) => void d.dismiss());
  await page.goto(`${running.url}${path}`);
  return page;
}

/** Where the deck is: its slide number among the slides it shows, title and activity (a source list split over several slides numbers its parts in the title, "Sources (2/8)"). */
const deckAt = (deck: Page) =>
  deck.evaluate(() => {
    const slides = [...document.querySelectorAll<HTMLElement>('.reveal .slides > section')];
    const i = slides.findIndex((s) => s.classList.contains('present'));
    const slide = slides[i];
    return { number: i + 1, count: slides.length, title: slide?.querySelector('h1, h2')?.textContent ?? '', activity: slide?.dataset['activity'] ?? '' };
  });

/** Waits until the deck, the console and the phone agree, and returns what they agreed on. */
async function settled(deck: Page, remote: Page, phone: Page, step: string): Promise<Awaited<ReturnType<typeof deckAt>>> {
  // The deck has stopped moving when two looks a second apart see the same slide.
  let at = await deckAt(deck);
  for (let again = at; ; at = again) {
    await deck.waitForTimeout(1000);
    again = await deckAt(deck);
    if (again.number === at.number) break;
  }
  await deck.waitForFunction(() => document.querySelector<HTMLElement>('.live-notice')?.hidden === true);
  await remote
    .waitForFunction(
      ({ number, count, title }) =>
        document.getElementById('slide-number')?.textContent === `Slide ${number} of ${count}` && title.startsWith(document.getElementById('slide-title')?.textContent || '\u0000'),
      at,
      { timeout: 10_000 },
    )
    .catch(async (e: Error) => {
      throw new Error(`${step}: ${e.message}: the deck is on ${JSON.stringify(at)}, the console says ${await remote.textContent('#slide-number')} ${await remote.textContent('#slide-title')} ${await remote.textContent('#status')}`);
    });
  await phone.waitForFunction((activity) => (document.querySelector<HTMLElement>('#app .question')?.dataset['activity'] ?? '') === activity, at.activity);
  return at;
}

describe('a held arrow key and a fast thumb', () => {
  it('leave the deck, the console and the phones on the same slide, with no reload and no error', async () => {
    // The full set: the most slides to walk through.
    const deck = await open('deck', `/present?full&key=${running.app.hostKey}`, { width: 1280, height: 720 });
    await deck.waitForFunction(() => document.body.dataset['presenter'] === 'host');
    const remote = await open('console', `/host?key=${running.app.hostKey}`, { width: 390, height: 844 }, true);
    await remote.waitForFunction(() => document.getElementById('slide-title')?.textContent !== '');
    const phone = await open('phone', '/', { width: 360, height: 740 }, true);
    await phone.click('.content-note button');
    const reloads: string[] = [];
    for (const [name, page] of [['deck', deck], ['console', remote], ['phone', phone]] as const) page.on('load', () => reloads.push(name));

    // Home, then 60 presses of the right arrow with no pause between them.
    await deck.keyboard.press('Home');
    for (let i = 0; i < 60; i++) await deck.keyboard.press('ArrowRight');
    const walked = await settled(deck, remote, phone, 'after 60 arrows');
    expect(walked.number).toBe(61);

    // The console's Next, tapped 25 times as fast as the page takes taps.
    await remote.evaluate(() => {
      for (let i = 0; i < 25; i++) document.getElementById('next')?.click();
    });
    const tapped = await settled(deck, remote, phone, 'after 25 taps');
    expect(tapped.number).toBe(Math.min(86, tapped.count));
    await remote.screenshot({ path: join(SHOTS, 'console-after-fast-taps.png') });

    // Back and forth over an activity: the phones show the one the deck stops on, and only that.
    const activityAt = await deck.evaluate(() => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.hasAttribute('data-activity')) + 1);
    await deck.keyboard.press('Home');
    for (let i = 1; i < activityAt; i++) await deck.keyboard.press('ArrowRight');
    const onActivity = await settled(deck, remote, phone, 'on the first activity');
    expect(onActivity.activity).not.toBe('');
    await phone.screenshot({ path: join(SHOTS, 'phone-after-fast-moves.png') });

    // The server ends every connection (what a guard or a restarting process does): each page
    // says it is reconnecting, comes back by itself, and the room is where it was.
    const notices = Promise.all([
      deck.waitForFunction(() => document.querySelector<HTMLElement>('.live-notice')?.hidden === false),
      remote.waitForFunction(() => (document.getElementById('status')?.textContent ?? '') !== ''),
    ]);
    running.app.io.disconnectSockets(true);
    await notices;
    const back = await settled(deck, remote, phone, 'after the server closed every connection');
    expect(back.number).toBe(onActivity.number);
    await remote.waitForFunction(() => document.getElementById('status')?.textContent === '');

    expect(reloads).toEqual([]);
    expect(problems).toEqual([]);
  });
});
