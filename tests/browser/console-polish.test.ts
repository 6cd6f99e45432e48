/**
 * The console and the room's signals in Chromium: the count of phones (console and join
 * slide), the waiting questions now, no "Show results" on a first round, Next brings the new
 * slide's title into view, countdowns (close in 30 s, back at a time), the thank-you on the
 * phones after the last slide, and a deck opened without its key that says so.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendee, type Client } from '../helpers/clients.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT, startServer, type Running } from '../helpers/server.ts';

const SHOTS = join(ROOT, 'dist/screenshots');
let running: Running;
let browser: Browser;
const contexts: BrowserContext[] = [];
const sockets: Client[] = [];
const problems: string[] = [];

beforeAll(async () => {
  running = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  for (const c of contexts) await c.close();
  await browser?.close();
  await running?.close();
});

async function open(path: string, size: { width: number; height: number }, mobile = false): Promise<Page> {
  const context = await browser.newContext({ viewport: size, isMobile: mobile, hasTouch: mobile });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${running.url}${path}`);
  return page;
}
const slideIndex = (deck: Page, selector: string) => deck.evaluate((s) => [...document.querySelectorAll('.reveal .slides > section')].findIndex((x) => x.matches(s)), selector);
async function deckTo(deck: Page, selector: string): Promise<void> {
  const i = await slideIndex(deck, selector);
  expect(i, selector).toBeGreaterThanOrEqual(0);
  await deck.evaluate((n) => (location.hash = `#/${n}`), i);
  await deck.waitForSelector(`.reveal .slides > section.present${selector}`);
}

describe('the console and the room, polished', () => {
  it('counts the phones, keeps its status to the slide, and runs countdowns that reach every screen', async () => {
    const deck = await open(`/present?key=${running.app.hostKey}`, { width: 1280, height: 720 });
    await deck.waitForFunction(() => document.body.dataset['presenter'] === 'host');
    const remote = await open(`/host?key=${running.app.hostKey}`, { width: 390, height: 700 }, true);
    await remote.waitForFunction(() => document.getElementById('slide-title')?.textContent !== '');

    // The room count, on the console and the join slide.
    const phone = await open('/', { width: 360, height: 740 }, true);
    await phone.click('.content-note button');
    await remote.waitForFunction(() => document.getElementById('room-count')?.textContent === 'Phones: 1 here now, 1 joined');
    await deck.waitForFunction(() => document.querySelector('section[data-join] .join-count')?.textContent === '1 phone connected');
    await deck.screenshot({ path: join(SHOTS, 'deck-join-count.png') });

    // Questions waiting now: two asked, one dismissed, one left.
    for (const text of ['What signs show up first online?', 'How do I bring it up with a teen?']) {
      const asker = await attendee(running.url);
      sockets.push(asker.socket);
      expect(await asker.socket.emitWithAck('question:ask', { text })).toMatchObject({ ok: true });
    }
    await remote.waitForFunction(() => document.getElementById('waiting')?.textContent === '2 questions waiting');
    await remote.click('.queue-group.waiting li:first-child button:has-text("Dismiss")');
    await remote.waitForFunction(() => document.getElementById('waiting')?.textContent === '1 question waiting');

    // Next brings the new slide's title back into view.
    await remote.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await remote.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await remote.click('#next');
    await remote.waitForFunction(() => window.scrollY === 0);
    // The deck follows before anything else moves it (the console scrolls before the deck hears).
    await deck.waitForFunction(() => location.hash === '#/1');

    // A first round: lock, no "Show results".
    await deckTo(deck, '[data-activity$=".before"]');
    await remote.waitForSelector('#activity:not([hidden])');
    await remote.waitForSelector('#activity button:has-text("Lock answers")');
    expect(await remote.$$eval('#activity button', (bs) => bs.map((b) => b.textContent))).not.toContain('Show results');

    // A second-round check: close in 30 s reaches the projector and the phone; "Keep open" stops it.
    await deckTo(deck, '[data-activity="check-force.after"]');
    await phone.waitForSelector('#app .question[data-activity="check-force.after"]');
    await remote.click('#activity button:has-text("Close in 30 s")');
    await phone.waitForFunction(() => /^Answers close in 0:(2\d|30)$/.test(document.querySelector('#app .countdown')?.textContent ?? ''));
    await deck.waitForSelector('section.present .live-countdown');
    await phone.screenshot({ path: join(SHOTS, 'phone-countdown.png') });
    await remote.screenshot({ path: join(SHOTS, 'console-countdown.png') });
    await remote.click('#activity button:has-text("Keep open")');
    await phone.waitForSelector('#app .countdown', { state: 'hidden' });
    expect(await deck.$('section.present .live-countdown')).toBeNull();

    // The break: "Back in 5 min" puts the time on the projector.
    await deckTo(deck, '[data-break]');
    await remote.click('#activity button:has-text("Back in 5 min")');
    await deck.waitForFunction(() => /^Back at \d/.test(document.querySelector('section.present .break-back')?.textContent ?? ''));
    await deck.screenshot({ path: join(SHOTS, 'deck-break-back-at.png') });

    // After the last slide, the phones say thank you and show the help lines.
    await deckTo(deck, '[data-closing]');
    await phone.waitForSelector('#app h1:has-text("Thank you for being here")');
    expect(await phone.$$eval('#app .help-entry', (e) => e.length)).toBeGreaterThan(3);
    await phone.screenshot({ path: join(SHOTS, 'phone-thank-you.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('says how to get the presenter link when the deck is opened without its key', async () => {
    const deck = await open('/present', { width: 1280, height: 720 });
    await deck.waitForSelector('section[data-join] .join-panel.no-key');
    expect(await deck.textContent('section[data-join] .join-panel')).toContain('presenter link');
    expect(await deck.isVisible('.live-notice')).toBe(true);
    await deck.screenshot({ path: join(SHOTS, 'deck-no-key.png') });
    expect(problems).toEqual([]);
  });
});
